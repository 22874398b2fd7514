-- fund facts over a county, year 2024
-- params: [2020,2024,"411282%",2020,2024,"linkage","other_fiscal","linkage","other_fiscal","supporting_facilities","linkage","other_fiscal","411282%",2020,2024,"411282%",2020,2024,"in_library","funded","implementing","accepted","evaluated","411282%",2020,2024,"411282%","411282%","411282000000"]
WITH yrs AS (SELECT generate_series($1::int, $2::int) AS year),
src AS (
  SELECT s.year,
         sum(s.amount_fen) FILTER (WHERE s.fund_kind = 'linkage') AS linkage_fen,
         sum(s.amount_fen) FILTER (WHERE s.fund_kind = 'linkage' AND s.fund_level = 'city') AS city_linkage_fen
  FROM fund_sources s
  WHERE s.region_code LIKE $3 AND s.year BETWEEN $4 AND $5
  GROUP BY s.year),
alloc AS (
  SELECT a.year,
         sum(a.amount_fen) FILTER (WHERE s.fund_kind = 'linkage' AND p.project_type = 'industry') AS industry_fen,
         sum(a.amount_fen) FILTER (WHERE s.fund_kind IN ($6, $7) AND p.project_type = 'industry' AND p.is_specialty) AS specialty_fen,
         sum(a.amount_fen) FILTER (WHERE s.fund_kind IN ($8, $9) AND p.project_type = 'industry' AND NOT p.is_specialty
                                     AND p.project_subtype = $10 AND (p.industry_id IS NOT NULL OR p.chain_link_id IS NOT NULL)) AS specialty_support_fen,
         sum(a.amount_fen) FILTER (WHERE s.fund_kind = 'linkage' AND p.project_type = 'industry' AND i.kind = 'leading') AS leading_chain_fen,
         sum(a.amount_fen) FILTER (WHERE s.fund_kind IN ($11, $12) AND p.project_type = 'industry') AS industry_project_fen,
         sum(a.amount_fen) FILTER (WHERE s.fund_kind = 'linkage' AND s.fund_level = 'city' AND p.project_type = 'industry') AS city_industry_fen
  FROM fund_allocations a
  JOIN fund_sources s ON s.id = a.fund_source_id
  JOIN projects p ON p.id = a.project_id
  LEFT JOIN industries i ON i.id = p.industry_id
  WHERE a.region_code LIKE $13 AND a.year BETWEEN $14 AND $15
  GROUP BY a.year),
lib AS (
  SELECT p.year,
         sum(p.budget_fen) FILTER (WHERE p.project_type = 'industry') AS library_industry_fen,
         sum(p.budget_fen) FILTER (WHERE p.project_type = 'industry' AND p.is_specialty) AS library_specialty_fen
  FROM projects p
  WHERE p.region_code LIKE $16 AND p.year BETWEEN $17 AND $18 AND p.stage IN ($19, $20, $21, $22, $23)
  GROUP BY p.year),
planned AS (
  SELECT substr(p.region_code, 1, 9) AS town, p.year,
         sum(p.budget_fen) FILTER (WHERE p.project_type = 'industry') AS planned_industry_fen,
         sum(p.budget_fen) AS planned_total_fen
  FROM projects p
  WHERE p.region_code LIKE $24 AND p.year BETWEEN $25 AND $26 AND p.stage NOT IN ('rejected', 'withdrawn')
  GROUP BY 1, 2),
lead AS (SELECT count(*)::int AS n FROM industries WHERE region_code LIKE $27 AND kind = 'leading'),
towns AS (SELECT code, prefix FROM regions WHERE prefix LIKE $28 AND level = 'township')
SELECT 'county' AS level, $29 AS region_code, y.year,
       coalesce(src.linkage_fen, 0)::text AS linkage_fen, coalesce(alloc.industry_fen, 0)::text AS industry_fen,
       coalesce(alloc.specialty_fen, 0)::text AS specialty_fen, coalesce(alloc.specialty_support_fen, 0)::text AS specialty_support_fen,
       coalesce(alloc.leading_chain_fen, 0)::text AS leading_chain_fen,
       coalesce(alloc.industry_project_fen, 0)::text AS industry_project_fen, coalesce(src.city_linkage_fen, 0)::text AS city_linkage_fen,
       coalesce(alloc.city_industry_fen, 0)::text AS city_industry_fen, coalesce(lib.library_industry_fen, 0)::text AS library_industry_fen,
       coalesce(lib.library_specialty_fen, 0)::text AS library_specialty_fen, '0' AS planned_industry_fen, '0' AS planned_total_fen, lead.n AS leading_industries
FROM yrs y LEFT JOIN src ON src.year = y.year LEFT JOIN alloc ON alloc.year = y.year LEFT JOIN lib ON lib.year = y.year CROSS JOIN lead
UNION ALL
SELECT 'township', t.code, y.year, '0', '0', '0', '0', '0', '0', '0', '0', '0', '0',
       coalesce(pl.planned_industry_fen, 0)::text, coalesce(pl.planned_total_fen, 0)::text, 0
FROM towns t CROSS JOIN yrs y LEFT JOIN planned pl ON pl.town = t.prefix AND pl.year = y.year
ORDER BY 1, 2, 3
