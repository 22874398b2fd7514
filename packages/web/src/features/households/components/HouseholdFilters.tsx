import { Button, Flex, Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../../lib/i18n.tsx';
import { DictSelect } from '../../../ui/DictSelect.tsx';
import { DICT } from '../../dictionaries/api.ts';
import type { HouseholdFilters as Filters } from '../api.ts';

export type HouseholdFiltersProps = { value: Filters; onChange: (changes: Filters) => void; onReset: () => void };

/** The list's filter bar; every change is written to the URL by the page. */
export function HouseholdFilters({ value, onChange, onReset }: HouseholdFiltersProps) {
  const { t } = useI18n();
  const [q, setQ] = useState(value.q ?? '');
  useEffect(() => setQ(value.q ?? ''), [value.q]);
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  return (
    <Flex gap={8} wrap style={{ marginBottom: 12 }} role="search">
      <DictSelect dictCode={DICT.householdType} aria-label={t('hh.type')} placeholder={t('hh.type')} value={value.householdType} onChange={(v) => onChange({ householdType: one(v) })} />
      <DictSelect dictCode={DICT.monitoringType} aria-label={t('hh.monitoringType')} placeholder={t('hh.monitoringType')} value={value.monitoringType} onChange={(v) => onChange({ monitoringType: one(v) })} />
      <DictSelect dictCode={DICT.laborCapacity} aria-label={t('hh.laborCapacity')} placeholder={t('hh.laborCapacity')} value={value.laborCapacity} onChange={(v) => onChange({ laborCapacity: one(v) })} />
      <DictSelect dictCode={DICT.riskType} aria-label={t('hh.riskType')} placeholder={t('hh.riskType')} value={value.riskType} onChange={(v) => onChange({ riskType: one(v) })} />
      <Select
        aria-label={t('hh.warning')}
        placeholder={t('hh.warning')}
        allowClear
        style={{ minWidth: 200 }}
        value={value.warning}
        onChange={(v?: string) => onChange({ warning: v })}
        options={[
          { value: 'H1', label: t('hh.warning.H1') },
          { value: 'identification_overdue', label: t('hh.warning.identification_overdue') },
        ]}
      />
      <Input.Search
        aria-label={t('hh.q')}
        placeholder={t('hh.q')}
        allowClear
        style={{ width: 240 }}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onSearch={(text) => onChange({ q: text.trim() || undefined })}
        enterButton={t('common.search')}
      />
      <Button onClick={onReset}>{t('common.reset')}</Button>
    </Flex>
  );
}
