import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findRule, POLICY_PACKS } from '@chanbang/domain';
import type { Conn } from '../../deps.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { buildHousehold, buildRegionTree, type RegionTree } from '../../test/factories.ts';
import { FactsSource, type FactsWanted, type SnapshotReader } from './facts-source.ts';
import { ensureFresh } from './rule-store.service.ts';

let t: TestApp;
let tree: RegionTree;
const year = new Date().getFullYear();
// E1 reads the village facts, a kind not kept in rule_fact_cache (facts-cache.test.ts): nothing is written on the
// refresh's own connection either
const e1 = POLICY_PACKS.find((p) => p.id === 'sanmenxia')!.rules.find((r) => r.ruleId === 'E1')!;
const wanted = (): FactsWanted => ({ rule: findRule('E1')!, cfg: e1, prefix: tree.county.prefix, year });
let villages = 0;
/** A connection that must not be used: the facts were to come from the reader. */
const unused = new Proxy({}, { get: () => () => Promise.reject(new Error('gathered on the refresh’s own connection')) }) as unknown as Conn;

beforeAll(async () => {
  t = await createTestApp();
  tree = await buildRegionTree(t);
  villages = tree.townships.reduce((n, tp) => n + tp.villages.length, 0);
  await buildHousehold(t, { regionCode: tree.townships[0]!.villages[0]!.code, householdType: 'monitored', monitoringType: 'marginal', monitoringStatus: 'monitoring' });
}, 240_000);
afterAll(async () => t?.close());

describe('FactsSource', () => {
  it('takes a set gathered ahead on the reader, then keeps it for the next rule of the same key', async () => {
    let reads = 0;
    const reader: SnapshotReader = (fn) => {
      reads++;
      return fn(t.db.db);
    };
    const source = new FactsSource(reader);
    source.prefetch(wanted());
    source.prefetch(wanted()); // already under way: not read twice
    const facts = await source.get(unused, wanted());
    expect(facts).toHaveLength(villages);
    expect(await source.get(unused, wanted())).toBe(facts);
    source.prefetch(wanted()); // the set kept: nothing to read ahead
    expect([reads, source.gatheredAhead]).toEqual([1, 1]);
    await source.settle();
  });

  it('queues small sets one after another on the reader, and holds at most one big set (a county’s households or persons) ahead', async () => {
    const sanmenxia = POLICY_PACKS.find((p) => p.id === 'sanmenxia')!;
    const want = (ruleId: string): FactsWanted => ({ rule: findRule(ruleId)!, cfg: sanmenxia.rules.find((r) => r.ruleId === ruleId)!, prefix: tree.county.prefix, year });
    let running = 0;
    let most = 0;
    const reader: SnapshotReader = async (fn) => {
      most = Math.max(most, ++running);
      try {
        return await fn(t.db.db);
      } finally {
        running--;
      }
    };
    const source = new FactsSource(reader);
    // E1 (villages), F1 (funds), J5 (posts): small, all three queued
    expect(['E1', 'F1', 'J5'].map((id) => source.prefetch(want(id)))).toEqual([true, true, true]);
    // H1 (households): a big set may wait behind small ones; a second big one (H5's coverage facts) may not
    expect(source.prefetch(want('H1'))).toBe(true);
    expect(source.prefetch(want('H5'))).toBe(false);
    // nor a small one behind the big one
    expect(source.prefetch(want('E2'))).toBe(false);
    for (const id of ['E1', 'F1', 'J5']) expect(await source.get(unused, want(id)), id).toBeInstanceOf(Array);
    // the household facts are kept: written on the refresh's own connection once taken (gathered on the reader)
    expect(await source.get(t.db.db, want('H1'))).toHaveLength(1);
    expect([source.gatheredAhead, most]).toEqual([4, 1]);
    // the big set taken, the next may go ahead
    expect(source.prefetch(want('H5'))).toBe(true);
    await source.settle();
  });

  it('throws a reader’s failure where the set is taken, and gathers on the refresh’s connection without a reader', async () => {
    const failing = new FactsSource(() => Promise.reject(new Error('snapshot gone')));
    failing.prefetch(wanted());
    await expect(failing.get(unused, wanted())).rejects.toThrow('snapshot gone');
    const plain = new FactsSource();
    plain.prefetch(wanted());
    expect(plain.gatheredAhead).toBe(0);
    expect(await plain.get(t.db.db, wanted())).toHaveLength(villages);
  });

  it('a full refresh reads the next kind ahead on PostgreSQL only', async () => {
    const r = await ensureFresh(t, tree.county.code, year);
    expect(r.failed).toEqual([]);
    expect(r.full.length).toBeGreaterThan(5);
    // each refreshed rule's time split (the bench prints it)
    expect(Object.keys(r.phases).sort()).toEqual([...r.full].sort());
    for (const p of Object.values(r.phases)) expect(Math.min(p.factsMs, p.evaluateMs, p.storeMs)).toBeGreaterThanOrEqual(0);
    if (t.db.kind === 'pg') expect(r.gatheredAhead).toBeGreaterThan(1);
    else expect(r.gatheredAhead).toBe(0);
  });
});
