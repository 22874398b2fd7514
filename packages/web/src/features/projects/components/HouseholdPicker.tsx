import { Select } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../lib/i18n.tsx';
import { useHouseholdSearch } from '../api.ts';

export type PickedHousehold = { value: number; label: string };

/** Beneficiary households picked by 户编号 or 户主 name (typed ≥ 2 characters); shows no personal numbers. */
export function HouseholdPicker({ value, onChange, id }: { value?: PickedHousehold[]; onChange?: (v: PickedHousehold[]) => void; id?: string }) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const found = useHouseholdSearch(q);
  const chosen = value ?? [];
  const options = [
    ...chosen,
    ...(found.data ?? []).filter((h) => !chosen.some((c) => c.value === h.id)).map((h) => ({ value: h.id, label: `${h.householdNo} ${h.headName ?? ''}`.trim() })),
  ];
  return (
    <Select
      id={id}
      mode="multiple"
      labelInValue
      style={{ width: '100%' }}
      aria-label={t('projects.field.beneficiaries')}
      placeholder={t('projects.field.beneficiarySearch')}
      filterOption={false}
      showSearch
      onSearch={setQ}
      loading={found.isFetching}
      value={chosen}
      onChange={(v) => onChange?.(v as PickedHousehold[])}
      options={options}
    />
  );
}
