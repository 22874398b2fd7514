import type { RawTx } from '@chanbang/db';
import { addMonths, c1Limits, checkC1, defaultIncomeType, POLICY_PACKS, loanSchedule, type RuleConfig } from '@chanbang/domain';
import { copyLine, type CopyValue } from './csv.ts';
import type { DemoEntityRow } from './entities-demo.ts';
import type { DemoRegion } from './demo-regions.ts';
import type { Rng } from './prng.ts';

// 联农带农 of the demo zone (003 §二(一)2, 004 §六) for about half of the 脱贫户 and 监测户 in 2024 and 2025, with the modes
// each kind of entity offers and amounts officers would recognise (务工 8 000–24 000 元/年, 分红 300–1 500 元, 土地流转
// 600–1 200 元/亩 × a few 亩); the income type follows the mode (domain linkages). A few 2024 linkages of 阳店镇 are already
// carried into the household's 2024 income (carried_at set and household_incomes raised by the same amount). Then
// 脱贫人口小额信贷 (002 §二(四)2) for about 10 % of the 脱贫户: 3–5 万 (a few 8 万 with 有需求、能还款), ≤ 3 years at the LPR
// 3.45 %, the subsidy from the loan's own schedule (domain calculators), repayments for loans already due.

/** A 脱贫户 or 监测户 of the demo with a member of borrowing age (or null). */
export type DemoHouseholdRow = {
  id: number;
  region_code: string;
  household_type: string | null;
  is_lifted: boolean;
  monitoring_type: string | null;
  monitoring_status: string;
  borrower_id: number | null;
  /** the borrower's birth date (18–65 at any start date the demo uses: born 1961–2003) */
  borrower_birth: string | null;
  /** left without linkages and loans (a clean slate for the browser journeys) */
  blank: boolean;
};

type Ctx = { regions: DemoRegion[]; countyCode: string; entities: DemoEntityRow[]; households: DemoHouseholdRow[] };

/** The modes each kind of entity offers (issue 7 §3). */
const MODES: Record<string, readonly string[]> = {
  leading_enterprise: ['employment', 'order_production', 'guaranteed_dividend'],
  cooperative: ['equity_coop', 'seed_supply', 'tech_service', 'share_dividend'],
  collective: ['share_dividend', 'second_rebate', 'land_transfer'],
  workshop: ['employment'],
  family_farm: ['employment', 'land_transfer'],
  large_grower: ['employment', 'land_transfer'],
  consortium: ['order_production', 'guaranteed_dividend'],
};

/** A year's amount in 元 for a mode, and its note. */
function amountOf(rng: Rng, mode: string): { yuan: number; note: string | null } {
  switch (mode) {
    case 'employment':
      return { yuan: rng.int(8, 23) * 1000 + rng.pick([0, 200, 500, 800]), note: null };
    case 'land_transfer': {
      const mu = rng.int(2, 6);
      const perMu = rng.pick([600, 700, 800, 900, 1000, 1200]);
      return { yuan: mu * perMu, note: `流转土地 ${mu} 亩，每亩 ${perMu} 元` };
    }
    case 'order_production':
      return { yuan: rng.int(20, 80) * 100, note: null };
    case 'seed_supply':
    case 'tech_service':
      return { yuan: rng.int(5, 20) * 100, note: null };
    default:
      return { yuan: rng.int(3, 15) * 100, note: null };
  }
}

/** The range (元) a mode's yearly amount stays in (land transfer: per 亩, so not clamped here). */
function clampYuan(mode: string, yuan: number): number {
  const range: [number, number] | undefined =
    mode === 'employment' ? [8000, 24000] : ['equity_coop', 'share_dividend', 'guaranteed_dividend', 'second_rebate'].includes(mode) ? [300, 1500] : undefined;
  return range ? Math.min(range[1], Math.max(range[0], yuan)) : yuan;
}

const LENDERS = ['三门峡农村商业银行股份有限公司', '中国邮政储蓄银行三门峡市分行', '中国农业银行三门峡分行'];
const PURPOSES: Record<string, readonly string[]> = {
  '411272100': ['发展红枣种植', '购置红枣烘干设备', '建设蔬菜大棚'],
  '411272101': ['发展苹果种植', '核桃园管护', '发展农家乐'],
  '411272001': ['建设蔬菜大棚', '购置农机具', '发展养殖'],
};

/** The C1 config of the first built-in pack that sets it (the Henan packs set none; 002 §二(四)2 is the clause). */
export function demoC1Config(): RuleConfig | null {
  for (const p of POLICY_PACKS) {
    const c = p.rules.find((r) => r.ruleId === 'C1');
    if (c) return c;
  }
  return null;
}

