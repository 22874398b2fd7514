import { Card, Flex, InputNumber, Select } from 'antd';
import { useI18n } from '../../../lib/i18n.tsx';
import type { ImportOptions } from '../../../lib/types.ts';

export type ImportDefaultsProps = { value: ImportOptions; onChange: (v: ImportOptions) => void };

// labels of dict household_type, lifted_category and monitoring_status (the codes the server accepts as options)
const TYPES: [ImportOptions['householdType'], string, string][] = [
  ['lifted', '脱贫户', 'Lifted household'],
  ['monitored', '监测户', 'Monitored household'],
  ['ordinary', '一般农户', 'Ordinary household'],
];
const CATEGORIES: [string, string, string][] = [
  ['general', '一般脱贫户', 'General'],
  ['dibao', '低保脱贫户', 'On minimum living allowance'],
  ['tekun', '特困供养脱贫户', 'In destitute support'],
  ['no_policy', '脱贫不享受政策户', 'No longer receiving policies'],
];
const STATUSES: [NonNullable<ImportOptions['monitoringStatus']>, string, string][] = [
  ['monitoring', '风险未消除', 'Risk not eliminated'],
  ['eliminated', '风险已消除', 'Risk eliminated'],
];

/**
 * The file's defaults for rows whose columns do not say it: household type (a national file name such as
 * "…-风险已消除…" sets it), lifted category, monitoring status, and the year of incomes and measures.
 */
export function ImportDefaults({ value, onChange }: ImportDefaultsProps) {
  const { t, pick } = useI18n();
  const set = (patch: Partial<ImportOptions>) => onChange({ ...value, ...patch });
  const field = { display: 'flex', flexDirection: 'column', gap: 4, minWidth: 0, flex: '1 1 160px' } as const;
  return (
    <Card size="small" title={t('imp.defaults')} style={{ marginBottom: 12 }}>
      <Flex gap={12} wrap>
        <label style={field}>
          <span id="imp-default-type">{t('imp.defaultType')}</span>
          <Select
            aria-labelledby="imp-default-type"
            value={value.householdType ?? ''}
            onChange={(v: string) => set({ householdType: (v || null) as ImportOptions['householdType'] })}
            options={[...TYPES.map(([v, zh, en]) => ({ value: v as string, label: pick(zh, en) })), { value: '', label: t('imp.defaultTypeNone') }]}
          />
        </label>
        {value.householdType === 'lifted' ? (
          <label style={field}>
            <span id="imp-default-cat">{t('imp.defaultLiftedCategory')}</span>
            <Select
              aria-labelledby="imp-default-cat"
              allowClear
              value={value.liftedCategory ?? undefined}
              onChange={(v?: string) => set({ liftedCategory: v ?? null })}
              options={CATEGORIES.map(([v, zh, en]) => ({ value: v, label: pick(zh, en) }))}
            />
          </label>
        ) : null}
        {value.householdType === 'monitored' ? (
          <label style={field}>
            <span id="imp-default-status">{t('imp.defaultStatus')}</span>
            <Select
              aria-labelledby="imp-default-status"
              value={value.monitoringStatus ?? 'monitoring'}
              onChange={(v: ImportOptions['monitoringStatus']) => set({ monitoringStatus: v })}
              options={STATUSES.map(([v, zh, en]) => ({ value: v, label: pick(zh, en) }))}
            />
          </label>
        ) : null}
        <label style={field}>
          <span id="imp-income-year">{t('imp.incomeYear')}</span>
          <InputNumber aria-labelledby="imp-income-year" min={2013} max={2100} value={value.incomeYear} onChange={(v) => v && set({ incomeYear: v })} style={{ width: '100%' }} />
        </label>
      </Flex>
    </Card>
  );
}
