import { sql, type SQL } from 'drizzle-orm';
import type { Conn } from '../../deps.ts';
import { rowsOf } from '../regions/regions.repo.ts';
import { scopeWhere } from '../regions/scope.ts';
import { idArrayLiteral, textArrayLiteral } from '../../sql-helpers.ts';

const textArray = (codes: readonly string[]) => sql`${textArrayLiteral(codes)}::text[]`;

/** Counted subjects, met ones and the single subject's figure of stored results (per rule, or per child region). */
export type ResultCounts = { key: string; total: number; met: number; listed: number; value: number | null; threshold: number | null; status: string | null };

function counts(rows: { k: string; total: unknown; met: unknown; listed: unknown; value: unknown; threshold: unknown; status: string | null }[]): ResultCounts[] {
  return rows.map((r) => ({
    key: r.k,
    total: Number(r.total),
    met: Number(r.met),
    listed: Number(r.listed),
    value: r.value === null || r.value === undefined ? null : Number(r.value),
    threshold: r.threshold === null || r.threshold === undefined ? null : Number(r.threshold),
    status: r.status,
  }));
}

const AGG = sql`count(*) FILTER (WHERE status <> 'listed') AS total, count(*) FILTER (WHERE status = 'met') AS met, count(*) FILTER (WHERE status = 'listed') AS listed,
  min(value) AS value, min(threshold) AS threshold, min(status) AS status`;

const COUNT_AGG = sql`coalesce(sum(n) FILTER (WHERE status <> 'listed'), 0) AS total, coalesce(sum(n) FILTER (WHERE status = 'met'), 0) AS met,
  coalesce(sum(n) FILTER (WHERE status = 'listed'), 0) AS listed, NULL AS value, NULL AS threshold, NULL AS status`;

/**
 * Counts from rule_result_counts (migration 0005: a few rows per village, not one per subject), grouped by `key`;
 * where a group counts exactly one subject, its own value, threshold and status are read from rule_results (a
 * county's or township's money is one subject: few rows to read).
 */
async function countsOf(db: Conn, key: SQL, where: SQL): Promise<ResultCounts[]> {
  const rows = counts(rowsOf(await db.execute(sql`SELECT ${key} AS k, ${COUNT_AGG} FROM rule_result_counts WHERE ${where} AND n <> 0 GROUP BY 1 HAVING sum(n) > 0`)));
  const single = rows.filter((r) => r.total === 1);
  if (single.length === 0) return rows;
  const keys = single.map((r) => r.key);
  const singles = new Map(
    counts(rowsOf(await db.execute(sql`SELECT ${key} AS k, ${AGG} FROM rule_results WHERE ${where} AND ${key} = ANY(${textArray(keys)}) AND status <> 'listed' GROUP BY 1`))).map(
      (r) => [r.key, r],
    ),
  );
  return rows.map((r) => {
    const one = r.total === 1 ? singles.get(r.key) : undefined;
    return one ? { ...r, value: one.value, threshold: one.threshold, status: one.status } : r;
  });
}

/** Per rule: counts of its stored results of `year` under `prefix` (value/threshold/status are set when total = 1). */
export async function countByRule(db: Conn, ruleIds: readonly string[], year: number, prefix: string): Promise<ResultCounts[]> {
  if (ruleIds.length === 0) return [];
  const where = sql`rule_id = ANY(${textArray(ruleIds)}) AND year = ${year} AND ${scopeWhere(sql`region_code`, prefix)}`;
  return countsOf(db, sql`rule_id`, where);
}

/** Per child region (the first `childLen` characters of the region code): counts of one rule's results. */
export async function countByChild(db: Conn, ruleId: string, year: number, prefix: string, childLen: number): Promise<ResultCounts[]> {
  const where = sql`rule_id = ${ruleId} AND year = ${year} AND ${scopeWhere(sql`region_code`, prefix)}`;
  return countsOf(db, sql`left(region_code, ${sql.raw(String(Math.trunc(childLen)))})`, where);
}

/** Subjects per group of one rule's results (failing and listed ones). */
export async function countByGroup(db: Conn, ruleId: string, year: number, prefix: string): Promise<{ code: string; count: number }[]> {
  const res = await db.execute(sql`SELECT group_code AS code, sum(n) AS n FROM rule_result_counts
    WHERE rule_id = ${ruleId} AND year = ${year} AND ${scopeWhere(sql`region_code`, prefix)} AND group_code <> '' AND status <> 'met' GROUP BY 1 HAVING sum(n) > 0 ORDER BY 1`);
  return rowsOf<{ code: string; n: unknown }>(res).map((r) => ({ code: r.code, count: Number(r.n) }));
}

