import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { findRule, POLICY_PACKS } from '@chanbang/domain';
import { supportMeasures } from '@chanbang/db';
import { choosePack as choosePackOf } from '../../test/policy.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { buildHousehold, buildRegionTree, buildUser, type RegionTree } from '../../test/factories.ts';
import { rowsOf } from '../regions/regions.repo.ts';
import { clearKeptFacts } from './facts-cache.repo.ts';
import { factsJson, KEPT_KINDS } from './facts-cache.ts';
import { FactsSource, factsKey, type FactsWanted } from './facts-source.ts';
import { factsMemoryOf } from './facts-memory.ts';
import { ensureFresh } from './rule-store.service.ts';

let t: TestApp;
let tree: RegionTree;
let admin: { cookie: string };
const year = new Date().getFullYear();
const sanmenxia = POLICY_PACKS.find((p) => p.id === 'sanmenxia')!;
const monitored = { householdType: 'monitored', monitoringType: 'marginal', monitoringStatus: 'monitoring' } as const;
const villageOf = (i: number, j: number) => tree.townships[i]!.villages[j]!.code;
const hh: number[] = [];

/** H1's stored results of the county: subject → status. */
async function h1Results(): Promise<Record<string, string>> {
  const rows = rowsOf<{ k: string; s: string }>(
    await t.db.db.execute(sql`SELECT subject_key AS k, status AS s FROM rule_results WHERE rule_id = 'H1' AND year = ${year} AND region_code LIKE ${`${tree.county.prefix}%`}`),
  );
  return Object.fromEntries(rows.map((r) => [r.k, r.s]));
}

/** The kept household facts of the county: village → JSON ('' the marker, null stale). */
async function keptHousehold(): Promise<Record<string, string | null>> {
  const rows = rowsOf<{ v: string; f: string | null }>(
    await t.db.db.execute(
      sql`SELECT village_code AS v, facts AS f FROM rule_fact_cache WHERE kind = 'household' AND year = ${year} AND village_code LIKE ${`${tree.county.prefix}%`}`,
    ),
  );
  return Object.fromEntries(rows.map((r) => [r.v, r.f]));
}

/** A pack change forgets the county's evaluations: the next read evaluates every rule in full. */
const choosePack = (packId: string) => choosePackOf(t, admin.cookie, tree.county.code, packId);

beforeAll(async () => {
  t = await createTestApp();
  tree = await buildRegionTree(t, { townships: 2, villages: 2 });
  admin = await buildUser(t, 'admin', tree.county.code);
  hh.push((await buildHousehold(t, { regionCode: villageOf(0, 0), ...monitored })).id);
  hh.push((await buildHousehold(t, { regionCode: villageOf(1, 0), ...monitored })).id);
  // a 脱贫户 with a migrant worker and a self-employed member (J1–J3 facts)
  await buildHousehold(t, {
    regionCode: villageOf(1, 1),
    householdType: 'lifted',
    members: [{ employmentStatus: 'out_province' }, { relation: '10', employmentChannel: 'self_employed' }],
  });
}, 240_000);
afterAll(async () => t?.close());

