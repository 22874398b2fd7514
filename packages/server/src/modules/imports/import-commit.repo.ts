import { open, readFile } from 'node:fs/promises';
import type { RawTx } from '@chanbang/db';
import { OUT_OF_SCOPE_HOUSEHOLD_NO_CONFLICT, OUT_OF_SCOPE_ID_CONFLICT } from '@chanbang/domain';
import { moveChildrenStatements } from '../households/household-tables.ts';

/**
 * Columns of the staging file written by validation (one COPY csv line per good person row, only for
 * households without any bad row). Codes are already resolved; `risk_types` is a text[] literal.
 */
export const STAGE_COLUMNS = [
  'row_no',
  'household_no',
  'region_code',
  'household_type',
  'monitoring_type',
  'risk_types',
  'lifted_year',
  'address',
  'id_number',
  'name',
  'gender',
  'birth_date',
  'relation',
  'is_head',
  'labor_capacity',
  'health_status',
  'education',
  'employment_status',
  'phone',
  'is_lifted',
  'lifted_category',
  'monitoring_status',
  'monitoring_since',
  'eliminated_at',
  'elimination_method',
  'housing_secure',
  'water_secure',
  'education_secure',
  'medical_secure',
  'income_year',
  'income',
  'measures',
  'id_type',
  'person_no',
  'ethnicity',
  'school_status',
  'work_months',
  'disability_type',
  'disability_grade',
  'health_statuses',
] as const;

const STAGE_DDL = `CREATE TEMP TABLE import_stage (
  row_no integer, household_no varchar(32), region_code varchar(15), household_type varchar(24), monitoring_type varchar(24),
  risk_types text[], lifted_year integer, address text, id_number varchar(32), name text, gender varchar(4), birth_date date,
  relation varchar(8), is_head boolean, labor_capacity varchar(24), health_status varchar(24), education varchar(24),
  employment_status varchar(24), phone varchar(32), is_lifted boolean, lifted_category varchar(24), monitoring_status varchar(16),
  monitoring_since date, eliminated_at date, elimination_method varchar(16), housing_secure boolean, water_secure boolean,
  education_secure boolean, medical_secure boolean, income_year integer, income jsonb, measures jsonb, id_type varchar(8),
  person_no varchar(32), ethnicity varchar(4), school_status varchar(24), work_months smallint, disability_type varchar(16),
  disability_grade varchar(8), health_statuses text[]
) ON COMMIT DROP`;

/** What the commit found and did, in counts, plus the households it had to leave out and why. */
export type CommitCounts = {
  stagedRows: number;
  householdsCreated: number;
  householdsUpdated: number;
  householdsUnchanged: number;
  personsCreated: number;
  personsUpdated: number;
  personsMoved: number;
  /** household_incomes rows written (new or changed) */
  incomesWritten: number;
  /** support_measures rows added */
  measuresCreated: number;
  /** monitoring cases recorded for 监测户 that had none (identified in the national system) */
  casesCreated: number;
  excluded: { householdNo: string; messageZh: string; messageEn: string }[];
};

/** Who commits; rows outside `scopePrefix` were already refused by validation and are refused again here. */
export type CommitActor = { id: number; name: string; scopePrefix: string; regionCode: string };

/** Reads a file in chunks of whole lines (split at the last newline of each chunk). */
export async function* lineChunks(path: string, size: number): AsyncGenerator<Buffer> {
  const fh = await open(path, 'r');
  try {
    let carry = Buffer.alloc(0);
    for (;;) {
      const buf = Buffer.allocUnsafe(size);
      const { bytesRead } = await fh.read(buf, 0, size, null);
      if (bytesRead === 0) break;
      const data = carry.length ? Buffer.concat([carry, buf.subarray(0, bytesRead)]) : buf.subarray(0, bytesRead);
      const cut = data.lastIndexOf(0x0a) + 1;
      if (cut > 0) yield data.subarray(0, cut);
      carry = Buffer.from(data.subarray(cut));
    }
    if (carry.length) yield carry;
  } finally {
    await fh.close();
  }
}

