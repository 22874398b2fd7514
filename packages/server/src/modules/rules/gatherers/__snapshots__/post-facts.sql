-- post facts over a county, year 2025
-- params: ["411272%"]
    SELECT p.id, p.region_code, p.name, p.status, (p.created_at AT TIME ZONE 'Asia/Shanghai')::date::text AS created_on, p.closed_on::text AS closed_on,
      coalesce((SELECT json_agg(json_build_object('appointmentId', a.id, 'personName', pe.name, 'startedOn', a.started_on::text, 'endedOn', a.ended_on::text,
          'exitReason', a.exit_reason, 'holderExitReason', pe.exit_reason, 'holderExitDate', pe.exit_date::text,
          'paidMonths', coalesce((SELECT json_agg(to_char(pp.month, 'YYYY-MM') ORDER BY pp.month) FROM post_payments pp WHERE pp.appointment_id = a.id), '[]'::json))
        ORDER BY a.started_on, a.id)
        FROM post_appointments a JOIN persons pe ON pe.id = a.person_id WHERE a.post_id = p.id), '[]'::json) AS holdings
    FROM public_welfare_posts p
    WHERE p.region_code LIKE $1
    ORDER BY p.id
