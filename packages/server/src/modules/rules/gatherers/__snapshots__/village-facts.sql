-- village facts over a county, year 2024
-- params: ["411272%","411272%","411272%","411272%",2024]
    WITH v AS (
      SELECT r.code, r.name FROM regions r
      WHERE r.level = 'village' AND r.retired_at IS NULL AND r.code LIKE $1
    ),
    ev AS (
      SELECT e.id, e.name, e.entity_type, e.party_led, s.village
      FROM entities e
      CROSS JOIN LATERAL (SELECT e.region_code AS village UNION SELECT unnest(e.served_region_codes)) s
      WHERE e.status = 'active' AND s.village LIKE $2
    ),
    coops AS (
      SELECT ev.village, json_agg(json_build_object('id', ev.id, 'name', ev.name,
        'backbones', (SELECT count(*) FROM entity_backbones b WHERE b.entity_id = ev.id AND b.active)) ORDER BY ev.id) AS list
      FROM ev WHERE ev.entity_type = 'cooperative' GROUP BY ev.village
    ),
    led AS (
      SELECT ev.village, array_agg(ev.name ORDER BY ev.id) AS names
      FROM ev WHERE ev.party_led AND ev.entity_type IN ('cooperative', 'collective') GROUP BY ev.village
    ),
    bb AS (
      SELECT b.region_code AS village, count(*) AS n FROM entity_backbones b
      WHERE b.active AND b.region_code LIKE $3 GROUP BY b.region_code
    ),
    drivers AS (
      SELECT ev.village, ev.id, ev.name FROM ev WHERE ev.entity_type IN ('leading_enterprise', 'cooperative')
      UNION
      SELECT substr(l.region_code, 1, 12), e.id, e.name
      FROM linkages l JOIN entities e ON e.id = l.entity_id
      WHERE l.region_code LIKE $4 AND l.year = $5 AND e.status = 'active' AND e.entity_type IN ('leading_enterprise', 'cooperative')
    ),
    drv AS (SELECT village, array_agg(name ORDER BY id) AS names FROM drivers GROUP BY village)
    SELECT v.code, v.name, coops.list AS cooperatives, COALESCE(bb.n, 0)::int AS village_backbones, led.names AS party_led, drv.names AS driven_by
    FROM v
    LEFT JOIN coops ON coops.village = v.code
    LEFT JOIN led ON led.village = v.code
    LEFT JOIN bb ON bb.village = v.code
    LEFT JOIN drv ON drv.village = v.code
    ORDER BY v.code
