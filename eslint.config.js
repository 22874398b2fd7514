// ESLint flat config for the whole workspace (issue 6 "Lint in CI"); the rules are explained in
// docs/CONVENTIONS.md § Lint. Beyond the recommended sets it enforces:
//   - package directions (eslint-plugin-boundaries): domain → nothing; db → domain; server → domain, db;
//     web → domain; cli → server, db, domain; e2e → domain and the roster fixture it re-exports;
//   - inside the server, households never imports a child module (members, incomes, measures, monitoring,
//     helpers) nor the household-detail read model; they may import households;
//   - domain and web import no Node I/O module;
//   - SQL (drizzle select/insert/update/delete, sql`…`, .query(), .execute()) only in *.repo.ts and the db package;
//   - process.env only in the config readers, the CLI's config/spawners, tests and e2e support.
// Not type-aware on purpose: `npm run lint` stays well under a minute on two cores.
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const TEST_FILES = [
  '**/*.test.ts',
  '**/*.test.tsx',
  '**/*.test-support.ts',
  '**/*.fixture.ts',
  'packages/server/src/test/**',
  'packages/server/src/matrix/**', // the role matrix test and its world
  'e2e/**',
];

/** Node modules that touch files, network, processes or the host: never in domain (pure rules) nor web (browser). */
const NODE_IO_MODULES = [
  'fs',
  'fs/promises',
  'path',
  'os',
  'net',
  'http',
  'https',
  'http2',
  'tls',
  'dgram',
  'dns',
  'child_process',
  'cluster',
  'worker_threads',
  'process',
  'readline',
  'stream',
  'zlib',
  'vm',
  'v8',
  'inspector',
  'module',
];
const NODE_IO_SOURCES = NODE_IO_MODULES.flatMap((name) => [name, `node:${name}`]);

/** Modules that hang on a household, and the detail read model on top: they may import households, never the reverse. */
const HOUSEHOLD_CHILD_MODULES = ['members', 'incomes', 'measures', 'monitoring', 'helpers', 'household-detail'];

/** Severity of "households never imports a child module" (issue 6 "Modules point one way"). */
const HOUSEHOLDS_DIRECTION = 'error';

const PACKAGES = ['domain', 'db', 'server', 'web', 'cli', 'e2e'];
/** Allowed package dependencies (a server module counts as the server). */
const PACKAGE_DEPENDS_ON = {
  domain: [],
  db: ['domain'],
  server: ['domain', 'db'],
  web: ['domain'],
  cli: ['server', 'db', 'domain'],
  e2e: ['domain'],
};
const typesOf = (pkgs) => pkgs.flatMap((p) => (p === 'server' ? ['server', 'server-module'] : [p]));

/** One policy per package: everything else in the workspace is refused, by relative path or by package name. */
const packagePolicies = Object.entries(PACKAGE_DEPENDS_ON).map(([pkg, allowed]) => {
  const refused = PACKAGES.filter((p) => p !== pkg && !allowed.includes(p));
  return {
    from: { element: { types: { anyOf: typesOf([pkg]) } } },
    disallow: {
      to: [{ element: { types: { anyOf: typesOf(refused) } } }, { module: { origin: 'external', source: refused.map((p) => `@chanbang/${p}`) } }],
    },
    message: allowed.length
      ? `The ${pkg} package may import only these workspace packages: ${allowed.join(', ')} (docs/ARCHITECTURE.md).`
      : `The ${pkg} package imports no other workspace package (docs/ARCHITECTURE.md).`,
  };
});

/** Receivers of drizzle's update()/delete() (Map#delete, hash.update and route r.delete are not SQL). */
const DB_RECEIVER = "[callee.object.type='Identifier'][callee.object.name=/^(db|tx|trx)$/]";
const DB_MEMBER_RECEIVER = "[callee.object.type='MemberExpression'][callee.object.property.name=/^(db|tx)$/]";
const SQL_SELECTORS = [
  { selector: "TaggedTemplateExpression[tag.name='sql']", message: 'SQL belongs in a *.repo.ts file (docs/CONVENTIONS.md § Lint).' },
  {
    selector: "CallExpression[callee.type='MemberExpression'][callee.object.name='sql'][callee.property.name=/^(raw|join|identifier)$/]",
    message: 'SQL belongs in a *.repo.ts file (docs/CONVENTIONS.md § Lint).',
  },
  {
    selector: "CallExpression[callee.type='MemberExpression'][callee.property.name=/^(select|selectDistinct|insert|query|execute)$/]",
    message: 'Queries belong in a *.repo.ts file; a service calls the repo (docs/CONVENTIONS.md § Lint).',
  },
  ...[DB_RECEIVER, DB_MEMBER_RECEIVER].map((receiver) => ({
    selector: `CallExpression[callee.type='MemberExpression'][callee.property.name=/^(update|delete)$/]${receiver}`,
    message: 'Queries belong in a *.repo.ts file; a service calls the repo (docs/CONVENTIONS.md § Lint).',
  })),
];

