import { describe, expect, it } from 'vitest';
import { useDemoDb } from './demo-test-db.ts';
import type { DbHandle } from '@chanbang/db';
import { DEMO_COUNTY } from './demo-regions.ts';

// The demo zone's trainings and employment fields: six courses (one not begun, without participants), every
// participant a working-age member of a 脱贫户 or 监测户 of the organiser's region, the skill of a completed course
// among the participant's skills, and employment fields filled with wages in whole 分 — none in the e2e households.
let db: DbHandle;
useDemoDb('trainings', 900, (d) => (db = d));

describe('trainings demo', () => {
  it('six trainings; participants of the organiser’s region; a completed course’s skill is the participant’s', async () => {
    const ts = await db.query<{ course: string; skill: string; n: number }>(
      `SELECT t.course, t.skill, (SELECT count(*)::int FROM training_participants tp WHERE tp.training_id = t.id) AS n FROM trainings t WHERE t.region_code LIKE $1 ORDER BY t.id`,
      [`${DEMO_COUNTY.prefix}%`],
    );
    expect(ts.map((t) => t.skill)).toEqual(['大枣栽培管理', '设施蔬菜种植', '果树修剪', '电工', '家政服务', '中式烹调']);
    expect(ts.at(-1)!.n).toBe(0);
    expect(ts.slice(0, 5).every((t) => t.n > 5)).toBe(true);
    const wrong = await db.query(
      `SELECT tp.id FROM training_participants tp JOIN trainings t ON t.id = tp.training_id JOIN households h ON h.id = tp.household_id JOIN regions r ON r.code = t.region_code
       WHERE t.region_code LIKE $1 AND (NOT tp.region_code LIKE r.prefix || '%' OR h.household_type NOT IN ('lifted', 'monitored'))`,
      [`${DEMO_COUNTY.prefix}%`],
    );
    expect(wrong).toEqual([]);
    const missingSkill = await db.query(
      `SELECT tp.id FROM training_participants tp JOIN trainings t ON t.id = tp.training_id JOIN persons p ON p.id = tp.person_id
       WHERE t.region_code LIKE $1 AND tp.completed AND NOT (t.skill = ANY(p.skills))`,
      [`${DEMO_COUNTY.prefix}%`],
    );
    expect(missingSkill).toEqual([]);
  });

  it('employment fields: willing workers, channels of the dictionary, local employers from the entity registry, no field in the e2e households', async () => {
    const [f] = await db.query<{ willing: number; channels: string[]; entity_named: number; wages: number; skilled: number }>(
      `SELECT count(*) FILTER (WHERE p.wants_work)::int AS willing, array_agg(DISTINCT p.employment_channel) FILTER (WHERE p.employment_channel IS NOT NULL) AS channels,
         count(*) FILTER (WHERE p.employer_entity_id IS NOT NULL AND p.employer_name = e.name)::int AS entity_named,
         count(*) FILTER (WHERE p.monthly_wage_fen IS NOT NULL AND p.monthly_wage_fen % 100 = 0)::int AS wages,
         count(*) FILTER (WHERE cardinality(p.skills) > 0)::int AS skilled
       FROM persons p LEFT JOIN entities e ON e.id = p.employer_entity_id WHERE p.region_code LIKE $1`,
      [`${DEMO_COUNTY.prefix}%`],
    );
    expect(f!.willing).toBeGreaterThan(50);
    expect(f!.entity_named).toBeGreaterThan(0);
    expect(f!.wages).toBeGreaterThan(20);
    expect(f!.skilled).toBeGreaterThan(20);
    for (const c of f!.channels) expect(['enterprise', 'workshop', 'work_relief', 'public_post', 'self_employed', 'flexible', 'other']).toContain(c);
    const blank = await db.query(
      `WITH h AS (SELECT id, row_number() OVER (PARTITION BY region_code ORDER BY id) AS n FROM households WHERE region_code LIKE $1)
       SELECT p.id FROM persons p JOIN h ON h.id = p.household_id WHERE h.n <= 5 AND (p.wants_work IS NOT NULL OR cardinality(p.skills) > 0 OR p.monthly_wage_fen IS NOT NULL)`,
      [`${DEMO_COUNTY.prefix}%`],
    );
    expect(blank).toEqual([]);
    // 就业渠道 公益性岗位 only for a person holding a post (a hire sets it, an exit clears it)
    const unheld = await db.query(
      `SELECT p.id FROM persons p WHERE p.region_code LIKE $1 AND p.employment_channel = 'public_post'
         AND NOT EXISTS (SELECT 1 FROM post_appointments a WHERE a.person_id = p.id AND a.ended_on IS NULL)`,
      [`${DEMO_COUNTY.prefix}%`],
    );
    expect(unheld).toEqual([]);
  });
});
