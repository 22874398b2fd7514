-- project facts over a county, year 2024
-- params: ["411272%",2024]
    SELECT p.id, p.project_no, p.name, p.region_code, p.stage, p.project_type, p.linkage_modes,
      p.review_benefit, p.review_linkage, p.review_organisation, p.review_after_operation,
      (SELECT COALESCE(sum(a.amount_fen), 0) FROM fund_allocations a WHERE a.project_id = p.id)::bigint AS allocated_fen,
      (p.started_on IS NOT NULL OR p.stage IN ('implementing', 'accepted', 'evaluated')) AS started,
      p.is_cluster_project, p.driven_households, p.driven_persons
    FROM projects p
    WHERE p.region_code LIKE $1 AND p.year = $2
