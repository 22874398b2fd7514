import { describe, expect, it } from 'vitest';
import { changeRows } from './audit-changes.ts';
import { formatMessage } from './i18n.tsx';
import { zh as zhMessages } from './messages-zh.ts';

const i18n = {
  lang: 'zh' as const,
  t: (key: string, vars?: Record<string, string | number>) => formatMessage((zhMessages as Record<string, string>)[key] ?? key, vars),
  pick: (a: string | null | undefined, b: string | null | undefined) => a ?? b ?? '',
};
const LABELS: Record<string, Record<string, string>> = {
  household_type: { lifted: '脱贫户', monitored: '监测户' },
  risk_type: { illness: '因病', disability: '因残' },
  labor_capacity: { ordinary: '普通劳动力', weak: '弱劳动力或半劳动力' },
};
const dict = { label: (d: string, c: string | null | undefined) => (c ? (LABELS[d]?.[c] ?? c) : '—') };

describe('changeRows', () => {
  it('shows a linkage amount stored in 分 as 元 (480050 分 → 4,800.5)', () => {
    expect(changeRows('linkage', { incomeFen: 480050, entityId: 3 }, { incomeFen: 500000, entityId: 3 }, i18n, dict)).toEqual([
      { key: 'incomeFen', label: '收入（元）', before: '4,800.5', after: '5,000' },
    ]);
  });

  it('lists changed household fields by label with dictionary values, leaving out ids and timestamps', () => {
    const before = { id: 5, householdNo: 'H1', householdType: 'lifted', riskTypes: ['illness'], housingSecure: null, updatedAt: '2024-01-01T00:00:00Z' };
    const after = { id: 5, householdNo: 'H1', householdType: 'monitored', riskTypes: ['illness', 'disability'], housingSecure: true, updatedAt: '2024-02-01T00:00:00Z' };
    expect(changeRows('household', before, after, i18n, dict)).toEqual([
      { key: 'householdType', label: '户类型', before: '脱贫户', after: '监测户' },
      { key: 'riskTypes', label: '风险类型', before: '因病', after: '因病、因残' },
      { key: 'housingSecure', label: '住房安全', before: '未评估', after: '有保障' },
    ]);
  });

  it('shows what a create recorded, members summarised by name, never JSON', () => {
    const rows = changeRows('household', null, { householdNo: '4112', note: '', members: [{ name: '张三', isHead: true }, { name: '李四' }] }, i18n, dict);
    expect(rows).toEqual([
      { key: 'householdNo', label: '户编号', before: '', after: '4112' },
      { key: 'members', label: '家庭成员', before: '', after: '2 人：张三、李四' },
    ]);
    expect(rows.map((r) => r.after).join('|')).not.toMatch(/[{}]|isHead/);
  });

  it('words a member’s and an income’s fields; unknown keys are not shown', () => {
    expect(changeRows('person', { laborCapacity: 'weak', secretX: 1 }, { laborCapacity: 'ordinary', secretX: 2 }, i18n, dict)).toEqual([
      { key: 'laborCapacity', label: '劳动能力', before: '弱劳动力或半劳动力', after: '普通劳动力' },
    ]);
    expect(changeRows('household_income', { wage: 1000 }, { wage: 12000.5 }, i18n, dict)[0]).toMatchObject({ label: '工资性收入', after: '12,000.5' });
  });

  it('the policy pack setting is one row naming the packs', () => {
    expect(changeRows('setting', 'sanmenxia', 'jincheng', i18n, dict)).toEqual([{ key: '_value', label: '政策包', before: '三门峡市城乡一体化示范区', after: '晋城市' }]);
  });
});
