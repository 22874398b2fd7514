import type { DbHandle, RawTx } from '@chanbang/db';
import { DICT, DICTIONARIES, findDictionary, resolveDictCode } from '@chanbang/domain';
import { copyLine, type CopyValue } from './csv.ts';
import { DEMO_COUNTY, type DemoRegion } from './demo-regions.ts';
import type { DemoHelper, DemoHousehold } from './demo-households.generator.ts';
import { buildDemoCounty, DEMO_USERS, type DemoCountyOptions } from './demo-county.ts';
import { stageDemoCases } from './demo-stages.ts';
import { loadEntitiesDemo } from './entities-demo.ts';
import { loadFundsDemo } from './funds-demo.ts';
import { loadIndustryDemo } from './industry-demo.ts';
import { loadAssetsDemo } from './assets-demo.ts';
import { loadDistributionsDemo } from './distributions-demo.ts';
import { loadCoverageDemo } from './coverage-demo.ts';
import { loadPostsDemo } from './posts-demo.ts';
import { loadJobSubsidiesDemo } from './job-subsidies-demo.ts';
import { loadTrainingsDemo } from './trainings-demo.ts';

/** Resolves a generated label to the stored code of a built-in dictionary (throws on a label the dictionary lacks). */
function code(dict: string, label: string | null): string | null {
  if (label === null || label === '') return null;
  const items = findDictionary(dict)?.items ?? [];
  const c = resolveDictCode(items, label);
  if (!c) throw new Error(`demo data: "${label}" is not in dictionary ${dict}`);
  return c;
}

const CHUNK = 20_000;

async function copyRows(tx: RawTx, copySql: string, rows: Iterable<CopyValue[]>): Promise<number> {
  let buf: string[] = [];
  let n = 0;
  for (const r of rows) {
    buf.push(copyLine(r));
    n++;
    if (buf.length >= CHUNK) {
      await tx.copyFromCsv(copySql, buf.join(''));
      buf = [];
    }
  }
  if (buf.length) await tx.copyFromCsv(copySql, buf.join(''));
  return n;
}

async function maxId(tx: RawTx, table: string): Promise<number> {
  const [r] = await tx.query<{ m: number | string | null }>(`SELECT coalesce(max(id), 0) AS m FROM ${table}`);
  return Number(r?.m ?? 0);
}

/** Counts of what a demo load wrote. */
export type DemoLoadResult = {
  loaded: boolean;
  reason?: string;
  regions: number;
  households: number;
  persons: number;
  helpers: number;
  measures: number;
  monitoringCases: number;
  users: { username: string; role: string; regionCode: string; password: string }[];
};

/** Seeds the built-in dictionaries when the table lacks them (ON CONFLICT DO NOTHING: admin edits win). */
export async function ensureDictionaries(tx: RawTx): Promise<void> {
  const rows: CopyValue[][] = [];
  for (const d of DICTIONARIES) for (const i of d.items) rows.push([d.code, i.code, i.labelZh, i.labelEn, i.parentCode ?? null, JSON.stringify(i.attrs ?? {}), i.sort]);
  await tx.query('CREATE TEMP TABLE demo_dict (LIKE dictionary_items INCLUDING DEFAULTS) ON COMMIT DROP');
  await copyRows(tx, 'COPY demo_dict (dict_code, code, label_zh, label_en, parent_code, attrs, sort) FROM STDIN WITH (FORMAT csv)', rows);
  await tx.query('INSERT INTO dictionary_items SELECT * FROM demo_dict ON CONFLICT DO NOTHING');
}

async function deleteDemo(tx: RawTx, prefix: string): Promise<void> {
  const like = `${prefix}%`;
  // the industry system first: allocations hold their fund sources and projects, linkages their entities
  await tx.query('DELETE FROM assets WHERE region_code LIKE $1', [like]);
  await tx.query('DELETE FROM income_distributions WHERE region_code LIKE $1', [like]);
  await tx.query('DELETE FROM local_farmer_incomes WHERE region_code LIKE $1', [like]);
  await tx.query('DELETE FROM public_welfare_posts WHERE region_code LIKE $1', [like]);
  await tx.query('DELETE FROM trainings WHERE region_code LIKE $1', [like]);
  await tx.query('DELETE FROM fund_allocations WHERE region_code LIKE $1', [like]);
  await tx.query('DELETE FROM fund_sources WHERE region_code LIKE $1', [like]);
  await tx.query('DELETE FROM linkages WHERE region_code LIKE $1', [like]);
  await tx.query('DELETE FROM projects WHERE region_code LIKE $1', [like]);
  await tx.query('DELETE FROM entities WHERE region_code LIKE $1', [like]);
  await tx.query('DELETE FROM industries WHERE region_code LIKE $1', [like]);
  await tx.query('DELETE FROM households WHERE region_code LIKE $1', [like]);
  await tx.query('DELETE FROM helpers WHERE region_code LIKE $1', [like]);
  await tx.query('DELETE FROM column_mappings WHERE region_code LIKE $1', [like]);
  await tx.query('DELETE FROM import_jobs WHERE region_code LIKE $1', [like]);
  await tx.query('DELETE FROM users WHERE region_code LIKE $1', [like]);
  await tx.query('DELETE FROM regions WHERE code LIKE $1', [like]);
}

