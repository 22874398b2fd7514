import { createHash, hash } from 'node:crypto';
import type { RuleRecord } from '@chanbang/domain';

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

/** What a result is compared on: its stored row's fields (a stored result, or a record with the status it is stored with). */
type DigestFields = {
  regionCode: string;
  status: string;
  value: number | null;
  threshold: number | null;
  groupCode: string | null;
  reasonZh: string | null;
  reasonEn: string | null;
};

/**
 * The text `storedDigests` (rule-store.repo.ts) hashes for a stored result, built the same way in JavaScript. Plain
 * concatenation, no inner closure nor array: it runs for every subject of every rule of a full evaluation.
 */
export function resultDigestText(r: DigestFields): string {
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
export function resultDigest(r: DigestFields): string {
  // crypto.hash, one call per row: 40 % less than createHash().update().digest() on 100 000 rows
  return hash('md5', resultDigestText(r));
}

/** The status a record is stored with. */
export function storedStatus(r: RuleRecord): 'met' | 'not_met' | 'listed' {
  return r.counted === false ? 'listed' : r.met ? 'met' : 'not_met';
}

/** A record's digest text ({@link resultDigestText} of the row it is stored as), without building that row. */
function recordDigestText(r: RuleRecord): string {
  return resultDigestText({
    regionCode: r.regionCode,
    status: storedStatus(r),
    value: r.value ?? null,
    threshold: r.threshold ?? null,
    groupCode: r.groupCode ?? null,
    reasonZh: r.reasonZh ?? null,
    reasonEn: r.reasonEn ?? null,
  });
}

/** The village a result is counted under in rule_result_digests (the trigger of migration 0010 takes the same). */
const villageOf = (regionCode: string): string => regionCode.slice(0, 12);

function byKey(a: RuleRecord, b: RuleRecord): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/**
 * Records grouped by village, each group with its digest: sha1 (base64) of its records sorted by subject key, each as
 * key and digest text. Equal digests ⇔ (but for a collision) equal results, whatever order they were produced in.
 * Only this code computes and compares village digests (rule_result_digests), so the hash is free to choose: sha1 is
 * about 40 % faster than md5 on processors with SHA instructions, and a county's full evaluation hashes about 80 MB.
 */
export function villageDigests(records: readonly RuleRecord[]): Map<string, { records: RuleRecord[]; digest: string }> {
  const byVillage = new Map<string, RuleRecord[]>();
  for (const r of records) {
    const v = villageOf(r.regionCode);
    const list = byVillage.get(v);
    if (list) list.push(r);
    else byVillage.set(v, [r]);
  }
  const out = new Map<string, { records: RuleRecord[]; digest: string }>();
  for (const [v, list] of byVillage) {
    list.sort(byKey);
    let text = '';
    for (const r of list) text += r.key + SEP + recordDigestText(r) + RS;
    // hashed as UTF-16 (V8's own string bytes, copied as they are) rather than encoded to UTF-8 first: a third faster
    // on reasons half Chinese
    out.set(v, { records: list, digest: createHash('sha1').update(Buffer.from(text, 'utf16le')).digest('base64') });
  }
  return out;
}
