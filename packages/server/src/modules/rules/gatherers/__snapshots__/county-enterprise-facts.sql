-- county facts (E5) of a township prefix
-- params: ["411272%","411272%","411272%"]
    WITH c AS (
      SELECT r.code, r.prefix FROM regions r WHERE r.level = 'county' AND r.code LIKE $1
    ),
    big AS (
      SELECT e.id, e.name, e.level, substr(e.region_code, 1, 6) AS county FROM entities e
      WHERE e.status = 'active' AND e.entity_type = 'leading_enterprise' AND e.level IN ('national', 'provincial', 'city') AND e.region_code LIKE $2
    ),
    ind AS (
      SELECT substr(i.region_code, 1, 6) AS county, i.id, i.name,
        (SELECT array_agg(big.name ORDER BY big.id) FROM entity_industries ei JOIN big ON big.id = ei.entity_id WHERE ei.industry_id = i.id) AS backed_by
      FROM industries i WHERE i.kind = 'leading' AND i.region_code LIKE $3
    )
    SELECT c.code,
      (SELECT json_agg(json_build_object('id', big.id, 'name', big.name, 'level', big.level) ORDER BY big.id) FROM big WHERE big.county = c.prefix) AS city_or_above,
      (SELECT json_agg(json_build_object('id', ind.id, 'name', ind.name, 'backedBy', COALESCE(to_json(ind.backed_by), '[]'::json)) ORDER BY ind.id) FROM ind WHERE ind.county = c.prefix) AS leading_industries
    FROM c ORDER BY c.code
