import type { DbHandle } from '@chanbang/db';
import { deadLocalClaimOwners } from './import-claims.repo.ts';

/** An import job row as the service uses it (camelCase of `import_jobs`). */
export type ImportJobRow = {
  id: number;
  kind: string;
  status: 'uploaded' | 'validating' | 'validated' | 'importing' | 'done' | 'failed' | 'cancelled';
  fileName: string;
  fileSha256: string;
  filePath: string;
  sheetName: string | null;
  headers: string[] | null;
  mapping: Record<string, string> | null;
  totalRows: number;
  goodRows: number;
  badRows: number;
  /** good rows left out because another row of their household is bad */
  excludedRows: number;
  /** rows imported with a warning (出生日期 disagrees with the ID number) */
  warningRows: number;
  /** 0-based index of the header row (title rows above it are skipped) */
  headerRow: number;
  /** template | national_roster | national_monitoring | other */
  layout: string | null;
  /** headers no field takes (listed, never an error) */
  ignoredHeaders: string[] | null;
  /** the file's defaults: { householdType, liftedCategory, monitoringStatus, incomeYear } */
  options: Record<string, unknown> | null;
  processedRows: number;
  errors: unknown[] | null;
  result: Record<string, unknown> | null;
  message: string | null;
  createdBy: number;
  regionCode: string;
  createdAt: string;
  finishedAt: string | null;
  /** when the job's files (upload, staging, errors.xlsx) were removed: it ended, or it was older than the keep time */
  filesDeletedAt: string | null;
};

const COLUMNS = `id, kind, status, file_name AS "fileName", file_sha256 AS "fileSha256", file_path AS "filePath",
  sheet_name AS "sheetName", headers, mapping, total_rows AS "totalRows", good_rows AS "goodRows", bad_rows AS "badRows",
  excluded_rows AS "excludedRows", warning_rows AS "warningRows", header_row AS "headerRow", layout, ignored_headers AS "ignoredHeaders", options,
  processed_rows AS "processedRows", errors, result, message, created_by AS "createdBy", region_code AS "regionCode",
  created_at AS "createdAt", finished_at AS "finishedAt", files_deleted_at AS "filesDeletedAt"`;
const SELECT = `SELECT ${COLUMNS} FROM import_jobs`;

function norm(r: ImportJobRow): ImportJobRow {
  return { ...r, id: Number(r.id), createdBy: Number(r.createdBy) };
}

/** Inserts a job in status `uploaded`. */
export async function insertImportJob(
  db: DbHandle,
  j: Pick<
    ImportJobRow,
    | 'kind'
    | 'fileName'
    | 'fileSha256'
    | 'filePath'
    | 'sheetName'
    | 'headers'
    | 'createdBy'
    | 'regionCode'
    | 'totalRows'
    | 'headerRow'
    | 'layout'
    | 'ignoredHeaders'
    | 'options'
    | 'mapping'
  >,
): Promise<ImportJobRow> {
  const [row] = await db.query<ImportJobRow>(
    `INSERT INTO import_jobs (kind, status, file_name, file_sha256, file_path, sheet_name, headers, created_by, region_code, total_rows, header_row, layout, ignored_headers, options, mapping)
     VALUES ($1, 'uploaded', $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10, $11, $12::jsonb, $13::jsonb, $14::jsonb) RETURNING ${COLUMNS}`,
    [
      j.kind,
      j.fileName,
      j.fileSha256,
      j.filePath,
      j.sheetName,
      JSON.stringify(j.headers),
      j.createdBy,
      j.regionCode,
      j.totalRows,
      j.headerRow,
      j.layout,
      JSON.stringify(j.ignoredHeaders),
      JSON.stringify(j.options),
      JSON.stringify(j.mapping),
    ],
  );
  if (!row) throw new Error('insert import job returned nothing');
  return norm(row);
}