/**
 * Files outside *.repo.ts that still hold SQL, each with its reason. Shrink this list; never grow it without one.
 */
const SQL_OUTSIDE_REPOS = [
  'packages/server/src/modules/regions/scope.ts', // the shared scope predicate builder (scopeWhere), used by every repo
  'packages/server/src/app.ts', // the readiness probe's SELECT 1
  'packages/cli/src/demo/**', // the demo loader bulk-inserts a county like a migration does
  'packages/cli/src/bench/**', // the bench seeds and times raw COPY on purpose
  'packages/cli/src/commands/context.ts', // cliActor: the user the CLI acts as
  'packages/cli/src/backup/**', // backup/restore walk every table of the database, as the db package's migrator does
  'packages/server/src/cluster/cache-events.ts', // pg_notify inside the write's transaction: part of the cache protocol
];

/** Where process.env may be read: the config parsers, the CLI's config and child-process spawners, tests, e2e. */
const PROCESS_ENV_ALLOWED = [
  'packages/server/src/config.ts',
  'packages/db/src/client.ts',
  'packages/cli/src/main.ts',
  'packages/cli/src/commands/context.ts',
  'packages/cli/src/commands/import-env.ts', // the CLI's import-commit settings and test hooks
  'packages/cli/src/bench/bench-server.ts', // hands the environment to the server processes it spawns
  '*.config.{ts,js,mjs}', // tool configs (vitest, stryker, eslint)
  'packages/*/*.config.ts', // vite, drizzle-kit
  ...TEST_FILES,
];

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', '**/coverage/**', '**/reports/**', '**/.stryker-tmp/**', 'packages/db/migrations/**', '**/test-results/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    files: ['packages/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // tests type ID numbers as Excel numbers on purpose: the lost precision is the case under test
    files: TEST_FILES,
    rules: { 'no-loss-of-precision': 'off' },
  },

  // ── Package and module directions ──────────────────────────────────────────────────────────────
  {
    files: ['packages/**/*.{ts,tsx,js}', 'e2e/**/*.ts'],
    plugins: { boundaries, 'server-modules': boundaries },
    settings: {
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } },
      'boundaries/dependency-nodes': ['import', 'export', 'dynamic-import'],
      'boundaries/elements': [
        { type: 'server-module', pattern: 'packages/server/src/modules/*', capture: ['module'] },
        // web is its src/ only: vite.config.ts runs in Node
        ...PACKAGES.map((p) => ({ type: p, pattern: p === 'e2e' ? 'e2e' : p === 'web' ? 'packages/web/src' : `packages/${p}` })),
      ],
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'allow',
          checkAllOrigins: true,
          policies: [
            ...packagePolicies,
            {
              // the one exception: e2e builds its upload files with the national roster fixture (e2e/support/national-roster.ts)
              from: { element: { type: 'e2e' } },
              allow: { to: { element: { type: 'server-module', captured: { module: 'imports' }, fileInternalPath: 'national-roster.fixture.ts' } } },
            },
            {
              from: { element: { types: { anyOf: ['domain', 'web'] } } },
              disallow: { to: { module: { origin: 'core', source: NODE_IO_SOURCES } } },
              message: 'domain holds pure rules and web runs in the browser: no Node I/O module here.',
            },
          ],
        },
      ],
      // the same engine under a second name, so that the module direction has its own severity (see HOUSEHOLDS_DIRECTION)
      'server-modules/dependencies': [
        HOUSEHOLDS_DIRECTION,
        {
          default: 'allow',
          policies: [
            {
              from: { element: { type: 'server-module', captured: { module: 'households' } } },
              disallow: { to: { element: { type: 'server-module', captured: { module: HOUSEHOLD_CHILD_MODULES } } } },
              message:
                'households never imports a child module ({{to.element.captured.module}}): the child imports households, and the household detail is composed by a read model on top.',
            },
          ],
        },
      ],
    },
  },

  // ── SQL only in repos ──────────────────────────────────────────────────────────────────────────
  {
    files: ['packages/server/src/**/*.ts', 'packages/cli/src/**/*.ts'],
    ignores: ['**/*.repo.ts', ...TEST_FILES, ...SQL_OUTSIDE_REPOS],
    rules: { 'no-restricted-syntax': ['error', ...SQL_SELECTORS] },
  },

  // ── process.env only in config ────────────────────────────────────────────────────────────────
  {
    files: ['**/*.{ts,tsx,js}'],
    ignores: PROCESS_ENV_ALLOWED,
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read the environment in config (packages/server/src/config.ts loadConfig) and pass the Config down.' },
      ],
      'no-restricted-imports': ['error', { paths: ['process', 'node:process'].map((name) => ({ name, importNames: ['env'], message: 'Read the environment in config.' })) }],
    },
  },
  prettier,
);
