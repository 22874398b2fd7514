import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { AppError, canWrite, checkImportMapping, HOUSEHOLD_IMPORT_FIELDS, isImportHeader, suggestMapping, type Dictionary } from '@chanbang/domain';
import type { Deps } from '../../deps.ts';
import { commitStagedImport } from './import-commit.service.ts';
import { detectFileKind, readDataRows, type ImportFileKind } from './import-file.reader.ts';
import { finishJob, getProgress, startJob } from './import-progress.ts';
import { loadDictIndex } from '../dictionaries/dictionaries.service.ts';
import { jobFiles, validateImportFile, type ValidationSummary } from './import-validate.service.ts';
import { findImportJob, insertImportJob, listColumnMappings, saveColumnMapping, updateImportJob, type ColumnMappingRow, type ImportJobRow } from './imports.repo.ts';

/** Who imports: the server's request actor or the CLI's user (same shape as `Actor` in deps.ts). */
export type ImportActor = { id: number; username: string; displayName: string; role: string; regionCode: string; scopePrefix: string; requestId?: string };

const KIND = 'households';

/** An import job as the API shows it. */
export type ImportJobView = Omit<ImportJobRow, 'filePath' | 'fileSha256' | 'createdBy'> & {
  progress: { phase: string; processed: number; total: number | null } | null;
  fields: { key: string; labelZh: string; labelEn: string; required: boolean }[];
  suggestedMapping?: Record<string, string>;
  savedMappings?: ColumnMappingRow[];
};

function assertWriter(actor: ImportActor): void {
  if (!canWrite(actor.role)) throw new AppError('FORBIDDEN', `role ${actor.role} may not import`, { role: actor.role });
}

function uploadDir(deps: Deps): string {
  return join(deps.config.dataDir, 'imports');
}

function view(job: ImportJobRow): ImportJobView {
  const { filePath: _p, fileSha256: _s, createdBy: _c, ...rest } = job;
  const p = getProgress(job.id);
  return {
    ...rest,
    progress: p ? { phase: p.phase, processed: p.processed, total: p.total } : null,
    fields: HOUSEHOLD_IMPORT_FIELDS.map((f) => ({ key: f.key, labelZh: f.labelZh, labelEn: f.labelEn, required: f.required })),
  };
}

/** The active dictionary items of the database (admin-added items are accepted on import), as domain dictionaries. */
async function loadDictionaries(deps: Deps): Promise<Dictionary[]> {
  const idx = await loadDictIndex(deps);
  return [...idx].map(([code, items]) => ({
    code, nameZh: code, nameEn: code,
    items: [...items.values()]
      .sort((a, b) => a.sort - b.sort)
      .map((i) => ({ code: i.code, labelZh: i.labelZh, labelEn: i.labelEn, sort: i.sort, attrs: i.attrs, ...(i.parentCode ? { parentCode: i.parentCode } : {}) })),
  }));
}

async function readHeader(path: string, kind: ImportFileKind): Promise<{ sheetName: string | null; headers: string[] }> {
  let info: { sheetName: string | null; headers: string[] } | null = null;
  const rows = readDataRows(path, kind, isImportHeader, (h) => (info = h));
  const first = await rows.next();
  await rows.return(undefined);
  const found = info as { sheetName: string | null; headers: string[] } | null;
  if (!found || first.done) {
    throw new AppError('VALIDATION_FAILED', 'the file has a header row but no data rows', {
      issues: [{ path: 'file', messageZh: '文件只有表头，没有数据行', messageEn: 'The file has a header row but no data rows' }],
      messageZh: '文件只有表头，没有数据行',
      messageEn: 'The file has a header row but no data rows',
    });
  }
  return found;
}

/**
 * Stores an uploaded file, detects its type from its bytes, finds the sheet and header row and creates the
 * job with a suggested mapping and the saved mappings.
 * @throws AppError VALIDATION_FAILED for empty, unreadable or header-less files; FORBIDDEN for read-only roles
 */