describe('kept facts (rule_fact_cache, ADR 0005)', () => {
  it('are kept as ASCII-only JSON that gives back every character', () => {
    const facts = [{ skills: ['电工', '焊工（中级）'], note: 'a😀b', n: 1.5, none: null }];
    const json = factsJson(facts);
    expect(json).toMatch(/^[\x20-\x7e]*$/);
    expect(json).toContain('\\u7535\\u5de5');
    expect(JSON.parse(json)).toEqual(facts);
  });

  it('reads back exactly the facts it gathered, for every kept kind', async () => {
    const kinds = new Set<string>();
    for (const cfg of sanmenxia.rules) {
      const rule = findRule(cfg.ruleId);
      if (!rule || !KEPT_KINDS.has(rule.factsKind) || kinds.has(rule.factsKind)) continue;
      kinds.add(rule.factsKind);
      const w: FactsWanted = { rule, cfg, prefix: tree.county.prefix, year };
      const gathered = await new FactsSource().get(t.db.db, w);
      expect(gathered.length, rule.id).toBeGreaterThan(0);
      const source = new FactsSource(undefined, new Set([factsKey(w)]));
      const read = await source.get(t.db.db, w);
      expect(source.readKept, rule.id).toBe(1);
      // grouped by village when read back; each fact as it was gathered
      const sorted = (fs: unknown[]) => fs.map((f) => JSON.stringify(f)).sort();
      expect(sorted(read), rule.id).toEqual(sorted(gathered));
    }
    expect([...kinds].sort()).toEqual([...KEPT_KINDS].sort());
  });

  it('a full evaluation keeps its facts, the next reads them back, and an edit’s mark makes its village stale and gathered again', async () => {
    await t.db.db.execute(sql`DELETE FROM rule_fact_cache`);
    await choosePack('jincheng');
    const first = await ensureFresh(t, tree.county.code, year, ['H1']);
    expect(first).toMatchObject({ readKept: 0, failed: [] });
    expect(first.full).toContain('H1');
    const kept = await keptHousehold();
    // the marker row of the county and the two villages with a household (the others have no facts to keep)
    expect(Object.keys(kept).sort()).toEqual([tree.county.prefix, villageOf(0, 0), villageOf(1, 0)].sort());
    expect(kept[tree.county.prefix]).toBe('');
    expect(await h1Results()).toEqual({ [hh[0]!]: 'not_met', [hh[1]!]: 'not_met' });

    // another pack: every rule in full again, the household facts read back (not gathered)
    await choosePack('xuchang');
    const second = await ensureFresh(t, tree.county.code, year, ['H1']);
    expect(second).toMatchObject({ readKept: 1, failed: [] });
    expect(await h1Results()).toEqual({ [hh[0]!]: 'not_met', [hh[1]!]: 'not_met' });

    // an industry measure for the first household and a new household in a village that had none: their marks make
    // both villages stale; the full evaluation of a pack change gathers them again and sees both
    await t.db.db.insert(supportMeasures).values({ householdId: hh[0]!, regionCode: villageOf(0, 0), category: 'industry', year });
    hh.push((await buildHousehold(t, { regionCode: villageOf(0, 1), ...monitored })).id);
    await choosePack('jincheng');
    const third = await ensureFresh(t, tree.county.code, year, ['H1']);
    expect(third).toMatchObject({ readKept: 1, failed: [] });
    expect(await h1Results()).toEqual({ [hh[0]!]: 'met', [hh[1]!]: 'not_met', [hh[2]!]: 'not_met' });
    const after = await keptHousehold();
    expect(Object.keys(after).sort()).toEqual([tree.county.prefix, villageOf(0, 0), villageOf(0, 1), villageOf(1, 0)].sort());
    // every village written back, none left stale
    expect(Object.values(after).every((f) => f !== null)).toBe(true);
    expect(after[villageOf(1, 0)]).toBe(kept[villageOf(1, 0)]);
    expect(after[villageOf(0, 0)]).not.toBe(kept[villageOf(0, 0)]);
  });

  it('a full evaluation believes what is kept (a village emptied behind its back loses its household) until the kept facts are cleared', async () => {
    // proof that the facts are read back: a kept village rewritten by hand to "no household" is believed
    await t.db.db.execute(sql`UPDATE rule_fact_cache SET facts = '[]' WHERE kind = 'household' AND village_code = ${villageOf(1, 0)}`);
    await choosePack('xuchang');
    expect(await ensureFresh(t, tree.county.code, year, ['H1'])).toMatchObject({ readKept: 1 });
    expect(
      Object.keys(await h1Results())
        .map(Number)
        .sort((a, b) => a - b),
    ).toEqual([hh[0], hh[2]]);
    // the platform clears them when it starts (openAppDb): gathered again, the household is back
    await clearKeptFacts(t.db.db);
    await choosePack('jincheng');
    expect(await ensureFresh(t, tree.county.code, year, ['H1'])).toMatchObject({ readKept: 0 });
    expect(
      Object.keys(await h1Results())
        .map(Number)
        .sort((a, b) => a - b),
    ).toEqual([...hh].sort((a, b) => a - b));
  });

  it('a mark of the county’s own row drops the kind in the county; an evaluation incremental after an edit writes its village back', async () => {
    await t.db.db.execute(sql`INSERT INTO rule_dirty (kind, region_code) VALUES ('household', ${tree.county.code})`);
    // the county mark: H1 is evaluated in full (its refresh level reaches the county) and the kind is gathered anew
    const r = await ensureFresh(t, tree.county.code, year, ['H1']);
    expect(r).toMatchObject({ readKept: 0 });
    expect(r.full).toContain('H1');
    const kept = await keptHousehold();
    expect(kept[tree.county.prefix]).toBe('');
    // an edit in one village: refreshed incrementally, the kept village is written back with its new facts
    await t.db.db.insert(supportMeasures).values({ householdId: hh[1]!, regionCode: villageOf(1, 0), category: 'industry', year });
    const inc = await ensureFresh(t, tree.county.code, year, ['H1']);
    expect(inc.incremental).toEqual({ H1: [villageOf(1, 0)] });
    const after = await keptHousehold();
    expect(after[villageOf(1, 0)]).not.toBeNull();
    expect(after[villageOf(1, 0)]).not.toBe(kept[villageOf(1, 0)]);
    expect(JSON.parse(after[villageOf(1, 0)]!)[0].measureCategories).toContain('industry');
    expect(after[villageOf(0, 0)]).toBe(kept[villageOf(0, 0)]);
  });

  it('holds what it read or wrote in memory: the next full evaluation parses nothing, a row written since is read again', async () => {
    const memory = factsMemoryOf(t.db);
    // gathered and written (and held), then read back from memory
    await clearKeptFacts(t.db.db);
    await choosePack('xuchang');
    await ensureFresh(t, tree.county.code, year, ['H1']);
    const villages = Object.keys(await keptHousehold()).filter((v) => v.length === 12);
    expect(villages.length).toBe(3);
    let before = { hits: memory.hits, misses: memory.misses };
    await choosePack('jincheng');
    expect(await ensureFresh(t, tree.county.code, year, ['H1'])).toMatchObject({ readKept: 1 });
    expect({ hits: memory.hits - before.hits, misses: memory.misses - before.misses }).toEqual({ hits: 3, misses: 0 });

    // a row written behind the server's back (another process, a hand edit): the trigger renews its stamp, so the
    // held copy is not used; the village is read and parsed again, the others still come from memory
    const stampOf = async () =>
      rowsOf<{ s: string }>(await t.db.db.execute(sql`SELECT stamp::text AS s FROM rule_fact_cache WHERE kind = 'household' AND village_code = ${villageOf(1, 0)}`))[0]!.s;
    const stamp = await stampOf();
    await t.db.db.execute(sql`UPDATE rule_fact_cache SET facts = '[]' WHERE kind = 'household' AND village_code = ${villageOf(1, 0)}`);
    expect(await stampOf()).not.toBe(stamp);
    before = { hits: memory.hits, misses: memory.misses };
    await choosePack('xuchang');
    expect(await ensureFresh(t, tree.county.code, year, ['H1'])).toMatchObject({ readKept: 1 });
    expect({ hits: memory.hits - before.hits, misses: memory.misses - before.misses }).toEqual({ hits: 2, misses: 1 });
    expect(Object.keys(await h1Results()).map(Number)).not.toContain(hh[1]);

    // made stale by an edit's mark: gathered again and written back under a new stamp, and held with it
    await t.db.db.insert(supportMeasures).values({ householdId: hh[0]!, regionCode: villageOf(0, 0), category: 'employment', year });
    await choosePack('jincheng');
    before = { hits: memory.hits, misses: memory.misses };
    await ensureFresh(t, tree.county.code, year, ['H1']);
    // the stale village is not looked for in memory (gathered), the other two are
    expect({ hits: memory.hits - before.hits, misses: memory.misses - before.misses }).toEqual({ hits: 2, misses: 0 });
    before = { hits: memory.hits, misses: memory.misses };
    await choosePack('xuchang');
    await ensureFresh(t, tree.county.code, year, ['H1']);
    expect({ hits: memory.hits - before.hits, misses: memory.misses - before.misses }).toEqual({ hits: 3, misses: 0 });
    const held = JSON.parse((await keptHousehold())[villageOf(0, 0)]!) as { measureCategories: string[] }[];
    expect(held[0]!.measureCategories).toContain('employment');
    await clearKeptFacts(t.db.db);
  });
});
