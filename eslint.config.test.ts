// The lint rules of eslint.config.js refuse what docs/ARCHITECTURE.md and docs/CONVENTIONS.md forbid, and let the
// allowed directions through. Each case is a snippet linted as if it sat at `file`; the expected rule comes from the
// documents, not from the config. A plugin upgrade that turns a rule into a no-op fails here.
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: import.meta.dirname });
});

/** The ids of the rules that fire on `code` at `file` (unused variables left out: the snippets only import). */
async function rulesAt(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return (result?.messages ?? []).map((m) => m.ruleId ?? `fatal: ${m.message}`).filter((r) => r !== '@typescript-eslint/no-unused-vars');
}

const BOUNDARY = 'boundaries/dependencies';
const MODULES = 'server-modules/dependencies';
const SQL = 'no-restricted-syntax';
const ENV = 'no-restricted-properties';

describe('package directions', () => {
  it.each([
    ['domain → db by name', 'packages/domain/src/households/x.ts', "import { openDb } from '@chanbang/db';"],
    ['domain → server by path', 'packages/domain/src/households/x.ts', "import { buildApp } from '../../../server/src/app.ts';"],
    ['domain → node:fs', 'packages/domain/src/households/x.ts', "import { readFileSync } from 'node:fs';"],
    ['domain → child_process', 'packages/domain/src/households/x.ts', "import { spawn } from 'child_process';"],
    ['db → server', 'packages/db/src/x.ts', "import { loadConfig } from '@chanbang/server';"],
    ['server → web', 'packages/server/src/x.ts', "import { formatYuan } from '../../web/src/lib/format.ts';"],
    ['server → cli', 'packages/server/src/modules/incomes/x.ts', "import '../../../../cli/src/main.ts';"],
    ['web → server, a type only', 'packages/web/src/lib/x.ts', "import type { Config } from '@chanbang/server';"],
    ['web → db', 'packages/web/src/lib/x.ts', "import { openDb } from '../../../db/src/index.ts';"],
    ['web → node:path', 'packages/web/src/lib/x.ts', "import { join } from 'node:path';"],
    ['cli → web', 'packages/cli/src/x.ts', "import '@chanbang/web';"],
    ['e2e → server by name', 'e2e/x.spec.ts', "import { loadConfig } from '@chanbang/server';"],
    ['e2e → a server file other than the roster fixture', 'e2e/support/x.ts', "export * from '../../packages/server/src/modules/imports/csv-lines.reader.ts';"],
  ])('refuses %s', async (_name, file, code) => {
    expect(await rulesAt(file, code)).toEqual([BOUNDARY]);
  });

  it.each([
    ['domain → zod and its own files', 'packages/domain/src/households/x.ts', "import { z } from 'zod';\nimport { AppError } from '../errors.ts';\nexport { z, AppError };"],
    [
      'db → domain, node:fs',
      'packages/db/src/x.ts',
      "import { readFileSync } from 'node:fs';\nimport { ERROR_CODES } from '@chanbang/domain';\nexport { readFileSync, ERROR_CODES };",
    ],
    ['server → db, domain', 'packages/server/src/x.ts', "import { openDb } from '@chanbang/db';\nimport { AppError } from '@chanbang/domain';\nexport { openDb, AppError };"],
    ['web → domain', 'packages/web/src/lib/x.ts', "import { AppError } from '@chanbang/domain';\nexport { AppError };"],
    ['cli → server internals', 'packages/cli/src/x.ts', "export * from '../../server/src/modules/imports/csv-lines.reader.ts';"],
    ['e2e → the roster fixture', 'e2e/support/x.ts', "export * from '../../packages/server/src/modules/imports/national-roster.fixture.ts';"],
  ])('lets %s through', async (_name, file, code) => {
    expect(await rulesAt(file, code)).toEqual([]);
  });
});

describe('module direction inside the server', () => {
  it('households never imports a child module', async () => {
    expect(await rulesAt('packages/server/src/modules/households/x.ts', "export * from '../incomes/incomes.service.ts';")).toEqual([MODULES]);
  });
  it('a child imports households', async () => {
    expect(await rulesAt('packages/server/src/modules/incomes/x.ts', "export * from '../households/households.service.ts';")).toEqual([]);
  });
});

describe('SQL only in repos', () => {
  const queries = [
    'const rows = await deps.db.db.select().from(t);',
    'await tx.update(t).set({ a: 1 });',
    'await db.delete(t);',
    "await deps.db.query('SELECT 1');",
    'const p = sql`x = 1`;',
  ].join('\n');
  it('refuses each query in a service', async () => {
    expect(await rulesAt('packages/server/src/modules/incomes/x.service.ts', queries)).toEqual([SQL, SQL, SQL, SQL, SQL]);
  });
  it('takes them in a repo and in a test', async () => {
    expect(await rulesAt('packages/server/src/modules/incomes/x.repo.ts', queries)).toEqual([]);
    expect(await rulesAt('packages/server/src/modules/incomes/x.test.ts', queries)).toEqual([]);
  });
  it('leaves Map#delete, hash.update and route definitions alone', async () => {
    expect(await rulesAt('packages/server/src/modules/incomes/x.service.ts', "cache.delete(k);\nhash.update(chunk);\nr.delete('/api/v1/x', h);")).toEqual([]);
  });
});

describe('process.env only in config', () => {
  it('refuses it in a service and in web', async () => {
    expect(await rulesAt('packages/server/src/modules/incomes/x.service.ts', 'export const port = process.env.PORT;')).toEqual([ENV]);
    expect(await rulesAt('packages/web/src/lib/x.ts', 'export const mode = process.env.NODE_ENV;')).toEqual([ENV]);
  });
  it('takes it in the server config and in tests', async () => {
    expect(await rulesAt('packages/server/src/config.ts', 'export const port = process.env.PORT;')).toEqual([]);
    expect(await rulesAt('packages/server/src/x.test.ts', 'export const port = process.env.PORT;')).toEqual([]);
  });
});