async function loadRegions(tx: RawTx, regions: DemoRegion[]): Promise<void> {
  await tx.query('CREATE TEMP TABLE demo_regions (LIKE regions INCLUDING DEFAULTS) ON COMMIT DROP');
  await copyRows(
    tx,
    'COPY demo_regions (code, parent_code, level, prefix, name, gb_code, urban_rural_code, sort) FROM STDIN WITH (FORMAT csv)',
    regions.map((r) => [r.code, r.parentCode, r.level, r.prefix, r.name, r.gbCode, r.urbanRuralCode, r.sort]),
  );
  await tx.query('INSERT INTO regions SELECT * FROM demo_regions ON CONFLICT (code) DO NOTHING');
}

async function loadHelpers(tx: RawTx, helpers: DemoHelper[]): Promise<Map<string, number>> {
  const base = await maxId(tx, 'helpers');
  const ids = new Map<string, number>();
  await copyRows(
    tx,
    'COPY helpers (id, region_code, name, role, organisation, phone) FROM STDIN WITH (FORMAT csv)',
    helpers.map((h, i) => {
      ids.set(h.key, base + i + 1);
      return [base + i + 1, h.regionCode, h.name, code(DICT.helperRole, h.role), h.organisation, h.phone];
    }),
  );
  return ids;
}

async function loadHouseholds(tx: RawTx, households: DemoHousehold[], helperIds: Map<string, number>): Promise<{ persons: number; measures: number; cases: number }> {
  const hBase = await maxId(tx, 'households');
  const pBase = await maxId(tx, 'persons');
  const hh: CopyValue[][] = [];
  const pp: CopyValue[][] = [];
  const inc: CopyValue[][] = [];
  const mea: CopyValue[][] = [];
  const cas: CopyValue[][] = [];
  const hel: CopyValue[][] = [];
  let pid = pBase;
  households.forEach((h, i) => {
    const id = hBase + i + 1;
    hh.push([
      id,
      h.householdNo,
      h.regionCode,
      code(DICT.householdType, h.householdType),
      code(DICT.monitoringType, h.monitoringType),
      h.monitoringStatus,
      h.riskTypes.map((r) => code(DICT.riskType, r) as string),
      h.housingSecure,
      h.waterSecure,
      h.educationSecure,
      h.medicalSecure,
      h.address,
      h.phone,
      h.liftedYear,
      h.isLifted,
      code(DICT.liftedCategory, h.liftedCategory),
    ]);
    for (const m of h.members) {
      pp.push([
        ++pid,
        id,
        h.regionCode,
        m.idNumber,
        m.name,
        m.gender,
        m.birthDate,
        code(DICT.relation, m.relation),
        m.isHead,
        code(DICT.laborCapacity, m.laborCapacity),
        code(DICT.healthStatus, m.healthStatus),
        code(DICT.education, m.education),
        code(DICT.employmentStatus, m.employmentStatus),
        m.employmentPlace,
        m.wantsTraining,
        m.trainedThisYear,
        m.phone,
        m.healthStatuses.map((x) => code(DICT.healthStatus, x) as string),
        code(DICT.disabilityType, m.disabilityType),
        m.disabilityGrade,
        code(DICT.ethnicity, m.ethnicity),
        m.personNo,
        code(DICT.schoolStatus, m.schoolStatus),
        m.workMonths,
      ]);
    }
    for (const x of h.incomes)
      inc.push([id, h.regionCode, x.year, x.wage, x.business, x.businessExpense, x.property, x.transfer, x.claimIncome, x.compliantSelfPaid, h.members.length]);
    const helperId = h.helperKey ? (helperIds.get(h.helperKey) ?? null) : null;
    for (const m of h.measures) mea.push([id, h.regionCode, code(DICT.measureCategory, m.category), m.description, m.year, m.startDate, helperId, m.amountYuan]);
    const c = h.monitoringCase;
    if (c) {
      cas.push([
        id,
        h.regionCode,
        code(DICT.monitoringType, c.monitoringType),
        code(DICT.leadSource, c.leadSource),
        c.leadDate,
        c.homeVisitDate,
        c.infoCheckDate,
        c.villageReviewDate,
        c.publicityStart,
        c.publicityEnd,
        c.townshipReviewDate,
        c.countyApprovalDate,
        c.status,
        code(DICT.eliminationMethod, c.eliminationMethod),
        c.eliminationDate,
        c.incomeStableSince,
      ]);
    }
    if (helperId !== null) hel.push([id, helperId, h.regionCode, h.monitoringCase?.countyApprovalDate ?? '2023-01-01']);
  });
  await copyRows(
    tx,
    'COPY households (id, household_no, region_code, household_type, monitoring_type, monitoring_status, risk_types, housing_secure, water_secure, education_secure, medical_secure, address, phone, lifted_year, is_lifted, lifted_category) FROM STDIN WITH (FORMAT csv)',
    hh,
  );
  await copyRows(
    tx,
    'COPY persons (id, household_id, region_code, id_number, name, gender, birth_date, relation, is_head, labor_capacity, health_status, education, employment_status, employment_place, wants_training, trained_this_year, phone, health_statuses, disability_type, disability_grade, ethnicity, person_no, school_status, work_months) FROM STDIN WITH (FORMAT csv)',
    pp,
  );
  await copyRows(
    tx,
    'COPY household_incomes (household_id, region_code, year, wage, business, business_expense, property, transfer, claim_income, compliant_self_paid, member_count) FROM STDIN WITH (FORMAT csv)',
    inc,
  );
  await copyRows(tx, 'COPY support_measures (household_id, region_code, category, description, year, start_date, helper_id, amount_yuan) FROM STDIN WITH (FORMAT csv)', mea);
  await copyRows(
    tx,
    'COPY monitoring_cases (household_id, region_code, monitoring_type, lead_source, lead_date, home_visit_date, info_check_date, village_review_date, publicity_start, publicity_end, township_review_date, county_approval_date, status, elimination_method, elimination_date, income_stable_since) FROM STDIN WITH (FORMAT csv)',
    cas,
  );
  await copyRows(tx, 'COPY household_helpers (household_id, helper_id, region_code, start_date) FROM STDIN WITH (FORMAT csv)', hel);
  for (const t of ['households', 'persons', 'helpers']) {
    await tx.query(`SELECT setval(pg_get_serial_sequence('${t}', 'id'), (SELECT coalesce(max(id), 1) FROM ${t}))`);
  }
  return { persons: pp.length, measures: mea.length, cases: cas.length };
}