export type ResultRow = {
  subjectKey: string;
  regionCode: string;
  status: string;
  value: number | null;
  threshold: number | null;
  groupCode: string | null;
  reasonZh: string | null;
  reasonEn: string | null;
};

/** A page of one rule's stored results under `prefix`, filtered by status and group, with the matching total. */
export async function listResults(
  db: Conn,
  q: { ruleId: string; year: number; prefix: string; status?: string | undefined; group?: string | undefined; limit: number; offset: number },
): Promise<{ rows: ResultRow[]; total: number }> {
  // region_code in byte order ("C"): the prefix and the order are one range of rule_results_page_idx, so the first
  // page of a city's failing households is read from the index, not sorted
  const conds: SQL[] = [sql`rule_id = ${q.ruleId}`, sql`year = ${q.year}`, scopeWhere(sql`(region_code COLLATE "C")`, q.prefix)];
  if (q.status) conds.push(sql`status = ${q.status}`);
  if (q.group) conds.push(sql`group_code = ${q.group}`);
  const where = sql.join(conds, sql` AND `);
  // the total from the counts (a city's failing households are not counted one by one for each page)
  const countConds: SQL[] = [sql`rule_id = ${q.ruleId}`, sql`year = ${q.year}`, scopeWhere(sql`region_code`, q.prefix)];
  if (q.status) countConds.push(sql`status = ${q.status}`);
  if (q.group) countConds.push(sql`group_code = ${q.group}`);
  const [page, total] = await Promise.all([
    db.execute(sql`SELECT subject_key, region_code, status, value, threshold, group_code, reason_zh, reason_en FROM rule_results WHERE ${where}
      ORDER BY (region_code COLLATE "C"), length(subject_key), subject_key LIMIT ${q.limit} OFFSET ${q.offset}`),
    db.execute(sql`SELECT coalesce(sum(n), 0) AS n FROM rule_result_counts WHERE ${sql.join(countConds, sql` AND `)}`),
  ]);
  const rows = rowsOf<{
    subject_key: string;
    region_code: string;
    status: string;
    value: unknown;
    threshold: unknown;
    group_code: string | null;
    reason_zh: string | null;
    reason_en: string | null;
  }>(page);
  return {
    rows: rows.map((r) => ({
      subjectKey: r.subject_key,
      regionCode: r.region_code,
      status: r.status,
      value: r.value === null ? null : Number(r.value),
      threshold: r.threshold === null ? null : Number(r.threshold),
      groupCode: r.group_code,
      reasonZh: r.reason_zh,
      reasonEn: r.reason_en,
    })),
    total: Number(rowsOf<{ n: unknown }>(total)[0]?.n ?? 0),
  };
}

/**
 * The subjects failing a rule under `prefix` as a driving subquery for a list (households.repo `drive`): `id`,
 * `region` (byte order) and `key`, readable in the order `region, length(key), key` straight from
 * rule_results_page_idx. Only active households in scope are stored for household rules, so it also counts them.
 */
export function failingSubjectsSql(ruleId: string, year: number, prefix: string): SQL {
  return sql`SELECT subject_key::bigint AS id, (region_code COLLATE "C") AS region, subject_key AS key FROM rule_results
    WHERE rule_id = ${ruleId} AND year = ${year} AND status = 'not_met' AND ${scopeWhere(sql`(region_code COLLATE "C")`, prefix)}`;
}

/** Ids of the households failing a household rule (stored results with status not_met) under `prefix`. */
export async function failingSubjectIds(db: Conn, ruleId: string, year: number, prefix: string): Promise<number[]> {
  const res = await db.execute(
    sql`SELECT subject_key FROM rule_results WHERE rule_id = ${ruleId} AND year = ${year} AND status = 'not_met' AND ${scopeWhere(sql`region_code`, prefix)}`,
  );
  return rowsOf<{ subject_key: string }>(res)
    .map((r) => Number(r.subject_key))
    .filter((n) => Number.isSafeInteger(n));
}

/** What a subject's label is read from: a record by id, a J3 pair `entityId:personId`, a region by code. */
export type LabelKind = 'household' | 'person' | 'pair' | 'entity' | 'project' | 'loan' | 'post' | 'region';

/** A subject's label and the household or entity it belongs to (for its link). */
export type SubjectLabel = { label: string; householdId: number | null; householdNo: string | null; entityId: number | null };