/** Finds a job by id, or undefined. */
export async function findImportJob(db: DbHandle, id: number): Promise<ImportJobRow | undefined> {
  const [row] = await db.query<ImportJobRow>(`${SELECT} WHERE id = $1`, [id]);
  return row ? norm(row) : undefined;
}

type JobPatch = Partial<
  Pick<
    ImportJobRow,
    | 'status'
    | 'mapping'
    | 'totalRows'
    | 'goodRows'
    | 'badRows'
    | 'excludedRows'
    | 'warningRows'
    | 'ignoredHeaders'
    | 'options'
    | 'processedRows'
    | 'errors'
    | 'result'
    | 'message'
    | 'filePath'
  >
> & {
  finished?: boolean;
};

const COLS: Record<string, string> = {
  status: 'status',
  mapping: 'mapping',
  totalRows: 'total_rows',
  goodRows: 'good_rows',
  badRows: 'bad_rows',
  processedRows: 'processed_rows',
  errors: 'errors',
  result: 'result',
  message: 'message',
  filePath: 'file_path',
  excludedRows: 'excluded_rows',
  warningRows: 'warning_rows',
  ignoredHeaders: 'ignored_headers',
  options: 'options',
};
const JSON_COLS = new Set(['mapping', 'errors', 'result', 'ignoredHeaders', 'options']);

/** Updates some columns of a job (JSON columns are serialised). */
export async function updateImportJob(db: DbHandle, id: number, patch: JobPatch): Promise<void> {
  const sets: string[] = [];
  const params: unknown[] = [];
  for (const [k, v] of Object.entries(patch)) {
    const col = COLS[k];
    if (!col || v === undefined) continue;
    params.push(JSON_COLS.has(k) ? JSON.stringify(v) : v);
    sets.push(`${col} = $${params.length}${JSON_COLS.has(k) ? '::jsonb' : ''}`);
  }
  if (patch.finished) sets.push('finished_at = now()');
  if (sets.length === 0) return;
  params.push(id);
  await db.query(`UPDATE import_jobs SET ${sets.join(', ')} WHERE id = $${params.length}`, params);
}

/** Marks a job's files removed. @returns false when they were already marked */
export async function markImportFilesDeleted(db: Pick<DbHandle, 'query'>, id: number): Promise<boolean> {
  const rows = await db.query<{ id: number }>('UPDATE import_jobs SET files_deleted_at = now() WHERE id = $1 AND files_deleted_at IS NULL RETURNING id', [id]);
  return rows.length > 0;
}

/**
 * Jobs whose files should go: ended ones (done, failed, cancelled) not yet cleaned, and idle ones (uploaded,
 * validated) created before `cutoff`. Running jobs (validating, importing) are left to finish.
 */
