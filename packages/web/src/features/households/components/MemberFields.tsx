import { Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import dayjs from 'dayjs';
import { ID_NUMBER_MAX, PERSON_NAME_MAX } from '@chanbang/domain';
import { useI18n } from '../../../lib/i18n.tsx';
import { DictSelect } from '../../../ui/DictSelect.tsx';
import { DICT } from '../../dictionaries/api.ts';
import { CITIZEN_ID_TYPE, idNumberValidator, otherIdNumberValidator, phoneValidator } from '../id-check.ts';

export type MemberFieldsProps = { prefix?: (string | number)[]; listName?: string };

/**
 * The fields of one family member, as the national roster has them; `prefix` places them inside a Form.List row
 * (`listName` is then the list's name, for watching the row's values). A 居民身份证 is checked against GB 11643 and
 * gives birth date and gender; another document type asks for them. Exactly one of 文化程度 / 在校生状况.
 * 残疾类别/等级 appear when 残疾 is among the health values. 人口编号 is shown read-only.
 */
export function MemberFields({ prefix = [], listName }: MemberFieldsProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const name = (field: string): NamePath => [...prefix, field];
  const watchPath = (field: string): NamePath => (listName ? [listName, ...prefix, field] : [...prefix, field]);
  const idType = (Form.useWatch(watchPath('idType')) as string | undefined) ?? CITIZEN_ID_TYPE;
  const health = (Form.useWatch(watchPath('healthStatuses')) as string[] | undefined) ?? [];
  const personNo = Form.useWatch(watchPath('personNo'), { preserve: true }) as string | undefined;
  const citizen = idType === CITIZEN_ID_TYPE;
  const eduOrSchool = ({ getFieldValue }: { getFieldValue: (n: NamePath) => unknown }) => ({
    validator: async () => {
      const edu = getFieldValue(watchPath('education'));
      const school = getFieldValue(watchPath('schoolStatus'));
      if (!!edu === !!school) throw new Error(t('member.eduOrSchool'));
    },
  });
  return (
    <Row gutter={12}>
      <Col xs={24} md={6}>
        <Form.Item name={name('name')} label={t('member.name')} rules={[{ required: true, whitespace: true, max: PERSON_NAME_MAX }]}>
          <Input />
        </Form.Item>
      </Col>
      <Col xs={24} md={6}>
        <Form.Item name={name('idType')} label={t('member.idType')} initialValue={CITIZEN_ID_TYPE}>
          <DictSelect dictCode={DICT.idType} allowClear={false} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item
          name={name('idNumber')}
          label={t('member.idNumber')}
          validateDebounce={300}
          dependencies={[watchPath('idType')]}
          normalize={(v: string) => v?.replace(/\s+/g, '').toUpperCase()}
          rules={[{ required: true }, { validator: citizen ? idNumberValidator(i18n) : otherIdNumberValidator(i18n) }]}
        >
          <Input maxLength={citizen ? 18 : ID_NUMBER_MAX} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
      </Col>
      {personNo ? (
        <Col xs={24} md={4}>
          <Form.Item label={t('member.personNo')}>
            <Input value={personNo} disabled style={{ fontFamily: 'monospace' }} />
          </Form.Item>
        </Col>
      ) : null}
      {citizen ? null : (
        <>
          <Col xs={12} md={6}>
            <Form.Item
              name={name('birthDate')}
              label={t('member.birthDate')}
              rules={[{ required: true }]}
              getValueProps={(v?: string | null) => ({ value: v ? dayjs(v) : null })}
              normalize={(d?: dayjs.Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null)}
            >
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item name={name('gender')} label={t('member.gender')} rules={[{ required: true }]}>
              <DictSelect dictCode={DICT.gender} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </>
      )}
      <Col xs={24} md={5}>
        <Form.Item name={name('relation')} label={t('member.relation')} rules={[{ required: true }]}>
          <DictSelect dictCode={DICT.relation} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={24} md={5}>
        <Form.Item name={name('ethnicity')} label={t('member.ethnicity')}>
          <DictSelect dictCode={DICT.ethnicity} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={24} md={5}>
        <Form.Item name={name('laborCapacity')} label={t('member.laborCapacity')}>
          <DictSelect dictCode={DICT.laborCapacity} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={24} md={9}>
        <Form.Item
          name={name('healthStatuses')}
          label={t('member.health')}
          rules={[
            {
              validator: async (_r, v?: string[]) => {
                if (v?.includes('healthy') && v.length > 1) throw new Error(t('member.healthyAlone'));
              },
            },
          ]}
        >
          <DictSelect dictCode={DICT.healthStatus} multiple style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      {health.includes('disabled') ? (
        <>
          <Col xs={12} md={6}>
            <Form.Item name={name('disabilityType')} label={t('member.disabilityType')}>
              <DictSelect dictCode={DICT.disabilityType} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item name={name('disabilityGrade')} label={t('member.disabilityGrade')}>
              <Select allowClear style={{ width: '100%' }} options={['1', '2', '3', '4'].map((n) => ({ value: n, label: t('member.grade', { n }) }))} />
            </Form.Item>
          </Col>
        </>
      ) : null}
      <Col xs={24} md={6}>
        <Form.Item name={name('education')} label={t('member.education')} dependencies={[watchPath('schoolStatus')]} rules={[eduOrSchool]}>
          <DictSelect dictCode={DICT.education} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={24} md={6}>
        <Form.Item name={name('schoolStatus')} label={t('member.schoolStatus')} dependencies={[watchPath('education')]} rules={[eduOrSchool]}>
          <DictSelect dictCode={DICT.schoolStatus} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={24} md={6}>
        <Form.Item name={name('employmentStatus')} label={t('member.employment')}>
          <DictSelect dictCode={DICT.employmentStatus} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={12} md={4}>
        <Form.Item name={name('workMonths')} label={t('member.workMonths')}>
          <InputNumber min={0} max={12} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item name={name('phone')} label={t('member.phone')} rules={[{ validator: phoneValidator(i18n) }]}>
          <Input inputMode="tel" />
        </Form.Item>
      </Col>
    </Row>
  );
}
