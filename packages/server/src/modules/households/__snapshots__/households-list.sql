-- GET /api/v1/households?regionCode=<township>&householdType=monitored (page 1 of 20)
-- params: ["411272100%","monitored",20,0,"411272100%","monitored",10001]
    WITH page AS (
      SELECT h.id, h.household_no, h.region_code, h.household_type, h.is_lifted, h.lifted_category, h.monitoring_type, h.monitoring_status,
        h.risk_types, h.phone, h.exit_reason, h.exit_date
      FROM households h
      WHERE h.region_code LIKE $1 AND h.deleted_at IS NULL AND h.household_type = $2
      ORDER BY h.region_code USING ~<~, h.id
      LIMIT $3 OFFSET $4
    ), matching AS (
      SELECT count(*)::int AS n FROM (SELECT 1 FROM households h WHERE h.region_code LIKE $5 AND h.deleted_at IS NULL AND h.household_type = $6 LIMIT $7) t
    )
    SELECT matching.n AS "counted", p.*
    FROM matching
    LEFT JOIN LATERAL (
      SELECT page.id, page.household_no AS "householdNo", page.region_code AS "regionCode",
      (SELECT r.name FROM regions r WHERE r.code = page.region_code) AS "regionName",
      (SELECT r.name FROM regions r WHERE r.code = substr(page.region_code, 1, 9) || '000') AS "townshipName",
      (SELECT r.name FROM regions r WHERE r.code = substr(page.region_code, 1, 12)) AS "villageName",
      (SELECT r.name FROM regions r WHERE length(page.region_code) = 15 AND r.code = page.region_code) AS "groupName",
      page.household_type AS "householdType", page.is_lifted AS "isLifted", page.lifted_category AS "liftedCategory",
      page.monitoring_type AS "monitoringType", page.monitoring_status AS "monitoringStatus",
      page.risk_types AS "riskTypes", page.phone, hp.name AS "headName", hp.id_number AS "headIdNumber",
      (SELECT count(*)::int FROM persons pc WHERE pc.household_id = page.id AND pc.exit_reason IS NULL) AS "memberCount",
      page.exit_reason AS "exitReason", page.exit_date::text AS "exitDate"
      FROM page
      LEFT JOIN persons hp ON hp.household_id = page.id AND hp.is_head
    ) p ON true
    ORDER BY p."regionCode" USING ~<~, p.id

-- GET /api/v1/households?q=张&laborCapacity=ordinary&riskType=illness (page 3 of 50)
-- params: ["411272%","illness","411272%","ordinary","张%","张","张%","411272%",50,100,"411272%","illness","411272%","ordinary","张%","张","张%","411272%",10001]
    WITH page AS (
      SELECT h.id, h.household_no, h.region_code, h.household_type, h.is_lifted, h.lifted_category, h.monitoring_type, h.monitoring_status,
        h.risk_types, h.phone, h.exit_reason, h.exit_date
      FROM households h
      WHERE h.region_code LIKE $1 AND h.deleted_at IS NULL AND $2 = ANY(h.risk_types) AND h.id IN (SELECT p.household_id FROM persons p WHERE p.region_code LIKE $3 AND p.labor_capacity = $4 AND p.exit_reason IS NULL) AND h.id IN (
      SELECT id FROM households WHERE household_no LIKE $5
      UNION SELECT household_id FROM persons WHERE id_number = $6
      UNION SELECT household_id FROM persons WHERE name LIKE $7 AND region_code LIKE $8)
      ORDER BY h.region_code USING ~<~, h.id
      LIMIT $9 OFFSET $10
    ), matching AS (
      SELECT count(*)::int AS n FROM (SELECT 1 FROM households h WHERE h.region_code LIKE $11 AND h.deleted_at IS NULL AND $12 = ANY(h.risk_types) AND h.id IN (SELECT p.household_id FROM persons p WHERE p.region_code LIKE $13 AND p.labor_capacity = $14 AND p.exit_reason IS NULL) AND h.id IN (
      SELECT id FROM households WHERE household_no LIKE $15
      UNION SELECT household_id FROM persons WHERE id_number = $16
      UNION SELECT household_id FROM persons WHERE name LIKE $17 AND region_code LIKE $18) LIMIT $19) t
    )
    SELECT matching.n AS "counted", p.*
    FROM matching
    LEFT JOIN LATERAL (
      SELECT page.id, page.household_no AS "householdNo", page.region_code AS "regionCode",
      (SELECT r.name FROM regions r WHERE r.code = page.region_code) AS "regionName",
      (SELECT r.name FROM regions r WHERE r.code = substr(page.region_code, 1, 9) || '000') AS "townshipName",
      (SELECT r.name FROM regions r WHERE r.code = substr(page.region_code, 1, 12)) AS "villageName",
      (SELECT r.name FROM regions r WHERE length(page.region_code) = 15 AND r.code = page.region_code) AS "groupName",
      page.household_type AS "householdType", page.is_lifted AS "isLifted", page.lifted_category AS "liftedCategory",
      page.monitoring_type AS "monitoringType", page.monitoring_status AS "monitoringStatus",
      page.risk_types AS "riskTypes", page.phone, hp.name AS "headName", hp.id_number AS "headIdNumber",
      (SELECT count(*)::int FROM persons pc WHERE pc.household_id = page.id AND pc.exit_reason IS NULL) AS "memberCount",
      page.exit_reason AS "exitReason", page.exit_date::text AS "exitDate"
      FROM page
      LEFT JOIN persons hp ON hp.household_id = page.id AND hp.is_head
    ) p ON true
    ORDER BY p."regionCode" USING ~<~, p.id
