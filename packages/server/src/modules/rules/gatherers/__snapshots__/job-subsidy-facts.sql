-- job-subsidy facts over a county, year 2025
-- params: [2025,"411272%","lifted","monitored","out_province","self_employed","self_employed","411272%",2025]
    SELECT p.id, p.household_id, p.region_code, h.household_type, p.employment_status, p.employment_channel, p.work_months, p.employer_entity_id,
      (p.exit_reason IS NOT NULL OR h.deleted_at IS NOT NULL) AS exited,
      coalesce((SELECT json_agg(json_build_object('kind', s.kind, 'year', s.year, 'amountFen', s.amount_fen, 'entityId', s.entity_id) ORDER BY s.year, s.id)
        FROM subsidy_payments s WHERE s.person_id = p.id AND s.year <= $1::int), '[]'::json) AS payments
    FROM persons p JOIN households h ON h.id = p.household_id
    WHERE p.region_code LIKE $2
      AND ((h.household_type IN ($3, $4) AND h.deleted_at IS NULL AND p.exit_reason IS NULL
          AND (p.employment_status IN ($5, $6) OR p.employment_channel = $7 OR p.employer_entity_id IS NOT NULL))
        OR p.id IN (SELECT s.person_id FROM subsidy_payments s WHERE s.region_code LIKE $8 AND s.year <= $9::int))
