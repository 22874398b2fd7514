import { join } from 'node:path';
import type { APIRequestContext, Page } from 'playwright-core';
import { request as playwrightRequest } from 'playwright-core';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { artifactsDir, openBrowser, type BrowserSession } from './browser.ts';
import { startServer, type RunningServer } from './server.ts';

export const PASSWORD = 'Chanbang@2026';

export type Journey = {
  readonly server: RunningServer;
  readonly page: Page;
  /** GET /api/v1<path> with the browser's cookies (page.request shares the context's cookie jar). */
  api<T>(path: string): Promise<T>;
  /** A separate API client logged in as `username` (its own cookie jar). */
  apiAs(username: string): Promise<ApiClient>;
};

export type ApiClient = { get<T>(path: string): Promise<T>; dispose(): Promise<void> };

function safeName(text: string): string {
  return text
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
}

async function readJson<T>(res: { ok(): boolean; status(): number; url(): string; text(): Promise<string> }): Promise<T> {
  const body = await res.text();
  if (!res.ok()) throw new Error(`${res.url()} → ${res.status()}: ${body.slice(0, 500)}`);
  return JSON.parse(body) as T;
}

/**
 * One server and one browser per spec file: starts `chanbang serve --demo` and Chromium in beforeAll, stops both
 * in afterAll, and saves a full-page screenshot to e2e/artifacts when a test fails.
 */
export function useJourney(spec: string): Journey {
  let server: RunningServer | undefined;
  let session: BrowserSession | undefined;
  const clients: APIRequestContext[] = [];

  beforeAll(async () => {
    [server, session] = await Promise.all([startServer(), openBrowser()]);
    session.page.setDefaultTimeout(15_000);
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await session?.close();
    await server?.stop();
  });
  beforeEach(({ task, onTestFailed }) => {
    onTestFailed(async () => {
      if (!session) return;
      const file = join(artifactsDir, `${spec}-${safeName(task.name)}.png`);
      await session.page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
      console.error(`screenshot: ${file} (at ${session.page.url()})`);
      // what the page said and what the server logged: enough to tell a slow job from a failed one afterwards
      const text = await session.page
        .locator('body')
        .innerText({ timeout: 2_000 })
        .catch(() => '(page text unavailable)');
      console.error(`page text:\n${text.slice(0, 2_000)}`);
      if (server) console.error(`server output (last 4000 characters):\n${server.output().slice(-4_000)}`);
    });
  });

  const journey: Journey = {
    get server() {
      if (!server) throw new Error('server not started');
      return server;
    },
    get page() {
      if (!session) throw new Error('browser not started');
      return session.page;
    },
    async api<T>(path: string) {
      return readJson<T>(await journey.page.request.get(`${journey.server.url}/api/v1${path}`));
    },
    async apiAs(username: string) {
      const ctx = await playwrightRequest.newContext({ baseURL: journey.server.url });
      clients.push(ctx);
      await readJson(await ctx.post('/api/v1/auth/login', { data: { username, password: PASSWORD } }));
      return {
        get: async <T>(path: string) => readJson<T>(await ctx.get(`/api/v1${path}`)),
        dispose: () => ctx.dispose(),
      };
    },
  };
  return journey;
}

/** Household list page as the API returns it. */
export type HouseholdPage = {
  items: { id: number; householdNo: string; regionCode: string; householdType: string; headName: string | null; headIdNumber?: string | null; memberCount: number }[];
  total: number;
};

/** Household detail as the API returns it (the parts the journeys check). */
export type HouseholdDetail = HouseholdPage['items'][number] & {
  members: { id: number; name: string; idNumber: string; isHead: boolean }[];
  measures: { id: number; category: string; developmental: boolean; year: number; startDate: string | null; endDate: string | null }[];
  monitoringCases: { id: number; status: string }[];
};