export async function createImportJob(deps: Deps, actor: ImportActor, upload: { fileName: string; stream: Readable }): Promise<ImportJobView> {
  assertWriter(actor);
  const dir = uploadDir(deps);
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${randomUUID()}.upload`);
  const hash = createHash('sha256');
  await pipeline(
    upload.stream,
    new Transform({
      transform(chunk: Buffer, _e, cb) {
        hash.update(chunk);
        cb(null, chunk);
      },
    }),
    createWriteStream(path),
  );
  if ((upload.stream as Readable & { truncated?: boolean }).truncated) {
    await unlink(path).catch(() => undefined);
    throw new AppError('VALIDATION_FAILED', 'file too large', { issues: [{ path: 'file', messageZh: '文件过大', messageEn: 'The file is too large' }] });
  }
  let header: { sheetName: string | null; headers: string[] };
  try {
    const kind = await detectFileKind(path);
    header = await readHeader(path, kind);
  } catch (err) {
    await unlink(path).catch(() => undefined);
    throw err;
  }
  const job = await insertImportJob(deps.db, {
    kind: KIND, fileName: upload.fileName.slice(0, 255), fileSha256: hash.digest('hex'), filePath: path,
    sheetName: header.sheetName, headers: header.headers, createdBy: actor.id, regionCode: actor.regionCode,
  });
  return { ...view(job), suggestedMapping: suggestMapping(header.headers), savedMappings: await listColumnMappings(deps.db, KIND, actor.scopePrefix) };
}

async function getOwnJob(deps: Deps, actor: ImportActor, id: number): Promise<ImportJobRow> {
  const job = await findImportJob(deps.db, id);
  if (!job || !job.regionCode.startsWith(actor.scopePrefix)) throw new AppError('NOT_FOUND', 'import job not found', { id });
  return job;
}

/** A job with its progress. @throws AppError NOT_FOUND outside the actor's region */
export async function getImportJob(deps: Deps, actor: ImportActor, id: number): Promise<ImportJobView> {
  return view(await getOwnJob(deps, actor, id));
}

/** Path of a job's errors.xlsx. @throws AppError NOT_FOUND before validation has finished */
export async function getImportErrorsFile(deps: Deps, actor: ImportActor, id: number): Promise<string> {
  const job = await getOwnJob(deps, actor, id);
  if (!['validated', 'importing', 'done'].includes(job.status)) throw new AppError('NOT_FOUND', 'errors are known once validation has finished', { id });
  return jobFiles(job.filePath).errorsXlsx;
}

/** Input of {@link startValidation}: a mapping, or the name of a saved one; `saveAs` stores the mapping. */
export type ValidateInput = { mapping?: Record<string, string> | undefined; mappingName?: string | undefined; saveAs?: string | undefined };

/**
 * Starts validation in the background (poll {@link getImportJob}); `done` resolves when it ends.
 * @throws AppError VALIDATION_FAILED for a bad mapping; CONFLICT when the job is running or already imported
 */
export async function startValidation(deps: Deps, actor: ImportActor, id: number, input: ValidateInput): Promise<{ job: ImportJobView; done: Promise<void> }> {
  assertWriter(actor);
  const job = await getOwnJob(deps, actor, id);
  if (!['uploaded', 'validated', 'failed'].includes(job.status) || job.result?.commit) throw new AppError('CONFLICT', `job is ${job.status}`, { status: job.status });
  let mapping = input.mapping;
  if (!mapping && input.mappingName) {
    const saved = (await listColumnMappings(deps.db, KIND, actor.scopePrefix)).find((m) => m.name === input.mappingName);
    if (!saved) throw new AppError('NOT_FOUND', `mapping ${input.mappingName} not found`, { name: input.mappingName });
    mapping = saved.mapping;
  }
  mapping ??= suggestMapping(job.headers ?? []);
  const problems = checkImportMapping(mapping, job.headers ?? []);
  if (problems.length) throw new AppError('VALIDATION_FAILED', 'mapping is incomplete', { issues: problems });
  if (input.saveAs) await saveColumnMapping(deps.db, { kind: KIND, name: input.saveAs, mapping, createdBy: actor.id, regionCode: actor.regionCode });
  if (!startJob(id, 'validating', null)) throw new AppError('CONFLICT', 'job is already running', { id });
  await updateImportJob(deps.db, id, { status: 'validating', mapping, processedRows: 0, message: null });
  const finalMapping = mapping;
  const done = (async () => {
    try {
      const kind = await detectFileKind(job.filePath);
      const dictionaries = await loadDictionaries(deps);
      const s: ValidationSummary = await validateImportFile(deps.db, { id, filePath: job.filePath, kind }, finalMapping, { scopePrefix: actor.scopePrefix, dictionaries }, (n) =>
        updateImportJob(deps.db, id, { processedRows: n }),
      );
      const { firstErrors, ...rest } = s;
      await updateImportJob(deps.db, id, {
        status: 'validated', totalRows: s.totalRows, goodRows: s.goodRows, badRows: s.badRows, processedRows: s.totalRows,
        errors: firstErrors, result: { validation: rest }, finished: true,
        message: s.households.excluded > 0
          ? `${s.households.excluded} 户有错误，整户不导入 / ${s.households.excluded} households have errors and are left out whole`
          : null,
      });
    } catch (err) {
      const msg = err instanceof AppError ? String(err.details?.messageZh ?? err.message) : err instanceof Error ? err.message : String(err);
      await updateImportJob(deps.db, id, { status: 'failed', message: msg, finished: true }).catch(() => undefined);
    } finally {
      finishJob(id);
    }
  })();
  return { job: view((await findImportJob(deps.db, id)) as ImportJobRow), done };
}

/**
 * Starts the commit of the validated good households in the background, in ONE transaction.
 * @throws AppError CONFLICT unless the job is validated and not yet imported
 */
export async function startCommit(deps: Deps, actor: ImportActor, id: number): Promise<{ job: ImportJobView; done: Promise<void> }> {
  assertWriter(actor);
  const job = await getOwnJob(deps, actor, id);
  if (job.status !== 'validated') throw new AppError('CONFLICT', `job is ${job.status}; validate it first`, { status: job.status });
  if (!startJob(id, 'importing', job.goodRows)) throw new AppError('CONFLICT', 'job is already running', { id });
  await updateImportJob(deps.db, id, { status: 'importing', processedRows: 0 });
  const done = (async () => {
    try {
      const commit = await commitStagedImport(deps.db, job, jobFiles(job.filePath), {
        id: actor.id, name: actor.displayName, scopePrefix: actor.scopePrefix, regionCode: actor.regionCode, requestId: actor.requestId ?? null,
      });
      await updateImportJob(deps.db, id, { status: 'done', processedRows: commit.stagedRows, result: { ...(job.result ?? {}), commit }, finished: true, message: null });
    } catch (err) {
      const msg = err instanceof Error ? err.message : String(err);
      // the transaction rolled back: the job can be committed again
      await updateImportJob(deps.db, id, { status: 'validated', message: `导入失败，数据库未改变 / import failed, nothing was changed: ${msg}` }).catch(() => undefined);
    } finally {
      finishJob(id);
    }
  })();
  return { job: view((await findImportJob(deps.db, id)) as ImportJobRow), done };
}

/** Saved mappings visible to the actor. */
export async function listImportMappings(deps: Deps, actor: ImportActor): Promise<ColumnMappingRow[]> {
  return listColumnMappings(deps.db, KIND, actor.scopePrefix);
}

/** Saves a named mapping in the actor's region. @throws AppError VALIDATION_FAILED for unknown fields */
export async function createImportMapping(deps: Deps, actor: ImportActor, input: { name: string; mapping: Record<string, string> }): Promise<ColumnMappingRow> {
  assertWriter(actor);
  const unknown = Object.keys(input.mapping).filter((k) => !HOUSEHOLD_IMPORT_FIELDS.some((f) => f.key === k));
  if (unknown.length) throw new AppError('VALIDATION_FAILED', 'unknown fields', { issues: unknown.map((k) => ({ path: `mapping.${k}`, messageZh: `未知字段 ${k}`, messageEn: `unknown field ${k}` })) });
  return saveColumnMapping(deps.db, { kind: KIND, name: input.name, mapping: input.mapping, createdBy: actor.id, regionCode: actor.regionCode });
}