type LabelRow = { k: string; label: string | null; household_id?: unknown; household_no?: string | null; entity_id?: unknown };

const idOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** `entityId:personId` keys (J3) as two id arrays, in key order; malformed keys left out. */
function pairIds(keys: readonly string[]): { entities: number[]; persons: number[] } {
  const entities: number[] = [];
  const persons: number[] = [];
  for (const k of keys) {
    const m = /^(\d+):(\d+)$/.exec(k);
    if (!m || !Number.isSafeInteger(Number(m[1])) || !Number.isSafeInteger(Number(m[2]))) continue;
    entities.push(Number(m[1]));
    persons.push(Number(m[2]));
  }
  return { entities, persons };
}

/** Person label: 姓名（户编号） — never an ID number. */
const PERSON_LABEL = sql`p.name || COALESCE('（' || h.household_no || '）', '')`;

/**
 * Labels of subjects by kind: households (户编号 户主), persons (姓名（户编号）, with their household), J3 pairs (企业名称 ·
 * 姓名（户编号）, with the entity and the household), entities, posts and projects by id, loans (户编号), regions by code
 * (a 组 as 村名组名).
 */
export async function subjectLabels(db: Conn, kind: LabelKind, keys: readonly string[]): Promise<Map<string, SubjectLabel>> {
  if (keys.length === 0) return new Map();
  const ids = keys.map(Number).filter((n) => Number.isSafeInteger(n) && n > 0);
  const idList = sql`${idArrayLiteral(ids)}::bigint[]`;
  let res: unknown;
  if (kind === 'region')
    res = await db.execute(sql`SELECT r.code AS k, CASE WHEN r.level = 'group' THEN COALESCE(v.name, '') || r.name ELSE r.name END AS label
      FROM regions r LEFT JOIN regions v ON v.code = r.parent_code WHERE r.code = ANY(${textArray(keys)})`);
  else if (kind === 'pair') {
    const { entities, persons } = pairIds(keys);
    if (persons.length === 0) return new Map();
    res = await db.execute(sql`SELECT x.e::text || ':' || x.p::text AS k, COALESCE(e.name || ' · ', '') || ${PERSON_LABEL} AS label,
        p.household_id, h.household_no, e.id AS entity_id
      FROM unnest(${idArrayLiteral(entities)}::bigint[], ${idArrayLiteral(persons)}::bigint[]) AS x(e, p)
        JOIN persons p ON p.id = x.p JOIN households h ON h.id = p.household_id LEFT JOIN entities e ON e.id = x.e`);
  } else if (ids.length === 0) return new Map();
  else if (kind === 'household')
    res =
      await db.execute(sql`SELECT h.id::text AS k, h.household_no || COALESCE(' ' || (SELECT p.name FROM persons p WHERE p.household_id = h.id AND p.is_head LIMIT 1), '') AS label,
        h.id AS household_id, h.household_no FROM households h WHERE h.id = ANY(${idList})`);
  else if (kind === 'person')
    res = await db.execute(sql`SELECT p.id::text AS k, ${PERSON_LABEL} AS label, p.household_id, h.household_no
      FROM persons p JOIN households h ON h.id = p.household_id WHERE p.id = ANY(${idList})`);
  else if (kind === 'entity') res = await db.execute(sql`SELECT id::text AS k, name AS label, id AS entity_id FROM entities WHERE id = ANY(${idList})`);
  else if (kind === 'post') res = await db.execute(sql`SELECT id::text AS k, name AS label FROM public_welfare_posts WHERE id = ANY(${idList})`);
  else if (kind === 'project') res = await db.execute(sql`SELECT id::text AS k, project_no || ' ' || name AS label FROM projects WHERE id = ANY(${idList})`);
  else
    res = await db.execute(
      sql`SELECT l.id::text AS k, h.household_no AS label, h.id AS household_id, h.household_no FROM loans l JOIN households h ON h.id = l.household_id WHERE l.id = ANY(${idList})`,
    );
  return new Map(
    rowsOf<LabelRow>(res)
      .filter((r) => r.label !== null)
      .map((r) => [r.k, { label: r.label!, householdId: idOrNull(r.household_id), householdNo: r.household_no ?? null, entityId: idOrNull(r.entity_id) }]),
  );
}

/** Names of regions by code (a 组 as 村名组名: 石门村第一村民小组). */
export async function regionNames(db: Conn, codes: readonly string[]): Promise<Map<string, string>> {
  const labels = await subjectLabels(db, 'region', [...new Set(codes)]);
  return new Map([...labels].map(([k, v]) => [k, v.label]));
}
