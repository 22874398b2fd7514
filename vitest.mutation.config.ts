import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The tests that may kill mutants, per STRYKER_AREA (see stryker.config.mjs). Stryker runs this config in its
// sandbox copy: the aliases point the workspace packages at the (mutated) sandbox sources instead of the
// node_modules symlinks, which lead back to the unmutated checkout.
const root = fileURLToPath(new URL('.', import.meta.url));
const domainTests = ['packages/domain/src/**/*.test.ts'];
const server = (p: string) => `packages/server/src/${p}`;
// Unit tests first (seconds per mutant). STRYKER_TESTS=api adds the API tests on PGlite, which also kill the
// mutants but cost minutes per mutant on a shared 2-core machine (each file builds its app and database).
const api = process.env.STRYKER_TESTS === 'api';
const scopeTests = [
  server('modules/regions/scope.rules.test.ts'),
  ...(api ? [server('modules/regions/scope.test.ts'), server('matrix/role-matrix.test.ts'), server('modules/households/privacy.test.ts')] : []),
];
const maskingTests = [
  'packages/domain/src/privacy/*.test.ts',
  server('modules/households/households.views.test.ts'),
  ...(api ? [server('modules/households/privacy.test.ts'), server('matrix/role-matrix.test.ts'), server('modules/imports/import-privacy.test.ts')] : []),
];
// the import commit is SQL: only API tests reach it; the cross-scope import by default, all import tests with api
const importTests = [
  server('matrix/import-cross-scope.test.ts'),
  ...(api ? [server('modules/imports/imports.test.ts'), server('modules/imports/import-privacy.test.ts'), server('modules/imports/national-import.test.ts')] : []),
];
const byArea: Record<string, string[]> = {
  domain: domainTests,
  scope: scopeTests,
  masking: maskingTests,
  import: importTests,
  all: [...new Set([...domainTests, ...scopeTests, ...maskingTests, ...importTests])],
};
const include = byArea[process.env.STRYKER_AREA ?? 'all'] ?? byArea.all!;

export default defineConfig({
  resolve: {
    alias: {
      '@chanbang/domain': `${root}packages/domain/src/index.ts`,
      '@chanbang/db': `${root}packages/db/src/index.ts`,
    },
  },
  test: {
    include,
    // server tests on an in-memory PGlite only
    env: { TEST_DATABASE_URL: '' },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
