import type { CaseAction, CaseActionBody } from '@chanbang/domain';
import { ACTION_RULES } from '@chanbang/domain';
import { Alert, App, DatePicker, Form, Input, Modal, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { errorIssues, errorTitle, issueText } from '../../../lib/error-text.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import type { MonitoringCase } from '../../../lib/types.ts';
import { withVersion } from '../../../lib/versioning.ts';
import { useStaleSave } from '../../../ui/StaleSave.tsx';
import { DictSelect } from '../../../ui/DictSelect.tsx';
import { usePackFacts } from '../../admin/api.ts';
import { DICT } from '../../dictionaries/api.ts';
import { useCaseAction } from '../../monitoring/api.ts';
import { EliminationPreview } from './EliminationPreview.tsx';

export type CaseActionModalProps = {
  householdId: number;
  monitoringCase: MonitoringCase;
  action: CaseAction | null;
  onClose: () => void;
  /** 重新载入 after a stale step: the case as stored now becomes the one the step is based on */
  reload: () => unknown;
  /** the household's current 三保障/饮水 flags, offered as the starting answers of the elimination home visit */
  flags?: Partial<Record<'housingSecure' | 'waterSecure' | 'educationSecure' | 'medicalSecure', boolean | null>>;
};

const DATED: CaseAction[] = [
  'record_home_visit',
  'record_info_check',
  'record_village_review',
  'township_approve',
  'county_approve',
  'elim_home_visit',
  'elim_township_approve',
  'elim_county_approve',
];
const RETURNS: CaseAction[] = ['township_return', 'county_return', 'elim_township_return', 'elim_county_return'];
const ASSESS = [
  ['rigidExpenseResolved', '大额刚性支出已稳定解决', 'Large unavoidable spending resolved'],
  ['noNewRisk', '无新增风险', 'No new risk'],
  ['housingSecure', '住房安全有保障', 'Housing secure'],
  ['waterSecure', '饮水安全有保障', 'Drinking water secure'],
  ['educationSecure', '义务教育有保障', 'Compulsory education secure'],
  ['medicalSecure', '基本医疗有保障', 'Basic medical insurance secure'],
] as const;

type Values = { date?: Dayjs; commitmentDate?: Dayjs; riskTypes?: string[]; publicity?: [Dayjs, Dayjs]; reason?: string; eliminationMethod?: string } & Partial<
  Record<(typeof ASSESS)[number][0], boolean>
>;

const iso = (d: Dayjs | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);

/** One step of the procedure: the fields it needs, the server's refusal listed in officer language. */
export function CaseActionModal({ householdId, monitoringCase: c, action, onClose, reload, flags = {} }: CaseActionModalProps) {
  const i18n = useI18n();
  const { pick } = i18n;
  const { message } = App.useApp();
  const facts = usePackFacts();
  const run = useCaseAction(householdId);
  const stale = useStaleSave();
  const [form] = Form.useForm<Values>();
  const date = Form.useWatch('date', form);
  const method = Form.useWatch('eliminationMethod', form);
  const issues = errorIssues(run.error);
  const rule = action ? ACTION_RULES[action] : null;
  const publicity = action === 'record_publicity' || action === 'elim_publicity';

  const close = () => {
    run.reset();
    onClose();
  };
  const handleOk = async () => {
    if (!action) return;
    const v = await form.validateFields();
    const body: CaseActionBody = { action };
    if (v.date) body.date = iso(v.date);
    if (v.commitmentDate) body.commitmentDate = iso(v.commitmentDate);
    if (v.riskTypes) body.riskTypes = v.riskTypes;
    if (v.publicity) [body.publicityStart, body.publicityEnd] = [iso(v.publicity[0]), iso(v.publicity[1])];
    if (v.reason) body.reason = v.reason;
    if (v.eliminationMethod) body.eliminationMethod = v.eliminationMethod;
    for (const [k] of ASSESS) if (v[k] !== undefined) body[k] = v[k];
    // a step is based on the case as this dialog shows it; a stale one offers to reload (the refusal stays listed)
    run.mutate(withVersion({ caseId: c.id, ...body }, c), {
      onSuccess: () => {
        message.success(pick(`已办理：${rule?.zh}`, `Done: ${rule?.en}`));
        close();
      },
      onError: (err) =>
        stale.handle(err, async () => {
          await reload();
          run.reset();
        }),
    });
  };

  const yesNo = (name: string, label: string) => (
    <Form.Item key={name} name={name} label={label} rules={[{ required: true, message: pick('请选择', 'Choose one') }]}>
      <Radio.Group
        optionType="button"
        options={[
          { value: true, label: pick('是', 'Yes') },
          { value: false, label: pick('否', 'No') },
        ]}
      />
    </Form.Item>
  );

  return (
    <Modal
      open={!!action}
      title={rule ? pick(rule.zh, rule.en) : ''}
      onCancel={close}
      onOk={() => void handleOk()}
      okText={pick('确定办理', 'Confirm')}
      cancelText={pick('取消', 'Cancel')}
      okButtonProps={{ danger: action ? RETURNS.includes(action) : false, 'data-testid': 'action-ok' } as never}
      confirmLoading={run.isPending}
      destroyOnHidden
    >
      {run.error ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 12 }}
          data-testid="action-error"
          title={pick('不能办理', 'Refused')}
          description={
            issues.length ? (
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {issues.map((x, n) => (
                  <li key={n}>{issueText(x, i18n)}</li>
                ))}
              </ul>
            ) : (
              errorTitle(run.error, i18n)
            )
          }
        />
      ) : null}
      {c.returnReason && (action === 'submit' || action === 'elim_submit') ? (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={pick(`退回原因：${c.returnReason}`, `Returned: ${c.returnReason}`)} />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          ...Object.fromEntries(Object.entries(flags).filter(([, v]) => typeof v === 'boolean')),
          date: dayjs(),
          eliminationMethod: c.eliminationMethod ?? undefined,
          riskTypes: c.riskTypes,
          commitmentDate: c.commitmentDate ? dayjs(c.commitmentDate) : undefined,
        }}
      >
        {action && DATED.includes(action) ? (
          <Form.Item name="date" label={pick('办理日期', 'Date')} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        ) : null}
        {action === 'record_home_visit' ? (
          <>
            <Form.Item
              name="commitmentDate"
              label={pick('承诺授权书签订日期', 'Commitment and authorisation signed on')}
              rules={[{ required: true, message: pick('请填写承诺授权书签订日期', 'Required') }]}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="riskTypes" label={pick('风险类型（最多 5 项）', 'Risk types (at most 5)')}>
              <DictSelect dictCode={DICT.riskType} multiple maxCount={5} />
            </Form.Item>
          </>
        ) : null}
        {publicity ? (
          <Form.Item
            name="publicity"
            label={pick(`公示起止日期（不少于 ${facts.publicityMinDays} 天）`, `Publicity (at least ${facts.publicityMinDays} days)`)}
            rules={[{ required: true }]}
          >
            <DatePicker.RangePicker style={{ width: '100%' }} />
          </Form.Item>
        ) : null}
        {action && RETURNS.includes(action) ? (
          <Form.Item
            name="reason"
            label={pick('退回原因', 'Reason for the return')}
            rules={[{ required: true, whitespace: true, message: pick('请填写退回原因', 'A reason is required') }]}
          >
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        ) : null}
        {action === 'elim_home_visit' ? ASSESS.map(([k, zh, en]) => yesNo(k, pick(zh, en))) : null}
        {action === 'elim_home_visit' || action === 'elim_county_approve' ? (
          <Form.Item name="eliminationMethod" label={pick('风险消除方式', 'Elimination method')} rules={action === 'elim_county_approve' ? [{ required: true }] : []}>
            <DictSelect dictCode={DICT.eliminationMethod} />
          </Form.Item>
        ) : null}
        {action === 'submit' || action === 'elim_submit' ? <p>{pick('确认村级程序已完成，报乡镇审核？', 'Submit to the township for review?')}</p> : null}
      </Form>
      {action === 'elim_county_approve' || action === 'elim_township_approve' ? (
        <EliminationPreview caseId={c.id} date={iso(date) ?? dayjs().format('YYYY-MM-DD')} method={method} />
      ) : null}
    </Modal>
  );
}
