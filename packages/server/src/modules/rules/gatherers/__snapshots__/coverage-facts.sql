-- coverage facts over a county, year 2024
-- params: ["410781%","410781%",2024,2024,"410781%",2024,"410781%","2024-12-31","2024-01-01","410781%","{\"funded\",\"implementing\",\"accepted\",\"evaluated\"}",2024,2024,"410781%",2024,"410781%","410781%",2024,2024,"410781%","{\"lifted\",\"monitored\"}"]
    WITH pp AS (
      SELECT p.household_id, array_agg(p.labor_capacity) FILTER (WHERE p.labor_capacity IS NOT NULL) AS labor,
        count(*) FILTER (WHERE p.labor_capacity IS NULL)::int AS unrecorded,
        count(*) FILTER (WHERE (p.employment_status IS NOT NULL AND p.employment_status <> 'not_working') OR p.employment_channel IS NOT NULL)::int AS workers
      FROM persons p WHERE p.region_code LIKE $1 AND p.exit_reason IS NULL GROUP BY p.household_id
    ), mm AS (
      SELECT m.household_id, array_agg(DISTINCT m.category) AS measures
      FROM support_measures m WHERE m.region_code LIKE $2
        AND COALESCE(date_part('year', m.start_date)::int, m.year) <= $3
        AND COALESCE(date_part('year', m.end_date)::int, GREATEST(m.year, COALESCE(date_part('year', m.start_date)::int, m.year))) >= $4
      GROUP BY m.household_id
    ), lk AS (
      SELECT l.household_id, count(*)::int AS n, sum(l.income_fen)::bigint AS fen
      FROM linkages l WHERE l.region_code LIKE $5 AND l.year = $6 GROUP BY l.household_id
    ), pa AS (
      SELECT DISTINCT a.household_id FROM post_appointments a
      WHERE a.region_code LIKE $7 AND a.started_on <= $8::date AND (a.ended_on IS NULL OR a.ended_on >= $9::date)
    ), pb AS (
      SELECT b.household_id, count(DISTINCT b.project_id)::int AS n
      FROM project_beneficiaries b JOIN projects pr ON pr.id = b.project_id
      WHERE b.region_code LIKE $10 AND pr.project_type = 'industry' AND pr.stage = ANY($11::text[]) AND pr.year <= $12
      GROUP BY b.household_id
    ), ic AS (
      SELECT i.* FROM household_incomes i WHERE i.year = $13 AND i.region_code LIKE $14
    ), ip AS (
      SELECT i.* FROM household_incomes i WHERE i.year = $15::int - 1 AND i.region_code LIKE $16
    ), vv AS (
      SELECT r.code AS village FROM regions r WHERE r.code LIKE $17 AND r.level = 'village'
    ), lf AS (
      SELECT vv.village, l.region_code AS local_region, l.per_capita_income_fen AS local_fen,
        (SELECT l0.per_capita_income_fen FROM local_farmer_incomes l0 WHERE l0.region_code = l.region_code AND l0.year = $18::int - 1) AS local_prev_fen
      FROM vv JOIN LATERAL (
        SELECT x.region_code, x.per_capita_income_fen FROM local_farmer_incomes x
        WHERE x.year = $19 AND x.region_code IN (rpad(left(vv.village, 9), 12, '0'), rpad(left(vv.village, 6), 12, '0'), rpad(left(vv.village, 4), 12, '0'), rpad(left(vv.village, 2), 12, '0'))
        ORDER BY length(rtrim(x.region_code, '0')) DESC LIMIT 1
      ) l ON true
    )
    SELECT coalesce((hh.id)::text, '') || chr(9) || coalesce((hh.region_code)::text, '') || chr(9) || coalesce((hh.household_type)::text, '') || chr(9) || coalesce((hh.is_lifted)::text, '') || chr(9) || coalesce((array_to_string(pp.labor, ','))::text, '') || chr(9) || coalesce((pp.unrecorded)::text, '') || chr(9) || coalesce((pp.workers)::text, '') || chr(9) || coalesce((array_to_string(mm.measures, ','))::text, '') || chr(9) || coalesce((pb.n)::text, '') || chr(9) || coalesce((lk.n)::text, '') || chr(9) || coalesce((lk.fen)::text, '') || chr(9) || coalesce((pa.household_id IS NOT NULL)::text, '') || chr(9) || coalesce((ic.wage)::text, '') || chr(9) || coalesce((ic.business)::text, '') || chr(9) || coalesce((ic.business_expense)::text, '') || chr(9) || coalesce((ic.property)::text, '') || chr(9) || coalesce((ic.transfer)::text, '') || chr(9) || coalesce((ic.member_count)::text, '') || chr(9) || coalesce((ip.wage)::text, '') || chr(9) || coalesce((ip.business)::text, '') || chr(9) || coalesce((ip.business_expense)::text, '') || chr(9) || coalesce((ip.property)::text, '') || chr(9) || coalesce((ip.transfer)::text, '') || chr(9) || coalesce((ip.member_count)::text, '') || chr(9) || coalesce((lf.local_region)::text, '') || chr(9) || coalesce((lf.local_fen)::text, '') || chr(9) || coalesce((lf.local_prev_fen)::text, '') AS l
    FROM households hh
      LEFT JOIN pp ON pp.household_id = hh.id
      LEFT JOIN mm ON mm.household_id = hh.id
      LEFT JOIN lk ON lk.household_id = hh.id
      LEFT JOIN pa ON pa.household_id = hh.id
      LEFT JOIN pb ON pb.household_id = hh.id
      LEFT JOIN ic ON ic.household_id = hh.id
      LEFT JOIN ip ON ip.household_id = hh.id
      LEFT JOIN lf ON lf.village = left(hh.region_code, 12)
    WHERE hh.region_code LIKE $20 AND hh.deleted_at IS NULL AND hh.household_type = ANY($21::text[])
