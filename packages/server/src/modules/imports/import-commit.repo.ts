import { open, readFile } from 'node:fs/promises';
import type { RawTx } from '@chanbang/db';

/**
 * Columns of the staging file written by validation (one COPY csv line per good person row, only for
 * households without any bad row). Codes are already resolved; `risk_types` is a text[] literal.
 */
export const STAGE_COLUMNS = [
  'row_no', 'household_no', 'region_code', 'household_type', 'monitoring_type', 'risk_types', 'lifted_year', 'address',
  'id_number', 'name', 'gender', 'birth_date', 'relation', 'is_head', 'labor_capacity', 'health_status', 'education',
  'employment_status', 'phone',
] as const;

const STAGE_DDL = `CREATE TEMP TABLE import_stage (
  row_no integer, household_no varchar(32), region_code varchar(15), household_type varchar(24), monitoring_type varchar(24),
  risk_types text[], lifted_year integer, address text, id_number varchar(18), name text, gender varchar(4), birth_date date,
  relation varchar(8), is_head boolean, labor_capacity varchar(24), health_status varchar(24), education varchar(24),
  employment_status varchar(24), phone varchar(32)
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
  excluded: { householdNo: string; messageZh: string; messageEn: string }[];
};

/** Who commits; rows outside `scopePrefix` were already refused by validation and are refused again here. */
export type CommitActor = { id: number; name: string; scopePrefix: string; regionCode: string };

/** Bytes per COPY statement: progress is reported after each. */
const COPY_CHUNK_BYTES = 4 * 1024 * 1024;

/** Reads a file in chunks of whole lines (split at the last newline of each chunk). */
async function* lineChunks(path: string, size: number): AsyncGenerator<Buffer> {
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

function countLines(buf: Buffer): number {
  let n = 0;
  let i = -1;
  while ((i = buf.indexOf(0x0a, i + 1)) !== -1) n++;
  return n;
}

/**
 * Copies the staging file into a temp table in chunks of whole lines (one COPY per chunk, progress after each),
 * drops the households validation left out whole, indexes and analyses the table.
 * @param excludedPath the 户编号 of households left out, one per line
 * @returns number of rows staged
 */
export async function copyStageFile(tx: RawTx, stagePath: string, excludedPath: string, onRows: (n: number) => Promise<void> | void): Promise<number> {
  await tx.query(STAGE_DDL);
  const copySql = `COPY import_stage (${STAGE_COLUMNS.join(', ')}) FROM STDIN WITH (FORMAT csv)`;
  let n = 0;
  for await (const chunk of lineChunks(stagePath, COPY_CHUNK_BYTES)) {
    await tx.copyFromCsv(copySql, chunk);
    n += countLines(chunk);
    await onRows(n);
  }
  const excluded = await readFile(excludedPath).catch(() => Buffer.alloc(0));
  if (excluded.length > 0) {
    await tx.query('CREATE TEMP TABLE import_excluded (household_no varchar(32)) ON COMMIT DROP');
    await tx.copyFromCsv('COPY import_excluded (household_no) FROM STDIN WITH (FORMAT csv)', excluded);
    const gone = await tx.query<{ n: number }>('WITH d AS (DELETE FROM import_stage s USING import_excluded e WHERE s.household_no = e.household_no RETURNING 1) SELECT count(*)::int AS n FROM d');
    n -= gone[0]?.n ?? 0;
  }
  await tx.query('CREATE INDEX ON import_stage (household_no)');
  await tx.query('CREATE INDEX ON import_stage (id_number)');
  await tx.query('ANALYZE import_stage');
  return n;
}

/**
 * Drops from the stage every household that may not be written: its number belongs to a household outside
 * the importer's region, or one of its persons belongs to a household outside that region, or is the head
 * of another household that this file does not re-import (a person moves only when the move is allowed).
 */
export async function excludeForbiddenHouseholds(tx: RawTx, actor: CommitActor): Promise<CommitCounts['excluded']> {
  const like = `${actor.scopePrefix}%`;
  const rows = await tx.query<{ household_no: string; reason: string; other: string | null }>(
    `SELECT DISTINCT ON (s.household_no) s.household_no, x.reason, x.other FROM import_stage s
     JOIN LATERAL (
       SELECT 'household_scope' AS reason, h.household_no AS other FROM households h
        WHERE h.household_no = s.household_no AND h.region_code NOT LIKE $1
       UNION ALL
       SELECT CASE WHEN h.region_code NOT LIKE $1 THEN 'person_scope' ELSE 'person_head' END, h.household_no
         FROM persons p JOIN households h ON h.id = p.household_id
        WHERE p.id_number = s.id_number AND h.household_no <> s.household_no
          AND (h.region_code NOT LIKE $1 OR (p.is_head AND NOT EXISTS (SELECT 1 FROM import_stage s2 WHERE s2.household_no = h.household_no)))
     ) x ON true
     ORDER BY s.household_no`,
    [like],
  );
  if (rows.length === 0) return [];
  await tx.query('DELETE FROM import_stage WHERE household_no = ANY($1::text[])', [rows.map((r) => r.household_no)]);
  return rows.map((r) => {
    if (r.reason === 'household_scope') {
      return { householdNo: r.household_no, messageZh: `户编号 ${r.household_no} 已属于您辖区以外的户，整户未导入`, messageEn: `household number ${r.household_no} belongs to a household outside your region; the household was not imported` };
    }
    if (r.reason === 'person_scope') {
      return { householdNo: r.household_no, messageZh: `有成员已登记在辖区以外的户 ${r.other ?? ''}，不能迁入，整户未导入`, messageEn: `a member is registered in household ${r.other ?? ''} outside your region and cannot be moved; the household was not imported` };
    }
    return { householdNo: r.household_no, messageZh: `有成员是户 ${r.other ?? ''} 的户主，该户不在本次文件中，不能迁出，整户未导入`, messageEn: `a member is the head of household ${r.other ?? ''}, which this file does not include, so cannot be moved; the household was not imported` };
  });
}

const HH_COLS = 'region_code, household_type, monitoring_type, risk_types, lifted_year, address, phone';

/**
 * Set-based upsert of households and persons from the stage, changing nothing for identical data
 * (`IS DISTINCT FROM`), then per-household audit rows for created and changed households.
 */
export async function upsertFromStage(tx: RawTx, actor: CommitActor, jobId: number, requestId: string | null): Promise<Omit<CommitCounts, 'stagedRows' | 'excluded'>> {
  // one row per household: the head's row carries the household phone
  await tx.query(`CREATE TEMP TABLE import_hh ON COMMIT DROP AS
    SELECT DISTINCT ON (household_no) household_no, region_code, household_type, monitoring_type, risk_types, lifted_year, address,
           CASE WHEN is_head THEN phone END AS phone
      FROM import_stage ORDER BY household_no, is_head DESC, row_no`);
  await tx.query(`CREATE TEMP TABLE import_before ON COMMIT DROP AS
    SELECT h.id, to_jsonb(h) AS doc FROM households h JOIN import_hh s ON s.household_no = h.household_no`);
  await tx.query(`CREATE TEMP TABLE import_person_before ON COMMIT DROP AS
    SELECT p.id_number, p.household_id FROM persons p JOIN import_stage s ON s.id_number = p.id_number`);
  await tx.query('CREATE TEMP TABLE import_changed (household_id bigint, kind text) ON COMMIT DROP');

  await tx.query(`WITH up AS (
      INSERT INTO households (household_no, ${HH_COLS}, monitoring_status)
      SELECT s.household_no, ${HH_COLS.split(', ').map((c) => `s.${c}`).join(', ')}, CASE WHEN s.household_type = 'monitored' THEN 'monitoring' ELSE 'none' END
        FROM import_hh s
       WHERE NOT EXISTS (SELECT 1 FROM households h WHERE h.household_no = s.household_no AND h.deleted_at IS NULL
               AND (h.region_code, h.household_type, h.monitoring_type, h.risk_types, h.lifted_year, h.address, h.phone)
                   IS NOT DISTINCT FROM (s.region_code, s.household_type, s.monitoring_type, s.risk_types, s.lifted_year, s.address, s.phone))
      ON CONFLICT (household_no) DO UPDATE SET
        region_code = EXCLUDED.region_code, household_type = EXCLUDED.household_type, monitoring_type = EXCLUDED.monitoring_type,
        risk_types = EXCLUDED.risk_types, lifted_year = EXCLUDED.lifted_year, address = EXCLUDED.address, phone = EXCLUDED.phone,
        deleted_at = NULL, updated_at = now()
      WHERE (households.region_code, households.household_type, households.monitoring_type, households.risk_types,
             households.lifted_year, households.address, households.phone, households.deleted_at IS NULL)
        IS DISTINCT FROM (EXCLUDED.region_code, EXCLUDED.household_type, EXCLUDED.monitoring_type, EXCLUDED.risk_types,
             EXCLUDED.lifted_year, EXCLUDED.address, EXCLUDED.phone, true)
      RETURNING id, (xmax = 0) AS inserted)
    INSERT INTO import_changed SELECT id, CASE WHEN inserted THEN 'created' ELSE 'updated' END FROM up`);

  // a head who is no longer head (or leaves) is demoted first: one head per household is a unique index
  await tx.query(`WITH d AS (
      UPDATE persons p SET is_head = false, updated_at = now()
        FROM households h JOIN import_hh s ON s.household_no = h.household_no
       WHERE p.household_id = h.id AND p.is_head
         AND NOT EXISTS (SELECT 1 FROM import_stage x WHERE x.id_number = p.id_number AND x.household_no = h.household_no AND x.is_head)
      RETURNING p.household_id)
    INSERT INTO import_changed SELECT DISTINCT household_id, 'members' FROM d`);

  const [pc] = await tx.query<{ created: number | string; updated: number | string; moved: number | string }>(`WITH up AS (
      INSERT INTO persons (household_id, region_code, id_number, name, gender, birth_date, relation, is_head, labor_capacity,
                           health_status, education, employment_status, phone)
      SELECT h.id, h.region_code, s.id_number, s.name, s.gender, s.birth_date, s.relation, s.is_head, s.labor_capacity,
             s.health_status, s.education, s.employment_status, s.phone
        FROM import_stage s JOIN households h ON h.household_no = s.household_no
       WHERE NOT EXISTS (SELECT 1 FROM persons p WHERE p.id_number = s.id_number
               AND (p.household_id, p.region_code, p.name, p.gender, p.birth_date, p.relation, p.is_head, p.labor_capacity,
                    p.health_status, p.education, p.employment_status, p.phone)
                   IS NOT DISTINCT FROM (h.id, h.region_code, s.name, s.gender, s.birth_date, s.relation, s.is_head, s.labor_capacity,
                    s.health_status, s.education, s.employment_status, s.phone))
      ON CONFLICT (id_number) DO UPDATE SET
        household_id = EXCLUDED.household_id, region_code = EXCLUDED.region_code, name = EXCLUDED.name, gender = EXCLUDED.gender,
        birth_date = EXCLUDED.birth_date, relation = EXCLUDED.relation, is_head = EXCLUDED.is_head,
        labor_capacity = EXCLUDED.labor_capacity, health_status = EXCLUDED.health_status, education = EXCLUDED.education,
        employment_status = EXCLUDED.employment_status, phone = EXCLUDED.phone, updated_at = now()
      WHERE (persons.household_id, persons.region_code, persons.name, persons.gender, persons.birth_date, persons.relation,
             persons.is_head, persons.labor_capacity, persons.health_status, persons.education, persons.employment_status, persons.phone)
        IS DISTINCT FROM (EXCLUDED.household_id, EXCLUDED.region_code, EXCLUDED.name, EXCLUDED.gender, EXCLUDED.birth_date,
             EXCLUDED.relation, EXCLUDED.is_head, EXCLUDED.labor_capacity, EXCLUDED.health_status, EXCLUDED.education,
             EXCLUDED.employment_status, EXCLUDED.phone)
      RETURNING id_number, household_id, (xmax = 0) AS inserted),
    moved AS (
      SELECT b.household_id AS old_id FROM up JOIN import_person_before b ON b.id_number = up.id_number WHERE b.household_id <> up.household_id),
    ins AS (
      INSERT INTO import_changed SELECT DISTINCT household_id, 'members' FROM up
      UNION SELECT DISTINCT old_id, 'members' FROM moved RETURNING 1)
    SELECT (SELECT count(*) FROM up WHERE inserted) AS created, (SELECT count(*) FROM up WHERE NOT inserted) AS updated,
           (SELECT count(*) FROM moved) AS moved, (SELECT count(*) FROM ins) AS _n`);

  // households whose only change is in their members still get a fresh updated_at
  await tx.query(`UPDATE households h SET updated_at = now() WHERE h.id IN (SELECT household_id FROM import_changed WHERE kind = 'members')
    AND h.id NOT IN (SELECT household_id FROM import_changed WHERE kind <> 'members')`);

  await tx.query(
    `INSERT INTO audit_log (actor_id, actor_name, action, entity_type, entity_id, household_id, region_code, before, after, request_id)
     SELECT $1, $2, CASE WHEN c.created THEN 'create' ELSE 'update' END, 'household', h.id::text, h.id, h.region_code, b.doc,
            to_jsonb(h) || jsonb_build_object('importJobId', $3::bigint, 'members',
              (SELECT count(*) FROM persons p WHERE p.household_id = h.id)), $4
       FROM (SELECT household_id, bool_or(kind = 'created') AS created FROM import_changed GROUP BY household_id) c
       JOIN households h ON h.id = c.household_id
       LEFT JOIN import_before b ON b.id = h.id`,
    [actor.id, actor.name, jobId, requestId],
  );

  const [hc] = await tx.query<{ created: number | string; updated: number | string; total: number | string }>(
    `SELECT (SELECT count(DISTINCT household_id) FROM import_changed WHERE kind = 'created') AS created,
            (SELECT count(DISTINCT household_id) FROM import_changed c WHERE kind <> 'created'
               AND NOT EXISTS (SELECT 1 FROM import_changed c2 WHERE c2.household_id = c.household_id AND c2.kind = 'created')
               AND c.household_id IN (SELECT h.id FROM households h JOIN import_hh s ON s.household_no = h.household_no)) AS updated,
            (SELECT count(*) FROM import_hh) AS total`,
  );
  const created = Number(hc?.created ?? 0);
  const updated = Number(hc?.updated ?? 0);
  return {
    householdsCreated: created,
    householdsUpdated: updated,
    householdsUnchanged: Number(hc?.total ?? 0) - created - updated,
    personsCreated: Number(pc?.created ?? 0),
    personsUpdated: Number(pc?.updated ?? 0),
    personsMoved: Number(pc?.moved ?? 0),
  };
}
