import { Alert, Col, DatePicker, Form, Input, Row } from 'antd';
import type { Dayjs } from 'dayjs';
import { useI18n, type MessageKey } from '../../../lib/i18n.tsx';
import { DictSelect } from '../../../ui/DictSelect.tsx';
import { usePackFacts } from '../../admin/api.ts';
import { DICT } from '../../dictionaries/api.ts';

/** Step dates of the identification procedure, in order (lead → county approval). */
export const STEP_FIELDS = ['leadDate', 'homeVisitDate', 'infoCheckDate', 'villageReviewDate', 'publicityStart', 'publicityEnd', 'townshipReviewDate', 'countyApprovalDate'] as const;

/** Fields of a monitoring case; dates must not go backwards, publicity ≥ the pack's minimum (hint; the server decides). */
export function MonitoringCaseForm() {
  const { t } = useI18n();
  const facts = usePackFacts();
  return (
    <>
      <Alert type="info" showIcon title={t('mon.publicityHint', { min: facts.publicityMinDays })} style={{ marginBottom: 12 }} />
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="monitoringType" label={t('mon.type')} rules={[{ required: true }]}>
            <DictSelect dictCode={DICT.monitoringType} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="leadSource" label={t('mon.leadSource')}>
            <DictSelect dictCode={DICT.leadSource} />
          </Form.Item>
        </Col>
        {STEP_FIELDS.map((key, idx) => (
          <Col span={6} key={key}>
            <Form.Item
              name={key}
              label={t(`mon.${key}` as MessageKey)}
              dependencies={idx > 0 ? [STEP_FIELDS[idx - 1] as string] : []}
              rules={[
                ({ getFieldValue }) => ({
                  validator: async (_, v?: Dayjs | null) => {
                    const prevKey = STEP_FIELDS.slice(0, idx).reverse().find((k) => getFieldValue(k));
                    const prev = prevKey ? (getFieldValue(prevKey) as Dayjs) : undefined;
                    if (v && prev && v.isBefore(prev, 'day')) throw new Error(`${t(`mon.${key}` as MessageKey)} < ${t(`mon.${prevKey}` as MessageKey)}`);
                    if (key === 'publicityEnd' && v) {
                      const start = getFieldValue('publicityStart') as Dayjs | undefined;
                      const days = start ? v.diff(start, 'day') + 1 : null;
                      if (days !== null && days < facts.publicityMinDays) throw new Error(t('mon.publicityShort', { n: days, min: facts.publicityMinDays }));
                    }
                  },
                }),
              ]}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        ))}
        <Col span={24}>
          <Form.Item name="note" label={t('mon.note')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
