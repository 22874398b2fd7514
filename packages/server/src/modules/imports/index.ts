import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';
import { registerExportRoutes } from '../exports/exports.routes.ts';
import { resumeInterruptedCommits } from './import-resume.service.ts';
import { registerImportRoutes } from './imports.routes.ts';

export * from './imports.service.ts';
export { recoverInterruptedImportJobs } from './imports.repo.ts';
export { setImportCommitHook, setImportChunkRows, type CommitStep, type CommitHookInfo } from './import-commit.service.ts';
export { resumeInterruptedCommits, type ResumedJob } from './import-resume.service.ts';
export { waitForIdle, getProgress as getProgressOf, onJobProgress } from './import-progress.ts';
export { exportHouseholdsXlsx, resolveExportFilter, type HouseholdExportQuery, type ExportResult } from '../exports/exports.service.ts';

/** Registers the import (template, upload, validate, commit, errors, mappings) and export routes. */
export async function registerImportExportRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  await registerImportRoutes(app, deps);
  registerExportRoutes(app, deps);
  // a chunked commit a kill interrupted goes on once the server is ready (in the background: listening is not delayed)
  app.addHook('onReady', async () => {
    void resumeInterruptedCommits(deps).then(
      (jobs) => {
        for (const j of jobs) app.log.info({ importJob: j.id, status: j.status }, 'interrupted import resumed');
      },
      (err: unknown) => app.log.warn({ err: err instanceof Error ? err.message : String(err) }, 'resuming interrupted imports failed'),
    );
  });
}
