import { makeTestIdNumber } from '../test/factories.ts';
import { MATRIX_AREAS } from './areas/index.ts';
import type { Actor, Records, World } from './matrix-world.ts';

// The routes of the OpenAPI document and how to call each one for a role and a case. A route that the document
// lists must be here (a sample body when it takes JSON) or in SKIPPED with the reason: a new route fails the
// matrix until it is placed.

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type Route = { method: Method; path: string; query: string[]; pathParams: string[]; jsonBody: boolean; bodyProps: string[] };

/** Routes the generic walk cannot exercise, with where they are tested instead. */
export const SKIPPED: Record<string, string> = {
  // ends the session the matrix is using (auth.test.ts)
  'POST /api/v1/auth/logout': 'ends the session of the acting role',
  // multipart uploads: the matrix world itself uploads through POST /api/v1/imports for every importing role;
  // masking and scope of imports: import-privacy.test.ts, import-cross-scope.test.ts; regions: regions.import.test.ts
  'POST /api/v1/imports': 'multipart upload',
  'POST /api/v1/regions/import': 'multipart upload (admin only)',
  ...Object.assign({}, ...MATRIX_AREAS.map((a) => a.skipped ?? {})),
};

/** Routes that answer without a session: not part of the role matrix (login is in the bad-input matrix). */
export const PUBLIC = new Set(['GET /api/health', 'POST /api/v1/auth/login']);

/** Every operation of the OpenAPI document. */
type JsonSchema = { properties?: Record<string, unknown> };
export function routesOf(doc: {
  paths: Record<string, Record<string, { parameters?: { in: string; name: string }[]; requestBody?: { content: Record<string, { schema?: JsonSchema }> } }>>;
}): Route[] {
  const out: Route[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [m, op] of Object.entries(ops)) {
      const params = op.parameters ?? [];
      out.push({
        method: m.toUpperCase() as Method,
        path,
        query: params.filter((p) => p.in === 'query').map((p) => p.name),
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        jsonBody: Boolean(op.requestBody?.content['application/json']),
        bodyProps: Object.keys(op.requestBody?.content['application/json']?.schema?.properties ?? {}),
      });
    }
  }
  return out;
}

export const key = (r: Pick<Route, 'method' | 'path'>) => `${r.method} ${r.path}`;

/**
 * A case of the matrix: whose records the ids name and which region the region parameters name.
 * mine: the role's own; foreign: township 2; sibling: the region beside the role's own (township 2 for a township
 * officer and a viewer, village 2 for a village officer); parent: an ancestor of the role's region (county, and
 * for a village officer its township) with the role's own ids.
 */
export type CaseKind = 'mine' | 'foreign' | 'sibling' | 'parent';
export type Ctx = { kind: CaseKind; rec: Records; user: number; region: string; filter: string; county: string; newRegionParent: string; label: string };

export function contexts(w: World, actor: Actor): Ctx[] {
  const [t1, t2] = w.tree.townships as [World['tree']['townships'][number], World['tree']['townships'][number]];
  const mine = w.mine.get(actor.role)!;
  const county = w.tree.county.code;
  const v = actor.role === 'village_officer';
  const out: Ctx[] = [
    { kind: 'mine', rec: mine, user: actor.id, region: t1.villages[0]!.code, filter: actor.regionCode, county, newRegionParent: actor.regionCode, label: 'mine' },
    { kind: 'foreign', rec: w.foreign, user: w.admin.id, region: t2.villages[0]!.code, filter: t2.villages[0]!.code, county, newRegionParent: t2.code, label: 'foreign' },
    v
      ? {
          kind: 'sibling',
          rec: w.sibling,
          user: w.admin.id,
          region: t1.villages[1]!.code,
          filter: t1.villages[1]!.code,
          county,
          newRegionParent: t1.villages[1]!.code,
          label: 'sibling village',
        }
      : { kind: 'sibling', rec: w.foreign, user: w.admin.id, region: t2.villages[1]!.code, filter: t2.code, county, newRegionParent: t2.code, label: 'sibling township' },
    { kind: 'parent', rec: mine, user: actor.id, region: county, filter: county, county, newRegionParent: county, label: 'parent county' },
  ];
  if (v) out.push({ kind: 'parent', rec: mine, user: actor.id, region: t1.code, filter: t1.code, county, newRegionParent: t1.code, label: 'parent township' });
  return out;
}