/** 户编号 of the households validation left out whole (one per line; none when the file is absent). */
export async function readExcludedHouseholdNos(path: string): Promise<string[]> {
  const text = await readFile(path, 'utf8').catch(() => '');
  return text.split('\n').filter(Boolean);
}

/**
 * Stages one batch of the staging file (whole CSV lines) into `import_stage_rows` for the job, each row in the
 * chunk its 户编号 hashes to (so a household is never split), leaving out the households validation excluded.
 * @returns rows staged
 */
export async function stageBatch(tx: RawTx, jobId: number, chunks: number, csv: Buffer, excludedNos: string[]): Promise<number> {
  await tx.query(STAGE_DDL.replace('import_stage (', 'import_stage_load ('));
  await tx.copyFromCsv(`COPY import_stage_load (${STAGE_COLUMNS.join(', ')}) FROM STDIN WITH (FORMAT csv)`, csv);
  const [r] = await tx.query<{ n: number }>(
    `WITH ins AS (
       INSERT INTO import_stage_rows (job_id, chunk_no, ${STAGE_COLUMNS.join(', ')})
       SELECT $1, mod(abs(hashtext(household_no)::bigint), $2::bigint)::int, ${STAGE_COLUMNS.join(', ')} FROM import_stage_load
        WHERE household_no NOT IN (SELECT unnest($3::text[]))
       RETURNING 1)
     SELECT count(*)::int AS n FROM ins`,
    [jobId, chunks, excludedNos],
  );
  return r?.n ?? 0;
}

/**
 * Pairs of staged households of one chunk and staged households of other chunks that a person moves between
 * (the person is a member of the other one now): both must be committed in the same chunk, or the one written
 * first would show the person twice or not at all until the other is written.
 */
export async function findMovesAcrossChunks(tx: Pick<RawTx, 'query'>, jobId: number, chunkNo: number): Promise<{ a: string; aChunk: number; b: string; bChunk: number }[]> {
  const rows = await tx.query<{ a: string; b: string; b_chunk: number }>(
    `SELECT DISTINCT s.household_no AS a, h.household_no AS b, o.chunk_no AS b_chunk
       FROM import_stage_rows s JOIN persons p ON p.id_number = s.id_number JOIN households h ON h.id = p.household_id
       JOIN LATERAL (SELECT chunk_no FROM import_stage_rows o WHERE o.job_id = $1 AND o.household_no = h.household_no LIMIT 1) o ON true
      WHERE s.job_id = $1 AND s.chunk_no = $2 AND h.household_no <> s.household_no AND o.chunk_no <> $2`,
    [jobId, chunkNo],
  );
  return rows.map((r) => ({ a: r.a, aChunk: chunkNo, b: r.b, bChunk: Number(r.b_chunk) }));
}

/** Moves the staged rows of some households into one chunk. */
export async function moveToChunk(tx: Pick<RawTx, 'query'>, jobId: number, householdNos: string[], chunkNo: number): Promise<void> {
  await tx.query('UPDATE import_stage_rows SET chunk_no = $3 WHERE job_id = $1 AND household_no = ANY($2::text[])', [jobId, householdNos, chunkNo]);
}

/** Removes a job's staged rows (before staging again, and chunk by chunk once it is done). */
export async function deleteStagedRows(tx: Pick<RawTx, 'query'>, jobId: number, chunkNo?: number): Promise<void> {
  if (chunkNo === undefined) await tx.query('DELETE FROM import_stage_rows WHERE job_id = $1', [jobId]);
  else await tx.query('DELETE FROM import_stage_rows WHERE job_id = $1 AND chunk_no = $2', [jobId, chunkNo]);
}

