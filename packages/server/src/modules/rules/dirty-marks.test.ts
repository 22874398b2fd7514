import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projects } from '@chanbang/db';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { buildHousehold, buildRegionTree, type RegionTree } from '../../test/factories.ts';

// Migration 0009: a project's or a training's change marks the villages of its beneficiaries / participants, not only
// the region the project or training is seated in (H2, H3 judge a household by its projects; H4, H7 a person by its trainings).

let t: TestApp;
let tree: RegionTree;
const marks = async (): Promise<string[]> => (await t.db.query<{ m: string }>(`SELECT DISTINCT kind || ' ' || region_code AS m FROM rule_dirty ORDER BY 1`)).map((r) => r.m);

beforeAll(async () => {
  t = await createTestApp();
  tree = await buildRegionTree(t);
});
afterAll(async () => t?.close());

describe('dirty marks across villages (0009)', () => {
  it('a project update marks its beneficiaries’ villages for household and coverage rules', async () => {
    const seat = tree.townships[0]!.villages[0]!.code;
    const other = tree.townships[1]!.villages[1]!.code;
    const h = await buildHousehold(t, { regionCode: other, householdType: 'lifted' });
    const [p] = await t.db.db
      .insert(projects)
      .values({ regionCode: seat, projectType: 'industry', year: 2025, projectNo: `D${seat}`, name: '大棚蔬菜' })
      .returning();
    await t.db.query(`INSERT INTO project_beneficiaries (project_id, household_id, region_code) VALUES ($1, $2, $3)`, [p!.id, h.id, other]);
    await t.db.query('DELETE FROM rule_dirty');
    await t.db.query(`UPDATE projects SET stage = 'funded' WHERE id = $1`, [p!.id]);
    const after = await marks();
    expect(after).toEqual(expect.arrayContaining([`coverage ${other}`, `household ${other}`, `coverage ${seat}`, `project ${seat}`]));
    // the beneficiary's village gets only the kinds that judge households, not the project rules
    expect(after).not.toContain(`project ${other}`);
  });

  it('a training update marks its participants’ villages for worker and coverage rules', async () => {
    const seat = tree.townships[0]!.code;
    const village = tree.townships[1]!.villages[0]!.code;
    const h = await buildHousehold(t, { regionCode: village, householdType: 'lifted' });
    const [tr] = await t.db.query<{ id: number }>(
      `INSERT INTO trainings (region_code, course, starts_on, skill) VALUES ($1, '果树修剪培训班', '2025-03-01', '果树修剪') RETURNING id`,
      [seat],
    );
    await t.db.query(`INSERT INTO training_participants (training_id, person_id, household_id, region_code) VALUES ($1, $2, $3, $4)`, [
      tr!.id,
      h.members[0]!.id,
      h.id,
      h.members[0]!.regionCode,
    ]);
    await t.db.query('DELETE FROM rule_dirty');
    await t.db.query(`UPDATE trainings SET starts_on = '2024-12-01' WHERE id = $1`, [tr!.id]);
    const after = await marks();
    const participantVillage = h.members[0]!.regionCode.slice(0, 12);
    expect(after).toEqual(expect.arrayContaining([`worker ${participantVillage}`, `coverage ${participantVillage}`, `worker ${seat.slice(0, 12)}`]));
  });
});
