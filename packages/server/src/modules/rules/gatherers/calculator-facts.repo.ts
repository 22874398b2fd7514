import { sql, type SQL } from 'drizzle-orm';
import type { LoanFacts, S1Kind, SubsidyFacts } from '@chanbang/domain';
import type { Conn } from '../../../deps.ts';
import { rowsOf } from '../../regions/regions.repo.ts';
import { scopeWhere } from '../../regions/scope.ts';
import type { GatherScope } from './gatherer.types.ts';

/**
 * The loan facts statement (snapshot-tested): every loan under `prefix` granted in `year` (C1 judges a loan by the
 * policy in force when it was granted), with its household's 是否脱贫户 / 户类型 / 监测对象类别 and the borrower's
 * birth date (never an ID number). Households that left the registry are left out.
 */
export function loanFactsQuery(scope: GatherScope): SQL {
  return sql`
    SELECT l.id, l.region_code, l.amount_fen, l.term_months, l.annual_rate::text AS annual_rate, l.needs_and_can_repay,
      l.start_date::text AS start_date, p.birth_date::text AS birth_date, h.is_lifted, h.household_type, h.monitoring_type
    FROM loans l
    JOIN households h ON h.id = l.household_id AND h.deleted_at IS NULL
    LEFT JOIN persons p ON p.id = l.person_id
    WHERE ${scopeWhere(sql`l.region_code`, scope.prefix)}
      AND l.start_date >= make_date(${scope.year}::int, 1, 1) AND l.start_date < make_date(${scope.year}::int + 1, 1, 1)`;
}

type LoanRow = {
  id: number | string;
  region_code: string;
  amount_fen: number | string;
  term_months: number;
  annual_rate: string;
  needs_and_can_repay: boolean;
  start_date: string;
  birth_date: string | null;
  is_lifted: boolean;
  household_type: string;
  monitoring_type: string | null;
};

/** Loan facts (C1) under `scope.prefix` granted in `scope.year`, in ONE statement. */
export async function gatherLoanFacts(conn: Conn, scope: GatherScope): Promise<LoanFacts[]> {
  return rowsOf<LoanRow>(await conn.execute(loanFactsQuery(scope))).map((r) => ({
    loanId: Number(r.id),
    regionCode: r.region_code,
    amountFen: Number(r.amount_fen),
    termMonths: Number(r.term_months),
    rateBp: Math.round(Number(r.annual_rate) * 10_000),
    needsAndCanRepay: r.needs_and_can_repay,
    startDate: r.start_date,
    borrowerBirthDate: r.birth_date,
    household: { isLifted: r.is_lifted, householdType: r.household_type, monitoringType: r.monitoring_type },
  }));
}

/** The subsidy facts statement (snapshot-tested): every facility subsidy under `prefix` of `year`. */
export function subsidyFactsQuery(scope: GatherScope): SQL {
  return sql`
    SELECT s.id, s.region_code, s.kind, s.area_mu::text AS area_mu, s.amount_fen
    FROM facility_subsidies s
    WHERE ${scopeWhere(sql`s.region_code`, scope.prefix)} AND s.year = ${scope.year}`;
}

type SubsidyRow = { id: number | string; region_code: string; kind: string; area_mu: string; amount_fen: number | string };

/** Subsidy facts (S1) under `scope.prefix` of `scope.year`, in ONE statement. */
export async function gatherSubsidyFacts(conn: Conn, scope: GatherScope): Promise<SubsidyFacts[]> {
  return rowsOf<SubsidyRow>(await conn.execute(subsidyFactsQuery(scope))).map((r) => ({
    subsidyId: Number(r.id),
    regionCode: r.region_code,
    kind: r.kind as S1Kind,
    areaMu: Number(r.area_mu),
    amountFen: Number(r.amount_fen),
  }));
}
