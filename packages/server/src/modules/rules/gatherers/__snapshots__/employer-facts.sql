-- employer facts over a county, year 2023
-- params: ["140521%","140521%",2023,2023]
    SELECT 'entity' AS kind, e.id, e.region_code, e.name, e.entity_type, e.is_relocation_park, e.status, e.employee_count,
      (SELECT count(*)::int FROM persons pe JOIN households h ON h.id = pe.household_id
        WHERE pe.employer_entity_id = e.id AND pe.exit_reason IS NULL AND h.deleted_at IS NULL AND h.household_type = 'lifted') AS lifted_employed,
      NULL::json AS holders
    FROM entities e
    WHERE e.region_code LIKE $1 AND (e.entity_type = 'workshop' OR e.is_relocation_park)
    UNION ALL
    SELECT 'village_posts', NULL, p.region_code, min(r.name), NULL, NULL, NULL, NULL, NULL,
      json_agg(json_build_object('startedOn', a.started_on::text, 'endedOn', a.ended_on::text, 'lifted', h.household_type = 'lifted') ORDER BY a.id)
    FROM public_welfare_posts p
      JOIN post_appointments a ON a.post_id = p.id
      JOIN households h ON h.id = a.household_id
      LEFT JOIN regions r ON r.code = p.region_code
    WHERE p.region_code LIKE $2 AND a.started_on <= make_date($3::int, 12, 31)
      AND (a.ended_on IS NULL OR a.ended_on >= make_date($4::int, 1, 1))
    GROUP BY p.region_code
    ORDER BY 1, 3, 2
