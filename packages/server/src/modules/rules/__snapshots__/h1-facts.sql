-- H1 facts over a county (pack xuchang)
-- params: [2026,"411272%","{\"monitored\"}","{\"eliminated\"}"]
    SELECT h.id, h.region_code, h.household_type, h.monitoring_status,
      ARRAY(SELECT p.labor_capacity FROM persons p WHERE p.household_id = h.id AND p.labor_capacity IS NOT NULL) AS labor,
      ARRAY(SELECT m.category FROM support_measures m WHERE m.household_id = h.id AND m.year = $1) AS cats
    FROM households h
    WHERE h.region_code LIKE $2 AND h.deleted_at IS NULL
      AND h.household_type = ANY($3::text[])
      AND NOT (h.monitoring_status = ANY($4::text[]))