/** True when a route names a region (query, path or body): the parent cases apply to it. */
export function namesRegion(r: Route): boolean {
  return r.query.some((q) => REGION_QUERY.has(q)) || (r.pathParams.includes('code') && r.path.startsWith('/api/v1/regions/')) || REGION_BODIES.has(key(r));
}

/** True when a route addresses one record by its id (or a region by its code): outside the scope it is 404. */
export function addressesRecord(r: Route): boolean {
  return r.pathParams.includes('id') || (r.pathParams.includes('code') && r.path.startsWith('/api/v1/regions/'));
}

/** True when a route names a record or a region: the foreign and sibling cases differ from mine. */
export function isScoped(r: Route): boolean {
  return r.pathParams.includes('id') || namesRegion(r);
}

/** Cases of a route for an actor: its own records; and outside the scope, and parent regions, where they differ. */
export function casesFor(r: Route, all: Ctx[]): Ctx[] {
  return all.filter((c) => c.kind === 'mine' || ((c.kind === 'foreign' || c.kind === 'sibling') && isScoped(r)) || (c.kind === 'parent' && namesRegion(r)));
}

// Region parameters that the scope narrows. `countyCode` (policy) is left out: the world has one county, so every
// case names the role's own county; another county's policy is in modules/regions/scope.test.ts.
const REGION_QUERY = new Set(['regionCode', 'root']);
const REGION_BODIES = new Set([
  'POST /api/v1/households',
  'POST /api/v1/helpers',
  'POST /api/v1/regions',
  'POST /api/v1/users',
  ...MATRIX_AREAS.flatMap((a) => a.regionBodies ?? []),
]);

let seq = 0;
/** A free code under a region: township 250 of a county, village 250 of a township, 组 250 of a village. */
const childCode = (parent: string) => (parent.endsWith('000000') ? `${parent.slice(0, 6)}250000` : parent.endsWith('000') ? `${parent.slice(0, 9)}250` : `${parent}250`);
const phone = () => `135${String(20_000_000 + ++seq * 104_729).slice(-8)}`;

