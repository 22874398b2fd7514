import { defineConfig } from 'vitest/config';

const serverTests = ['packages/server/src/**/*.test.ts', 'packages/cli/src/**/*.test.ts'];

// Server tests always run on an in-memory PGlite; when DATABASE_URL is set (CI) they run a second
// time on that PostgreSQL server, each test file in a fresh database of its own.
const projects = [
  { test: { name: 'domain', include: ['packages/domain/src/**/*.test.ts'] } },
  // pure web helpers (wording, formatting); no DOM
  { test: { name: 'web', include: ['packages/web/src/**/*.test.ts'] } },
  // the rules of eslint.config.js refuse what the architecture forbids
  { test: { name: 'lint', include: ['eslint.config.test.ts'], testTimeout: 30_000 } },
  { test: { name: 'server:pglite', include: serverTests, env: { TEST_DATABASE_URL: '' }, testTimeout: 30_000, hookTimeout: 60_000 } },
];
if (process.env.DATABASE_URL) {
  projects.push({
    test: { name: 'server:pg', include: serverTests, env: { TEST_DATABASE_URL: process.env.DATABASE_URL }, testTimeout: 30_000, hookTimeout: 60_000 },
  });
}

export default defineConfig({ test: { projects } });
