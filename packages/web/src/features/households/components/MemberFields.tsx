import { Col, Form, Input, Row } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import { useI18n } from '../../../lib/i18n.tsx';
import { DictSelect } from '../../../ui/DictSelect.tsx';
import { DICT } from '../../dictionaries/api.ts';
import { idNumberValidator } from '../id-check.ts';

export type MemberFieldsProps = { prefix?: (string | number)[] };

/** The fields of one family member; `prefix` places them inside a Form.List row. */
export function MemberFields({ prefix = [] }: MemberFieldsProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const name = (field: string): NamePath => [...prefix, field];
  return (
    <Row gutter={12}>
      <Col xs={24} md={6}>
        <Form.Item name={name('name')} label={t('member.name')} rules={[{ required: true, whitespace: true, max: 50 }]}>
          <Input />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item
          name={name('idNumber')}
          label={t('member.idNumber')}
          validateDebounce={300}
          normalize={(v: string) => v?.replace(/\s+/g, '').toUpperCase()}
          rules={[{ required: true }, { validator: idNumberValidator(i18n) }]}
        >
          <Input maxLength={18} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
      </Col>
      <Col xs={24} md={5}>
        <Form.Item name={name('relation')} label={t('member.relation')} rules={[{ required: true }]}>
          <DictSelect dictCode={DICT.relation} />
        </Form.Item>
      </Col>
      <Col xs={24} md={5}>
        <Form.Item name={name('laborCapacity')} label={t('member.laborCapacity')}>
          <DictSelect dictCode={DICT.laborCapacity} />
        </Form.Item>
      </Col>
      <Col xs={24} md={6}>
        <Form.Item name={name('healthStatus')} label={t('member.health')}>
          <DictSelect dictCode={DICT.healthStatus} />
        </Form.Item>
      </Col>
      <Col xs={24} md={6}>
        <Form.Item name={name('education')} label={t('member.education')}>
          <DictSelect dictCode={DICT.education} />
        </Form.Item>
      </Col>
      <Col xs={24} md={6}>
        <Form.Item name={name('employmentStatus')} label={t('member.employment')}>
          <DictSelect dictCode={DICT.employmentStatus} />
        </Form.Item>
      </Col>
      <Col xs={24} md={6}>
        <Form.Item name={name('phone')} label={t('member.phone')} rules={[{ pattern: /^[\d\-+ *]{0,20}$/ }]}>
          <Input />
        </Form.Item>
      </Col>
    </Row>
  );
}
