import type { JobSubsidyItem, JobSubsidyKind, JobSubsidyTermsView } from '@chanbang/domain';
import { App, Form, Input, InputNumber, Modal, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useI18n } from '../../../lib/i18n.tsx';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { useJobSubsidyMutations } from '../api.ts';

type Values = { amountYuan: number; paidOn: string; note?: string };

/**
 * 发放 dialog: the amount prefilled from the county's pack (J1 the cap, J2 the fixed amount, J3 typed) with the cap and its
 * clause, the date, a note. A refusal (not eligible, paid already) stays visible in the dialog.
 */
export function PaymentModal({
  kind,
  year,
  terms,
  item,
  onClose,
}: {
  kind: JobSubsidyKind;
  year: number;
  terms: JobSubsidyTermsView;
  item: JobSubsidyItem | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const m = useJobSubsidyMutations();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (item) {
      form.resetFields();
      form.setFieldsValue({ amountYuan: terms.defaultAmountYuan ?? undefined, paidOn: dayjs().format('YYYY-MM-DD') });
      setError(null);
    }
  }, [item, form, terms.defaultAmountYuan]);

  const save = async () => {
    if (!item) return;
    const v = await form.validateFields();
    setError(null);
    try {
      await m.pay.mutateAsync({
        kind,
        personId: item.personId,
        entityId: kind === 'hiring' ? item.entityId : undefined,
        year,
        amountYuan: v.amountYuan,
        paidOn: v.paidOn,
        note: v.note?.trim() || null,
      });
      message.success(t('jobSub.paid'));
      onClose();
    } catch (err) {
      setError(err);
    }
  };

  const kindWords = t(`jobSub.kindFull.${kind}`);
  const hint =
    kind === 'travel' && terms.maxYuan !== null
      ? t('jobSub.dialog.amountCap', { yuan: String(terms.maxYuan) })
      : kind === 'startup' && terms.amountYuan !== null
        ? t('jobSub.dialog.amountFixed', { yuan: String(terms.amountYuan) })
        : t('jobSub.dialog.amountCounty');
  return (
    <Modal
      open={item !== null}
      title={t('jobSub.dialog.title', { kind: kindWords })}
      onCancel={onClose}
      onOk={() => void save()}
      confirmLoading={m.pay.isPending}
      okText={t('jobSub.pay')}
      cancelText={t('common.cancel')}
      forceRender
    >
      {error ? <ErrorAlert error={error} /> : null}
      <Form form={form} layout="vertical" name="job-subsidy-pay" data-testid="job-subsidy-pay-form">
        <Form.Item label={t('jobSub.dialog.person')}>
          <Typography.Text strong data-testid="job-subsidy-pay-person">
            {item?.name}（{item?.idNumber}，{item?.regionName ?? item?.regionCode}）
          </Typography.Text>
        </Form.Item>
        {kind === 'hiring' ? (
          <Form.Item label={t('jobSub.dialog.entity')}>
            <Typography.Text>{item?.entityName}</Typography.Text>
          </Form.Item>
        ) : null}
        <Form.Item label={t('jobSub.dialog.year')}>
          <Typography.Text>{t('jobSub.yearValue', { year: String(year) })}</Typography.Text>
        </Form.Item>
        <Form.Item
          name="amountYuan"
          label={t('jobSub.dialog.amount')}
          extra={`${hint}${terms.clauseText ? `（${terms.clauseText}）` : ''}`}
          rules={[{ required: true, message: t('jobSub.dialog.amountRequired') }]}
        >
          <InputNumber
            min={0.01}
            max={kind === 'travel' && terms.maxYuan !== null ? terms.maxYuan : undefined}
            precision={2}
            disabled={kind === 'startup' && terms.amountYuan !== null}
            style={{ width: '100%' }}
            aria-label={t('jobSub.dialog.amount')}
          />
        </Form.Item>
        <Form.Item name="paidOn" label={t('jobSub.dialog.paidOn')} rules={[{ required: true }]}>
          <Input type="date" aria-label={t('jobSub.dialog.paidOn')} />
        </Form.Item>
        <Form.Item name="note" label={t('jobSub.dialog.note')}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
