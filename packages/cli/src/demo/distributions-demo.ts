import type { RawTx } from '@chanbang/db';
import { A2_HOUSEHOLD_TYPES, DICT, codesWithAttr, proposeDistribution, yuanToFen } from '@chanbang/domain';
import type { DemoRegion } from './demo-regions.ts';

// The demo zone's 村集体产业收益分配 (issue 8 §3; A2 004 §五): 大王村 distributed the 2025 上半年 income of its 光伏电站
// (42 000 元, assets demo) — 29 400 元 (70 %) to its 脱贫户 and 监测户, confirmed, so the amounts are in their 2025
// incomes (按劳取酬 → 工资性收入, 基础保障 → 财产性收入) — and 北坡头村 has a draft of its cold store's 2025 下半年 income
// (41 200 元) waiting for confirmation. Lines come from the domain proposal (work units: labour days drawn per household),
// the first households of each village (list order) are left out for the e2e journeys.

type Spec = { village: string; year: number; half: 1 | 2; incomeYuan: number; amountYuan: number; confirmed: boolean; note: string };

const SPECS: Spec[] = [
  { village: '大王村', year: 2025, half: 1, incomeYuan: 42_000, amountYuan: 29_400, confirmed: true, note: '光伏电站 2025 年上半年收益分配，经村民代表会议通过并公示' },
  { village: '北坡头村', year: 2025, half: 2, incomeYuan: 41_200, amountYuan: 30_000, confirmed: false, note: '苹果冷藏库 2025 年下半年租金收益分配方案（待村民代表会议审议）' },
];
/** Households at the head of each village's list stay untouched (e2e journeys start from them). */
const KEEP_BLANK = 3;

/** Writes the demo's distributions (inside the demo's transaction); returns how many lines were written. */
export async function loadDistributionsDemo(tx: RawTx, regions: DemoRegion[]): Promise<number> {
  const villages = new Map(regions.filter((r) => r.level === 'village').map((r) => [r.name, r.code]));
  const labor = codesWithAttr(DICT.laborCapacity, 'hasLabor');
  let n = 0;
  for (const s of SPECS) {
    const village = villages.get(s.village);
    if (!village) continue;
    const rows = await tx.query<{ id: number | string; household_type: string; region_code: string; has_labor: boolean }>(
      `SELECT h.id, h.household_type, h.region_code,
         EXISTS (SELECT 1 FROM persons p WHERE p.household_id = h.id AND p.exit_reason IS NULL AND p.labor_capacity = ANY($2::text[])) AS has_labor
       FROM households h WHERE h.region_code LIKE $1 AND h.exit_reason IS NULL AND h.deleted_at IS NULL ORDER BY h.region_code, h.id`,
      [`${village}%`, labor],
    );
    const paid = rows.slice(KEEP_BLANK).filter((r) => (A2_HOUSEHOLD_TYPES as readonly string[]).includes(r.household_type));
    if (paid.length === 0) continue;
    const amountFen = yuanToFen(s.amountYuan);
    const p = proposeDistribution({
      amountFen,
      households: paid.map((r, i) => ({ householdId: Number(r.id), householdType: r.household_type, hasLabor: r.has_labor, workUnits: 20 + ((i * 7) % 15) })),
      base: { mode: 'per_household', amountFen: Math.floor(amountFen / paid.length) },
    });
    const [d] = await tx.query<{ id: number | string }>(
      `INSERT INTO income_distributions (region_code, year, half, collective_income_fen, status, confirmed_at, note)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [village, s.year, s.half, yuanToFen(s.incomeYuan), s.confirmed ? 'confirmed' : 'draft', s.confirmed ? '2025-07-20T10:00:00+08:00' : null, s.note],
    );
    const regionOf = new Map(paid.map((r) => [Number(r.id), r.region_code]));
    for (const l of p.lines) {
      await tx.query(`INSERT INTO distribution_lines (distribution_id, household_id, region_code, kind, work_units, amount_fen, carried_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
        d!.id,
        l.householdId,
        regionOf.get(l.householdId),
        l.kind,
        l.workUnits,
        l.amountFen,
        s.confirmed ? '2025-07-20T10:00:00+08:00' : null,
      ]);
      n++;
    }
    if (s.confirmed) {
      // as the confirmation does (distributions.repo carryLines): add to the year's income, creating it where missing
      await tx.query(
        `INSERT INTO household_incomes AS i (household_id, region_code, year, wage, property, member_count)
         SELECT l.household_id, l.region_code, $2,
           CASE WHEN l.kind = 'work' THEN l.amount_fen / 100.0 ELSE 0 END, CASE WHEN l.kind = 'base' THEN l.amount_fen / 100.0 ELSE 0 END,
           greatest(1, (SELECT count(*) FROM persons p WHERE p.household_id = l.household_id AND p.exit_reason IS NULL))::int
         FROM distribution_lines l WHERE l.distribution_id = $1 AND l.amount_fen <> 0
         ON CONFLICT (household_id, year) DO UPDATE SET wage = i.wage + excluded.wage, property = i.property + excluded.property, version = i.version + 1`,
        [d!.id, s.year],
      );
    }
  }
  return n;
}
