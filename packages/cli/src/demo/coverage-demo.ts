import type { RawTx } from '@chanbang/db';
import { yuanToFen } from '@chanbang/domain';

// 当地农民人均可支配收入 of the demo zone for the last three years (H6, 003 §一(二)4 compares the 脱贫 households' income
// growth with it). The figures are made up to look like a 统计公报's (about +5 % a year, the level of a 豫西 county's
// rural residents); the source says they are demo data and names no real document. With the demo's incomes (each
// household's per-capita income moves −3 %…+13 % a year) about half of the villages grow faster than the county.
// 户户有产业 (H3) and 产业链收入 (H2) also read 产业帮扶 measures: 7 in 10 of the 脱贫户 and 监测户 that earned business
// income last year without a linkage get one (庭院经济 or 特色种养 奖补) for that year — not the first three households
// of a village (the browser journeys start from a clean slate).

/** [years before the current one, 元 per person] */
const FIGURES: readonly [number, number][] = [
  [3, 17_860],
  [2, 18_790],
  [1, 19_500],
];

/** Share (in tenths) of the households with business income and no linkage that get a 产业帮扶 measure. */
const INDUSTRY_TENTHS = 7;

/** Writes the county's figures (one row per year) and the 产业帮扶 measures; returns how many of each. */
export async function loadCoverageDemo(tx: RawTx, countyCode: string, now = new Date()): Promise<{ localIncomes: number; industryMeasures: number }> {
  const year = now.getUTCFullYear();
  for (const [back, yuan] of FIGURES) {
    const y = year - back;
    await tx.query(
      `INSERT INTO local_farmer_incomes (region_code, year, per_capita_income_fen, source) VALUES ($1, $2, $3, $4)
       ON CONFLICT (region_code, year) DO NOTHING`,
      [countyCode, y, yuanToFen(yuan, 'perCapitaIncomeYuan'), `${y} 年国民经济和社会发展统计公报（农村居民人均可支配收入，演示数据）`],
    );
  }
  const last = year - 1;
  const measures = await tx.query<{ id: string }>(
    `WITH c AS (
       SELECT h.id, h.region_code, row_number() OVER (PARTITION BY left(h.region_code, 12) ORDER BY h.household_no) AS rn
       FROM households h JOIN household_incomes i ON i.household_id = h.id AND i.year = $2
       WHERE h.region_code LIKE $1 AND h.deleted_at IS NULL AND h.household_type IN ('lifted', 'monitored') AND i.business > i.business_expense
         AND NOT EXISTS (SELECT 1 FROM linkages l WHERE l.household_id = h.id AND l.year = $2)
         AND NOT EXISTS (SELECT 1 FROM support_measures m WHERE m.household_id = h.id AND m.category = 'industry' AND m.year = $2)
     )
     INSERT INTO support_measures (household_id, region_code, category, description, year, start_date, end_date)
     SELECT c.id, c.region_code, 'industry', CASE WHEN c.id % 2 = 0 THEN '发展庭院经济，落实产业奖补' ELSE '特色种养产业奖补' END, $2, $3::date, $4::date
     FROM c WHERE c.rn > 3 AND c.id % 10 < $5 RETURNING id`,
    [`${countyCode.slice(0, 6)}%`, last, `${last}-03-01`, `${last}-12-31`, INDUSTRY_TENTHS],
  );
  return { localIncomes: FIGURES.length, industryMeasures: measures.length };
}
