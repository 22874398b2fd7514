-- subsidy facts over a county, year 2023
-- params: ["140525%",2023]
    SELECT s.id, s.region_code, s.kind, s.area_mu::text AS area_mu, s.amount_fen
    FROM facility_subsidies s
    WHERE s.region_code LIKE $1 AND s.year = $2