/**
 * Loads one chunk of the job's staged rows into the transaction's temp table `import_stage` (dropped at
 * COMMIT), indexed and analysed for the upserts. @returns rows loaded
 */
export async function loadChunk(tx: RawTx, jobId: number, chunkNo: number): Promise<number> {
  await tx.query(STAGE_DDL);
  const [r] = await tx.query<{ n: number }>(
    `WITH ins AS (INSERT INTO import_stage (${STAGE_COLUMNS.join(', ')})
       SELECT ${STAGE_COLUMNS.join(', ')} FROM import_stage_rows WHERE job_id = $1 AND chunk_no = $2 RETURNING 1)
     SELECT count(*)::int AS n FROM ins`,
    [jobId, chunkNo],
  );
  await tx.query('CREATE INDEX ON import_stage (household_no)');
  // no index on id_number: every join on it is driven from the stage into the unique index of persons
  await tx.query('ANALYZE import_stage (household_no, id_number)');
  return r?.n ?? 0;
}

/**
 * Drops from the stage every household that may not be written: its number belongs to a household outside
 * the importer's region, or one of its persons belongs to a household outside that region, or is the head
 * of another household that this file does not re-import (a person moves only when the move is allowed).
 * Checked in each chunk's own transaction (so against the data as it is then); "this file" is every staged row
 * of the job, whichever chunk it is in.
 */
export async function excludeForbiddenHouseholds(tx: RawTx, actor: CommitActor, jobId: number): Promise<CommitCounts['excluded']> {
  const like = `${actor.scopePrefix}%`;
  const rows = await tx.query<{ household_no: string; reason: string; other: string | null }>(
    `SELECT DISTINCT ON (household_no) household_no, reason, other FROM (
       SELECT h.household_no, 'household_scope' AS reason, h.household_no AS other
         FROM (SELECT DISTINCT household_no FROM import_stage) s JOIN households h ON h.household_no = s.household_no
        WHERE h.region_code NOT LIKE $1
       UNION ALL
       SELECT s.household_no, CASE WHEN h.region_code NOT LIKE $1 THEN 'person_scope' ELSE 'person_head' END, h.household_no
         FROM import_stage s JOIN persons p ON p.id_number = s.id_number JOIN households h ON h.id = p.household_id
        WHERE h.household_no <> s.household_no
          AND (h.region_code NOT LIKE $1 OR (p.is_head AND NOT EXISTS (SELECT 1 FROM import_stage_rows s2 WHERE s2.job_id = $2 AND s2.household_no = h.household_no)))
     ) x ORDER BY household_no`,
    [like, jobId],
  );
  if (rows.length === 0) return [];
  await tx.query('DELETE FROM import_stage WHERE household_no = ANY($1::text[])', [rows.map((r) => r.household_no)]);
  return rows.map((r) => {
    if (r.reason === 'household_scope') {
      return {
        householdNo: r.household_no,
        messageZh: `${OUT_OF_SCOPE_HOUSEHOLD_NO_CONFLICT.messageZh}；整户未导入`,
        messageEn: `${OUT_OF_SCOPE_HOUSEHOLD_NO_CONFLICT.messageEn}; the household was not imported`,
      };
    }
    if (r.reason === 'person_scope') {
      // issue 6 §2: a record outside the scope is not named (no household, person or region)
      return {
        householdNo: r.household_no,
        messageZh: `${OUT_OF_SCOPE_ID_CONFLICT.messageZh}；整户未导入`,
        messageEn: `${OUT_OF_SCOPE_ID_CONFLICT.messageEn}; the household was not imported`,
      };
    }
    return {
      householdNo: r.household_no,
      messageZh: `有成员是户 ${r.other ?? ''} 的户主，该户不在本次文件中，不能迁出，整户未导入`,
      messageEn: `a member is the head of household ${r.other ?? ''}, which this file does not include, so cannot be moved; the household was not imported`,
    };
  });
}

