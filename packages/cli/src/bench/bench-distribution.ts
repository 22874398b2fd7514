import type { DbHandle } from '@chanbang/db';
import { confirmDistributionDraft, proposeDistributionDraft, type Actor, type Deps } from '@chanbang/server';

// Issue 8's distribution figure: a village of 500 脱贫/监测 households (80 % with labour) whose collective asset earned
// income in the year's 上半年; a distribution proposed from the registry and confirmed (each line into its household's
// income) through the services the API calls, timed. Target < 1 s for both.

export const DISTRIBUTION_TARGET_MS = 1_000;
export type DistributionFigure = { village: string; households: number; lines: number; proposeMs: number; confirmMs: number; totalMs: number; targetMs: number; exact: boolean };

const ms = (t0: number) => Math.round(performance.now() - t0);

/** Creates the bench village (township `<county6>998`, village `…001`) with its households and asset income; any earlier one is replaced. */
export async function loadDistributionVillage(db: DbHandle, county6: string, households: number, year: number): Promise<string> {
  const township = `${county6}998`;
  const village = `${township}001`;
  await db.rawTransaction(async (tx) => {
    await tx.query('DELETE FROM income_distributions WHERE region_code LIKE $1', [`${village}%`]);
    await tx.query('DELETE FROM assets WHERE region_code LIKE $1', [`${village}%`]);
    await tx.query('DELETE FROM households WHERE region_code LIKE $1', [`${village}%`]);
    await tx.query(
      `INSERT INTO regions (code, parent_code, level, prefix, name) VALUES ($1, $2, 'township', $3, '收益分配基准镇'), ($4, $1, 'village', $4, '收益分配基准村') ON CONFLICT (code) DO NOTHING`,
      [`${township}000`, `${county6}000000`, township, village],
    );
    await tx.query(
      `INSERT INTO households (household_no, region_code, household_type, is_lifted)
       SELECT 'FPJZ' || $1 || lpad(g::text, 5, '0'), $1, CASE WHEN g % 5 = 0 THEN 'monitored' ELSE 'lifted' END, g % 5 <> 0 FROM generate_series(1, $2::int) g`,
      [village, households],
    );
    // a head each (labour in 4 of 5 households) and a spouse; ID numbers made up for the bench (unique, not valid)
    await tx.query(
      `INSERT INTO persons (household_id, region_code, id_number, name, gender, birth_date, relation, is_head, labor_capacity)
       SELECT h.id, h.region_code, 'FPJZ' || h.id || '-' || k, '基准' || h.id || '-' || k, '1', '1970-01-01', CASE WHEN k = 1 THEN '02' ELSE '10' END, k = 1,
         CASE WHEN h.id % 5 = 1 THEN 'none' WHEN k = 1 THEN 'ordinary' ELSE 'weak' END
       FROM households h CROSS JOIN generate_series(1, 2) k WHERE h.region_code = $1`,
      [village],
    );
    const [a] = await tx.query<{ id: number | string }>(
      `INSERT INTO assets (asset_no, name, region_code, category, value_fen, owner_kind) VALUES ($1, '基准村光伏电站', $2, 'operating', 200000000, 'village_collective') RETURNING id`,
      [`ZCJZ${village}`, village],
    );
    await tx.query(`INSERT INTO asset_incomes (asset_id, region_code, year, half, income_fen) VALUES ($1, $2, $3, 1, 123456789)`, [a!.id, village, year]);
  });
  await db.query('ANALYZE households');
  await db.query('ANALYZE persons');
  return village;
}

/** Proposes and confirms the bench village's distribution of `year` 上半年 as `actor` (county or admin). */
export async function measureDistribution(
  deps: Deps,
  actor: Actor,
  county6: string,
  opts: { households?: number; year: number; log?: (s: string) => void },
): Promise<DistributionFigure> {
  const households = opts.households ?? 500;
  const village = await loadDistributionVillage(deps.db, county6, households, opts.year);
  const t0 = performance.now();
  const draft = await proposeDistributionDraft(deps, actor, { regionCode: village, year: opts.year, half: 1 });
  const proposeMs = ms(t0);
  const t1 = performance.now();
  const done = await confirmDistributionDraft(deps, actor, draft.id, draft.version);
  const confirmMs = ms(t1);
  const sumFen = done.lines.reduce((s, l) => s + Math.round(l.amountYuan * 100), 0);
  const figure: DistributionFigure = {
    village,
    households,
    lines: done.lines.length,
    proposeMs,
    confirmMs,
    totalMs: proposeMs + confirmMs,
    targetMs: DISTRIBUTION_TARGET_MS,
    exact: done.status === 'confirmed' && sumFen === Math.round(done.totalYuan * 100),
  };
  opts.log?.(
    `  distribution of a ${households}-household village: proposed in ${proposeMs} ms, confirmed (${figure.lines} incomes) in ${confirmMs} ms = ${figure.totalMs} ms (target < ${DISTRIBUTION_TARGET_MS} ms)`,
  );
  return figure;
}