/** Sample JSON bodies that pass validation, so that scope (not the shape) decides the answer. */
export const BODIES: Record<string, (c: Ctx) => unknown> = {
  'POST /api/v1/auth/password': () => ({ currentPassword: 'not-my-password-1', newPassword: 'another-horse-77' }),
  'PATCH /api/v1/regions/{code}': () => ({ name: '改名后的村' }),
  'POST /api/v1/regions': (c) => ({ code: childCode(c.newRegionParent), name: '矩阵新区划', parentCode: c.newRegionParent }),
  'POST /api/v1/regions/load-dataset': () => ({ county: '灵宝市' }),
  'POST /api/v1/households': (c) => ({
    householdNo: `MXN${++seq}${Date.now().toString(36)}`,
    regionCode: c.region,
    householdType: 'lifted',
    phone: phone(),
    members: [{ idNumber: makeTestIdNumber(), name: '矩阵新户主', relation: '02', education: 'junior', phone: phone() }],
  }),
  'PATCH /api/v1/households/{id}': () => ({ address: '矩阵改过的住址' }),
  'POST /api/v1/households/{id}/exit': () => ({ reason: 'death', date: '2024-05-01' }),
  'POST /api/v1/households/{id}/restore': () => ({}),
  'POST /api/v1/households/{id}/members': () => ({ idNumber: makeTestIdNumber(), name: '矩阵新成员', relation: '20', education: 'junior', phone: phone() }),
  'PATCH /api/v1/persons/{id}': () => ({ name: '矩阵改名', phone: phone() }),
  'POST /api/v1/persons/{id}/exit': () => ({ reason: 'moved_out', date: '2024-05-01' }),
  'POST /api/v1/persons/{id}/restore': () => ({}),
  'POST /api/v1/persons/{id}/unmask': () => ({ reason: '矩阵核对' }),
  'POST /api/v1/households/{id}/incomes': () => ({ year: 2023, wage: 1000 }),
  'PUT /api/v1/households/{id}/incomes/{year}': () => ({ wage: 1500 }),
  'POST /api/v1/households/{id}/measures': () => ({ category: 'industry', year: 2025 }),
  'PATCH /api/v1/measures/{id}': () => ({ description: '矩阵措施' }),
  'POST /api/v1/households/{id}/monitoring-cases': () => ({ monitoringType: 'marginal' }),
  'PATCH /api/v1/monitoring-cases/{id}': () => ({ note: '矩阵备注' }),
  'POST /api/v1/monitoring-cases/{id}/eliminate': () => ({ eliminationMethod: 'natural', eliminationDate: '2024-12-01' }),
  'POST /api/v1/households/{id}/helpers': (c) => ({ helperId: c.rec.helper }),
  'POST /api/v1/monitoring-cases/{id}/actions': () => ({ action: 'record_home_visit', date: '2024-06-01' }),
  'PUT /api/v1/monitoring-lines/{provinceCode}/{year}': () => ({ amountYuan: 7000, source: '矩阵', confirmed: false }),
  'POST /api/v1/helpers': (c) => ({ regionCode: c.region, name: '矩阵帮扶人', role: 'responsible', phone: phone() }),
  'POST /api/v1/dictionaries/{dictCode}/items': () => ({ code: 'mx', labelZh: '矩阵', labelEn: 'matrix' }),
  'PATCH /api/v1/dictionaries/{dictCode}/items/{code}': () => ({ labelZh: '矩阵' }),
  'PUT /api/v1/policy/active': (c) => ({ countyCode: c.county, packId: 'sanmenxia' }),
  'POST /api/v1/users': (c) => ({ username: `mx${++seq}`, displayName: '矩阵用户', password: 'correct-horse-99', role: 'village_officer', regionCode: c.region, phone: phone() }),
  'PATCH /api/v1/users/{id}': () => ({ displayName: '矩阵改名用户' }),
  'POST /api/v1/imports/{id}/validate': () => ({}),
  'POST /api/v1/import-mappings': () => ({ name: `矩阵映射${++seq}`, mapping: { householdNo: '户编号' } }),
  ...Object.assign({}, ...MATRIX_AREAS.map((a) => a.bodies)),
};

/** Values of query parameters; region parameters take the case's region. */
export function queryOf(r: Route, c: Ctx): Record<string, string> {
  const q: Record<string, string> = {};
  for (const name of r.query) {
    if (REGION_QUERY.has(name)) q[name] = c.filter;
    else if (name === 'countyCode') q[name] = `${c.county.slice(0, 6)}000000`;
    else if (name === 'date') q[name] = '2024-12-01';
    else if (name === 'entityId') q[name] = String(c.rec.household);
  }
  return q;
}

/** The URL with path parameters filled for the case. */
export function urlOf(r: Route, c: Ctx): string {
  const byPrefix = (): string => {
    const seg = r.path.split('/')[3];
    const ids: Record<string, number> = {
      households: c.rec.household,
      persons: c.rec.person,
      measures: c.rec.measure,
      'monitoring-cases': c.rec.caseId,
      imports: c.rec.job,
      users: c.user,
      helpers: c.rec.helper,
    };
    const v = seg === undefined ? undefined : (ids[seg] ?? c.rec.extra[seg]);
    if (v === undefined) throw new Error(`no id for ${key(r)}`);
    return String(v);
  };
  return r.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    if (name === 'id') return byPrefix();
    if (name === 'code') return r.path.startsWith('/api/v1/regions/') ? c.filter : '02';
    if (name === 'year') return '2024';
    if (name === 'half') return '1';
    if (name === 'provinceCode') return '41';
    if (name === 'dictCode') return 'relation';
    if (name === 'ruleId') return 'H1';
    if (c.rec.extra[name] !== undefined) return String(c.rec.extra[name]); // an area's sub-record id ({appointmentId})
    throw new Error(`no value for {${name}} in ${key(r)}`);
  });
}

/** Order of the calls: reads, then writes, then those that end a record (exit, delete) last. */
export function callOrder(r: Route): number {
  if (r.method === 'GET') return 0;
  if (/\/exit$|\/restore$/.test(r.path) || r.method === 'DELETE') return 2;
  return 1;
}
