import type { RawTx } from '@chanbang/db';

/** What `loadBenchEmployment` wrote (issue 8's facts on the bench county). */
export type BenchEmploymentCounts = {
  workers: number;
  posts: number;
  appointments: number;
  postPayments: number;
  trainings: number;
  participants: number;
  subsidyPayments: number;
  assets: number;
  assetIncomes: number;
  distributions: number;
  distributionLines: number;
  householdIncomes: number;
};

const STATUSES = ['not_working', 'in_county', 'in_province', 'out_province', 'out_province', 'self_employed', 'in_county'];
const CHANNELS = ['enterprise', 'workshop', 'enterprise', 'flexible', 'work_relief', 'enterprise'];
const SKILLS = ['大枣栽培管理', '设施蔬菜种植', '果树修剪', '电工', '家政服务', '食用菌栽培'];
const POST_TYPES = ['cleaning', 'forest_ranger', 'road_care', 'water_care', 'security'];

const arr = (xs: string[]) => `ARRAY[${xs.map((x) => `'${x}'`).join(',')}]`;

/**
 * Issue 8's facts on the synthetic county, for the A, H and J rules of the bench: employment fields of every
 * person with labour (status, channel, months, employer among the county's entities, wage, wishes, skills),
 * employee counts of workshops and relocation parks, two public-welfare posts per village with holders and paid
 * months, three trainings per village with participants, job subsidy payments, two operating assets per village
 * with half-year incomes, one confirmed distribution per village, household incomes of `year - 1` and `year`,
 * and the local farmers' income. Deterministic, set-based SQL (seconds at any size). Run after
 * `loadBenchIndustry` (it uses the county's entities).
 * @param countyPrefix the 6-digit county prefix of the bench county
 * @param year the judged year (incomes, trainings, payments fall in it)
 */