const HH_COLS = [
  'region_code',
  'household_type',
  'monitoring_type',
  'risk_types',
  'lifted_year',
  'address',
  'phone',
  'is_lifted',
  'lifted_category',
  'monitoring_status',
  'monitoring_since',
  'eliminated_at',
  'elimination_method',
  'housing_secure',
  'water_secure',
  'education_secure',
  'medical_secure',
] as const;
/** household columns a file without them leaves as they are (三保障 flags: null means "not in this file", not "not assessed") */
const HH_KEEP = new Set(['lifted_category', 'monitoring_since', 'housing_secure', 'water_secure', 'education_secure', 'medical_secure']);
const P_COLS = [
  'name',
  'gender',
  'birth_date',
  'relation',
  'is_head',
  'labor_capacity',
  'health_status',
  'education',
  'employment_status',
  'phone',
  'id_type',
  'person_no',
  'ethnicity',
  'school_status',
  'work_months',
  'disability_type',
  'disability_grade',
  'health_statuses',
] as const;
/** person columns a file without them leaves as they are (our template has no 人口编号, 民族 …) */
const P_KEEP = new Set(['ethnicity', 'school_status', 'work_months', 'disability_type', 'disability_grade']);
const cols = (alias: string, list: readonly string[]) => list.map((c) => `${alias}.${c}`).join(', ');
/** the value a household column takes: the file's, or for HH_KEEP columns the current one when the file has none */
const hhValue = (c: string) => (HH_KEEP.has(c) ? `coalesce(s.${c}, h.${c})` : `s.${c}`);
const INCOME_COLS = ['wage', 'business', 'business_expense', 'property', 'transfer', 'claim_income', 'compliant_self_paid'] as const;

/**
 * Set-based upsert of households and persons from the stage, changing nothing for identical data, then
 * per-household audit rows for created and changed households. Every statement is driven by the (analysed) temp
 * tables and reaches `households`/`persons` through their unique indexes, and no statement reads the table it
 * writes: what is new, changed or the same is decided first, into temp tables (`import_hh`, `import_p`).
 */
