// Mutation testing (issue 6 "Tests"): `npm run test:mutation` — not in CI, it takes long.
// STRYKER_AREA picks what to mutate and which tests may kill the mutants (default: all four areas):
//   domain   packages/domain/src/** (tests: the domain's own)
//   scope    regions/scope.ts (tests: scope.rules; with STRYKER_TESTS=api also the scope matrix, role matrix, privacy)
//   masking  domain privacy/** and households.views.ts (tests: masking, views; with api also privacy, role matrix)
//   import   the import commit (tests: cross-scope import; with api also imports, import privacy, national import)
// e.g. `STRYKER_AREA=scope npm run test:mutation`. Reports: reports/mutation/<area>.html (git-ignored).
// Scope and masking are judged by their unit tests (seconds per mutant); STRYKER_TESTS=api adds the API tests
// (role matrix, privacy, scope matrix), which take minutes per mutant. The import commit needs the API tests.
// A surviving mutant in scope or masking is a bug in the tests: add a test that kills it.
const AREAS = {
  domain: {
    mutate: ['packages/domain/src/**/*.ts', '!packages/domain/src/**/*.test.ts'],
    concurrency: 2,
  },
  scope: {
    mutate: ['packages/server/src/modules/regions/scope.ts'],
    concurrency: 1,
  },
  masking: {
    mutate: ['packages/domain/src/privacy/**/*.ts', '!packages/domain/src/privacy/**/*.test.ts', 'packages/server/src/modules/households/households.views.ts'],
    concurrency: 1,
  },
  import: {
    mutate: ['packages/server/src/modules/imports/import-commit.repo.ts', 'packages/server/src/modules/imports/import-commit.service.ts'],
    concurrency: 1,
  },
};

const area = process.env.STRYKER_AREA ?? 'all';
if (area !== 'all' && !(area in AREAS)) throw new Error(`STRYKER_AREA must be one of all, ${Object.keys(AREAS).join(', ')}`);
const chosen = area === 'all' ? Object.values(AREAS) : [AREAS[area]];
// the vitest config reads STRYKER_AREA too (Stryker's workers inherit the environment)
process.env.STRYKER_AREA = area;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  mutate: chosen.flatMap((a) => a.mutate),
  // 2 cores shared by everyone: one or two test processes
  concurrency: Math.min(...chosen.map((a) => a.concurrency)),
  // 'all': every mutant runs every test of its area. With 'perTest' the vitest runner credited many it.each
  // cases with covering nothing (shown as "covered 0"), so tests that kill a mutant were never run against it.
  coverageAnalysis: 'all',
  timeoutMS: 60_000,
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
  // the sandbox needs the packages (a domain test reads the web sources too), not the browser tests or data
  ignorePatterns: ['e2e', 'data', 'bench-data', 'reports', 'coverage', '.tmp', 'dist'],
  reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
  htmlReporter: { fileName: `reports/mutation/${area}.html` },
  jsonReporter: { fileName: `reports/mutation/${area}.json` },
  thresholds: { high: 90, low: 75, break: null },
};