export async function loadBenchEmployment(tx: RawTx, countyPrefix: string, year: number): Promise<BenchEmploymentCounts> {
  const like = `${countyPrefix}%`;
  const county = `${countyPrefix}000000`;
  await tx.query(
    `UPDATE entities SET employee_count = 20 + id % 80, is_relocation_park = (id % 97 = 0)
      WHERE region_code LIKE $1 AND (entity_type IN ('workshop', 'leading_enterprise') OR id % 97 = 0)`,
    [like],
  );
  await tx.query(`CREATE TEMP TABLE bench_employers ON COMMIT DROP AS SELECT row_number() OVER (ORDER BY id) - 1 AS k, id, name FROM entities WHERE region_code LIKE $1`, [like]);
  const [e] = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM bench_employers');
  const employers = Math.max(1, e?.n ?? 1);
  // persons with labour: employment from the national fields' vocabulary; one in ten works for an entity of the registry
  await tx.query(
    `UPDATE persons p SET
        employment_status = (${arr(STATUSES)})[1 + p.id % ${STATUSES.length}],
        work_months = CASE WHEN p.id % ${STATUSES.length} = 0 THEN 0 ELSE 3 + p.id % 10 END,
        employment_place = CASE WHEN p.id % ${STATUSES.length} IN (3, 4) THEN '江苏省苏州市' WHEN p.id % ${STATUSES.length} = 2 THEN '河南省郑州市' END,
        employment_channel = CASE WHEN p.id % ${STATUSES.length} = 0 THEN NULL WHEN p.id % ${STATUSES.length} = 5 THEN 'self_employed' ELSE (${arr(CHANNELS)})[1 + p.id % ${CHANNELS.length}] END,
        employer_entity_id = CASE WHEN p.id % 10 = 1 THEN (SELECT be.id FROM bench_employers be WHERE be.k = p.id % ${employers}) END,
        monthly_wage_fen = CASE WHEN p.id % ${STATUSES.length} = 0 THEN NULL ELSE (2000 + p.id % 30 * 100) * 100 END,
        wants_work = p.id % 5 <> 0,
        wants_training = p.id % 4 <> 0,
        skills = CASE WHEN p.id % 3 = 0 THEN ARRAY[(${arr(SKILLS)})[1 + p.id % ${SKILLS.length}]] ELSE '{}'::text[] END
      WHERE p.region_code LIKE $1 AND p.labor_capacity IN ('ordinary', 'skilled', 'weak')`,
    [like],
  );
  await tx.query(
    `CREATE TEMP TABLE bench_emp_villages ON COMMIT DROP AS
     SELECT row_number() OVER (ORDER BY code) - 1 AS k, code FROM regions WHERE level = 'village' AND code LIKE $1`,
    [like],
  );
  // two posts per village, each held by a person with labour of a 脱贫/监测 household of the village, paid Jan–Oct
  await tx.query(
    `INSERT INTO public_welfare_posts (region_code, name, post_type, need_reason, monthly_subsidy_fen, status)
     SELECT v.code, (${arr(POST_TYPES)})[1 + (v.k * 2 + s) % ${POST_TYPES.length}] || '岗' || s, (${arr(POST_TYPES)})[1 + (v.k * 2 + s) % ${POST_TYPES.length}],
            '村内环境与设施日常管护需要', 50000, 'filled'
       FROM bench_emp_villages v CROSS JOIN generate_series(1, 2) s`,
  );
  await tx.query(
    `INSERT INTO post_appointments (post_id, person_id, household_id, region_code, started_on)
     SELECT post.id, pick.id, pick.household_id, pick.region_code, make_date($2, 1, 1)
       FROM (SELECT id, region_code, row_number() OVER (PARTITION BY region_code ORDER BY id) AS n FROM public_welfare_posts WHERE region_code LIKE $1) post
       JOIN LATERAL (
         SELECT p.id, p.household_id, p.region_code FROM persons p JOIN households h ON h.id = p.household_id
          -- the village's persons by persons_region_idx (a range of the pattern-ops index; left(…, 12) = … scanned every
          -- person of the county for each post: minutes at city size, 3.1 M persons × 600 posts)
          WHERE p.region_code ~>=~ post.region_code AND p.region_code ~<~ (post.region_code || '~')
            AND h.household_type IN ('lifted', 'monitored') AND p.labor_capacity IN ('ordinary', 'weak')
          ORDER BY p.id OFFSET post.n - 1 LIMIT 1) pick ON true`,
    [like, year],
  );
  await tx.query(`UPDATE public_welfare_posts SET status = 'open' WHERE region_code LIKE $1 AND id NOT IN (SELECT post_id FROM post_appointments WHERE ended_on IS NULL)`, [like]);
  await tx.query(
    `INSERT INTO post_payments (appointment_id, post_id, person_id, region_code, month, amount_fen, paid_on)
     SELECT a.id, a.post_id, a.person_id, a.region_code, make_date($2, m, 1), 50000, make_date($2, m, 25)
       FROM post_appointments a CROSS JOIN generate_series(1, 10) m WHERE a.region_code LIKE $1`,
    [like, year],
  );
  // three trainings per village this year; a third of the persons who want training took one, with its skill
  await tx.query(
    `INSERT INTO trainings (region_code, course, provider, starts_on, ends_on, skill, certificate)
     SELECT v.code, (${arr(SKILLS)})[1 + (v.k + s) % ${SKILLS.length}] || '培训班', '县职业技能培训中心', make_date($1, 2 + s * 3, 10), make_date($1, 2 + s * 3, 14),
            (${arr(SKILLS)})[1 + (v.k + s) % ${SKILLS.length}], 'completion'
       FROM bench_emp_villages v CROSS JOIN generate_series(0, 2) s`,
    [year],
  );
  await tx.query(
    `INSERT INTO training_participants (training_id, person_id, household_id, region_code, completed)
     SELECT t.id, p.id, p.household_id, p.region_code, true
       FROM persons p
       JOIN LATERAL (SELECT id FROM trainings WHERE region_code = left(p.region_code, 12) ORDER BY id OFFSET p.id % 3 LIMIT 1) t ON true
      WHERE p.region_code LIKE $1 AND p.wants_training AND p.id % 3 = 1`,
    [like],
  );
  // J1 paid to half the cross-province workers of 脱贫/监测 households; J2 to a third of the self-employed 脱贫
  await tx.query(
    `INSERT INTO subsidy_payments (kind, year, person_id, household_id, region_code, amount_fen, paid_on)
     SELECT CASE WHEN p.employment_status = 'out_province' THEN 'travel' ELSE 'startup' END, $2, p.id, p.household_id, p.region_code,
            CASE WHEN p.employment_status = 'out_province' THEN 30000 ELSE 500000 END, make_date($2, 3, 1)
       FROM persons p JOIN households h ON h.id = p.household_id
      WHERE p.region_code LIKE $1 AND h.household_type IN ('lifted', 'monitored')
        AND ((p.employment_status = 'out_province' AND p.id % 2 = 0) OR (p.employment_status = 'self_employed' AND h.household_type = 'lifted' AND p.id % 3 = 0))`,
    [like, year],
  );
  // two operating assets per village owned by the collective, with both halves of last year and the first of this year
  await tx.query(
    `INSERT INTO assets (asset_no, name, region_code, category, value_fen, formed_on, owner_kind, owner_name, management_level, operating_mode, asset_class)
     SELECT 'BZC' || v.code || s, CASE s WHEN 1 THEN '光伏电站' ELSE '冷库' END, v.code, 'operating', (50 + (v.k * 7 + s) % 150) * 1000000::bigint,
            make_date($1 - 3, 6, 30), 'village_collective', '村股份经济合作社', 'village_runs', CASE s WHEN 1 THEN 'self_run' ELSE 'leased' END, 'consolidate'
       FROM bench_emp_villages v CROSS JOIN generate_series(1, 2) s`,
    [year],
  );
  await tx.query(
    `INSERT INTO asset_incomes (asset_id, region_code, year, half, income_fen, stocktake_on)
     SELECT a.id, a.region_code, y.year, y.half, a.value_fen * (1 + a.id % 4) / 100 / 2, make_date(y.year, y.half * 6, 28)
       FROM assets a CROSS JOIN (VALUES ($2::int - 1, 1), ($2::int - 1, 2), ($2::int, 1)) AS y(year, half)
      WHERE a.region_code LIKE $1 AND a.asset_no LIKE 'BZC%'`,
    [like, year],
  );
  // household incomes of last year and this year (per-capita growth for H5/H6)
  await tx.query(
    `INSERT INTO household_incomes (household_id, region_code, year, wage, business, property, transfer, member_count)
     SELECT h.id, h.region_code, y, (800000 + h.id % 50 * 20000 + (y - $2 + 1) * (h.id % 7 - 2) * 30000) / 100.0, (200000 + h.id % 11 * 10000) / 100.0,
            (h.id % 5 * 10000) / 100.0, 150000 / 100.0, 3
       FROM households h CROSS JOIN generate_series($2 - 1, $2) y
      WHERE h.region_code LIKE $1 AND h.household_type IN ('lifted', 'monitored')
     ON CONFLICT DO NOTHING`,
    [like, year],
  );
  // one confirmed distribution per village of last year's collective income: 80 % to its 脱贫/监测 households
  await tx.query(
    `INSERT INTO income_distributions (region_code, year, collective_income_fen, status, confirmed_at)
     SELECT a.region_code, $2 - 1, sum(i.income_fen), 'confirmed', now()
       FROM assets a JOIN asset_incomes i ON i.asset_id = a.id AND i.year = $2 - 1
      WHERE a.region_code LIKE $1 AND a.asset_no LIKE 'BZC%' GROUP BY a.region_code`,
    [like, year],
  );
  await tx.query(
    `INSERT INTO distribution_lines (distribution_id, household_id, region_code, kind, work_units, amount_fen, carried_at)
     SELECT d.id, h.id, h.region_code, CASE WHEN h.id % 4 = 0 THEN 'base' ELSE 'work' END, CASE WHEN h.id % 4 = 0 THEN NULL ELSE 10 END,
            d.collective_income_fen * 8 / 10 / h.n, now()
       FROM income_distributions d
       JOIN (SELECT id, region_code, count(*) OVER (PARTITION BY left(region_code, 12)) AS n FROM households
              WHERE region_code LIKE $1 AND household_type IN ('lifted', 'monitored')) h ON left(h.region_code, 12) = d.region_code
      WHERE d.region_code LIKE $1`,
    [like],
  );
  await tx.query(
    `INSERT INTO local_farmer_incomes (region_code, year, per_capita_income_fen, source)
     SELECT $1, y, (1500000 + (y - 2020) * 110000)::bigint, '基准测试数据' FROM generate_series(2020, $2) y ON CONFLICT DO NOTHING`,
    [county, year],
  );
  const count = async (table: string) => {
    const [r] = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE region_code LIKE $1`, [like]);
    return r?.n ?? 0;
  };
  const [w] = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM persons WHERE region_code LIKE $1 AND employment_status IS NOT NULL`, [like]);
  return {
    workers: w?.n ?? 0,
    posts: await count('public_welfare_posts'),
    appointments: await count('post_appointments'),
    postPayments: await count('post_payments'),
    trainings: await count('trainings'),
    participants: await count('training_participants'),
    subsidyPayments: await count('subsidy_payments'),
    assets: await count('assets'),
    assetIncomes: await count('asset_incomes'),
    distributions: await count('income_distributions'),
    distributionLines: await count('distribution_lines'),
    householdIncomes: await count('household_incomes'),
  };
}
