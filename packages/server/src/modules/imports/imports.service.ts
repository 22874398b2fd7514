import { createHash, randomUUID } from 'node:crypto';
import { unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import {
  AppError,
  canSeePii,
  canWrite,
  checkImportMapping,
  defaultImportOptions,
  findDictionary,
  detectLayout,
  ignoredHeaders,
  IMPORT_FIELDS,
  isHeaderRow,
  suggestMapping,
  type Dictionary,
  type ImportField,
  type ImportOptions,
} from '@chanbang/domain';
import type { Deps } from '../../deps.ts';
import { claimImportJob, releaseImportJobClaim, whileClaimed } from './import-claims.repo.ts';
import { commitStagedImport, PartialCommitError } from './import-commit.service.ts';
import { detectFileKind, readDataRows, type ImportFileKind } from './import-file.reader.ts';
import { removeImportJobFiles } from './import-cleanup.ts';
import { ensurePrivateDir, importDir, privateWriteStream } from './import-files.ts';
import { limitError, type ImportLimits } from './import-limits.ts';
import { finishJob, getProgress, startJob, waitForIdle } from './import-progress.ts';
import { loadDictIndex } from '../dictionaries/dictionaries.service.ts';
import type { CellError, ExcludedHousehold } from './import-errors.writer.ts';
import { jobFiles, validateImportFile, type ValidationSummary } from './import-validate.service.ts';
import { findImportJob, insertImportJob, listColumnMappings, saveColumnMapping, updateImportJob, type ColumnMappingRow, type ImportJobRow } from './imports.repo.ts';

/** Who imports: the server's request actor or the CLI's user (same shape as `Actor` in deps.ts). */
export type ImportActor = { id: number; username: string; displayName: string; role: string; regionCode: string; scopePrefix: string; requestId?: string };

const KIND = 'households';
/** dict lifted_category (一般/低保/特困供养/脱贫不享受政策), the default a file may set for its 脱贫户 */
const DICT_LIFTED_CATEGORY = 'lifted_category';

/** An import job as the API shows it. */
export type ImportJobView = Omit<ImportJobRow, 'filePath' | 'fileSha256' | 'createdBy'> & {
  progress: { phase: string; processed: number; total: number | null } | null;
  fields: (Pick<ImportField, 'key' | 'labelZh' | 'labelEn' | 'required'> & { group: string | null })[];
  /** the job's message in each language (null when none) */
  messageZh: string | null;
  messageEn: string | null;
  /** good rows left out because their household has a bad row, by household (first 100; errors.xlsx has all) */
  excludedHouseholds: ExcludedHousehold[];
  /** first warnings (rows imported all the same) */
  warnings: CellError[];
  /** set when the last commit failed and was rolled back (the job is `validated` again and can be committed) */
  commitError: { messageZh: string; messageEn: string; at: string } | null;
  suggestedMapping?: Record<string, string>;
  savedMappings?: ColumnMappingRow[];
};

/** A job message in both languages, stored as JSON in `import_jobs.message`. */
export function jobMessage(zh: string, en: string): string {
  return JSON.stringify({ zh, en });
}

function readMessage(m: string | null): { zh: string; en: string } | null {
  if (m === null) return null;
  if (m.startsWith('{')) {
    try {
      const o = JSON.parse(m) as { zh?: unknown; en?: unknown };
      if (typeof o.zh === 'string' && typeof o.en === 'string') return { zh: o.zh, en: o.en };
    } catch {
      // not ours: shown as it is
    }
  }
  const [zh, en] = m.split(' / ');
  return { zh: zh ?? m, en: en ?? m };
}

function assertWriter(actor: ImportActor): void {
  if (!canWrite(actor.role)) throw new AppError('FORBIDDEN', `role ${actor.role} may not import`, { role: actor.role });
}

/** The job's files were removed (it ended, or was idle past the keep time): 410 with what to do. */
function filesGone(id: number): AppError {
  const zh = '导入任务已结束，上传的文件和错误明细文件已删除（页面上的统计和前 100 条错误仍保留）；如需重新导入，请重新上传文件';
  const en = 'The import job has ended and its uploaded file and error file were deleted (the counts and first 100 errors are kept); upload the file again to import it again';
  return new AppError('GONE', en, { id, issues: [{ path: 'file', messageZh: zh, messageEn: en }], messageZh: zh, messageEn: en });
}

function view(job: ImportJobRow): ImportJobView {
  const { filePath: _p, fileSha256: _s, createdBy: _c, ...rest } = job;
  const p = getProgress(job.id);
  const msg = readMessage(job.message);
  const validation = job.result?.validation as Partial<ValidationSummary> | undefined;
  return {
    ...rest,
    message: msg?.zh ?? null,
    messageZh: msg?.zh ?? null,
    messageEn: msg?.en ?? null,
    excludedHouseholds: validation?.excludedHouseholds ?? [],
    warnings: validation?.firstWarnings ?? [],
    commitError: (job.result?.commitError as ImportJobView['commitError'] | undefined) ?? null,
    progress: p ? { phase: p.phase, processed: Math.min(p.processed, p.total ?? p.processed), total: p.total } : null,
    fields: IMPORT_FIELDS.map((f) => ({ key: f.key, labelZh: f.labelZh, labelEn: f.labelEn, required: f.required, group: f.group ?? null })),
  };
}

/** The active dictionary items of the database (admin-added items are accepted on import), as domain dictionaries. */
async function loadDictionaries(deps: Deps): Promise<Dictionary[]> {
  const idx = await loadDictIndex(deps);
  return [...idx].map(([code, items]) => ({
    code,
    nameZh: code,
    nameEn: code,
    items: [...items.values()]
      .sort((a, b) => a.sort - b.sort)
      .map((i) => ({ code: i.code, labelZh: i.labelZh, labelEn: i.labelEn, sort: i.sort, attrs: i.attrs, ...(i.parentCode ? { parentCode: i.parentCode } : {}) })),
  }));
}

type HeaderInfo = { sheetName: string | null; headers: string[]; headerRow: number; totalRows: number };

/** Finds the sheet and header row and counts the data rows (the mapping step shows the total). */
async function readHeader(path: string, kind: ImportFileKind, limits: ImportLimits): Promise<HeaderInfo> {
  let info: { sheetName: string | null; headers: string[]; headerRow: number } | null = null;
  let totalRows = 0;
  for await (const batch of readDataRows(path, kind, isHeaderRow, (h) => (info = h), limits)) totalRows += batch.length;
  const found = info as { sheetName: string | null; headers: string[]; headerRow: number } | null;
  if (!found || totalRows === 0) {
    throw new AppError('VALIDATION_FAILED', 'the file has a header row but no data rows', {
      issues: [{ path: 'file', messageZh: '文件只有表头，没有数据行', messageEn: 'The file has a header row but no data rows' }],
      messageZh: '文件只有表头，没有数据行',
      messageEn: 'The file has a header row but no data rows',
    });
  }
  return { sheetName: found.sheetName, headers: found.headers, headerRow: found.headerRow, totalRows };
}

/**
 * Stores an uploaded file, detects its type from its bytes, finds the sheet and header row and creates the
 * job with a suggested mapping and the saved mappings.
 * @throws AppError VALIDATION_FAILED for empty, unreadable or header-less files; FORBIDDEN for read-only roles
 */
export async function createImportJob(deps: Deps, actor: ImportActor, upload: { fileName: string; stream: Readable; sizeHint?: number }): Promise<ImportJobView> {
  assertWriter(actor);
  const limits = deps.config.importLimits;
  const dir = await ensurePrivateDir(importDir(deps.config.dataDir));
  const path = join(dir, `${randomUUID()}.upload`);
  const hash = createHash('sha256');
  let bytes = 0;
  try {
    await pipeline(
      upload.stream,
      new Transform({
        transform(chunk: Buffer, _e, cb) {
          bytes += chunk.length;
          // the multipart parser stops at the limit too; a stream from elsewhere (the CLI) is stopped here
          if (bytes > limits.maxUploadBytes) return cb(limitError('uploadBytes', upload.sizeHint ?? bytes, limits.maxUploadBytes));
          hash.update(chunk);
          cb(null, chunk);
        },
      }),
      privateWriteStream(path),
    );
  } catch (err) {
    await unlink(path).catch(() => undefined);
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw limitError('uploadBytes', upload.sizeHint ?? bytes, limits.maxUploadBytes);
    throw err;
  }
  if ((upload.stream as Readable & { truncated?: boolean }).truncated) {
    await unlink(path).catch(() => undefined);
    throw limitError('uploadBytes', upload.sizeHint ?? bytes, limits.maxUploadBytes);
  }
  let header: HeaderInfo;
  try {
    const kind = await detectFileKind(path);
    header = await readHeader(path, kind, limits);
  } catch (err) {
    await unlink(path).catch(() => undefined);
    throw err;
  }
  const suggested = suggestMapping(header.headers);
  const layout = detectLayout(header.headers);
  const job = await insertImportJob(deps.db, {
    kind: KIND,
    fileName: upload.fileName.slice(0, 255),
    fileSha256: hash.digest('hex'),
    filePath: path,
    sheetName: header.sheetName,
    headers: header.headers,
    createdBy: actor.id,
    regionCode: actor.regionCode,
    totalRows: header.totalRows,
    headerRow: header.headerRow - 1,
    layout,
    ignoredHeaders: ignoredHeaders(header.headers, suggested),
    options: defaultImportOptions(upload.fileName, layout),
    mapping: null,
  });
  return { ...view(job), suggestedMapping: suggested, savedMappings: await listColumnMappings(deps.db, KIND, actor.scopePrefix) };
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
  if (job.filesDeletedAt) throw filesGone(id);
  if (!['validated', 'importing', 'done'].includes(job.status)) throw new AppError('NOT_FOUND', 'errors are known once validation has finished', { id });
  return jobFiles(job.filePath).errorsXlsx;
}

/** Input of {@link startValidation}: a mapping, or the name of a saved one; `saveAs` stores the mapping. */
export type ValidateInput = {
  mapping?: Record<string, string> | undefined;
  mappingName?: string | undefined;
  saveAs?: string | undefined;
  /** changes to the file's defaults (household type, monitoring status, income year) */
  options?: Partial<ImportOptions> | undefined;
};

/**
 * Starts validation in the background (poll {@link getImportJob}); `done` resolves when it ends.
 * @throws AppError VALIDATION_FAILED for a bad mapping; CONFLICT when the job is running or already imported
 */
export async function startValidation(deps: Deps, actor: ImportActor, id: number, input: ValidateInput): Promise<{ job: ImportJobView; done: Promise<void> }> {
  assertWriter(actor);
  const job = await getOwnJob(deps, actor, id);
  if (job.filesDeletedAt) throw filesGone(id);
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
  const options: ImportOptions = { ...defaultImportOptions(job.fileName, (job.layout ?? 'other') as never), ...(job.options ?? {}), ...(input.options ?? {}) } as ImportOptions;
  if (options.liftedCategory !== null && !findDictionary(DICT_LIFTED_CATEGORY)?.items.some((i) => i.code === options.liftedCategory)) {
    const issue = {
      path: 'options.liftedCategory',
      messageZh: `默认脱贫户类别“${options.liftedCategory}”无效`,
      messageEn: `default lifted category "${options.liftedCategory}" is not valid`,
    };
    throw new AppError('VALIDATION_FAILED', issue.messageEn, { issues: [issue] });
  }
  // claimed in the database: no other server (nor this one) runs the job meanwhile
  if (!(await claimImportJob(deps.db, id, ['uploaded', 'validated', 'failed'], 'validating'))) throw new AppError('CONFLICT', 'job is already running', { id });
  if (!startJob(id, 'validating', job.totalRows || null)) {
    await releaseImportJobClaim(deps.db, id);
    throw new AppError('CONFLICT', 'job is already running', { id });
  }
  await updateImportJob(deps.db, id, { status: 'validating', mapping, options, ignoredHeaders: ignoredHeaders(job.headers ?? [], mapping), processedRows: 0, message: null });
  const finalMapping = mapping;
  const done = whileClaimed(deps.db, id, async () => {
    try {
      const kind = await detectFileKind(job.filePath);
      const dictionaries = await loadDictionaries(deps);
      const s: ValidationSummary = await validateImportFile(
        deps.db,
        { id, filePath: job.filePath, kind },
        finalMapping,
        { scopePrefix: actor.scopePrefix, dictionaries, options, pii: canSeePii(actor.role), limits: deps.config.importLimits },
        (n) => updateImportJob(deps.db, id, { processedRows: n }),
      );
      const { firstErrors, ...rest } = s;
      const out = s.households.excluded;
      await updateImportJob(deps.db, id, {
        status: 'validated',
        totalRows: s.totalRows,
        goodRows: s.goodRows,
        badRows: s.badRows,
        excludedRows: s.excludedRows,
        warningRows: s.warningRows,
        processedRows: s.totalRows,
        errors: firstErrors,
        result: { validation: rest },
        finished: true,
        message:
          out > 0
            ? jobMessage(
                `${out} 户有错误行，整户不导入（其中 ${s.excludedRows} 行本身无误，因同户有错误未导入）`,
                `${out} households have bad rows and are left out whole (${s.excludedRows} good rows among them are not imported)`,
              )
            : null,
      });
    } catch (err) {
      const zh = err instanceof AppError ? String(err.details?.messageZh ?? err.message) : err instanceof Error ? err.message : String(err);
      const en = err instanceof AppError ? String(err.details?.messageEn ?? err.message) : zh;
      await updateImportJob(deps.db, id, { status: 'failed', message: jobMessage(`校验失败：${zh}`, `validation failed: ${en}`), finished: true }).catch(() => undefined);
      // the job has ended: its files go (the counts and the message stay)
      await removeImportJobFiles(deps.db, job);
    } finally {
      finishJob(id);
    }
  });
  return { job: view((await findImportJob(deps.db, id)) as ImportJobRow), done };
}

/**
 * Starts the commit of the validated good households in the background, in chunks of whole households
 * (ADR 0003); a job whose earlier commit stopped part-way continues from its cursor.
 * @throws AppError CONFLICT unless the job is validated and not yet imported
 */
export async function startCommit(deps: Deps, actor: ImportActor, id: number): Promise<{ job: ImportJobView; done: Promise<void> }> {
  assertWriter(actor);
  const job = await getOwnJob(deps, actor, id);
  if (job.filesDeletedAt) throw filesGone(id);
  if (job.status !== 'validated') throw new AppError('CONFLICT', `job is ${job.status}; validate it first`, { status: job.status });
  // the commit stages every valid row (good and excluded) before leaving the excluded households out
  // a validation ends by writing 'validated', then forgets the job and releases its claim: a commit asked for in
  // that moment (the page shows 'validated' at once) waits for it instead of answering 'already running'
  await waitForIdle(id, 5_000).catch(() => undefined);
  let claimed = await claimImportJob(deps.db, id, ['validated'], 'importing');
  for (let i = 0; !claimed && i < 30; i++) {
    await new Promise((r) => setTimeout(r, 100));
    claimed = await claimImportJob(deps.db, id, ['validated'], 'importing');
  }
  if (!claimed) throw new AppError('CONFLICT', 'job is already running', { id });
  if (!startJob(id, 'importing', job.goodRows + job.excludedRows)) {
    await releaseImportJobClaim(deps.db, id);
    throw new AppError('CONFLICT', 'job is already running', { id });
  }
  await updateImportJob(deps.db, id, { status: 'importing', processedRows: 0 });
  const done = whileClaimed(deps.db, id, async () => {
    try {
      const commit = await commitStagedImport(deps.db, job, jobFiles(job.filePath), {
        id: actor.id,
        name: actor.displayName,
        scopePrefix: actor.scopePrefix,
        regionCode: actor.regionCode,
        requestId: actor.requestId ?? null,
      });
      const { commitError: _e, ...kept } = job.result ?? {};
      await updateImportJob(deps.db, id, { status: 'done', processedRows: commit.stagedRows, result: { ...kept, commit }, finished: true, message: null });
      // the job has ended: its files go (the counts and first errors stay on the job)
      await removeImportJobFiles(deps.db, job);
    } catch (err) {
      const msg = err instanceof Error ? err.message : String(err);
      // the first chunk's transaction rolled back: nothing was written. A later chunk's failure leaves the chunks
      // before it (whole households) in place, and committing again resumes at the failed chunk (ADR 0003).
      const partial = err instanceof PartialCommitError ? err : null;
      const commitError = partial
        ? {
            messageZh: `导入中断：已导入 ${partial.committedChunks}/${partial.chunks} 批（${partial.householdsWritten} 户，每户完整），其余未导入；可继续导入：${msg}`,
            messageEn: `the import stopped: ${partial.committedChunks} of ${partial.chunks} batches were imported (${partial.householdsWritten} households, each whole), the rest was not; you can continue the import: ${msg}`,
            at: new Date().toISOString(),
          }
        : {
            messageZh: `导入失败，数据库未做任何更改，可重新导入：${msg}`,
            messageEn: `the import failed and nothing was changed; you can import again: ${msg}`,
            at: new Date().toISOString(),
          };
      const current = partial ? ((await findImportJob(deps.db, id).catch(() => undefined))?.result ?? job.result) : job.result;
      await updateImportJob(deps.db, id, {
        status: 'validated',
        result: { ...(current ?? {}), commitError },
        message: jobMessage(commitError.messageZh, commitError.messageEn),
      }).catch(() => undefined);
    } finally {
      finishJob(id);
    }
  });
  return { job: view((await findImportJob(deps.db, id)) as ImportJobRow), done };
}

/** Saved mappings visible to the actor. */
export async function listImportMappings(deps: Deps, actor: ImportActor): Promise<ColumnMappingRow[]> {
  return listColumnMappings(deps.db, KIND, actor.scopePrefix);
}

/** Saves a named mapping in the actor's region. @throws AppError VALIDATION_FAILED for unknown fields */
export async function createImportMapping(deps: Deps, actor: ImportActor, input: { name: string; mapping: Record<string, string> }): Promise<ColumnMappingRow> {
  assertWriter(actor);
  const unknown = Object.keys(input.mapping).filter((k) => !IMPORT_FIELDS.some((f) => f.key === k));
  if (unknown.length)
    throw new AppError('VALIDATION_FAILED', 'unknown fields', {
      issues: unknown.map((k) => ({ path: `mapping.${k}`, messageZh: `未知字段 ${k}`, messageEn: `unknown field ${k}` })),
    });
  return saveColumnMapping(deps.db, { kind: KIND, name: input.name, mapping: input.mapping, createdBy: actor.id, regionCode: actor.regionCode });
}
