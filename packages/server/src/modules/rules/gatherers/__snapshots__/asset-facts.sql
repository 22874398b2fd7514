-- asset facts over a county, year 2025
-- params: [2025,2025,"410781%"]
    SELECT a.id, a.region_code, a.name, a.category, a.value_fen, a.formed_on::text AS formed_on, a.disposed_on::text AS disposed_on,
      a.management_level, a.asset_class,
      coalesce((SELECT json_agg(json_build_object('assetClass', c.to_class, 'reason', c.reason) ORDER BY c.changed_at, c.id)
        FROM asset_class_changes c WHERE c.asset_id = a.id), '[]'::json) AS class_changes,
      coalesce((SELECT json_agg(json_build_object('year', i.year, 'half', i.half, 'incomeFen', i.income_fen) ORDER BY i.year, i.half)
        FROM asset_incomes i WHERE i.asset_id = a.id AND i.year BETWEEN $1::int - 1 AND $2::int), '[]'::json) AS incomes
    FROM assets a
    WHERE a.region_code LIKE $3
