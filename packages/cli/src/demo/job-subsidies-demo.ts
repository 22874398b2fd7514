import type { RawTx } from '@chanbang/db';
import { yuanToFen } from '@chanbang/domain';

// 就业补助 of the demo zone (issue 8 §5; J1/J3 003 §二(三)2, J2 003 §二(二)2). The generator already records 省外务工 for
// about a quarter of the working members, so J1's list fills by itself. This stage sets, on its own persons only —
// members of households whose number ends in 7 (J2) or 8 (J3), never on a 公益性岗位, never in the first households of
// a village (left blank for the e2e journeys) — a few 脱贫户 members as 自主创业 (个体经营) and a few 脱贫户/监测户 members
// as hired by one of the county's leading enterprises (务工 4–12 months: some not yet 6). Then a couple of payments of
// this year: J1 300 元 to three migrants of households ending in 9, J2 5000 元 to two business owners, J3 to the
// enterprise for one hire (2000 元, an amount a county would set: the seed gives none). Dates are relative to today.

/** Households of a village left blank for the e2e journeys (list order). */
const E2E_BLANK = 5;

/** Persons of the demo's own households (number ending in `tail`) of `types`, after the first households of each village. */
async function persons(tx: RawTx, prefix: string, tail: string, types: string[], limit: number, extra = 'true') {
  return tx.query<{ id: number | string; household_id: number | string; region_code: string }>(
    `SELECT p.id, p.household_id, p.region_code FROM persons p JOIN households h ON h.id = p.household_id
     WHERE p.region_code LIKE $1 AND right(h.household_no, 1) = $2 AND h.household_type = ANY($3::text[]) AND h.deleted_at IS NULL AND p.exit_reason IS NULL
       AND p.birth_date BETWEEN (current_date - interval '59 years') AND (current_date - interval '18 years')
       AND NOT EXISTS (SELECT 1 FROM post_appointments a WHERE a.person_id = p.id)
       AND h.id NOT IN (SELECT id FROM (SELECT id, row_number() OVER (PARTITION BY region_code ORDER BY id) AS n FROM households WHERE region_code LIKE $1) f WHERE f.n <= ${E2E_BLANK})
       AND ${extra}
     ORDER BY p.region_code, h.id, p.id LIMIT $4`,
    [`${prefix}%`, tail, types, limit],
  );
}

/** Writes the stage; returns the number of persons changed and payments made. */
export async function loadJobSubsidiesDemo(tx: RawTx, countyPrefix: string, now = new Date()): Promise<{ persons: number; payments: number }> {
  const year = new Date(now.getTime() + 8 * 3600_000).getUTCFullYear();
  const day = (back: number) => new Date(now.getTime() + 8 * 3600_000 - back * 86400_000).toISOString().slice(0, 10);
  const paidOn = day(20) < `${year}-01-01` ? `${year}-01-01` : day(20);
  const pay = (kind: string, p: { id: number | string; household_id: number | string; region_code: string }, yuan: number, entityId: number | null) =>
    tx.query(
      `INSERT INTO subsidy_payments (kind, year, person_id, household_id, entity_id, region_code, amount_fen, paid_on, note) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, '演示数据')
       ON CONFLICT DO NOTHING`,
      [kind, year, p.id, p.household_id, entityId, p.region_code, yuanToFen(yuan, 'amountYuan'), paidOn],
    );
  let changed = 0;
  let payments = 0;

  // J2: 脱贫户 members running a small business (个体经营)
  const owners = await persons(tx, countyPrefix, '7', ['lifted'], 8);
  for (const p of owners) {
    await tx.query(
      `UPDATE persons SET employment_channel = 'self_employed', employment_status = 'self_employed', employment_place = '县城个体经营', work_months = 12 WHERE id = $1`,
      [p.id],
    );
    changed++;
  }
  for (const p of owners.slice(0, 2)) {
    await pay('startup', p, 5000, null);
    payments++;
  }

  // J3: 脱贫户/监测户 members hired by a leading enterprise of the county, 4–12 months
  const [entity] = await tx.query<{ id: number | string }>(`SELECT id FROM entities WHERE region_code LIKE $1 AND entity_type = 'leading_enterprise' ORDER BY id LIMIT 1`, [
    `${countyPrefix}%`,
  ]);
  if (entity) {
    const hires = await persons(tx, countyPrefix, '8', ['lifted', 'monitored'], 8);
    const months = [8, 12, 6, 4, 10, 5, 7, 9];
    for (const [i, p] of hires.entries()) {
      await tx.query(`UPDATE persons SET employer_entity_id = $2, employment_channel = 'enterprise', employment_status = 'in_county', work_months = $3 WHERE id = $1`, [
        p.id,
        entity.id,
        months[i % months.length],
      ]);
      changed++;
    }
    if (hires[0]) {
      await pay('hiring', hires[0], 2000, Number(entity.id));
      payments++;
    }
  }

  // J1: three migrants of households ending in 9 (省外务工 as the generator recorded it)
  const migrants = await persons(tx, countyPrefix, '9', ['lifted', 'monitored'], 3, `p.employment_status = 'out_province'`);
  for (const p of migrants) {
    await pay('travel', p, 300, null);
    payments++;
  }
  return { persons: changed, payments };
}
