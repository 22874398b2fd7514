import { Col, Form, Input, InputNumber, Row, Switch } from 'antd';
import { useI18n } from '../../../lib/i18n.tsx';
import { DictSelect } from '../../../ui/DictSelect.tsx';
import { RegionSelect } from '../../../ui/RegionSelect.tsx';
import { DICT } from '../../dictionaries/api.ts';

/** Household-level fields of the create/edit form. */
export function HouseholdFields({ isEdit = false }: { isEdit?: boolean }) {
  const { t } = useI18n();
  const type = Form.useWatch<string | undefined>('householdType');
  return (
    <>
      <Row gutter={12}>
        <Col xs={24} md={6}>
          <Form.Item name="householdNo" label={t('hh.no')} rules={[{ required: true, whitespace: true, max: 32 }]}>
            <Input disabled={isEdit} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name="regionCode" label={t('hh.region')} rules={[{ required: true }]}>
            <RegionSelect style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name="householdType" label={t('hh.type')} rules={[{ required: true }]}>
            <DictSelect dictCode={DICT.householdType} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name="monitoringType" label={t('hh.monitoringType')} rules={[{ required: type === 'monitored' }]}>
            <DictSelect dictCode={DICT.monitoringType} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="riskTypes" label={t('hh.riskType')}>
            <DictSelect dictCode={DICT.riskType} multiple maxCount={5} />
          </Form.Item>
        </Col>
        <Col xs={24} md={4}>
          <Form.Item name="liftedYear" label={t('hh.liftedYear')}>
            <InputNumber min={2013} max={2030} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="phone" label={t('hh.phone')} rules={[{ pattern: /^[\d\-+ *]{0,20}$/ }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="address" label={t('hh.address')}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="note" label={t('hh.note')}>
            <Input />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        {(['housingSecure', 'waterSecure', 'educationSecure', 'medicalSecure'] as const).map((key) => (
          <Col xs={12} md={6} key={key}>
            <Form.Item name={key} label={t(`hh.${key}`)} valuePropName="checked">
              <Switch checkedChildren={t('common.yes')} unCheckedChildren={t('common.no')} />
            </Form.Item>
          </Col>
        ))}
      </Row>
    </>
  );
}
