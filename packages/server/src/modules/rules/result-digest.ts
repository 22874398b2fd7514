import { hash } from 'node:crypto';
import type { StoredResult } from './rule-store.repo.ts';

// The fields a stored result is compared on, joined by the unit separator (never in a reason); NULL is '~'.
const SEP = '\u001f';
// between the results of one village in its digest (the record separator, never in a field either)
const RS = '\u001e';
const NULL_MARK = '~';

/** A figure as `numeric(18, 4)` keeps it and `trim_scale(…)::text` prints it: 4 decimals at most, no trailing zeros. */
function storedNumberText(v: number | null): string {
  if (v === null) return NULL_MARK;
  // an integer (a count, an amount in 元 without 分) prints as itself
  if (Number.isInteger(v)) return String(v || 0);
  return String(Number(v.toFixed(4)) || 0);
}

/**
 * The text `storedDigests` (rule-store.repo.ts) hashes for a stored result, built the same way in JavaScript. Plain
 * concatenation, no inner closure nor array: it runs for every subject of every rule of a full evaluation.
 */
export function resultDigestText(r: StoredResult): string {
  return (
    r.regionCode +
    SEP +
    r.status +
    SEP +
    storedNumberText(r.value) +
    SEP +
    storedNumberText(r.threshold) +
    SEP +
    (r.groupCode ?? NULL_MARK) +
    SEP +
    (r.reasonZh ?? NULL_MARK) +
    SEP +
    (r.reasonEn ?? NULL_MARK)
  );
}

/** md5 of one result's digest text, as `storedDigests` reads it from the stored row. */
export function resultDigest(r: StoredResult): string {
  // crypto.hash, one call per row: 40 % less than createHash().update().digest() on 100 000 rows
  return hash('md5', resultDigestText(r));
}

/** The village a result is counted under in rule_result_digests (the trigger of migration 0010 takes the same). */
const villageOf = (regionCode: string): string => regionCode.slice(0, 12);

function bySubjectKey(a: StoredResult, b: StoredResult): number {
  return a.subjectKey < b.subjectKey ? -1 : a.subjectKey > b.subjectKey ? 1 : 0;
}

/**
 * Results grouped by village, each group with its digest: md5 of its results sorted by subject key, each as key and
 * digest text. Equal digests ⇔ (but for a collision of md5) equal results, whatever order they were produced in.
 */
export function villageDigests(rows: readonly StoredResult[]): Map<string, { rows: StoredResult[]; digest: string }> {
  const byVillage = new Map<string, StoredResult[]>();
  for (const r of rows) {
    const v = villageOf(r.regionCode);
    const list = byVillage.get(v);
    if (list) list.push(r);
    else byVillage.set(v, [r]);
  }
  const out = new Map<string, { rows: StoredResult[]; digest: string }>();
  for (const [v, list] of byVillage) {
    list.sort(bySubjectKey);
    let text = '';
    for (const r of list) text += r.subjectKey + SEP + resultDigestText(r) + RS;
    out.set(v, { rows: list, digest: hash('md5', text) });
  }
  return out;
}