export async function listImportJobsWithFilesToRemove(db: Pick<DbHandle, 'query'>, cutoff: Date): Promise<{ id: number; filePath: string; status: string }[]> {
  const rows = await db.query<{ id: number; filePath: string; status: string }>(
    `SELECT id, file_path AS "filePath", status FROM import_jobs
      WHERE files_deleted_at IS NULL
        AND (status IN ('done', 'failed', 'cancelled') OR (status IN ('uploaded', 'validated') AND created_at < $1))
      ORDER BY id`,
    [cutoff.toISOString()],
  );
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/**
 * Ends an idle job whose files are past the keep time (status failed, with a message asking for a new upload)
 * and marks its files removed, unless it started running meanwhile. @returns whether it was expired
 */
export async function expireIdleImportJob(db: Pick<DbHandle, 'query'>, id: number, days: number): Promise<boolean> {
  const message = JSON.stringify({
    zh: `上传已超过 ${days} 天，文件已删除，请重新上传`,
    en: `the upload is older than ${days} days and its file was deleted; please upload it again`,
  });
  const rows = await db.query<{ id: number }>(
    `UPDATE import_jobs SET status = 'failed', message = $2, finished_at = now(), files_deleted_at = now()
      WHERE id = $1 AND status IN ('uploaded', 'validated') AND files_deleted_at IS NULL RETURNING id`,
    [id, message],
  );
  return rows.length > 0;
}

/** A saved column mapping (表头映射方案). */
export type ColumnMappingRow = { id: number; kind: string; name: string; mapping: Record<string, string>; createdBy: number; regionCode: string; createdAt: string };

/** Saved mappings visible under a scope prefix, newest first. */
export async function listColumnMappings(db: DbHandle, kind: string, scopePrefix: string): Promise<ColumnMappingRow[]> {
  const rows = await db.query<ColumnMappingRow>(
    `SELECT id, kind, name, mapping, created_by AS "createdBy", region_code AS "regionCode", created_at AS "createdAt"
       FROM column_mappings WHERE kind = $1 AND (region_code LIKE $2 OR $2 LIKE region_code || '%') ORDER BY created_at DESC, id DESC`,
    [kind, `${scopePrefix}%`],
  );
  return rows.map((r) => ({ ...r, id: Number(r.id), createdBy: Number(r.createdBy) }));
}

/** Saves a mapping under a name; the same name in the same region replaces the earlier one. */
export async function saveColumnMapping(
  db: DbHandle,
  m: { kind: string; name: string; mapping: Record<string, string>; createdBy: number; regionCode: string },
): Promise<ColumnMappingRow> {
  await db.query('DELETE FROM column_mappings WHERE kind = $1 AND name = $2 AND region_code = $3', [m.kind, m.name, m.regionCode]);
  const [row] = await db.query<ColumnMappingRow>(
    `INSERT INTO column_mappings (kind, name, mapping, created_by, region_code) VALUES ($1, $2, $3::jsonb, $4, $5)
     RETURNING id, kind, name, mapping, created_by AS "createdBy", region_code AS "regionCode", created_at AS "createdAt"`,
    [m.kind, m.name, JSON.stringify(m.mapping), m.createdBy, m.regionCode],
  );
  if (!row) throw new Error('insert mapping returned nothing');
  return { ...row, id: Number(row.id), createdBy: Number(row.createdBy) };
}

/** Region codes under a prefix (for the "row outside your region" check), with their level. */
export async function listRegionCodesUnder(db: DbHandle, prefix: string): Promise<Map<string, string>> {
  const rows = await db.query<{ code: string; level: string }>('SELECT code, level FROM regions WHERE code LIKE $1', [`${prefix}%`]);
  return new Map(rows.map((r) => [r.code, r.level]));
}

/**
 * After a crash or kill: jobs left `importing` before their staging finished never wrote a household, so they go
 * back to `validated` and can be committed again; jobs left `validating` are marked `failed`. Jobs killed after
 * staging (`result.commitProgress` set) stay `importing`: `resumeInterruptedCommits` continues them from their
 * commit cursor (ADR 0003). Only jobs no live process holds (no claim, its lease ran out, or its owner was a
 * process of this host that is gone: import-claims.repo.ts), so every server runs this at start and every minute.
 * @returns how many jobs were recovered
 */
export async function recoverInterruptedImportJobs(db: Pick<DbHandle, 'query'>): Promise<number> {
  const dead = await deadLocalClaimOwners(db);
  const rows = await db.query<{ id: number }>(
    `UPDATE import_jobs SET
       status = CASE WHEN status = 'importing' THEN 'validated' ELSE 'failed' END,
       processed_rows = 0, claimed_by = NULL, lease_until = NULL,
       message = CASE WHEN status = 'importing'
         THEN '{"zh":"导入过程中服务中断，数据库未做任何更改，可重新导入","en":"the import was interrupted; nothing was changed, you can import again"}'
         ELSE '{"zh":"校验过程中服务中断，请重新上传","en":"validation was interrupted; please upload again"}' END
     WHERE status IN ('importing', 'validating') AND NOT (status = 'importing' AND coalesce(result ? 'commitProgress', false))
       AND (claimed_by IS NULL OR lease_until IS NULL OR lease_until < now() OR claimed_by = ANY($1::text[]))
     RETURNING id`,
    [dead],
  );
  return rows.length;
}
