import type { RawTx } from '@chanbang/db';

/** What `loadBenchIndustry` wrote. */
export type BenchIndustryCounts = { industries: number; entities: number; linkages: number; projects: number; fundSources: number; allocations: number };

const LINKAGE_MODES = ['equity_coop', 'employment', 'order_production', 'consignment', 'guaranteed_dividend', 'second_rebate', 'land_transfer', 'share_dividend', 'custody'];
const ENTITY_TYPES = ['cooperative', 'cooperative', 'family_farm', 'large_grower', 'leading_enterprise', 'collective', 'workshop'];
const PROJECT_TYPES = ['industry', 'industry', 'industry', 'employment', 'rural_construction', 'three_guarantees'];
const STAGES = ['in_library', 'funded', 'funded', 'implementing', 'accepted', 'evaluated', 'submitted', 'draft'];
const LEVELS = ['central', 'provincial', 'city', 'county'];

const arr = (xs: string[]) => `ARRAY[${xs.map((x) => `'${x}'`).join(',')}]`;

/**
 * The industry system of the synthetic county (issue 7 bench): `entities` business entities seated in its
 * villages, `linkages` linkage records on its first households, `projects` projects spread over the villages,
 * years 2022–2026 and every stage, linkage fund sources per year and level, and `allocations` allocations of
 * them to projects in the library. Deterministic (row numbers, no randomness), set-based SQL: seconds at any size.
 * @param countyPrefix the 6-digit county prefix of the bench county
 */
export async function loadBenchIndustry(
  tx: RawTx,
  countyPrefix: string,
  n = { entities: 3_000, linkages: 20_000, projects: 5_000, allocations: 20_000 },
): Promise<BenchIndustryCounts> {
  const like = `${countyPrefix}%`;
  await tx.query(
    `CREATE TEMP TABLE bench_villages ON COMMIT DROP AS
    SELECT row_number() OVER (ORDER BY code) - 1 AS k, code FROM regions WHERE level = 'village' AND code LIKE $1`,
    [like],
  );
  const [v] = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM bench_villages');
  const villages = v?.n ?? 0;
  if (!villages) throw new Error(`bench: no villages under ${countyPrefix}`);
  const county = `${countyPrefix}000000`;
  await tx.query(
    `INSERT INTO industries (region_code, name, category, kind, tier)
     SELECT $1, x.name, x.category, x.kind, x.tier FROM (VALUES
       ('灵宝大枣', 'fruit', 'leading', 'county_one'), ('大棚蔬菜', 'vegetable', 'leading', NULL), ('苹果', 'fruit', 'leading', NULL),
       ('食用菌', 'edible_fungi', 'emerging', NULL), ('中药材', 'herb', 'emerging', NULL), ('乡村旅游', 'tourism', 'emerging', NULL),
       ('肉牛养殖', 'livestock', 'traditional', NULL), ('小杂粮', 'grain_oil', 'traditional', NULL)) AS x(name, category, kind, tier)`,
    [county],
  );
  const industries = await tx.query<{ id: number }>('SELECT id FROM industries WHERE region_code = $1 ORDER BY id', [county]);
  const ind = `ARRAY[${industries.map((r) => Number(r.id)).join(',')}]::bigint[]`;
  await tx.query(
    `INSERT INTO entities (region_code, entity_type, name, credit_code, level, party_led, contact_name, contact_phone)
     SELECT bv.code, (${arr(ENTITY_TYPES)})[1 + g % ${ENTITY_TYPES.length}], '测试主体' || g, NULL,
            CASE WHEN g % 7 = 4 THEN (${arr(LEVELS)})[1 + g % 4] END, g % 3 = 0, '联系人' || g, '1390000' || lpad((g % 10000)::text, 4, '0')
       FROM generate_series(0, $1 - 1) g JOIN bench_villages bv ON bv.k = g % ${villages}`,
    [n.entities],
  );
  await tx.query(`CREATE TEMP TABLE bench_entities ON COMMIT DROP AS SELECT row_number() OVER (ORDER BY id) - 1 AS k, id FROM entities WHERE region_code LIKE $1`, [like]);
  await tx.query(`INSERT INTO entity_industries (entity_id, industry_id) SELECT be.id, (${ind})[1 + be.k % ${industries.length}] FROM bench_entities be`);
  await tx.query(
    `INSERT INTO linkages (entity_id, household_id, region_code, mode, year, income_fen, income_type)
     SELECT be.id, h.id, h.region_code, (${arr(LINKAGE_MODES)})[1 + h.k % ${LINKAGE_MODES.length}], 2025, 50000 + (h.k % 40) * 10000, 'wage'
       FROM (SELECT row_number() OVER (ORDER BY id) - 1 AS k, id, region_code FROM households WHERE region_code LIKE $1 ORDER BY id LIMIT $2) h
       JOIN bench_entities be ON be.k = h.k % $3`,
    [like, n.linkages, n.entities],
  );
  await tx.query(
    `INSERT INTO projects (project_no, name, region_code, project_type, industry_id, is_specialty, stage, year, budget_fen, linkage_modes, review_benefit, review_linkage, review_organisation, review_after_operation, driven_households)
     SELECT 'BXM' || lpad(g::text, 6, '0'), '测试项目' || g, bv.code, (${arr(PROJECT_TYPES)})[1 + g % ${PROJECT_TYPES.length}],
            (${ind})[1 + g % ${industries.length}], g % 5 <> 0, (${arr(STAGES)})[1 + g % ${STAGES.length}], 2022 + g % 5,
            (20 + g % 180) * 1000000::bigint, (${arr(LINKAGE_MODES)})[1 + g % ${LINKAGE_MODES.length}:2 + g % ${LINKAGE_MODES.length}],
            true, true, true, true, 10 + g % 90
       FROM generate_series(0, $1 - 1) g JOIN bench_villages bv ON bv.k = g % ${villages}`,
    [n.projects],
  );
  await tx.query(
    `INSERT INTO fund_sources (region_code, year, fund_level, fund_kind, name, document_no, amount_fen)
     SELECT $1, y, l, 'linkage', y || '年' || l || '衔接推进乡村振兴补助资金', '测财农〔' || y || '〕' || (10 + length(l)) || '号', 40000000000::bigint
       FROM generate_series(2022, 2026) y CROSS JOIN unnest(${arr(LEVELS)}) l`,
    [county],
  );
  await tx.query(
    `INSERT INTO fund_allocations (fund_source_id, project_id, region_code, year, amount_fen, allocated_on)
     SELECT fs.id, p.id, p.region_code, p.year, (5 + a % 45) * 100000::bigint, make_date(p.year, 1 + a % 12, 1 + a % 28)
       FROM generate_series(0, $1 - 1) a
       JOIN (SELECT row_number() OVER (ORDER BY id) - 1 AS k, count(*) OVER () AS c, id, region_code, year FROM projects
              WHERE region_code LIKE $2 AND stage IN ('in_library', 'funded', 'implementing', 'accepted', 'evaluated')) p ON p.k = a % p.c
       JOIN fund_sources fs ON fs.region_code = $3 AND fs.year = p.year AND fs.fund_level = (${arr(LEVELS)})[1 + a % 4]`,
    [n.allocations, like, county],
  );
  const count = async (table: string, col = 'region_code') => {
    const [r] = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE ${col} LIKE $1`, [like]);
    return r?.n ?? 0;
  };
  return {
    industries: industries.length,
    entities: await count('entities'),
    linkages: await count('linkages'),
    projects: await count('projects'),
    fundSources: await count('fund_sources'),
    allocations: await count('fund_allocations'),
  };
}
