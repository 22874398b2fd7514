-- household facts over a county, year 2024
-- params: [2024,2024,"411272%"]
    SELECT h.id, h.household_no, h.region_code, h.household_type, h.monitoring_status, h.monitoring_type, h.is_lifted,
      h.monitoring_since::text AS monitoring_since, h.eliminated_at::text AS eliminated_at,
      ARRAY(SELECT p.labor_capacity FROM persons p WHERE p.household_id = h.id AND p.exit_reason IS NULL AND p.labor_capacity IS NOT NULL) AS labor,
      (SELECT count(*) FROM persons p WHERE p.household_id = h.id AND p.exit_reason IS NULL AND p.labor_capacity IS NULL)::int AS unrecorded,
      (SELECT count(*) FROM persons p WHERE p.household_id = h.id AND p.exit_reason IS NULL)::int AS members,
      ARRAY(SELECT m.category || '|' || m.year || '|' || COALESCE(m.start_date::text, '') || '|' || COALESCE(m.end_date::text, '')
        FROM support_measures m WHERE m.household_id = h.id
          AND COALESCE(date_part('year', m.start_date)::int, m.year) <= $1
          AND COALESCE(date_part('year', m.end_date)::int, GREATEST(m.year, COALESCE(date_part('year', m.start_date)::int, m.year))) >= $2) AS measures,
      ARRAY(SELECT COALESCE(c.county_approval_date, c.lead_date)::text || '|' || COALESCE(c.elimination_date::text, '')
        FROM monitoring_cases c WHERE c.household_id = h.id AND c.status IN ('identifying', 'monitoring', 'eliminated')
          AND COALESCE(c.county_approval_date, c.lead_date) IS NOT NULL) AS periods
    FROM households h
    WHERE h.region_code LIKE $3 AND h.deleted_at IS NULL
