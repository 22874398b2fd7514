-- distribution facts over a county, year 2025
-- params: ["410781%",2025,"410781%",2025,"410781%",2025,"lifted","monitored"]
    WITH asset_income AS (
      SELECT a.region_code AS village, sum(i.income_fen) AS fen
      FROM asset_incomes i JOIN assets a ON a.id = i.asset_id
      WHERE i.region_code LIKE $1 AND i.year = $2 AND a.owner_kind = 'village_collective'
      GROUP BY a.region_code),
    distributed AS (
      SELECT d.region_code AS village, sum(d.collective_income_fen) AS income_fen
      FROM income_distributions d
      WHERE d.region_code LIKE $3 AND d.year = $4 AND d.status = 'confirmed'
      GROUP BY d.region_code),
    paid AS (
      SELECT d.region_code AS village, sum(l.amount_fen) AS lm_fen
      FROM income_distributions d JOIN distribution_lines l ON l.distribution_id = d.id JOIN households h ON h.id = l.household_id
      WHERE d.region_code LIKE $5 AND d.year = $6 AND d.status = 'confirmed' AND h.household_type IN ($7, $8)
      GROUP BY d.region_code)
    SELECT v AS region_code, r.name, greatest(coalesce(ai.fen, 0), coalesce(ds.income_fen, 0))::text AS collective_income_fen, coalesce(p.lm_fen, 0)::text AS lm_fen
    FROM (SELECT village AS v FROM asset_income UNION SELECT village FROM distributed) x
    LEFT JOIN asset_income ai ON ai.village = x.v LEFT JOIN distributed ds ON ds.village = x.v LEFT JOIN paid p ON p.village = x.v JOIN regions r ON r.code = x.v AND r.level = 'village'
    ORDER BY x.v
