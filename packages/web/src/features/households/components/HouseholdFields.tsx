import { Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { HOUSEHOLD_NO_MAX, LIFTED_YEAR_MAX, LIFTED_YEAR_MIN, MAX_RISK_TYPES, liftedYearIssue } from '@chanbang/domain';
import { useI18n } from '../../../lib/i18n.tsx';
import { DictSelect } from '../../../ui/DictSelect.tsx';
import { RegionSelect } from '../../../ui/RegionSelect.tsx';
import { DICT } from '../../dictionaries/api.ts';
import { SecureInput } from './SecureState.tsx';
import { householdNoValidator, phoneValidator } from '../id-check.ts';

export const SECURE_KEYS = ['housingSecure', 'waterSecure', 'educationSecure', 'medicalSecure'] as const;

/**
 * Household-level fields of the create/edit form. 是否脱贫户 is kept apart from 户类型 and 监测对象类别
 * (a 脱贫户 can be a 监测对象 too); the server checks that they agree (脱贫不稳定户 is a 脱贫户, 边缘易致贫户 is not).
 */
export function HouseholdFields({ isEdit = false }: { isEdit?: boolean }) {
  const i18n = useI18n();
  const { t } = i18n;
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
          <Form.Item
            name="householdNo"
            label={t('hh.no')}
            rules={[{ required: true, whitespace: true, max: HOUSEHOLD_NO_MAX }, ...(isEdit ? [] : [{ validator: householdNoValidator(i18n) }])]}
          >
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
              options={[
                { value: true, label: t('common.yes') },
                { value: false, label: t('common.no') },
              ]}
              onChange={(v: boolean) => {
                if (!v) form.setFieldValue('liftedCategory', null);
              }}
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
          <Form.Item
            name="liftedYear"
            label={t('hh.liftedYear')}
            dependencies={['householdType', 'isLifted']}
            rules={[
              {
                validator: async (_r: unknown, v?: number | null) => {
                  const issue = typeof v === 'number' ? liftedYearIssue(v, { householdType: type, isLifted }) : undefined;
                  if (issue) throw new Error(i18n.pick(issue.messageZh, issue.messageEn));
                },
              },
            ]}
          >
            <InputNumber min={LIFTED_YEAR_MIN} max={LIFTED_YEAR_MAX} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="riskTypes" label={t('hh.riskType')}>
            <DictSelect dictCode={DICT.riskType} multiple maxCount={MAX_RISK_TYPES} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="phone" label={t('hh.phone')} rules={[{ validator: phoneValidator(i18n) }]}>
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
