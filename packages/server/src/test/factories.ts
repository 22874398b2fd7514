import { households, persons, regions, users } from '@chanbang/db';
import { makeIdNumber, type Role } from '@chanbang/domain';
import { hashPassword } from '../modules/auth/passwords.ts';
import type { TestApp } from './test-app.ts';

let counter = Math.floor(Math.random() * 50);
const next = () => ++counter;

export const TEST_PASSWORD = 'correct-horse-9';
let passwordHash: Promise<string> | undefined;

/** A region tree: one county with townships and villages (codes unique within the test database). */
export type RegionTree = {
  county: { code: string; prefix: string; name: string };
  townships: { code: string; prefix: string; name: string; villages: { code: string; prefix: string; name: string }[] }[];
};

/**
 * Inserts a county with `townships` townships of `villages` villages each.
 * County codes are 41xx yy000000 (a made-up city per call), so trees never overlap.
 */
export async function buildRegionTree(t: TestApp, opts: { townships?: number; villages?: number } = {}): Promise<RegionTree> {
  const n = next();
  const countyPrefix = `41${String(10 + (n % 89)).padStart(2, '0')}${String(Math.floor(n / 89) + 1).padStart(2, '0')}`;
  const tree: RegionTree = { county: { code: `${countyPrefix}000000`, prefix: countyPrefix, name: `测试县${n}` }, townships: [] };
  const rows: (typeof regions.$inferInsert)[] = [{ code: tree.county.code, prefix: countyPrefix, level: 'county', name: tree.county.name, parentCode: null }];
  for (let i = 1; i <= (opts.townships ?? 2); i++) {
    const tp = `${countyPrefix}${String(i).padStart(3, '0')}`;
    const township = { code: `${tp}000`, prefix: tp, name: `测试镇${n}-${i}`, villages: [] as RegionTree['county'][] };
    rows.push({ code: township.code, prefix: tp, level: 'township', name: township.name, parentCode: tree.county.code });
    for (let j = 1; j <= (opts.villages ?? 2); j++) {
      const vp = `${tp}${String(200 + j).padStart(3, '0')}`;
      township.villages.push({ code: vp, prefix: vp, name: `测试村${n}-${i}-${j}` });
      rows.push({ code: vp, prefix: vp, level: 'village', name: `测试村${n}-${i}-${j}`, parentCode: township.code });
    }
    tree.townships.push(township);
  }
  await t.db.db.insert(regions).values(rows);
  return tree;
}

/**
 * Creates a user with `role` in `regionCode` and logs in through the API.
 * @returns the user id and the `cookie` header to send
 */
export async function buildUser(t: TestApp, role: Role, regionCode: string): Promise<{ id: number; username: string; cookie: string }> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const username = `u${next()}_${role}`;
  const [u] = await t.db.db
    .insert(users)
    .values({ username, displayName: `测试${role}`, passwordHash: await passwordHash, role, regionCode })
    .returning();
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: TEST_PASSWORD } });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'cb_session');
  if (!cookie) throw new Error('no session cookie');
  return { id: u!.id, username, cookie: `cb_session=${cookie.value}` };
}

let idSeq = 0;
const sameBirth = new Map<string, number>();
/** A valid, unique 18-character ID number (GB 11643 check digit from the domain). */
export function makeTestIdNumber(opts: { birth?: string; male?: boolean } = {}): string {
  const k = ++idSeq + Math.floor(Math.random() * 1e6) * 1000;
  const day = new Date(Date.UTC(1960, 0, 1) + (k % 15000) * 86400_000);
  const birth = opts.birth ?? day.toISOString().slice(0, 10).replace(/-/g, '');
  // a fixed birth date leaves two free digits: count them up per date (from a random start) so that the persons of
  // one test file never collide (random digits did, about once in seven runs of a file with six persons of 1985-03-15)
  const n = opts.birth ? (sameBirth.get(birth) ?? Math.floor(Math.random() * 100)) + 1 : Math.floor(k / 1000);
  if (opts.birth) sameBirth.set(birth, n);
  const seq = String((opts.birth ? (n % 100) * 10 : n) % 999).padStart(3, '0');
  const last = opts.male === false ? '2' : '1';
  return makeIdNumber(`110101${birth}${seq.slice(0, 2)}${last}`.slice(0, 17));
}

export type BuildHouseholdOptions = Partial<typeof households.$inferInsert> & {
  regionCode: string;
  /** members; the first is the head. Default: head (ordinary labour) + spouse */
  members?: Partial<typeof persons.$inferInsert>[];
};

/** Inserts a household with members straight into the database (valid ID numbers). */
export async function buildHousehold(t: TestApp, o: BuildHouseholdOptions) {
  const { members, ...fields } = o;
  const [h] = await t.db.db
    .insert(households)
    .values({ householdNo: `T${Date.now().toString(36)}${next()}`, householdType: 'lifted', ...fields })
    .returning();
  const specs = members ?? [{ laborCapacity: 'ordinary' }, { relation: '10', laborCapacity: 'weak' }];
  const rows = specs.map((m, i) => {
    const idNumber = m.idNumber ?? makeTestIdNumber();
    const birth = idNumber.slice(6, 14);
    return {
      householdId: h!.id,
      regionCode: h!.regionCode,
      idNumber,
      name: `成员${next()}`,
      gender: Number(idNumber[16]) % 2 ? '1' : '2',
      birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`,
      relation: i === 0 ? '02' : '10',
      isHead: i === 0,
      ...m,
    };
  });
  const ps = await t.db.db.insert(persons).values(rows).returning();
  return { ...h!, members: ps };
}
