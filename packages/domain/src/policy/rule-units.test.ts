import { describe, expect, it } from 'vitest';
import { POLICY_PACKS } from './packs/index.ts';
import { RULE_UNITS, type RuleConfig } from './policy.types.ts';
import { RULES } from './rule-registry.ts';

// Every registered rule names the unit of its figures (the web formats from it and never guesses), and the
// figures of its 试算 example are of that unit: a share lies in 0..1, a count is a whole number.

/** A pack's config of the rule, in force in its first year. */
function configOf(ruleId: string): { config: RuleConfig; year: number } | null {
  for (const pack of POLICY_PACKS) {
    const config = pack.rules.find((r) => r.ruleId === ruleId);
    if (config) return { config, year: config.years?.[0] ?? 2024 };
  }
  return null;
}

function fits(unit: string, v: number): boolean {
  if (unit === 'share') return v >= 0 && v <= 1;
  if (unit === 'count') return Number.isInteger(v) && v >= 0;
  return Number.isFinite(v);
}

describe('rule units', () => {
  const rules = Object.values(RULES);

  it('covers the implemented rules of the catalogue (H1, F1–F5, P1–P6, E1–E5, S1, C1, A1–A4)', () => {
    expect(rules.map((r) => r.id).sort()).toEqual(
      [
        'A1',
        'A2',
        'A3',
        'A4',
        'C1',
        'E1',
        'E2',
        'E3',
        'E4',
        'E5',
        'F1',
        'F2',
        'F3',
        'F4',
        'F5',
        'H1',
        'P1',
        'P2',
        'P3',
        'P4',
        'P5',
        'P6',
        'S1',
        'H4',
        'H7',
        'J1',
        'J2',
        'J3',
        'J4',
        'J5',
        'H2',
        'H3',
        'H5',
        'H6',
      ].sort(),
    );
  });

  it.each(rules.map((r) => [r.id, r] as const))('%s has a unit of the set', (_id, rule) => {
    expect(RULE_UNITS).toContain(rule.unit);
    if (rule.thresholdUnit !== undefined) expect(RULE_UNITS).toContain(rule.thresholdUnit);
  });

  it('names the units the rules need: shares, amounts in 元, counts', () => {
    const by = (unit: string) =>
      rules
        .filter((r) => r.unit === unit)
        .map((r) => r.id)
        .sort();
    expect(by('share')).toEqual(
      ['A2', 'A3', 'A4', 'E3', 'E4', 'F1', 'F2', 'F3', 'F4', 'F5', 'H1', 'P1', 'P2', 'H4', 'H7', 'J1', 'J2', 'J3', 'J4', 'J5', 'H2', 'H3', 'H5', 'H6'].sort(),
    );
    expect(by('yuan')).toEqual(['A1', 'C1', 'S1']);
    expect(by('count')).toEqual(['E1', 'E2', 'E5', 'P3', 'P4', 'P5', 'P6']);
    expect(rules.filter((r) => r.thresholdUnit && r.thresholdUnit !== r.unit).map((r) => [r.id, r.thresholdUnit])).toEqual([['F5', 'yuan']]);
  });

  const sandboxed = rules.filter((r) => r.sandbox && configOf(r.id));
  it.each(sandboxed.map((r) => [r.id, r] as const))('%s: the figures of its 试算 example are of its unit', (_id, rule) => {
    const { config, year } = configOf(rule.id)!;
    const facts = rule.sandbox!.toFacts(rule.sandbox!.schema.parse(rule.sandbox!.example), year);
    const result = rule.evaluate([facts], config, { year });
    const rec = result.records?.[0];
    if (rec?.value !== undefined && rec.value !== null) expect(fits(rule.unit, rec.value), `${rule.id} value ${rec.value}`).toBe(true);
    if (rec?.threshold !== undefined && rec.threshold !== null) expect(fits(rule.thresholdUnit ?? rule.unit, rec.threshold), `${rule.id} threshold ${rec.threshold}`).toBe(true);
    // a subject without a figure is read by its coverage: only a share rule may leave it out
    if (rec && (rec.value === undefined || rec.value === null) && rule.unit !== 'share') expect(rec.met, `${rule.id} without a figure`).toBe(true);
  });
});
