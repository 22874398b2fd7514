import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHousehold, buildRegionTree, buildUser } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { HOUSEHOLD_CHILD_TABLES, HOUSEHOLD_GRANDCHILD_TABLES, HOUSEHOLD_LINKED_NOT_MOVED } from './household-tables.ts';

// The list of tables that hang on a household has one owner (household-tables.ts). This test finds every such
// table in the migrated database itself: a new child table that the list misses would keep its old region code
// when the household moves (as support_measures did before issue 6), and the old township could still edit it.
describe('household child tables', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it('lists every table with a household link, each with its region column and its version column as they are', async () => {
    const cols = await t.db.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = 'public' AND column_name IN ('household_id', 'household_no', 'region_code', 'version')`,
    );
    const byTable = new Map<string, Set<string>>();
    for (const c of cols) byTable.set(c.table_name, (byTable.get(c.table_name) ?? new Set()).add(c.column_name));
    const linked = [...byTable]
      .filter(([table, c]) => table !== 'households' && (c.has('household_id') || (c.has('household_no') && c.has('region_code'))))
      .map(([table]) => table)
      .sort();
    const listed = [...HOUSEHOLD_CHILD_TABLES.map((x) => x.table), ...HOUSEHOLD_LINKED_NOT_MOVED.map((x) => x.table)].sort();
    expect(linked).toEqual(listed);
    // the tables we know today (a sanity check on the query itself: it must find them)
    expect(linked).toEqual(expect.arrayContaining(['persons', 'household_incomes', 'support_measures', 'monitoring_cases', 'household_helpers', 'audit_log']));
    for (const child of HOUSEHOLD_CHILD_TABLES) {
      expect(byTable.get(child.table)?.has(child.regionColumn), `${child.table}.region_code`).toBe(true);
      expect(byTable.get(child.table)?.has(child.householdColumn), `${child.table}.household_id`).toBe(true);
      expect(byTable.get(child.table)?.has('version') ?? false, `${child.table}.version`).toBe(child.versioned);
    }
  });

  it('lists every table with a region code and no household id that hangs on a child table (post_payments)', async () => {
    const fks = await t.db.query<{ child: string; parent: string; col: string }>(
      `SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent, a.attname AS col
         FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
        WHERE c.contype = 'f' AND array_length(c.conkey, 1) = 1`,
    );
    const cols = await t.db.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name IN ('household_id', 'region_code', 'version')`,
    );
    const has = (table: string, col: string) => cols.some((c) => c.table_name === table && c.column_name === col);
    const children = new Set(HOUSEHOLD_CHILD_TABLES.map((x) => x.table));
    const found = fks
      .filter((f) => children.has(f.parent) && has(f.child, 'region_code') && !has(f.child, 'household_id'))
      .map((f) => `${f.child}.${f.col} → ${f.parent}`)
      .sort();
    expect(found).toEqual(HOUSEHOLD_GRANDCHILD_TABLES.map((g) => `${g.table}.${g.linkColumn} → ${g.via}`).sort());
    expect(found).toContain('post_payments.appointment_id → post_appointments');
    for (const g of HOUSEHOLD_GRANDCHILD_TABLES) expect(has(g.table, 'version'), `${g.table}.version`).toBe(g.versioned);
  });

  it('a household moved to another township by PATCH takes every listed table along, versions bumped', async () => {
    const tree = await buildRegionTree(t);
    const [from, to] = [tree.townships[0]!.villages[0]!.code, tree.townships[1]!.villages[0]!.code];
    const county = await buildUser(t, 'county_officer', tree.county.code);
    const h = await buildHousehold(t, { regionCode: from });
    await t.db.query(`INSERT INTO support_measures (household_id, region_code, category, year) VALUES ($1, $2, 'industry', 2024)`, [h.id, from]);
    await t.db.query(`INSERT INTO household_incomes (household_id, region_code, year, member_count) VALUES ($1, $2, 2024, 2)`, [h.id, from]);
    const [helper] = await t.db.query<{ id: number }>(`INSERT INTO helpers (name, region_code, role) VALUES ('帮扶人', $1, 'cadre') RETURNING id`, [from]);
    await t.db.query('INSERT INTO household_helpers (household_id, helper_id, region_code) VALUES ($1, $2, $3)', [h.id, helper?.id, from]);
    const [entity] = await t.db.query<{ id: number }>(`INSERT INTO entities (region_code, entity_type, name) VALUES ($1, 'cooperative', '红枣合作社') RETURNING id`, [from]);
    await t.db.query(`INSERT INTO linkages (entity_id, household_id, region_code, mode, year) VALUES ($1, $2, $3, 'employment', 2024)`, [entity?.id, h.id, from]);
    const [project] = await t.db.query<{ id: number }>(
      `INSERT INTO projects (project_no, name, region_code, project_type, year) VALUES ('XM-T1', '大枣加工', $1, 'industry', 2024) RETURNING id`,
      [from],
    );
    await t.db.query('INSERT INTO project_beneficiaries (project_id, household_id, region_code) VALUES ($1, $2, $3)', [project?.id, h.id, from]);
    const [loan] = await t.db.query<{ id: number }>(
      `INSERT INTO loans (household_id, region_code, amount_fen, term_months, annual_rate, start_date, maturity_date) VALUES ($1, $2, 5000000, 36, 0.0345, '2024-03-01', '2027-03-01') RETURNING id`,
      [h.id, from],
    );
    await t.db.query(`INSERT INTO loan_repayments (loan_id, household_id, region_code, paid_on, interest_fen) VALUES ($1, $2, $3, '2024-12-20', 172500)`, [loan?.id, h.id, from]);
    await t.db.query(
      `INSERT INTO facility_subsidies (household_id, region_code, kind, area_mu, amount_fen, pack_id, year) VALUES ($1, $2, 'herb_tea_base', 3, 60000, 'jincheng', 2023)`,
      [h.id, from],
    );
    const [dist] = await t.db.query<{ id: number }>(`INSERT INTO income_distributions (region_code, year, collective_income_fen) VALUES ($1, 2024, 1000000) RETURNING id`, [from]);
    await t.db.query(`INSERT INTO distribution_lines (distribution_id, household_id, region_code, kind, amount_fen) VALUES ($1, $2, $3, 'base', 70000)`, [dist?.id, h.id, from]);
    const person = h.members[0]!.id;
    const [post] = await t.db.query<{ id: number }>(
      `INSERT INTO public_welfare_posts (region_code, name, post_type, need_reason, monthly_subsidy_fen, status) VALUES ($1, '保洁员', 'cleaning', '村内保洁', 50000, 'filled') RETURNING id`,
      [from],
    );
    const [appointment] = await t.db.query<{ id: number }>(
      `INSERT INTO post_appointments (post_id, person_id, household_id, region_code, started_on) VALUES ($1, $2, $3, $4, '2024-01-01') RETURNING id`,
      [post?.id, person, h.id, from],
    );
    await t.db.query(
      `INSERT INTO post_payments (appointment_id, post_id, person_id, region_code, month, amount_fen) VALUES ($1, $2, $3, $4, '2024-01-01', 50000), ($1, $2, $3, $4, '2024-02-01', 50000)`,
      [appointment?.id, post?.id, person, from],
    );
    // another household's payment stays where it is
    const other = await buildHousehold(t, { regionCode: from });
    const [otherAppointment] = await t.db.query<{ id: number }>(
      `INSERT INTO post_appointments (post_id, person_id, household_id, region_code, started_on, ended_on, exit_reason) VALUES ($1, $2, $3, $4, '2023-01-01', '2023-12-31', 'resigned') RETURNING id`,
      [post?.id, other.members[0]!.id, other.id, from],
    );
    await t.db.query(`INSERT INTO post_payments (appointment_id, post_id, person_id, region_code, month, amount_fen) VALUES ($1, $2, $3, $4, '2023-05-01', 50000)`, [
      otherAppointment?.id,
      post?.id,
      other.members[0]!.id,
      from,
    ]);
    await t.db.query(
      `INSERT INTO subsidy_payments (kind, year, person_id, household_id, region_code, amount_fen, paid_on) VALUES ('travel', 2024, $1, $2, $3, 30000, '2024-03-01')`,
      [person, h.id, from],
    );
    const [training] = await t.db.query<{ id: number }>(`INSERT INTO trainings (region_code, course, starts_on) VALUES ($1, '大枣栽培管理培训班', '2024-03-10') RETURNING id`, [
      from,
    ]);
    await t.db.query(`INSERT INTO training_participants (training_id, person_id, household_id, region_code) VALUES ($1, $2, $3, $4)`, [training?.id, person, h.id, from]);
    const res = await t.app.inject({ method: 'PATCH', url: `/api/v1/households/${h.id}`, headers: { cookie: county.cookie }, payload: { regionCode: to, version: 1 } });
    expect(res.statusCode, res.body).toBe(200);
    for (const child of HOUSEHOLD_CHILD_TABLES) {
      const rows = await t.db.query<{ region_code: string; version?: number }>(
        `SELECT region_code${child.versioned ? ', version' : ''} FROM ${child.table} WHERE household_id = $1`,
        [h.id],
      );
      if (child.table !== 'monitoring_cases') expect(rows.length, child.table).toBeGreaterThan(0);
      for (const r of rows) expect(r, child.table).toEqual(child.versioned ? { region_code: to, version: 2 } : { region_code: to });
    }
    const payments = await t.db.query<{ appointment_id: number; month: string; region_code: string }>(
      `SELECT appointment_id::int, to_char(month, 'YYYY-MM') AS month, region_code FROM post_payments WHERE post_id = $1 ORDER BY month`,
      [post?.id],
    );
    expect(payments).toEqual([
      { appointment_id: otherAppointment?.id, month: '2023-05', region_code: from },
      { appointment_id: appointment?.id, month: '2024-01', region_code: to },
      { appointment_id: appointment?.id, month: '2024-02', region_code: to },
    ]);
  });
});