/**
 * Loads the demo county (regions, helpers, households with members, incomes, measures, monitoring cases and
 * three users) with COPY in ONE transaction. Idempotent: does nothing when the demo county already has
 * households, unless `reset` deletes the county's data first.
 * @param hashPassword the server's password hasher (the demo users share one password)
 */
export async function loadDemo(handle: DbHandle, opts: { reset?: boolean; hashPassword: (pw: string) => Promise<string>; county?: DemoCountyOptions }): Promise<DemoLoadResult> {
  const county = buildDemoCounty(opts.county);
  const users = DEMO_USERS(county.regions);
  const passwordHash = await opts.hashPassword(users[0]?.password ?? '');
  return handle.rawTransaction(async (tx) => {
    const empty: DemoLoadResult = { loaded: false, regions: 0, households: 0, persons: 0, helpers: 0, measures: 0, monitoringCases: 0, users };
    if (opts.reset) await deleteDemo(tx, DEMO_COUNTY.prefix);
    else {
      const [r] = await tx.query<{ n: number | string }>('SELECT count(*) AS n FROM households WHERE region_code LIKE $1', [`${DEMO_COUNTY.prefix}%`]);
      if (Number(r?.n ?? 0) > 0) return { ...empty, reason: 'demo county already loaded' };
    }
    await ensureDictionaries(tx);
    await loadRegions(tx, county.regions);
    const helperIds = await loadHelpers(tx, county.helpers);
    const households = [...county.households()];
    const counts = await loadHouseholds(tx, households, helperIds);
    const villageUser = users.find((u) => u.role === 'village_officer');
    if (villageUser) await stageDemoCases(tx, DEMO_COUNTY.prefix, villageUser.regionCode);
    // the industry system's story belongs to the demo zone; the bench county gets its own sized data (bench-industry.ts)
    if ((opts.county?.kind ?? 'demo') === 'demo') {
      await loadIndustryDemo(tx, county.regions, DEMO_COUNTY.code);
      await loadFundsDemo(tx, county.regions, DEMO_COUNTY.code);
      await loadEntitiesDemo(tx, county.regions, DEMO_COUNTY.code);
      await loadAssetsDemo(tx, county.regions, DEMO_COUNTY.code);
      await loadDistributionsDemo(tx, county.regions);
      await loadCoverageDemo(tx, DEMO_COUNTY.code);
      await loadPostsDemo(tx, county.regions);
      await loadJobSubsidiesDemo(tx, DEMO_COUNTY.prefix);
      await loadTrainingsDemo(tx, county.regions, DEMO_COUNTY.code);
    }
    for (const u of users) {
      await tx.query(
        `INSERT INTO users (username, display_name, password_hash, role, region_code) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (username) DO NOTHING`,
        [u.username, u.displayName, passwordHash, u.role, u.regionCode],
      );
    }
    // Fresh planner statistics: PGlite has no autovacuum, and without them the H1/dashboard joins are planned as
    // nested loops over "1-row" tables (the county dashboard took ~11 s instead of ~0.1 s on the demo data).
    await tx.query('ANALYZE');
    return {
      loaded: true,
      regions: county.regions.length,
      households: households.length,
      persons: counts.persons,
      helpers: county.helpers.length,
      measures: counts.measures,
      monitoringCases: counts.cases,
      users,
    };
  });
}
