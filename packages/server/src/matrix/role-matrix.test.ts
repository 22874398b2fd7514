import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { addressesRecord, BODIES, callOrder, casesFor, contexts, key, PUBLIC, queryOf, routesOf, SKIPPED, urlOf, type Ctx, type Route } from './matrix-routes.ts';
import { jsonOf, leaksIn, markersIn, maskedId, maskedPhone, responseText, unmaskedFields } from './matrix-scan.ts';
import { buildWorld, type Actor, type World } from './matrix-world.ts';

// issue 6 "Tests": every route of the OpenAPI document, for every role that sees masked data (township officer,
// village officer, viewer), on its own records, another township's, the region beside its own and its parent
// regions. Asserted for every call: no 5xx; no full ID number or phone of anyone (masked values in the exact
// mask form); no name, 户编号 or region name from outside the role's scope. Out-of-scope reads are 404 (403 when
// the role may not use the route at all); an out-of-scope write to a record addressed by id (or a region by its
// code) is 404 exactly like the read, never 403 (that would tell that the record exists and where), unless the
// role may not take that write at all (403 on its own record too); a write whose body names a region outside the
// scope is 403. A parent region never widens the scope, and the other township's records are unchanged at the end.

let t: TestApp;
let w: World;
let routes: Route[];
const MASKED_ROLES = ['township_officer', 'village_officer', 'viewer'] as const;
const calls = new Map<string, number>();
let outsideBefore = '';

/** Rows of everything that lies outside township 1 village 1's officers' reach (township 2 and village 2). */
async function outsideSnapshot(): Promise<string> {
  const [t1, t2] = w.tree.townships;
  const like = [`${t2!.prefix}%`, `${t1!.villages[1]!.prefix}%`];
  const parts: unknown[] = [];
  for (const table of ['households', 'persons', 'support_measures', 'monitoring_cases', 'household_incomes', 'helpers', 'household_helpers']) {
    parts.push(await t.db.query(`SELECT * FROM ${table} WHERE region_code LIKE $1 OR region_code LIKE $2 ORDER BY id`, like));
  }
  parts.push(await t.db.query('SELECT * FROM regions ORDER BY code'));
  parts.push(await t.db.query('SELECT * FROM settings ORDER BY 1'));
  parts.push(await t.db.query('SELECT id, username, role, region_code, display_name, disabled FROM users ORDER BY id'));
  return JSON.stringify(parts);
}

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  const doc = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
  routes = routesOf(doc.json());
  outsideBefore = await outsideSnapshot();
}, 180_000);
afterAll(async () => t?.close());

async function call(actor: Actor, r: Route, c: Ctx) {
  const body = BODIES[key(r)];
  const qs = new URLSearchParams(queryOf(r, c)).toString();
  const res = await t.app.inject({
    method: r.method,
    url: `${urlOf(r, c)}${qs ? `?${qs}` : ''}`,
    headers: { cookie: actor.cookie, ...(r.method === 'GET' ? {} : { 'if-match': '"1"' }) },
    ...(r.jsonBody && body ? { payload: body(c) as object } : {}),
  });
  const tag = `${actor.role} ${c.label}`;
  calls.set(tag, (calls.get(tag) ?? 0) + 1);
  return { res, text: await responseText(res) };
}

const GHOST_ID = '987654321';

/**
 * An out-of-scope 404 must be the answer for a record that does not exist: the same call with the id replaced by
 * one that no table holds; the error without its requestId, the ghost id put back to the real one.
 */
async function sameAsMissing(actor: Actor, r: Route, c: Ctx, res: { body: string }): Promise<string | undefined> {
  const at = r.path.split('/').indexOf('{id}');
  const parts = urlOf(r, c).split('/');
  const realId = parts[at]!;
  parts[at] = GHOST_ID;
  const body = BODIES[key(r)];
  const ghost = await t.app.inject({
    method: r.method,
    url: `${parts.join('/')}${new URLSearchParams(queryOf(r, c)).size ? `?${new URLSearchParams(queryOf(r, c)).toString()}` : ''}`,
    headers: { cookie: actor.cookie, ...(r.method === 'GET' ? {} : { 'if-match': '"1"' }) },
    ...(r.jsonBody && body ? { payload: body(c) as object } : {}),
  });
  const errorOf = (text: string) => {
    const { requestId: _r, ...e } = (JSON.parse(text) as { error: Record<string, unknown> }).error;
    return JSON.stringify(e);
  };
  const outside = errorOf(res.body);
  const missing = ghost.statusCode === 404 ? errorOf(ghost.body).replaceAll(GHOST_ID, realId) : `${ghost.statusCode}`;
  return outside === missing ? undefined : `answers ${outside}, a missing record ${missing}`;
}

