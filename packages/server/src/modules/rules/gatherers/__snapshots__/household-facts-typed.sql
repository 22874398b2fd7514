-- household facts of monitored households over a county, year 2024 (H1's factsFilter)
-- params: ["411272%","411272%","{\"monitored\"}","411272%","411272%","{\"monitored\"}",2024,2024,"411272%","411272%","{\"monitored\"}","411272%","{\"monitored\"}"]
    WITH pp AS (
      SELECT p.household_id, array_agg(p.labor_capacity) FILTER (WHERE p.labor_capacity IS NOT NULL) AS labor,
        count(*) FILTER (WHERE p.labor_capacity IS NULL)::int AS unrecorded, count(*)::int AS members
      FROM persons p WHERE p.region_code LIKE $1 AND p.exit_reason IS NULL AND p.household_id IN (SELECT hx.id FROM households hx WHERE hx.region_code LIKE $2 AND hx.household_type = ANY($3::text[])) GROUP BY p.household_id
    ), mm AS (
      SELECT m.household_id, array_agg(m.category || '|' || m.year || '|' || COALESCE(m.start_date::text, '') || '|' || COALESCE(m.end_date::text, '')) AS measures
      FROM support_measures m WHERE m.region_code LIKE $4 AND m.household_id IN (SELECT hx.id FROM households hx WHERE hx.region_code LIKE $5 AND hx.household_type = ANY($6::text[]))
        AND COALESCE(date_part('year', m.start_date)::int, m.year) <= $7
        AND COALESCE(date_part('year', m.end_date)::int, GREATEST(m.year, COALESCE(date_part('year', m.start_date)::int, m.year))) >= $8
      GROUP BY m.household_id
    ), cc AS (
      SELECT c.household_id, array_agg(COALESCE(c.county_approval_date, c.lead_date)::text || '|' || COALESCE(c.elimination_date::text, '')) AS periods
      FROM monitoring_cases c WHERE c.region_code LIKE $9 AND c.household_id IN (SELECT hx.id FROM households hx WHERE hx.region_code LIKE $10 AND hx.household_type = ANY($11::text[])) AND c.status IN ('identifying', 'monitoring', 'eliminated')
        AND COALESCE(c.county_approval_date, c.lead_date) IS NOT NULL
      GROUP BY c.household_id
    )
    SELECT h.id, h.household_no, h.region_code, h.household_type, h.monitoring_status, h.monitoring_type, h.is_lifted,
      h.monitoring_since::text AS monitoring_since, h.eliminated_at::text AS eliminated_at,
      pp.labor, COALESCE(pp.unrecorded, 0) AS unrecorded, COALESCE(pp.members, 0) AS members, mm.measures, cc.periods
    FROM households h
      LEFT JOIN pp ON pp.household_id = h.id
      LEFT JOIN mm ON mm.household_id = h.id
      LEFT JOIN cc ON cc.household_id = h.id
    WHERE h.region_code LIKE $12 AND h.deleted_at IS NULL AND h.household_type = ANY($13::text[])
