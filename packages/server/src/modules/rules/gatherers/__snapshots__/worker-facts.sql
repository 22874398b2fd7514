-- worker facts over a county, year 2025, 脱贫户 and 监测户
-- params: ["410781%","2025-12-31","2025-01-01","2025-12-31","2025-01-01","2025-12-31","410781%",2025,"410781%",2025,59,2025,16,"{\"lifted\",\"monitored\"}"]
    WITH pa AS (
      SELECT DISTINCT a.person_id FROM post_appointments a
      WHERE a.region_code LIKE $1 AND a.started_on <= $2::date AND (a.ended_on IS NULL OR a.ended_on >= $3::date)
    ), tr AS (
      SELECT tp.person_id,
        array_agg(DISTINCT t.skill) FILTER (WHERE tp.completed AND t.skill IS NOT NULL AND t.starts_on <= $4::date) AS skills,
        count(*) FILTER (WHERE t.starts_on BETWEEN $5::date AND $6::date)::int AS trainings
      FROM training_participants tp JOIN trainings t ON t.id = tp.training_id
      WHERE tp.region_code LIKE $7
      GROUP BY tp.person_id
    )
    SELECT p.id, p.household_id, p.region_code, h.household_type,
      ($8::int - extract(year FROM p.birth_date)::int) AS age,
      p.labor_capacity, p.wants_work, p.wants_training,
      (coalesce(p.employment_status, 'not_working') <> 'not_working' OR p.employment_channel IS NOT NULL OR pa.person_id IS NOT NULL) AS has_job,
      CASE WHEN tr.skills IS NULL AND cardinality(p.skills) = 0 THEN '{}'::text[]
        ELSE ARRAY(SELECT DISTINCT s FROM unnest(p.skills || coalesce(tr.skills, '{}'::text[])) s WHERE btrim(s) <> '' ORDER BY s) END AS skills,
      coalesce(tr.trainings, 0) AS trainings
    FROM persons p
    JOIN households h ON h.id = p.household_id
    LEFT JOIN pa ON pa.person_id = p.id
    LEFT JOIN tr ON tr.person_id = p.id
    WHERE p.region_code LIKE $9
      AND p.exit_reason IS NULL AND h.exit_reason IS NULL
      AND p.birth_date BETWEEN make_date($10::int - $11::int, 1, 1) AND make_date($12::int - $13::int, 12, 31)
      AND h.household_type = ANY($14::text[])