describe('role matrix over the OpenAPI document', () => {
  it('every route of the document is walked or skipped with a reason, and every JSON route has a sample body', () => {
    const known = routes.map(key);
    expect(known.length).toBeGreaterThanOrEqual(64);
    for (const k of Object.keys(SKIPPED)) expect(known, `skipped route ${k} is gone: remove it from SKIPPED`).toContain(k);
    const missing = routes.filter((r) => r.jsonBody && !BODIES[key(r)] && !SKIPPED[key(r)] && !PUBLIC.has(key(r))).map(key);
    expect(missing).toEqual([]);
  });

  it('the masked roles see their own members in the exact mask form (first 4 + 10 stars + last 4; 3 + 4 stars + 4)', async () => {
    for (const actor of w.actors) {
      const rec = w.mine.get(actor.role)!;
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/households/${rec.household}`, headers: { cookie: actor.cookie } });
      expect(res.statusCode, res.body).toBe(200);
      const rows = await t.db.query<{ id: number; id_number: string; phone: string }>('SELECT id, id_number, phone FROM persons WHERE household_id = $1 ORDER BY id', [
        rec.household,
      ]);
      const members = (res.json() as { members: { id: number; idNumber: string; phone: string | null }[] }).members;
      for (const p of rows) {
        const m = members.find((x) => x.id === Number(p.id));
        expect(m, `member ${p.id}`).toBeDefined();
        expect(m!.idNumber).toBe(maskedId(p.id_number));
        if (p.phone) expect(m!.phone).toBe(maskedPhone(p.phone));
      }
    }
  });

  it.each(MASKED_ROLES)(
    '%s: no 5xx, no full ID or phone, nothing outside the scope, 404/403 outside it',
    async (role) => {
      const actor = w.actors.find((a) => a.role === role)!;
      const cases = contexts(w, actor);
      const markers = w.foreignMarkers(role);
      const failures: string[] = [];
      const walked = routes.filter((r) => !SKIPPED[key(r)] && !PUBLIC.has(key(r))).sort((a, b) => callOrder(a) - callOrder(b));
      for (const r of walked) {
        const [mine, ...others] = casesFor(r, cases);
        const read = r.method === 'GET' || r.path.endsWith('/unmask');
        // reads: the role's own records first (to know whether the role may use the route at all); writes: the
        // others first, so a refused write never finds the role's own record already changed
        const order = read ? [mine!, ...others] : [...others, mine!];
        let mineStatus = 0;
        const outside: { where: string; status: number }[] = [];
        for (const c of order) {
          const { res, text } = await call(actor, r, c);
          const where = `${r.method} ${urlOf(r, c)} [${c.label}] → ${res.statusCode}`;
          if (c.kind === 'mine') mineStatus = res.statusCode;
          if (res.statusCode >= 500) failures.push(`${where}: server error ${res.body.slice(0, 200)}`);
          // an audited unmask of one's own person is the one answer with full values (privacy.test.ts checks it)
          const unmask = r.path.endsWith('/unmask') && c.kind === 'mine' && res.statusCode === 200;
          if (!unmask) {
            // the import templates carry a made-up example row: only the fixtures' numbers count there
            const leaked = leaksIn(text, w.secrets, !r.path.startsWith('/api/v1/imports/template'));
            if (leaked.length) failures.push(`${where}: full values ${leaked.join(', ')}`);
            const forms = unmaskedFields(jsonOf(res));
            if (forms.length) failures.push(`${where}: not in the mask form ${forms.join(', ')}`);
          }
          const named = markersIn(text, markers);
          if (named.length) failures.push(`${where}: names outside the scope ${named.join(', ')}`);
          if (c.kind === 'foreign' || c.kind === 'sibling') {
            outside.push({ where, status: res.statusCode });
            // the 404 of a record outside the scope says nothing more than the 404 of a record that does not exist
            const differs = res.statusCode === 404 && r.pathParams.includes('id') ? await sameAsMissing(actor, r, c, res) : undefined;
            if (differs) failures.push(`${where}: ${differs}`);
          }
          if (c.kind === 'parent' && !read && res.statusCode < 400) failures.push(`${where}: a write naming a parent region went through`);
        }
        // judged once the role's own call is known (writes call it last)
        const ok = mineStatus === 403 ? [403, 404] : !read && !addressesRecord(r) ? [403] : [404];
        for (const o of outside) if (!ok.includes(o.status)) failures.push(`${o.where}: expected ${ok.join(' or ')} outside the scope`);
      }
      expect(failures).toEqual([]);
    },
    600_000,
  );

  it('the records outside township 1 village 1 are unchanged after every role walked every route', async () => {
    expect(await outsideSnapshot()).toBe(outsideBefore);
  });

  it('prints and keeps the size of the matrix (routes × roles × cases)', () => {
    const total = [...calls.values()].reduce((a, b) => a + b, 0);
    const walked = routes.filter((r) => !SKIPPED[key(r)] && !PUBLIC.has(key(r)));
    expect(walked.length + Object.keys(SKIPPED).length + PUBLIC.size).toBe(routes.length);
    expect(routes.length).toBeGreaterThanOrEqual(64);
    const expected = w.actors.reduce((n, a) => n + walked.reduce((m, r) => m + casesFor(r, contexts(w, a)).length, 0), 0);
    console.log(
      `role matrix: ${routes.length} routes in the document, ${walked.length} walked × ${MASKED_ROLES.length} roles × up to ${contexts(w, w.actors[1]!).length} cases = ${total} calls`,
      Object.fromEntries(calls),
    );
    expect(total).toBe(expected);
    // each role: every walked route on its own records, and ≥ 40 of them outside the scope as well
    expect(total).toBeGreaterThanOrEqual(MASKED_ROLES.length * (walked.length + 2 * 40));
  });
});
