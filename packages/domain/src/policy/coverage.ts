import { AppError } from '../errors.ts';
import type { RegionRollUp, RuleConfig, RuleFailure, RuleRecord, RuleResult } from './policy.types.ts';

/** Outcome of one fact for a coverage rule: out of scope, met, or not met with a reason (and a group, e.g. H1's weak_labour). */
export type CoverageOutcome = 'not_applicable' | 'met' | { reasonZh: string; reasonEn: string; groupCode?: string };

/** Outcome of one subject for {@link evaluateSubjects}: out of scope, or judged with its figure and the reason in words. */
export type SubjectOutcome =
  | 'not_applicable'
  | {
      met: boolean;
      value?: number | null;
      threshold?: number | null;
      groupCode?: string;
      reasonZh: string;
      reasonEn: string;
      /** false: listed for information (e.g. H1's weak_labour group) but not counted in total, met or failing */
      counted?: boolean;
    };

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

/** met ≥ minCoverage × total, compared so that 0.95 × 20 does not suffer from floating point. */
function coverageMet(met: number, total: number, minCoverage: number): boolean {
  return met >= minCoverage * total - 1e-9;
}

/**
 * The general evaluator every rule uses: classifies each subject, keeps every applicable one as a record (with
 * its figure and reason, met or not) and the failing ones with their reason. Status: `not_applicable` without
 * applicable subjects, else `met` when at least `minCoverage` of them meet the rule (default 1: every one).
 * `value`: the single subject's own figure when the rule judged one subject that has one (a county's industry
 * share), else the coverage met ÷ total. `threshold`: `opts.threshold`, else that single subject's threshold,
 * else `minCoverage`. A subject judged with `counted: false` is kept in `records` (flagged) but not counted.
 * @param facts the subjects' facts
 * @param config the pack's rule config
 * @param key the subject key (record id as text, or a region code) and the region code of a subject
 * @param classify the rule's judgement of one subject
 */
export function evaluateSubjects<F>(
  facts: readonly F[],
  config: RuleConfig,
  key: (f: F) => { key: string; regionCode: string },
  classify: (f: F) => SubjectOutcome,
  opts: { minCoverage?: number; threshold?: number | null } = {},
): RuleResult {
  const minCoverage = opts.minCoverage ?? 1;
  const failing: RuleFailure[] = [];
  const records: RuleRecord[] = [];
  const listed: RuleRecord[] = [];
  let met = 0;
  for (const f of facts) {
    const o = classify(f);
    if (o === 'not_applicable') continue;
    const k = key(f);
    const rec: RuleRecord = { key: k.key, regionCode: k.regionCode, met: o.met, reasonZh: o.reasonZh, reasonEn: o.reasonEn };
    if (o.value !== undefined) rec.value = o.value;
    if (o.threshold !== undefined) rec.threshold = o.threshold;
    if (o.groupCode !== undefined) rec.groupCode = o.groupCode;
    if (o.counted === false) {
      rec.counted = false;
      listed.push(rec);
      continue;
    }
    records.push(rec);
    if (o.met) met++;
    else failing.push({ key: k.key, regionCode: k.regionCode, reasonZh: o.reasonZh, reasonEn: o.reasonEn, ...(o.groupCode ? { groupCode: o.groupCode } : {}) });
  }
  const total = records.length;
  const status = total === 0 ? 'not_applicable' : coverageMet(met, total, minCoverage) ? 'met' : 'not_met';
  const single = total === 1 ? records[0] : undefined;
  const value = single && single.value !== undefined && single.value !== null ? single.value : coverageValue(met, total);
  const threshold = opts.threshold !== undefined ? opts.threshold : single?.threshold !== undefined ? single.threshold : minCoverage;
  return { ruleId: config.ruleId, clause: config.clause, status, total, met, value, threshold, failing, records: listed.length ? [...records, ...listed] : records };
}

/**
 * Shared evaluator of "share of applicable records that meet a condition ≥ params.minCoverage" rules.
 * @param facts the records
 * @param config the pack's rule config (reads `params.minCoverage`, 0..1)
 * @param key id and region code of a record
 * @param classify the rule's test of one record
 */
export function evaluateCoverage<F>(
  facts: readonly F[],
  config: RuleConfig,
  key: (f: F) => { id: number | string; regionCode: string },
  classify: (f: F) => CoverageOutcome,
): RuleResult {
  const threshold = numberParam(config, 'minCoverage');
  const result = evaluateSubjects(
    facts,
    config,
    (f) => {
      const k = key(f);
      return { key: String(k.id), regionCode: k.regionCode };
    },
    (f): SubjectOutcome => {
      const o = classify(f);
      if (o === 'not_applicable') return o;
      if (o === 'met') return { met: true, reasonZh: '符合', reasonEn: 'met' };
      return { met: false, reasonZh: o.reasonZh, reasonEn: o.reasonEn, ...(o.groupCode ? { groupCode: o.groupCode } : {}) };
    },
    { minCoverage: threshold, threshold },
  );
  return { ...result, value: coverageValue(result.met, result.total) };
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
    if (rec.counted === false) continue;
    const r = row(rec.regionCode);
    r.total++;
    if (rec.met) r.met++;
  }
  return [...rows.values()].map((r) => ({ ...r, value: coverageValue(r.met, r.total) })).sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
