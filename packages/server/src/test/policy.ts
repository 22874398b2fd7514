import { expect } from 'vitest';
import type { TestApp } from './test-app.ts';

/** Makes `packId` the county's active pack through the API (PUT /policy/active with the version read), as an officer does. */
export async function choosePack(t: TestApp, cookie: string, countyCode: string, packId: string): Promise<void> {
  const active = (await t.app.inject({ method: 'GET', url: `/api/v1/policy/active?countyCode=${countyCode}`, headers: { cookie } })).json();
  const res = await t.app.inject({
    method: 'PUT',
    url: '/api/v1/policy/active',
    headers: { cookie },
    payload: { packId, countyCode, ...(active.version === null ? {} : { version: active.version }) },
  });
  expect(res.statusCode, res.body).toBe(200);
}
