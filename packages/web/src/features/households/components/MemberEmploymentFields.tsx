import { PUBLIC_POST_CHANNEL, type PersonView } from '@chanbang/domain';
import { Col, Form, Input, InputNumber, Row, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../lib/i18n.tsx';
import { useDict } from '../../dictionaries/api.ts';
import { useEntities } from '../../entities/api.ts';

/** 有 / 无 / 未采集 of a tri-state flag (null = not recorded). */
function YesNoSelect(props: { value?: boolean | null; onChange?: (v: boolean | null) => void; 'aria-label'?: string }) {
  const { t } = useI18n();
  return (
    <Select
      aria-label={props['aria-label']}
      value={props.value === undefined || props.value === null ? 'null' : String(props.value)}
      onChange={(v: string) => props.onChange?.(v === 'null' ? null : v === 'true')}
      options={[
        { value: 'true', label: t('trainings.emp.yes') },
        { value: 'false', label: t('trainings.emp.no') },
        { value: 'null', label: t('trainings.emp.unknown') },
      ]}
    />
  );
}

/** An entity of the registry the user may read, found by name (务工企业); its name is shown while editing. */
function EmployerSelect({ value, onChange, currentName }: { value?: number | null; onChange?: (v: number | null) => void; currentName?: string | null }) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const found = useEntities({ q: q || undefined, pageSize: 20 });
  const options = (found.data?.items ?? []).map((e) => ({ value: e.id, label: e.name }));
  if (value && !options.some((o) => o.value === value)) options.unshift({ value, label: currentName ?? String(value) });
  return (
    <Select
      showSearch
      allowClear
      filterOption={false}
      onSearch={setQ}
      value={value ?? undefined}
      onChange={(v?: number) => onChange?.(v ?? null)}
      options={options}
      loading={found.isFetching}
      placeholder={t('trainings.emp.employerSearch')}
      aria-label={t('trainings.emp.employer')}
      style={{ width: '100%' }}
    />
  );
}

/**
 * 就业渠道: 公益性岗位 comes with a hire and goes with the exit (003 §二(二)4 以岗聘任、有序退岗; the server refuses it
 * otherwise), so it cannot be picked here; a member who holds it shows it.
 */
function ChannelSelect({ value, onChange }: { value?: string | null; onChange?: (v: string | null) => void }) {
  const { t } = useI18n();
  const dict = useDict();
  const options = dict.options('employment_channel').map((o) => ({ ...o, disabled: o.value === PUBLIC_POST_CHANNEL && value !== PUBLIC_POST_CHANNEL }));
  return (
    <Select
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      value={value ?? undefined}
      onChange={(v?: string) => onChange?.(v ?? null)}
      options={options}
      loading={!dict.isLoaded}
      aria-label={t('trainings.emp.channel')}
      style={{ width: '100%' }}
    />
  );
}

/**
 * 就业与技能 of a member (issue 8 §4; H4, H7): 就业意愿, 培训意愿, 就业渠道, 务工企业 (an entity, or the typed 企业名称), 务工地点,
 * 务工月收入 in 元 and 掌握技能 as tags, beside the roster's 务工状况 / 务工时间 of MemberFields. Saved with the member (its version).
 */
export function MemberEmploymentFields() {
  const { t } = useI18n();
  const employerName = Form.useWatch('employerName') as string | null | undefined;
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('trainings.emp.title')}
      </Typography.Title>
      <Row gutter={12}>
        <Col xs={12} md={4}>
          <Form.Item name="wantsWork" label={t('trainings.emp.wantsWork')}>
            <YesNoSelect aria-label={t('trainings.emp.wantsWork')} />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item name="wantsTraining" label={t('trainings.emp.wantsTraining')}>
            <YesNoSelect aria-label={t('trainings.emp.wantsTraining')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name="employmentChannel" label={t('trainings.emp.channel')} extra={t('trainings.emp.channelHint')}>
            <ChannelSelect />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item name="employmentPlace" label={t('member.employmentPlace')} rules={[{ max: 200 }]}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="employerEntityId" label={t('trainings.emp.employer')}>
            <EmployerSelect currentName={employerName} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="employerName" label={t('trainings.emp.employerName')} rules={[{ max: 100 }]}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="monthlyWageYuan" label={t('trainings.emp.wage')}>
            <InputNumber min={0} max={999999999} precision={2} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="skills" label={t('trainings.emp.skills')} extra={t('trainings.emp.skillsHint')}>
            <Select mode="tags" tokenSeparators={[',', '，', '、']} open={false} suffixIcon={null} aria-label={t('trainings.emp.skills')} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

/** 就业与技能 of a member in the members table: 就业意愿, 就业渠道, 务工企业, 月收入 and the skills as tags. */
export function EmploymentSummary({ person: p }: { person: PersonView }) {
  const { t } = useI18n();
  const dict = useDict();
  const parts = [
    p.wantsWork === null ? null : `${t('trainings.emp.wantsWork')}：${p.wantsWork ? t('trainings.emp.yes') : t('trainings.emp.no')}`,
    p.employmentChannel ? dict.label('employment_channel', p.employmentChannel) : null,
    p.employerName,
    p.monthlyWageYuan === null ? null : `${p.monthlyWageYuan} 元/月`,
  ].filter((x): x is string => !!x);
  if (!parts.length && !p.skills.length) return <>—</>;
  return (
    <Space size={4} wrap data-testid="member-employment">
      {parts.length ? <span>{parts.join('；')}</span> : null}
      {p.skills.map((s) => (
        <Tag color="green" key={s}>
          {s}
        </Tag>
      ))}
    </Space>
  );
}
