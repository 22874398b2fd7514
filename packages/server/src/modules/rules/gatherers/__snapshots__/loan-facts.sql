-- loan facts over a county, year 2023
-- params: ["140525%",2023,2023]
    SELECT l.id, l.region_code, l.amount_fen, l.term_months, l.annual_rate::text AS annual_rate, l.needs_and_can_repay,
      l.start_date::text AS start_date, p.birth_date::text AS birth_date, h.is_lifted, h.household_type, h.monitoring_type
    FROM loans l
    JOIN households h ON h.id = l.household_id AND h.deleted_at IS NULL
    LEFT JOIN persons p ON p.id = l.person_id
    WHERE l.region_code LIKE $1
      AND l.start_date >= make_date($2::int, 1, 1) AND l.start_date < make_date($3::int + 1, 1, 1)
