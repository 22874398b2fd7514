import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { HouseholdDetail } from '../../lib/types.ts';
import { withVersion } from '../../lib/versioning.ts';
import { cacheSaved } from './api.ts';

// A save's answer goes into the cached household at once, so the next save from the same screen is based on the
// new version (before, a quick second step was refused as stale by its own first step).

const KEY = ['households', 'one', 7];

function cachedHousehold(): QueryClient {
  const qc = new QueryClient();
  qc.setQueryData(KEY, {
    id: 7,
    address: '旧址',
    version: 3,
    members: [
      { id: 70, name: '户主', version: 2 },
      { id: 71, name: '配偶', version: 5 },
    ],
    incomes: [{ year: 2025, wage: 1000, version: 1 }],
    measures: [{ id: 90, category: 'industry', version: 4 }],
    monitoringCases: [{ id: 80, stage: 'village', version: 6 }],
    helpers: [],
  } as unknown as HouseholdDetail);
  return qc;
}
const read = (qc: QueryClient) => qc.getQueryData(KEY) as unknown as Record<string, { id?: number; year?: number; version: number }[]> & { version: number; address: string };

describe('cacheSaved', () => {
  it('replaces the saved member with the answer and leaves the others alone', () => {
    const qc = cachedHousehold();
    cacheSaved(qc, 7, 'members', { id: 71, name: '配偶（改）', version: 6 });
    const h = read(qc);
    expect(h.members).toEqual([
      { id: 70, name: '户主', version: 2 },
      { id: 71, name: '配偶（改）', version: 6 },
    ]);
    // the next save of that member is based on version 6
    expect(
      withVersion(
        { name: 'x' },
        h.members!.find((m) => m.id === 71),
      ),
    ).toEqual({ name: 'x', version: 6 });
  });

  it('takes a case step’s answer into monitoringCases, a measure into measures, a year into incomes', () => {
    const qc = cachedHousehold();
    cacheSaved(qc, 7, 'monitoringCases', { id: 80, stage: 'village', version: 7 });
    cacheSaved(qc, 7, 'measures', { id: 90, category: 'industry', version: 5 });
    cacheSaved(qc, 7, 'incomes', { year: 2025, wage: 1200, version: 2 });
    const h = read(qc);
    expect(h.monitoringCases![0]!.version).toBe(7);
    expect(h.measures![0]!.version).toBe(5);
    expect(h.incomes![0]).toEqual({ year: 2025, wage: 1200, version: 2 });
  });

  it('takes the household’s own fields and version but keeps its cached lists', () => {
    const qc = cachedHousehold();
    cacheSaved(qc, 7, 'household', { id: 7, address: '新址', version: 4, members: [] });
    const h = read(qc);
    expect(h.version).toBe(4);
    expect(h.address).toBe('新址');
    expect(h.members).toHaveLength(2);
  });

  it('does nothing without a cached household or an answer', () => {
    const qc = new QueryClient();
    cacheSaved(qc, 7, 'members', { id: 71, version: 6 });
    expect(qc.getQueryData(KEY)).toBeUndefined();
    const cached = cachedHousehold();
    cacheSaved(cached, 7, 'members', undefined);
    expect(read(cached).members![1]!.version).toBe(5);
  });
});
