import { DatePicker, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { useI18n } from '../../../lib/i18n.tsx';
import { DictSelect } from '../../../ui/DictSelect.tsx';
import { DICT } from '../../dictionaries/api.ts';

export type CaseFormValues = { monitoringType?: string; leadSource?: string; leadDate?: Dayjs; riskTypes?: string[]; note?: string };

/**
 * The village's facts of a case (线索): type, source, date, risk types, note. The later steps (入户核实, 公示, 审核,
 * 审批 …) are actions of their own on the monitoring tab.
 */
export function MonitoringCaseForm() {
  const { pick } = useI18n();
  return (
    <>
      <Form.Item name="monitoringType" label={pick('监测对象类别', 'Monitoring category')} rules={[{ required: true }]}>
        <DictSelect dictCode={DICT.monitoringType} />
      </Form.Item>
      <Form.Item name="leadSource" label={pick('线索来源', 'Lead source')}>
        <DictSelect dictCode={DICT.leadSource} />
      </Form.Item>
      <Form.Item name="leadDate" label={pick('发现线索日期', 'Lead found on')} rules={[{ required: true }]}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="riskTypes" label={pick('风险类型（最多 5 项）', 'Risk types (at most 5)')}>
        <DictSelect dictCode={DICT.riskType} multiple maxCount={5} />
      </Form.Item>
      <Form.Item name="note" label={pick('备注', 'Note')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </>
  );
}
