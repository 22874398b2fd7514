import { Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useI18n } from '../../../lib/i18n.tsx';
import { DictSelect } from '../../../ui/DictSelect.tsx';
import { RegionSelect } from '../../../ui/RegionSelect.tsx';
import { DICT } from '../../dictionaries/api.ts';
import { SecureInput } from './SecureState.tsx';

export const SECURE_KEYS = ['housingSecure', 'waterSecure', 'educationSecure', 'medicalSecure'] as const;

/**
 * Household-level fields of the create/edit form. 是否脱贫户 is kept apart from 户类型 and 监测对象类别
 * (a 脱贫户 can be a 监测对象 too); the server checks that they agree (脱贫不稳定户 is a 脱贫户, 边缘易致贫户 is not).
 */
export function HouseholdFields({ isEdit = false }: { isEdit?: boolean }) {
  const { t } = useI18n();
  const form = Form.useFormInstance();
  const type = Form.useWatch<string | undefined>('householdType');
  const isLifted = Form.useWatch<boolean | undefined>('isLifted');
  const onTypeChange = (v: string | string[] | undefined) => {
    if (v === 'lifted') form.setFieldValue('isLifted', true);
  };
  const onMonitoringTypeChange = (v: string | string[] | undefined) => {
    if (v === 'unstable') form.setFieldValue('isLifted', true);
    if (v === 'marginal') form.setFieldsValue({ isLifted: false, liftedCategory: null });
  };
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
            <DictSelect dictCode={DICT.householdType} style={{ width: '100%' }} onChange={onTypeChange} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name="monitoringType" label={t('hh.monitoringType')} rules={[{ required: type === 'monitored' }]}>
            <DictSelect dictCode={DICT.monitoringType} style={{ width: '100%' }} onChange={onMonitoringTypeChange} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name="isLifted" label={t('hh.isLifted')} rules={[{ required: true }]}>
            <Select
              style={{ width: '100%' }}
              options={[{ value: true, label: t('common.yes') }, { value: false, label: t('common.no') }]}
              onChange={(v: boolean) => { if (!v) form.setFieldValue('liftedCategory', null); }}
            />
          </Form.Item>
        </Col>
        {isLifted ? (
          <Col xs={24} md={6}>
            <Form.Item name="liftedCategory" label={t('hh.liftedCategory')}>
              <DictSelect dictCode={DICT.liftedCategory} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        ) : null}
        <Col xs={24} md={4}>
          <Form.Item name="liftedYear" label={t('hh.liftedYear')}>
            <InputNumber min={2013} max={2030} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="riskTypes" label={t('hh.riskType')}>
            <DictSelect dictCode={DICT.riskType} multiple maxCount={5} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="phone" label={t('hh.phone')} rules={[{ pattern: /^[\d\-+ *]{0,20}$/ }]}>
            <Input inputMode="tel" />
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
        {SECURE_KEYS.map((key) => (
          <Col xs={24} sm={12} xl={6} key={key}>
            <Form.Item name={key} label={t(`hh.${key}`)}>
              <SecureInput />
            </Form.Item>
          </Col>
        ))}
      </Row>
    </>
  );
}
