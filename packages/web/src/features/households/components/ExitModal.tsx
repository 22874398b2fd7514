import { Alert, App, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useI18n } from '../../../lib/i18n.tsx';
import { DictSelect } from '../../../ui/DictSelect.tsx';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { useStaleSave } from '../../../ui/StaleSave.tsx';
import { DICT } from '../../dictionaries/api.ts';
import type { ExitInput } from '../api.ts';

export type ExitModalProps = {
  open: boolean;
  /** whose exit: the words of the warning differ */
  kind: 'household' | 'person';
  /** the household head's or the member's name, shown in the title */
  name: string;
  onCancel: () => void;
  onSubmit: (input: ExitInput) => Promise<unknown>;
  pending: boolean;
  error?: unknown;
  /** 重新载入 after a stale exit: fetch the record again and make it the one the next exit is based on */
  reload: () => unknown;
};

type Values = { reason: string; date: Dayjs; note?: string };

/**
 * 自然减少 with a confirmation form: reason (死亡, 迁出, 嫁出, 服刑, 其他), date, note. Full screen on phones
 * (global CSS), the error of a refused request shown inside the dialog.
 */
export function ExitModal({ open, kind, name, onCancel, onSubmit, pending, error, reload }: ExitModalProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const stale = useStaleSave();
  const [form] = Form.useForm<Values>();
  const handleOk = async () => {
    const v = await form.validateFields();
    try {
      await onSubmit({ reason: v.reason, date: v.date.format('YYYY-MM-DD'), note: v.note?.trim() || null });
      message.success(t('hh.exit.done'));
      form.resetFields();
    } catch (err) {
      stale.fail(err, reload);
    }
  };
  return (
    <Modal
      open={open}
      title={`${t('hh.exit.title')} · ${name}`}
      onCancel={onCancel}
      onOk={() => void handleOk()}
      okText={t('hh.exit')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      confirmLoading={pending}
      destroyOnHidden
    >
      <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t(kind === 'household' ? 'hh.exit.household' : 'hh.exit.person')} />
      {error ? <ErrorAlert error={error} /> : null}
      <Form form={form} layout="vertical" initialValues={{ date: dayjs() }}>
        <Form.Item name="reason" label={t('hh.exit.reason')} rules={[{ required: true }]}>
          <DictSelect dictCode={DICT.exitReason} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="date" label={t('hh.exit.date')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="note" label={t('hh.exit.note')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
