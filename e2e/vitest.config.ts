import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

// Browser journeys: the real built web app, served by the real server, driven in Debian's Chromium.
export default defineConfig({
  root: resolve(import.meta.dirname, '..'),
  test: {
    name: 'e2e',
    include: ['e2e/**/*.spec.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    retry: process.env.CI ? 1 : 0,
    allowOnly: false,
    // pages wait for the API; a first dashboard on a fresh PGlite takes a few seconds
    expect: { poll: { timeout: 20_000, interval: 100 } },
  },
});
