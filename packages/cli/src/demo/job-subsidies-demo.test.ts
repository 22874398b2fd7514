import { describe, expect, it } from 'vitest';
import { useDemoDb } from './demo-test-db.ts';
import type { DbHandle } from '@chanbang/db';
import { DEMO_COUNTY } from './demo-regions.ts';

// The demo zone's 就业补助: 自主创业 members of 脱贫户 (J2), hires of a leading enterprise (J3), a few payments of this year
// within the pack's figures (J1 300 元, J2 5000 元), none in the first households of a village.
let db: DbHandle;
useDemoDb('jobsub', 900, (d) => (db = d));

describe('job subsidies demo', () => {
  it('sets self-employed 脱贫户 members and enterprise hires on households ending in 7 and 8 only', async () => {
    const rows = await db.query<{ tail: string; channel: string; type: string; months: number; employer: number | null }>(
      `SELECT right(h.household_no, 1) AS tail, p.employment_channel AS channel, h.household_type AS type, p.work_months AS months, p.employer_entity_id AS employer
       FROM persons p JOIN households h ON h.id = p.household_id
       WHERE p.region_code LIKE $1 AND (p.employment_channel = 'self_employed' OR p.employer_entity_id IS NOT NULL)`,
      [`${DEMO_COUNTY.prefix}%`],
    );
    const owners = rows.filter((r) => r.channel === 'self_employed');
    const hires = rows.filter((r) => r.employer !== null);
    expect(owners.length).toBeGreaterThan(2);
    expect(hires.length).toBeGreaterThan(2);
    expect(owners.every((r) => r.tail === '7' && r.type === 'lifted')).toBe(true);
    // the J3 hires are on households ending in 8 (the trainings stage gives other workers local employers too)
    const j3 = hires.filter((r) => r.tail === '8' && r.channel === 'enterprise');
    expect(j3.every((r) => ['lifted', 'monitored'].includes(r.type))).toBe(true);
    expect(j3.some((r) => Number(r.months) < 6) && j3.some((r) => Number(r.months) >= 6)).toBe(true);
  });

  it('pays J1 300 元, J2 5000 元 and one J3 this year, never in the first five households of a village', async () => {
    const pays = await db.query<{ kind: string; amount_fen: number | string; year: number; n: number | string }>(
      `SELECT s.kind, s.amount_fen, s.year, (SELECT count(*) FROM households x WHERE x.region_code = h.region_code AND x.id <= h.id) AS n
       FROM subsidy_payments s JOIN households h ON h.id = s.household_id WHERE s.region_code LIKE $1 ORDER BY s.kind`,
      [`${DEMO_COUNTY.prefix}%`],
    );
    const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
    expect(pays.map((p) => [p.kind, Number(p.amount_fen)])).toEqual([
      ['hiring', 200_000],
      ['startup', 500_000],
      ['startup', 500_000],
      ['travel', 30_000],
      ['travel', 30_000],
      ['travel', 30_000],
    ]);
    expect(pays.every((p) => p.year === year && Number(p.n) > 5)).toBe(true);
  });
});
