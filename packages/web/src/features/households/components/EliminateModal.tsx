import { Alert, App, DatePicker, Form, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { errorIssues, errorTitle, issueText } from '../../../lib/error-text.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import type { MonitoringCase } from '../../../lib/types.ts';
import { DictSelect } from '../../../ui/DictSelect.tsx';
import { DICT } from '../../dictionaries/api.ts';
import { useMonitoringMutations } from '../api.ts';

export type EliminateModalProps = { householdId: number; monitoringCase: MonitoringCase | null; onClose: () => void };

type Values = { eliminationMethod: string; eliminationDate: Dayjs; incomeStableSince?: Dayjs | null };

/** 风险消除: the server checks income, 三保障, labor capacity; its refusal reasons are listed here. */
export function EliminateModal({ householdId, monitoringCase, onClose }: EliminateModalProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const { eliminate } = useMonitoringMutations(householdId);
  const [form] = Form.useForm<Values>();
  const issues = errorIssues(eliminate.error);

  const handleOk = async () => {
    if (!monitoringCase) return;
    const v = await form.validateFields();
    eliminate.mutate(
      {
        id: monitoringCase.id,
        eliminationMethod: v.eliminationMethod,
        eliminationDate: v.eliminationDate.format('YYYY-MM-DD'),
        incomeStableSince: v.incomeStableSince?.format('YYYY-MM-DD'),
      },
      {
        onSuccess: () => {
          message.success(t('mon.eliminated'));
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      open={!!monitoringCase}
      title={t('mon.eliminate')}
      onCancel={() => {
        eliminate.reset();
        onClose();
      }}
      onOk={() => void handleOk()}
      okText={t('mon.eliminate')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true }}
      confirmLoading={eliminate.isPending}
      forceRender
    >
      {eliminate.error ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 12 }}
          title={t('mon.refused')}
          description={
            issues.length ? (
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {issues.map((issue, i) => (
                  <li key={i}>{issueText(issue, i18n)}</li>
                ))}
              </ul>
            ) : (
              errorTitle(eliminate.error, i18n)
            )
          }
        />
      ) : null}
      <Form form={form} layout="vertical" initialValues={{ eliminationDate: dayjs() }}>
        <Form.Item name="eliminationMethod" label={t('mon.eliminationMethod')} rules={[{ required: true }]}>
          <DictSelect dictCode={DICT.eliminationMethod} />
        </Form.Item>
        <Form.Item name="eliminationDate" label={t('mon.eliminationDate')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="incomeStableSince" label={t('mon.incomeStableSince')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
