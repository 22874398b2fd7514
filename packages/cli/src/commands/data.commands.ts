import { createReadStream, createWriteStream } from 'node:fs';
import { basename, resolve } from 'node:path';
import cliProgress from 'cli-progress';
import { importExport } from '@chanbang/server';
import { cliActor, cliConfig, openDeps, report } from './context.ts';
import { applyImportEnv } from './import-env.ts';

type ImportOpts = { mapping?: string; user?: string; json?: boolean };

async function withBar<T>(label: string, show: boolean, total: number | null, jobId: number, done: Promise<T>): Promise<T> {
  if (!show) return done;
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {value}${total ? '/{total}' : ''} rows`, hideCursor: true, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total ?? 0, 0);
  const timer = setInterval(() => {
    const p = importExport.getProgressOf(jobId);
    if (p) bar.update(p.processed);
  }, 200);
  try {
    return await done;
  } finally {
    clearInterval(timer);
    bar.stop();
  }
}

/**
 * `chanbang import households FILE`: the same service functions as the HTTP routes — upload, validate
 * (with the suggested or a saved mapping), commit in one transaction.
 */
export async function importHouseholdsCommand(file: string, opts: ImportOpts): Promise<void> {
  applyImportEnv();
  const deps = await openDeps(cliConfig());
  // --json: progress as one JSON line on stderr per report, written synchronously (stdout keeps the one result)
  if (opts.json) importExport.onJobProgress((jobId, p) => process.stderr.write(`${JSON.stringify({ progress: { jobId, ...p } })}\n`));
  try {
    const actor = await cliActor(deps.db, opts.user ?? 'admin');
    const path = resolve(file);
    const job = await importExport.createImportJob(deps, actor, { fileName: basename(path), stream: createReadStream(path) });
    const v = await importExport.startValidation(deps, actor, job.id, { mappingName: opts.mapping });
    await withBar('validate', !opts.json, job.totalRows || null, job.id, v.done);
    const validated = await importExport.getImportJob(deps, actor, job.id);
    if (validated.status !== 'validated') throw new Error(`validation failed: ${validated.messageZh ?? ''} / ${validated.messageEn ?? ''}`);
    const c = await importExport.startCommit(deps, actor, job.id);
    // the commit stages every valid row (good and excluded) before leaving the excluded households out
    await withBar('import  ', !opts.json, validated.goodRows + validated.excludedRows, job.id, c.done);
    const final = await importExport.getImportJob(deps, actor, job.id);
    const commit = (final.result as { commit?: Record<string, unknown> } | null)?.commit;
    // --json prints the job exactly as GET /api/v1/imports/:id answers (counts, errors, excluded households, warnings)
    report(!!opts.json, final, [
      `file: ${final.fileName} (${final.sheetName ?? 'csv'}, ${final.layout ?? 'other'}), rows ${final.totalRows}: good ${final.goodRows}, bad ${final.badRows}, excluded ${final.excludedRows}, with warnings ${final.warningRows}`,
      ...(final.ignoredHeaders?.length ? [`ignored columns: ${final.ignoredHeaders.join('、')}`] : []),
      ...((final.errors ?? []) as { row: number; column: string; messageZh: string }[]).slice(0, 10).map((e) => `  第 ${e.row} 行 ${e.column}: ${e.messageZh}`),
      ...final.excludedHouseholds.slice(0, 10).map((x) => `  未导入 ${x.householdNo}（户主 ${x.headName ?? '—'}）: ${x.reasonZh}`),
      ...final.warnings.slice(0, 10).map((w) => `  警告 第 ${w.row} 行 ${w.column}: ${w.messageZh}`),
      final.status === 'done'
        ? `imported: households +${String(commit?.householdsCreated)} ~${String(commit?.householdsUpdated)} =${String(commit?.householdsUnchanged)}, persons +${String(commit?.personsCreated)} ~${String(commit?.personsUpdated)}`
        : `not imported: ${final.messageZh ?? final.status}`,
      `errors.xlsx: GET /api/v1/imports/${final.id}/errors.xlsx`,
    ]);
    if (final.status !== 'done') process.exitCode = 1;
  } finally {
    await deps.db.close();
  }
}

/**
 * `chanbang import resume`: what a server start does for imports a kill interrupted — jobs killed while staging
 * go back to validated, jobs killed after staging continue from their commit cursor (ADR 0003) — in the foreground.
 */
export async function importResumeCommand(opts: { json?: boolean }): Promise<void> {
  applyImportEnv();
  const deps = await openDeps(cliConfig());
  if (opts.json) importExport.onJobProgress((jobId, p) => process.stderr.write(`${JSON.stringify({ progress: { jobId, ...p } })}\n`));
  try {
    const reset = await importExport.recoverInterruptedImportJobs(deps.db);
    const resumed = await importExport.resumeInterruptedCommits(deps);
    report(!!opts.json, { reset, resumed }, [
      `${reset} job(s) interrupted before their commit started were reset (nothing of them was written)`,
      ...resumed.map(
        (j) => `job ${j.id}: ${j.status === 'done' ? 'resumed and imported' : j.status === 'skipped' ? 'running elsewhere, skipped' : `stopped again: ${j.messageEn ?? ''}`}`,
      ),
    ]);
    if (resumed.some((j) => j.status === 'validated')) process.exitCode = 1;
  } finally {
    await deps.db.close();
  }
}

/** `chanbang export households [--region] [--out]`: the export service (masked per the user's role, audited). */
export async function exportHouseholdsCommand(opts: { region?: string; out?: string; user?: string; json?: boolean }): Promise<void> {
  const deps = await openDeps(cliConfig());
  try {
    const actor = await cliActor(deps.db, opts.user ?? 'admin');
    const out = resolve(opts.out ?? `households-${new Date().toISOString().slice(0, 10)}.xlsx`);
    const stream = createWriteStream(out);
    const finished = new Promise<void>((res, rej) => stream.on('finish', () => res()).on('error', rej));
    const r = await importExport.exportHouseholdsXlsx(deps, actor, { regionCode: opts.region }, stream);
    await finished;
    report(!!opts.json, { ...r, file: out }, [`exported ${r.households} households (${r.rows} rows${r.masked ? ', masked' : ''}) to ${out}`]);
  } finally {
    await deps.db.close();
  }
}
