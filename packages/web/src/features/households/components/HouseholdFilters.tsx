import { FilterOutlined } from '@ant-design/icons';
import { Badge, Button, Flex, Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n, type MessageKey } from '../../../lib/i18n.tsx';
import { DictSelect } from '../../../ui/DictSelect.tsx';
import { useIsMobile } from '../../../ui/use-is-mobile.ts';
import { DICT } from '../../dictionaries/api.ts';
import type { HouseholdFilters as Filters } from '../api.ts';

export type HouseholdFiltersProps = { value: Filters; onChange: (changes: Filters) => void; onReset: () => void };

const STATUSES = ['none', 'identifying', 'monitoring', 'eliminated'] as const;
const FILTER_KEYS = ['householdType', 'isLifted', 'monitoringType', 'monitoringStatus', 'laborCapacity', 'riskType', 'warning'] as const;

/**
 * The list's filter bar; every change is written to the URL by the page. On phones only the search box shows,
 * the other filters fold behind a 筛选 button (with the number of filters set).
 */
export function HouseholdFilters({ value, onChange, onReset }: HouseholdFiltersProps) {
  const { t } = useI18n();
  const mobile = useIsMobile();
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState(value.q ?? '');
  useEffect(() => setQ(value.q ?? ''), [value.q]);
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const width = mobile ? { width: '100%' } : { minWidth: 150 };
  const active = FILTER_KEYS.filter((k) => value[k]).length;
  const search = (
    <Input.Search
      aria-label={t('hh.q')}
      placeholder={t('hh.q')}
      allowClear
      style={{ width: mobile ? '100%' : 240 }}
      value={q}
      onChange={(e) => setQ(e.target.value)}
      onSearch={(text) => onChange({ q: text.trim() || undefined })}
      enterButton={t('common.search')}
    />
  );
  const filters = (
    <>
      <DictSelect
        dictCode={DICT.householdType}
        aria-label={t('hh.type')}
        placeholder={t('hh.type')}
        style={width}
        value={value.householdType}
        onChange={(v) => onChange({ householdType: one(v) })}
      />
      <Select
        aria-label={t('hh.isLifted')}
        placeholder={t('hh.isLifted')}
        allowClear
        style={width}
        value={value.isLifted}
        onChange={(v?: string) => onChange({ isLifted: v })}
        options={[
          { value: 'true', label: `${t('hh.isLifted')}：${t('common.yes')}` },
          { value: 'false', label: `${t('hh.isLifted')}：${t('common.no')}` },
        ]}
      />
      <DictSelect
        dictCode={DICT.monitoringType}
        aria-label={t('hh.monitoringType')}
        placeholder={t('hh.monitoringType')}
        style={width}
        value={value.monitoringType}
        onChange={(v) => onChange({ monitoringType: one(v) })}
      />
      <Select
        aria-label={t('hh.monitoringStatus')}
        placeholder={t('hh.monitoringStatus')}
        allowClear
        style={width}
        value={value.monitoringStatus}
        onChange={(v?: string) => onChange({ monitoringStatus: v })}
        options={STATUSES.map((s) => ({ value: s, label: t(`hh.status.${s}` as MessageKey) }))}
      />
      <DictSelect
        dictCode={DICT.laborCapacity}
        aria-label={t('hh.laborCapacityAny')}
        placeholder={t('hh.laborCapacityAny')}
        style={mobile ? width : { minWidth: 220 }}
        value={value.laborCapacity}
        onChange={(v) => onChange({ laborCapacity: one(v) })}
      />
      <DictSelect
        dictCode={DICT.riskType}
        aria-label={t('hh.riskType')}
        placeholder={t('hh.riskType')}
        style={width}
        value={value.riskType}
        onChange={(v) => onChange({ riskType: one(v) })}
      />
      <Select
        aria-label={t('hh.warning')}
        placeholder={t('hh.warning')}
        allowClear
        style={mobile ? width : { minWidth: 200 }}
        value={value.warning}
        onChange={(v?: string) => onChange({ warning: v })}
        options={[
          { value: 'H1', label: t('hh.warning.H1') },
          { value: 'identification_overdue', label: t('hh.warning.identification_overdue') },
        ]}
      />
      <Button onClick={onReset}>{t('common.reset')}</Button>
    </>
  );
  if (!mobile) {
    return (
      <Flex gap={8} wrap style={{ marginBottom: 12 }} role="search">
        {filters}
        {search}
      </Flex>
    );
  }
  return (
    <Flex vertical gap={8} style={{ marginBottom: 12 }} role="search">
      <Flex gap={8}>
        <div style={{ flex: 1, minWidth: 0 }}>{search}</div>
        <Badge count={active} size="small">
          <Button icon={<FilterOutlined />} onClick={() => setOpen((o) => !o)} aria-expanded={open}>
            {t('hh.filters')}
          </Button>
        </Badge>
      </Flex>
      {open ? (
        <Flex vertical gap={8}>
          {filters}
        </Flex>
      ) : null}
    </Flex>
  );
}
