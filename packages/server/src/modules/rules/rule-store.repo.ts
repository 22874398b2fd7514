import { and, eq, sql, type SQL } from 'drizzle-orm';
import { ruleEvaluations } from '@chanbang/db';
import type { Conn } from '../../deps.ts';
import { rowsOf } from '../regions/regions.repo.ts';
import { scopeWhere } from '../regions/scope.ts';
import { textArrayLiteral } from '../../sql-helpers.ts';

/** One stored result row (rule_results). */
export type StoredResult = {
  ruleId: string;
  year: number;
  subjectKey: string;
  regionCode: string;
  status: 'met' | 'not_met' | 'listed';
  value: number | null;
  threshold: number | null;
  groupCode: string | null;
  reasonZh: string | null;
  reasonEn: string | null;
};

/** Serialises refreshes of one county's stored results (inside the caller's transaction). */
export async function lockCounty(tx: Conn, county6: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`rules:${county6}`}))`);
}

/**
 * The settings of a refresh's transaction (PGlite accepts them too): no JIT compilation, and work_mem for the
 * gatherers' aggregates. With the default 4 MB the coverage facts' per-household aggregate of 311 000 persons spilled
 * 257 batches (32 MB) to disk, and support measures were sorted on disk.
 */
export async function gatherSettings(tx: Conn): Promise<void> {
  await tx.execute(sql`SELECT set_config('jit', 'off', true), set_config('work_mem', '48MB', true)`);
}

/** Exports the transaction's snapshot for other connections to read beside it (PostgreSQL; `DbHandle.readInSnapshot`). */
export async function exportSnapshot(tx: Conn): Promise<string> {
  return rowsOf<{ s: string }>(await tx.execute(sql`SELECT pg_export_snapshot() AS s`))[0]!.s;
}

/** The (rule, pack) of the county's stored evaluations of a year. */
export async function listEvaluations(tx: Conn, countyCode: string, year: number): Promise<Map<string, string>> {
  const rows = await tx
    .select({ ruleId: ruleEvaluations.ruleId, packId: ruleEvaluations.packId })
    .from(ruleEvaluations)
    .where(and(eq(ruleEvaluations.countyCode, countyCode), eq(ruleEvaluations.year, year)));
  return new Map(rows.map((r) => [r.ruleId, r.packId]));
}

/** Records that (rule, year) of the county is stored from `packId`. */
export async function upsertEvaluation(tx: Conn, ruleId: string, year: number, countyCode: string, packId: string): Promise<void> {
  await tx
    .insert(ruleEvaluations)
    .values({ ruleId, year, countyCode, packId })
    .onConflictDoUpdate({ target: [ruleEvaluations.ruleId, ruleEvaluations.year, ruleEvaluations.countyCode], set: { packId, evaluatedAt: sql`now()` } });
}

/** Forgets a county's stored evaluations (all, or of some rules in years other than `exceptYear`): the next read evaluates in full. */
export async function deleteEvaluations(tx: Conn, countyCode: string, opts: { ruleIds?: string[]; exceptYear?: number } = {}): Promise<void> {
  const conds: SQL[] = [sql`county_code = ${countyCode}`];
  if (opts.ruleIds) {
    if (opts.ruleIds.length === 0) return;
    conds.push(sql`rule_id = ANY(${textArrayLiteral(opts.ruleIds)}::text[])`);
  }
  if (opts.exceptYear !== undefined) conds.push(sql`year <> ${opts.exceptYear}`);
  await tx.execute(sql`DELETE FROM rule_evaluations WHERE ${sql.join(conds, sql` AND `)}`);
}

/**
 * Takes the county's dirty marks: deletes every mark this transaction sees and returns the distinct (kind, village)
 * pairs. A mark a writer has not yet committed is not seen, so it stays for the next refresh; reading a highest id
 * and deleting up to it later would also delete such a mark once committed if its id was drawn before the highest
 * (ids are drawn when inserted, not when committed), and its edit would never be re-judged. Rolled back with the
 * refresh's transaction.
 */
export async function takeDirty(tx: Conn, county6: string): Promise<{ kind: string; regionCode: string }[]> {
  const marks = rowsOf<{ kind: string; region_code: string }>(
    await tx.execute(sql`WITH taken AS (DELETE FROM rule_dirty WHERE ${scopeWhere(sql`region_code`, county6)} RETURNING kind, region_code)
      SELECT DISTINCT kind, region_code FROM taken`),
  );
  return marks.map((m) => ({ kind: m.kind, regionCode: m.region_code }));
}

/**
 * In ONE round trip, what a read needs to know whether the county's results are current: whether it has a dirty
 * mark (one index probe), the value of its pack setting (`settingKey`), and its stored evaluations of the year.
 */
export async function freshnessOf(db: Conn, countyCode: string, year: number, settingKey: string): Promise<{ dirty: boolean; chosen: unknown; evaluations: Map<string, string> }> {
  const [row] = rowsOf<{ dirty: boolean; chosen: unknown; evaluations: [string, string][] | string | null }>(
    await db.execute(sql`SELECT EXISTS (SELECT 1 FROM rule_dirty WHERE ${scopeWhere(sql`region_code`, countyCode.slice(0, 6))}) AS dirty,
      (SELECT s.value FROM settings s WHERE s.key = ${settingKey}) AS chosen,
      (SELECT json_agg(json_build_array(e.rule_id, e.pack_id)) FROM rule_evaluations e WHERE e.county_code = ${countyCode} AND e.year = ${year}) AS evaluations`),
  );
  const pairs = typeof row?.evaluations === 'string' ? (JSON.parse(row.evaluations) as [string, string][]) : (row?.evaluations ?? []);
  return { dirty: Boolean(row?.dirty), chosen: row?.chosen ?? undefined, evaluations: new Map(pairs) };
}

// md5 of a stored row's fields as result-digest.ts `resultDigestText` joins them in JavaScript
const ROW_DIGEST = sql`md5(concat_ws(chr(31), r.region_code, r.status, coalesce(trim_scale(r.value)::text, '~'), coalesce(trim_scale(r.threshold)::text, '~'),
  coalesce(r.group_code, '~'), coalesce(r.reason_zh, '~'), coalesce(r.reason_en, '~')))`;

/** A stored result's md5 (as result-digest.ts `resultDigest`) and the village it is counted under. */
export type StoredDigest = { digest: string; village: string };

const digestsOf = (res: unknown): Map<string, StoredDigest> => new Map(rowsOf<{ k: string; h: string; v: string }>(res).map((r) => [r.k, { digest: r.h, village: r.v }]));

/** md5 of every stored result of a rule and year under a prefix, by subject key (one index range scan). */
export async function storedDigests(tx: Conn, ruleId: string, year: number, prefix: string): Promise<Map<string, StoredDigest>> {
  return digestsOf(
    await tx.execute(
      sql`SELECT r.subject_key AS k, ${ROW_DIGEST} AS h, left(r.region_code, 12) AS v FROM rule_results r
        WHERE r.rule_id = ${ruleId} AND r.year = ${year} AND ${scopeWhere(sql`r.region_code`, prefix)}`,
    ),
  );
}

/**
 * {@link storedDigests} of the results under some villages only: one index range per village (region codes are
 * digits, so [village, village || '~') is the village and its groups), not a scan of the whole prefix.
 */
export async function storedDigestsOfVillages(tx: Conn, ruleId: string, year: number, villages: readonly string[]): Promise<Map<string, StoredDigest>> {
  if (villages.length === 0) return new Map();
  return digestsOf(
    await tx.execute(sql`SELECT r.subject_key AS k, ${ROW_DIGEST} AS h, left(r.region_code, 12) AS v
      FROM jsonb_array_elements_text(${JSON.stringify(villages)}::jsonb) AS v(code)
        JOIN rule_results r ON r.rule_id = ${ruleId} AND r.year = ${year} AND r.region_code ~>=~ v.code AND r.region_code ~<~ (v.code || '~')`),
  );
}

/** The digests of the villages under a prefix whose results of a rule and year are as the rule layer last wrote them (migration 0010). */
export async function storedVillageDigests(tx: Conn, ruleId: string, year: number, prefix: string): Promise<Map<string, string>> {
  const res = await tx.execute(
    sql`SELECT village_code AS v, digest AS h FROM rule_result_digests WHERE rule_id = ${ruleId} AND year = ${year} AND ${scopeWhere(sql`village_code`, prefix)}`,
  );
  return new Map(rowsOf<{ v: string; h: string }>(res).map((r) => [r.v, r.h]));
}

/** Records the digests of villages whose results were just made equal to an evaluation (migration 0010). */
export async function writeVillageDigests(tx: Conn, ruleId: string, year: number, digests: readonly { village: string; digest: string }[]): Promise<void> {
  if (!digests.length) return;
  await tx.execute(sql`INSERT INTO rule_result_digests (rule_id, year, village_code, digest)
    SELECT ${ruleId}, ${year}, x.village, x.digest FROM jsonb_to_recordset(${JSON.stringify(digests)}::jsonb) AS x(village varchar, digest varchar)
    ON CONFLICT (rule_id, year, village_code) DO UPDATE SET digest = excluded.digest`);
}

/** Deletes a rule's stored results of a year by subject key. */
export async function deleteResultKeys(tx: Conn, ruleId: string, year: number, keys: readonly string[]): Promise<void> {
  for (let i = 0; i < keys.length; i += BATCH) {
    const slice = keys.slice(i, i + BATCH);
    await tx.execute(
      sql`DELETE FROM rule_results WHERE rule_id = ${ruleId} AND year = ${year} AND subject_key IN (SELECT jsonb_array_elements_text(${JSON.stringify(slice)}::jsonb))`,
    );
  }
}

const BATCH = 5_000;

/**
 * Stores results, 5 000 rows per statement passed as ONE jsonb parameter (jsonb_to_recordset: no per-value
 * parameters to bind); a subject stored elsewhere before — it moved — is overwritten.
 */
export async function insertResults(tx: Conn, rows: StoredResult[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    const json = JSON.stringify(
      rows.slice(i, i + BATCH).map((r) => ({
        rule_id: r.ruleId,
        year: r.year,
        subject_key: r.subjectKey,
        region_code: r.regionCode,
        status: r.status,
        value: r.value,
        threshold: r.threshold,
        group_code: r.groupCode,
        reason_zh: r.reasonZh,
        reason_en: r.reasonEn,
      })),
    );
    await tx.execute(sql`INSERT INTO rule_results (rule_id, year, subject_key, region_code, status, value, threshold, group_code, reason_zh, reason_en)
      SELECT rule_id, year, subject_key, region_code, status, value, threshold, group_code, reason_zh, reason_en
      FROM jsonb_to_recordset(${json}::jsonb) AS x(rule_id varchar, year int, subject_key varchar, region_code varchar, status varchar, value numeric, threshold numeric,
        group_code varchar, reason_zh text, reason_en text)
      ON CONFLICT (rule_id, year, subject_key) DO UPDATE SET region_code = excluded.region_code, status = excluded.status, value = excluded.value,
        threshold = excluded.threshold, group_code = excluded.group_code, reason_zh = excluded.reason_zh, reason_en = excluded.reason_en`);
  }
}
