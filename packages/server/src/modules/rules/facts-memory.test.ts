import { describe, expect, it } from 'vitest';
import { factsMemoryOf, FactsMemory } from './facts-memory.ts';

describe('facts held in memory (facts-memory.ts)', () => {
  it('gives a village’s facts back only under the stamp they were held with, and lets go of another stamp’s copy', () => {
    const m = new FactsMemory(100);
    const facts = [{ householdId: 1 }];
    m.hold('a', 7, facts, 10);
    expect(m.take('a', 7)).toBe(facts);
    // the row was written since (a new stamp): not used, and no longer held
    expect(m.take('a', 8)).toBeUndefined();
    expect(m.take('a', 7)).toBeUndefined();
    expect(m.heldChars).toBe(0);
    expect({ hits: m.hits, misses: m.misses }).toEqual({ hits: 1, misses: 2 });
  });

  it('keeps within its budget of JSON characters, letting go of the villages used longest ago first', () => {
    const m = new FactsMemory(30);
    m.hold('a', 1, [], 10);
    m.hold('b', 1, [], 10);
    m.hold('c', 1, [], 10);
    // a is used again: b is now the oldest
    expect(m.take('a', 1)).toEqual([]);
    m.hold('d', 1, [], 10);
    expect(m.heldChars).toBe(30);
    expect(m.take('b', 1)).toBeUndefined();
    for (const k of ['a', 'c', 'd']) expect(m.take(k, 1), k).toEqual([]);
    // held again under a new stamp: replaced, not counted twice
    m.hold('a', 2, [], 10);
    expect(m.heldChars).toBe(30);
    // larger than the whole budget: not held, nothing else let go
    m.hold('e', 1, [], 31);
    expect(m.take('e', 1)).toBeUndefined();
    expect(m.heldChars).toBe(30);
  });

  it('holds nothing with a budget of 0 (CHANBANG_FACTS_MEMORY_MB=0), and one memory per database handle', () => {
    const off = new FactsMemory(0);
    off.hold('a', 1, [{}], 2);
    expect(off.take('a', 1)).toBeUndefined();
    const db1 = {};
    const db2 = {};
    expect(factsMemoryOf(db1, 1)).toBe(factsMemoryOf(db1));
    expect(factsMemoryOf(db1)).not.toBe(factsMemoryOf(db2));
    expect(factsMemoryOf(db1).budgetChars).toBe(1024 * 1024);
  });
});
