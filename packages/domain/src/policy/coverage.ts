import { AppError } from '../errors.ts';
import type { RegionRollUp, RuleConfig, RuleFailure, RuleRecord, RuleResult } from './policy.types.ts';

/** Outcome of one fact for a coverage rule: out of scope, met, or not met with a reason. */
export type CoverageOutcome = 'not_applicable' | 'met' | { reasonZh: string; reasonEn: string };

/** Coverage ratio rounded to 4 decimals (null for 0 of 0). */
export function coverageValue(met: number, total: number): number | null {
  return total === 0 ? null : Math.round((met / total) * 10000) / 10000;
}

/**
 * Reads a numeric parameter of a rule config.
 * @throws AppError VALIDATION_FAILED when the pack does not set it to a number
 */
export function numberParam(config: RuleConfig, key: string): number {
  const v = config.params[key];
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    throw new AppError('VALIDATION_FAILED', `rule ${config.ruleId}: params.${key} must be a number`);
  }
  return v;
}

/**
 * Reads a string-array parameter of a rule config.
 * @throws AppError VALIDATION_FAILED when the pack does not set it to an array of strings
 */
export function stringListParam(config: RuleConfig, key: string): string[] {
  const v = config.params[key];
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) {
    throw new AppError('VALIDATION_FAILED', `rule ${config.ruleId}: params.${key} must be a list of codes`);
  }
  return v as string[];
}

/**
 * Shared evaluator of "share of applicable records that meet a condition ≥ params.minCoverage" rules.
 * @param facts the records
 * @param config the pack's rule config (reads `params.minCoverage`, 0..1)
 * @param key id and region code of a record
 * @param classify the rule's test of one record
 */
export function evaluateCoverage<F>(facts: readonly F[], config: RuleConfig, key: (f: F) => { id: number; regionCode: string }, classify: (f: F) => CoverageOutcome): RuleResult {
  const threshold = numberParam(config, 'minCoverage');
  const failing: RuleFailure[] = [];
  const records: RuleRecord[] = [];
  let met = 0;
  for (const f of facts) {
    const outcome = classify(f);
    if (outcome === 'not_applicable') continue;
    const { id, regionCode } = key(f);
    if (outcome === 'met') {
      met++;
      records.push({ id, regionCode, met: true });
    } else {
      records.push({ id, regionCode, met: false });
      failing.push({ id, regionCode, reasonZh: outcome.reasonZh, reasonEn: outcome.reasonEn });
    }
  }
  const total = records.length;
  // compare with integers so that 0.95 × 20 does not suffer from floating point
  const status = total === 0 ? 'not_applicable' : met >= threshold * total - 1e-9 ? 'met' : 'not_met';
  return { ruleId: config.ruleId, clause: config.clause, status, total, met, value: coverageValue(met, total), threshold, failing, records };
}

/**
 * Rolls a rule result up to child regions: groups by the first `prefixLength` characters of the region code
 * (9 = townships, 12 = villages). Every region that has facts appears, with total 0 and value null when none
 * of its facts is applicable.
 * @param result a result carrying `records` (all built-in rules do)
 * @param facts the facts the result was computed from (only `regionCode` is read)
 * @param prefixLength significant prefix of the child level (6, 9, 12 or 15)
 * @returns one row per child region, sorted by code
 * @throws Error when the result has no records
 */
export function rollUpByRegion(result: RuleResult, facts: ReadonlyArray<{ regionCode: string }>, prefixLength: number): RegionRollUp[] {
  if (!result.records) throw new Error(`rule ${result.ruleId}: result has no records to roll up`);
  const rows = new Map<string, RegionRollUp>();
  const row = (regionCode: string): RegionRollUp => {
    const code = regionCode.slice(0, prefixLength);
    let r = rows.get(code);
    if (!r) {
      r = { code, total: 0, met: 0, value: null };
      rows.set(code, r);
    }
    return r;
  };
  for (const f of facts) row(f.regionCode);
  for (const rec of result.records) {
    const r = row(rec.regionCode);
    r.total++;
    if (rec.met) r.met++;
  }
  return [...rows.values()].map((r) => ({ ...r, value: coverageValue(r.met, r.total) })).sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
