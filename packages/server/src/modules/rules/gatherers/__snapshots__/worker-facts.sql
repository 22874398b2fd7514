-- worker facts over a county, year 2025, 脱贫户 and 监测户
-- params: [2025,"2025-12-31","2025-01-01","2025-12-31","2025-01-01","2025-12-31","410781%",2025,59,2025,16,"{\"lifted\",\"monitored\"}"]
    SELECT p.id, p.household_id, p.region_code, h.household_type,
      ($1::int - extract(year FROM p.birth_date)::int) AS age,
      p.labor_capacity, p.wants_work, p.wants_training,
      (coalesce(p.employment_status, 'not_working') <> 'not_working' OR p.employment_channel IS NOT NULL
        OR EXISTS (SELECT 1 FROM post_appointments a WHERE a.person_id = p.id
          AND a.started_on <= $2::date AND (a.ended_on IS NULL OR a.ended_on >= $3::date))) AS has_job,
      ARRAY(SELECT DISTINCT s.skill FROM (
          SELECT unnest(p.skills) AS skill
          UNION SELECT t.skill FROM training_participants tp JOIN trainings t ON t.id = tp.training_id
            WHERE tp.person_id = p.id AND tp.completed AND t.skill IS NOT NULL AND t.starts_on <= $4::date
        ) s WHERE btrim(s.skill) <> '' ORDER BY s.skill) AS skills,
      (SELECT count(*)::int FROM training_participants tp JOIN trainings t ON t.id = tp.training_id
        WHERE tp.person_id = p.id AND t.starts_on BETWEEN $5::date AND $6::date) AS trainings
    FROM persons p
    JOIN households h ON h.id = p.household_id
    WHERE p.region_code LIKE $7
      AND p.exit_reason IS NULL AND h.exit_reason IS NULL
      AND p.birth_date BETWEEN make_date($8::int - $9::int, 1, 1) AND make_date($10::int - $11::int, 12, 31)
      AND h.household_type = ANY($12::text[])
