import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';
import { registerExportRoutes } from '../exports/exports.routes.ts';
import { registerImportRoutes } from './imports.routes.ts';

export * from './imports.service.ts';
export { recoverInterruptedImportJobs } from './imports.repo.ts';
export { setImportCommitHook, type CommitStep } from './import-commit.service.ts';
export { waitForIdle, getProgress as getProgressOf, onJobProgress } from './import-progress.ts';
export { exportHouseholdsXlsx, resolveExportFilter, type HouseholdExportQuery, type ExportResult } from '../exports/exports.service.ts';

/** Registers the import (template, upload, validate, commit, errors, mappings) and export routes. */
export async function registerImportExportRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  await registerImportRoutes(app, deps);
  registerExportRoutes(app, deps);
}
