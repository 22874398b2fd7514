import type { DistributionView } from '@chanbang/domain';
import { Alert, Input, Modal, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../../lib/api-client.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { useStaleSave } from '../../../ui/StaleSave.tsx';
import { useDistributionMutations } from '../api.ts';

/** The 户编号 of a cancel refused for incomes changed by hand after the confirmation (409 `details.editedHouseholds`), else null. */
export function editedHouseholdsOf(err: unknown): string[] | null {
  if (!(err instanceof ApiError) || err.code !== 'INVALID_TRANSITION') return null;
  const list = err.details?.editedHouseholds;
  return Array.isArray(list) && list.length ? list.map(String) : null;
}

/**
 * 撤销分配 with its reason, sent with the version the page was opened with. When the server answers that some households'
 * incomes were changed by hand after the confirmation, the dialog names them and asks 冲减 / 不冲减, then sends again
 * with that choice (`editedIncomes`); a stale version opens the shared dialog.
 */
export function CancelModal({
  open,
  d,
  onClose,
  onDone,
  reload,
}: {
  open: boolean;
  d: DistributionView;
  onClose: () => void;
  onDone: (v: DistributionView) => void;
  reload: () => Promise<void>;
}) {
  const { t } = useI18n();
  const stale = useStaleSave();
  const m = useDistributionMutations();
  const [reason, setReason] = useState('');
  const [edited, setEdited] = useState<string[] | null>(null);
  const [choice, setChoice] = useState<'reverse' | 'keep' | null>(null);
  const close = () => {
    setEdited(null);
    setChoice(null);
    onClose();
  };
  const send = async () => {
    try {
      const done = await m.cancel.mutateAsync({ id: d.id, reason: reason.trim(), version: d.version, ...(edited && choice ? { editedIncomes: choice } : {}) });
      setEdited(null);
      setChoice(null);
      onDone(done);
    } catch (err) {
      const nos = editedHouseholdsOf(err);
      if (nos) {
        setEdited(nos);
        setChoice(null);
      } else stale.fail(err, reload);
    }
  };
  return (
    <Modal
      open={open}
      title={t('dist.cancelTitle')}
      onCancel={close}
      onOk={() => void send()}
      okButtonProps={{ danger: true, disabled: !reason.trim() || (!!edited && !choice) }}
      confirmLoading={m.cancel.isPending}
    >
      <Typography.Paragraph>{d.status === 'confirmed' ? t('dist.cancelBodyConfirmed', { year: String(d.year) }) : t('dist.cancelBodyDraft')}</Typography.Paragraph>
      <Input.TextArea value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('dist.cancelReason')} aria-label={t('dist.cancelReason')} maxLength={500} />
      {edited ? (
        <Alert
          style={{ marginTop: 12 }}
          type="warning"
          showIcon
          data-testid="dist-edited"
          message={t('dist.edited.title')}
          description={
            <Space direction="vertical">
              <span>{t('dist.edited.body', { year: String(d.year) })}</span>
              <Typography.Text strong>{edited.join('、')}</Typography.Text>
              <Radio.Group value={choice} onChange={(e) => setChoice(e.target.value as 'reverse' | 'keep')}>
                <Space direction="vertical">
                  <Radio value="reverse">{t('dist.edited.reverse')}</Radio>
                  <Radio value="keep">{t('dist.edited.keep')}</Radio>
                </Space>
              </Radio.Group>
            </Space>
          }
        />
      ) : null}
    </Modal>
  );
}