export async function upsertFromStage(
  tx: RawTx,
  actor: CommitActor,
  jobId: number,
  requestId: string | null,
  opts: { analyse: boolean } = { analyse: true },
): Promise<Omit<CommitCounts, 'stagedRows' | 'excluded'>> {
  // one row per household (the head's row carries the household phone), with its current id and state
  await tx.query(`CREATE TEMP TABLE import_hh ON COMMIT DROP AS
    SELECT s.household_no, ${HH_COLS.map((c) => `${hhValue(c)} AS ${c}`).join(', ')}, s.income_year, s.income, s.measures, h.id,
           CASE WHEN h.id IS NULL THEN 'new'
                WHEN h.deleted_at IS NULL AND (${cols('h', HH_COLS)}) IS NOT DISTINCT FROM (${HH_COLS.map(hhValue).join(', ')}) THEN 'same'
                ELSE 'changed' END AS state,
           CASE WHEN h.id IS NOT NULL THEN to_jsonb(h) END AS before
      FROM (SELECT DISTINCT ON (household_no) household_no, region_code, household_type, monitoring_type, risk_types, lifted_year, address,
                   CASE WHEN is_head THEN phone END AS phone, is_lifted, lifted_category, monitoring_status, monitoring_since, eliminated_at,
                   elimination_method, housing_secure, water_secure, education_secure, medical_secure, income_year, income, measures
              FROM import_stage ORDER BY household_no, is_head DESC, row_no) s
      LEFT JOIN households h ON h.household_no = s.household_no`);
  await tx.query('CREATE UNIQUE INDEX ON import_hh (household_no)');
  await tx.query('ANALYZE import_hh (household_no, id, state)');
  await tx.query('CREATE TEMP TABLE import_changed (household_id bigint, kind text) ON COMMIT DROP');

  await tx.query(`WITH ins AS (
      INSERT INTO households (household_no, ${HH_COLS.join(', ')})
      SELECT household_no, ${HH_COLS.join(', ')}
        FROM import_hh WHERE state = 'new'
      RETURNING id, household_no),
    upd AS (UPDATE import_hh s SET id = ins.id FROM ins WHERE s.household_no = ins.household_no RETURNING s.id)
    INSERT INTO import_changed SELECT id, 'created' FROM upd`);
  await tx.query(`WITH upd AS (
      UPDATE households h SET ${HH_COLS.map((c) => `${c} = s.${c}`).join(', ')}, deleted_at = NULL, updated_at = now(), version = h.version + 1
        FROM import_hh s WHERE s.state = 'changed' AND h.id = s.id RETURNING h.id)
    INSERT INTO import_changed SELECT id, 'updated' FROM upd`);

  // a head who is no longer head (or leaves) is demoted first: one head per household is a unique index
  await tx.query(`WITH d AS (
      UPDATE persons p SET is_head = false, updated_at = now(), version = p.version + 1
        FROM import_hh s
       WHERE s.state <> 'new' AND p.household_id = s.id AND p.is_head
         AND NOT EXISTS (SELECT 1 FROM import_stage x WHERE x.id_number = p.id_number AND x.household_no = s.household_no AND x.is_head)
      RETURNING p.household_id)
    INSERT INTO import_changed SELECT DISTINCT household_id, 'members' FROM d`);

  // each person row with its household id, its current record and state
  // 人口编号 is unique: a number another person holds is not taken over (that person keeps it)
  const pValue = (c: string) =>
    c === 'person_no'
      ? `CASE WHEN s.person_no IS NULL OR EXISTS (SELECT 1 FROM persons o WHERE o.person_no = s.person_no AND o.id_number <> s.id_number) THEN p.person_no ELSE s.person_no END`
      : P_KEEP.has(c)
        ? `coalesce(s.${c}, p.${c})`
        : `s.${c}`;
  await tx.query(`CREATE TEMP TABLE import_p ON COMMIT DROP AS
    SELECT s.id_number, ${P_COLS.map((c) => `${pValue(c)} AS ${c}`).join(', ')}, hh.id AS household_id, hh.region_code, p.id AS person_id, p.household_id AS old_household_id,
           CASE WHEN p.id IS NULL THEN 'new'
                WHEN (p.household_id, p.region_code, ${cols('p', P_COLS)}) IS NOT DISTINCT FROM (hh.id, hh.region_code, ${P_COLS.map(pValue).join(', ')}) THEN 'same'
                ELSE 'changed' END AS state
      FROM import_stage s JOIN import_hh hh ON hh.household_no = s.household_no
      LEFT JOIN persons p ON p.id_number = s.id_number`);
  await tx.query(`UPDATE persons p SET household_id = x.household_id, region_code = x.region_code, ${P_COLS.map((c) => `${c} = x.${c}`).join(', ')}, updated_at = now(), version = p.version + 1
      FROM import_p x WHERE x.state = 'changed' AND p.id = x.person_id`);
  await tx.query(`INSERT INTO persons (household_id, region_code, id_number, ${P_COLS.join(', ')})
      SELECT household_id, region_code, id_number, ${P_COLS.join(', ')} FROM import_p WHERE state = 'new'`);
  const [pc] = await tx.query<{ created: number; updated: number; moved: number }>(`WITH ch AS (
      INSERT INTO import_changed
      SELECT DISTINCT household_id, 'members' FROM (
        SELECT household_id FROM import_p WHERE state <> 'same'
        UNION ALL SELECT old_household_id FROM import_p WHERE state = 'changed' AND old_household_id <> household_id) m
      RETURNING 1)
    SELECT count(*) FILTER (WHERE state = 'new')::int AS created, count(*) FILTER (WHERE state = 'changed')::int AS updated,
           count(*) FILTER (WHERE state = 'changed' AND old_household_id <> household_id)::int AS moved, (SELECT count(*) FROM ch)::int AS _n
      FROM import_p`);

  // the planner must see what was written (else it may scan a "tiny" table once per row); a chunked commit asks
  // for it now and then (each ANALYZE samples the whole table: too dear for every chunk of a big import)
  if (opts.analyse) {
    await tx.query('ANALYZE households (id, household_no)');
    await tx.query('ANALYZE persons (household_id, id_number)');
  }

  const incomesWritten = await upsertIncomes(tx);
  const measuresCreated = await insertMeasures(tx);
  const casesCreated = await insertMonitoringCases(tx);

  // households whose only change is in their members, incomes or measures still get a fresh updated_at
  // a household that moved takes every table hanging on it along (household-tables.ts), bumping their versions
  const [moves] = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM import_hh WHERE state = 'changed'`);
  if ((moves?.n ?? 0) > 0) for (const stmt of moveChildrenStatements('import_hh', `s.state = 'changed'`)) await tx.query(stmt);

  await tx.query(`UPDATE households h SET updated_at = now(), version = h.version + 1
     WHERE h.id IN (SELECT household_id FROM import_changed GROUP BY household_id HAVING bool_and(kind NOT IN ('created', 'updated')))`);

  await tx.query(
    `INSERT INTO audit_log (actor_id, actor_name, action, entity_type, entity_id, household_id, region_code, before, after, request_id)
     SELECT $1, $2, CASE WHEN c.created THEN 'create' ELSE 'update' END, 'household', h.id::text, h.id, h.region_code,
            CASE WHEN NOT c.created THEN s.before END,
            to_jsonb(h) || jsonb_build_object('importJobId', $3::bigint, 'members', coalesce(m.n, 0)), $4
       FROM (SELECT household_id, bool_or(kind = 'created') AS created FROM import_changed GROUP BY household_id) c
       JOIN households h ON h.id = c.household_id
       LEFT JOIN import_hh s ON s.id = h.id
       LEFT JOIN (SELECT household_id, count(*) AS n FROM persons WHERE household_id IN (SELECT household_id FROM import_changed) GROUP BY household_id) m
         ON m.household_id = h.id`,
    [actor.id, actor.name, jobId, requestId],
  );

  const [hc] = await tx.query<{ created: number; updated: number; total: number }>(
    `SELECT count(*) FILTER (WHERE state = 'new')::int AS created,
            count(*) FILTER (WHERE state <> 'new' AND (state = 'changed' OR id IN (SELECT household_id FROM import_changed)))::int AS updated,
            count(*)::int AS total FROM import_hh`,
  );
  const created = hc?.created ?? 0;
  const updated = hc?.updated ?? 0;
  return {
    householdsCreated: created,
    householdsUpdated: updated,
    householdsUnchanged: (hc?.total ?? 0) - created - updated,
    personsCreated: pc?.created ?? 0,
    personsUpdated: pc?.updated ?? 0,
    personsMoved: pc?.moved ?? 0,
    incomesWritten,
    measuresCreated,
    casesCreated,
  };
}

/**
 * A 监测户 of the file that has no monitoring case gets one, as the national system recorded it: identified
 * (识别监测时间 as lead and approval date) and approved, or eliminated with its date and 方式 — so the 风险消除
 * procedure can start from it. A household that has a case keeps its own. @returns cases added
 */
async function insertMonitoringCases(tx: RawTx): Promise<number> {
  const [r] = await tx.query<{ n: number }>(`WITH ins AS (
      INSERT INTO monitoring_cases (household_id, region_code, monitoring_type, status, stage, risk_types, lead_date, county_approval_date,
                                    elimination_method, elimination_date, note)
      SELECT hh.id, hh.region_code, hh.monitoring_type, hh.monitoring_status, CASE WHEN hh.monitoring_status = 'eliminated' THEN 'eliminated' ELSE 'approved' END,
             hh.risk_types, hh.monitoring_since, hh.monitoring_since, hh.elimination_method, hh.eliminated_at, '导入：国家防返贫监测信息系统已识别'
        FROM import_hh hh
       WHERE hh.household_type = 'monitored' AND hh.monitoring_type IS NOT NULL AND hh.monitoring_status IN ('monitoring', 'eliminated')
         AND NOT EXISTS (SELECT 1 FROM monitoring_cases c WHERE c.household_id = hh.id)
      RETURNING household_id),
    ch AS (INSERT INTO import_changed SELECT household_id, 'cases' FROM ins RETURNING 1)
    SELECT (SELECT count(*) FROM ins)::int AS n`);
  return r?.n ?? 0;
}

/**
 * The year's income row of each household whose file rows carry income columns (upsert by household and year;
 * member_count = its persons); rows that change are noted in import_changed. @returns rows written
 */
async function upsertIncomes(tx: RawTx): Promise<number> {
  const [r] = await tx.query<{ n: number }>(`WITH src AS (
      SELECT hh.id AS household_id, hh.region_code, hh.income_year AS year, ${INCOME_COLS.map((c) => `coalesce((hh.income->>'${c}')::numeric, 0) AS ${c}`).join(', ')},
             (SELECT count(*)::int FROM persons p WHERE p.household_id = hh.id AND p.exit_reason IS NULL) AS member_count
        FROM import_hh hh WHERE hh.income IS NOT NULL AND hh.income_year IS NOT NULL),
    up AS (
      INSERT INTO household_incomes AS i (household_id, region_code, year, ${INCOME_COLS.join(', ')}, member_count)
      SELECT household_id, region_code, year, ${INCOME_COLS.join(', ')}, member_count FROM src
      ON CONFLICT (household_id, year) DO UPDATE SET ${INCOME_COLS.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}, member_count = EXCLUDED.member_count, updated_at = now(), version = i.version + 1
       WHERE (${INCOME_COLS.map((c) => `i.${c}`).join(', ')}, i.member_count) IS DISTINCT FROM (${INCOME_COLS.map((c) => `EXCLUDED.${c}`).join(', ')}, EXCLUDED.member_count)
      RETURNING i.household_id),
    ch AS (INSERT INTO import_changed SELECT household_id, 'incomes' FROM up RETURNING 1)
    SELECT count(*)::int AS n FROM ch`);
  return r?.n ?? 0;
}

/**
 * A support measure per non-empty measure column of the file (category, year, the cell text as description),
 * added unless the household already has the same one (so a re-import adds nothing). @returns rows added
 */
async function insertMeasures(tx: RawTx): Promise<number> {
  const [r] = await tx.query<{ n: number }>(`WITH src AS (
      SELECT DISTINCT hh.id AS household_id, hh.region_code, hh.income_year AS year, m->>'category' AS category, m->>'description' AS description
        FROM import_hh hh CROSS JOIN LATERAL jsonb_array_elements(hh.measures) m
       WHERE hh.income_year IS NOT NULL AND jsonb_array_length(hh.measures) > 0),
    ins AS (
      INSERT INTO support_measures (household_id, region_code, category, description, year)
      SELECT s.household_id, s.region_code, s.category, s.description, s.year FROM src s
       WHERE NOT EXISTS (SELECT 1 FROM support_measures x WHERE x.household_id = s.household_id AND x.year = s.year AND x.category = s.category
                           AND x.description IS NOT DISTINCT FROM s.description)
      RETURNING household_id),
    ch AS (INSERT INTO import_changed SELECT DISTINCT household_id, 'measures' FROM ins RETURNING 1)
    SELECT (SELECT count(*) FROM ins)::int AS n`);
  return r?.n ?? 0;
}