async function copy(tx: RawTx, sqlText: string, rows: CopyValue[][]): Promise<void> {
  if (rows.length) await tx.copyFromCsv(sqlText, rows.map((r) => copyLine(r)).join(''));
}

/** Writes the linkages (carrying a few into 2024 incomes) and the loans with their repayments; returns the counts. */
export async function loadLinkagesAndLoans(tx: RawTx, rng: Rng, ctx: Ctx): Promise<{ linkages: number; loans: number; repayments: number }> {
  const village = (code: string) => code.slice(0, 12);
  const near = new Map<string, DemoEntityRow[]>();
  const inTown = new Map<string, DemoEntityRow[]>();
  for (const e of ctx.entities) {
    for (const v of [e.regionCode, ...e.servedRegionCodes]) near.set(village(v), [...(near.get(village(v)) ?? []), e]);
    if (['leading_enterprise', 'workshop', 'consortium'].includes(e.entityType)) inTown.set(e.regionCode.slice(0, 9), [...(inTown.get(e.regionCode.slice(0, 9)) ?? []), e]);
  }
  const [dates] = await tx.query<{ id: number | string }>("SELECT id FROM projects WHERE region_code LIKE $1 AND name = '灵宝大枣深加工' ORDER BY id LIMIT 1", [
    `${ctx.countyCode.slice(0, 6)}%`,
  ]);
  const datesEnterprises = new Set(ctx.entities.filter((e) => e.entityType === 'leading_enterprise' && e.industry === '灵宝大枣').map((e) => e.id));
  const rows: CopyValue[][] = [];
  const keys = new Set<string>();
  const carry: { key: string; household: number; fen: number; type: string }[] = [];
  const push = (e: DemoEntityRow, h: DemoHouseholdRow, mode: string, year: number, yuan: number, note: string | null) => {
    const key = `${e.id}|${h.id}|${mode}|${year}`;
    if (keys.has(key)) return;
    keys.add(key);
    const type = defaultIncomeType(mode);
    const projectId = dates && mode === 'employment' && datesEnterprises.has(e.id) ? Number(dates.id) : null;
    rows.push([e.id, h.id, h.region_code, projectId, mode, year, `${year}-03-01`, `${year}-12-31`, yuan * 100, type, note]);
    // a few 2024 linkages of 阳店镇 are already carried into the household's 2024 income
    if (year === 2024 && h.region_code.startsWith('411272101') && carry.length < 12 && rng.chance(0.2)) carry.push({ key, household: h.id, fen: yuan * 100, type });
  };
  for (const h of ctx.households) {
    if (!rng.chance(0.5) || h.blank) continue;
    const local = near.get(village(h.region_code)) ?? [];
    const town = inTown.get(h.region_code.slice(0, 9)) ?? [];
    const pool = local.length && (rng.chance(0.65) || !town.length) ? local : town.length ? town : local;
    if (!pool.length) continue;
    const links: [DemoEntityRow, string][] = [];
    const first = rng.pick(pool);
    links.push([first, rng.pick(MODES[first.entityType] ?? ['employment'])]);
    if (rng.chance(0.25)) {
      const other = rng.pick([...local, ...town]);
      links.push([other, rng.pick(MODES[other.entityType] ?? ['employment'])]);
    }
    for (const [e, mode] of links) {
      const a = amountOf(rng, mode);
      push(e, h, mode, 2024, a.yuan, a.note);
      if (rng.chance(0.85)) push(e, h, mode, 2025, mode === 'land_transfer' ? a.yuan : clampYuan(mode, Math.round((a.yuan * rng.int(95, 112)) / 100)), a.note);
    }
    if (rng.chance(0.1) && town.length) {
      const e = rng.pick(town);
      const mode = rng.pick(MODES[e.entityType] ?? ['employment']);
      const a = amountOf(rng, mode);
      push(e, h, mode, 2025, a.yuan, a.note);
    }
  }
  await copy(
    tx,
    'COPY linkages (entity_id, household_id, region_code, project_id, mode, year, start_date, end_date, income_fen, income_type, note) FROM STDIN WITH (FORMAT csv)',
    rows,
  );
  // carried: only where the household has a 2024 income row, and that row raised by the same amount (SQL numeric, 分 → 元)
  if (carry.length) {
    const ids = carry.map((c) => c.household);
    const wanted = carry.map((c) => c.key);
    await tx.query(
      `WITH c AS (
         SELECT l.id, l.household_id, l.income_fen, l.income_type FROM linkages l
         JOIN household_incomes hi ON hi.household_id = l.household_id AND hi.year = l.year
         WHERE l.household_id = ANY($1::bigint[]) AND l.year = 2024 AND (l.entity_id || '|' || l.household_id || '|' || l.mode || '|' || l.year) = ANY($2::text[])
       ), s AS (
         SELECT household_id,
                sum(income_fen) FILTER (WHERE income_type = 'wage') AS wage, sum(income_fen) FILTER (WHERE income_type = 'business') AS business,
                sum(income_fen) FILTER (WHERE income_type = 'property') AS property, sum(income_fen) FILTER (WHERE income_type = 'transfer') AS transfer
         FROM c GROUP BY household_id
       ), u AS (
         UPDATE household_incomes hi SET wage = hi.wage + coalesce(s.wage, 0) / 100.0, business = hi.business + coalesce(s.business, 0) / 100.0,
           property = hi.property + coalesce(s.property, 0) / 100.0, transfer = hi.transfer + coalesce(s.transfer, 0) / 100.0,
           version = hi.version + 1, updated_at = now()
         FROM s WHERE hi.household_id = s.household_id AND hi.year = 2024 RETURNING hi.household_id
       )
       UPDATE linkages l SET carried_at = '2025-01-20T09:00:00+08:00' FROM c WHERE l.id = c.id`,
      [ids, wanted],
    );
  }

  // 小额信贷: about 10 % of the 脱贫户 with a member of borrowing age
  const cfg = demoC1Config();
  const capFen = cfg ? c1Limits(cfg).subsidisedUpToFen : 5_000_000;
  const [maxLoan] = await tx.query<{ m: number | string | null }>('SELECT coalesce(max(id), 0) AS m FROM loans');
  let loanId = Number(maxLoan?.m ?? 0);
  const loans: CopyValue[][] = [];
  const reps: CopyValue[][] = [];
  const today = new Date().toISOString().slice(0, 10);
  for (const h of ctx.households) {
    if (!(h.is_lifted || h.household_type === 'lifted') || h.borrower_id === null || !rng.chance(0.1) || h.blank) continue;
    const big = rng.chance(0.08);
    const amountFen = big ? 8_000_000 : rng.pick([3, 3, 4, 5, 5, 5]) * 1_000_000;
    const termMonths = big ? 36 : rng.pick([12, 24, 36, 36]);
    const startDate = `${rng.int(2022, 2025)}-${String(rng.int(3, 10)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
    const maturityDate = addMonths(startDate, termMonths);
    if (
      cfg &&
      !checkC1(cfg, {
        amountFen,
        termMonths,
        rateBp: 345,
        needsAndCanRepay: big,
        borrowerBirthDate: h.borrower_birth,
        onDate: startDate,
        household: { isLifted: h.is_lifted, monitoringType: h.monitoring_type, householdType: h.household_type },
      }).accepted
    )
      continue;
    // repayments: interest each year; the principal at maturity when due (a few pay part of it early)
    const own: { paidOn: string; principalFen: number; interestFen: number }[] = [];
    for (let m = 12; m <= termMonths; m += 12) {
      const on = addMonths(startDate, m);
      if (on > today) break;
      const early = m < termMonths && rng.chance(0.15) ? Math.round(amountFen / 2 / 100) * 100 : 0;
      const outstanding = amountFen - own.reduce((s, r) => s + r.principalFen, 0);
      own.push({ paidOn: on, principalFen: m === termMonths ? outstanding : Math.min(early, outstanding), interestFen: Math.round((outstanding * 345) / 10_000) });
    }
    const schedule = loanSchedule({ amountFen, rateBp: 345, startDate, maturityDate }, own, capFen);
    loanId++;
    const town = h.region_code.slice(0, 9);
    loans.push([
      loanId,
      h.id,
      h.borrower_id,
      h.region_code,
      amountFen,
      termMonths,
      0.0345,
      startDate,
      maturityDate,
      big,
      rng.pick(PURPOSES[town] ?? PURPOSES['411272100']!),
      rng.pick(LENDERS),
      schedule.outstandingFen === 0 && own.length ? 'repaid' : 'active',
      schedule.interestSubsidyFen,
    ]);
    for (const r of own) reps.push([loanId, h.id, h.region_code, r.paidOn, r.principalFen, r.interestFen]);
  }
  await copy(
    tx,
    'COPY loans (id, household_id, person_id, region_code, amount_fen, term_months, annual_rate, start_date, maturity_date, needs_and_can_repay, purpose, lender, status, interest_subsidy_fen) FROM STDIN WITH (FORMAT csv)',
    loans,
  );
  await copy(tx, 'COPY loan_repayments (loan_id, household_id, region_code, paid_on, principal_fen, interest_fen) FROM STDIN WITH (FORMAT csv)', reps);
  await tx.query("SELECT setval(pg_get_serial_sequence('loans', 'id'), (SELECT coalesce(max(id), 1) FROM loans))");
  return { linkages: rows.length, loans: loans.length, repayments: reps.length };
}
