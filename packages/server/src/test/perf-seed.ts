import type { DbHandle } from '@chanbang/db';

/**
 * Seeds a synthetic county for performance checks, in set-based SQL: `townships` × `villages` regions and
 * `households` households with 3 members each (head ordinary labour), ~30 % monitored, measures on half of them.
 * ID numbers are synthetic and NOT valid: this is load data only, never shown to users.
 */
export async function seedPerfData(db: DbHandle, opts: { countyPrefix: string; townships: number; villages: number; households: number; year: number }): Promise<void> {
  const { countyPrefix: c, townships, villages, households, year } = opts;
  await db.query(`INSERT INTO regions (code, prefix, level, name, parent_code) VALUES ($1, $2, 'county', '性能县', NULL)`, [`${c}000000`, c]);
  await db.query(
    `INSERT INTO regions (code, prefix, level, name, parent_code)
     SELECT $1 || lpad(t::text, 3, '0') || '000', $1 || lpad(t::text, 3, '0'), 'township', '镇' || t, $1 || '000000' FROM generate_series(1, $2::int) t`,
    [c, townships],
  );
  await db.query(
    `INSERT INTO regions (code, prefix, level, name, parent_code)
     SELECT $1 || lpad(t::text, 3, '0') || lpad((200 + v)::text, 3, '0'), $1 || lpad(t::text, 3, '0') || lpad((200 + v)::text, 3, '0'), 'village', '村' || t || '-' || v, $1 || lpad(t::text, 3, '0') || '000'
     FROM generate_series(1, $2::int) t, generate_series(1, $3::int) v`,
    [c, townships, villages],
  );
  await db.query(
    `INSERT INTO households (household_no, region_code, household_type, monitoring_type, monitoring_status, risk_types, phone)
     SELECT 'P' || $1 || lpad(i::text, 7, '0'),
            $1 || lpad((1 + i % $2)::text, 3, '0') || lpad((201 + (i / $2) % $3)::text, 3, '0'),
            CASE WHEN i % 10 < 3 THEN 'monitored' WHEN i % 10 < 8 THEN 'lifted' ELSE 'ordinary' END,
            CASE WHEN i % 10 < 3 THEN 'marginal' END,
            CASE WHEN i % 10 < 3 THEN 'monitoring' ELSE 'none' END,
            CASE WHEN i % 4 = 0 THEN ARRAY['illness'] ELSE '{}'::text[] END,
            '139' || lpad(i::text, 8, '0')
     FROM generate_series(1, $4::int) i`,
    [c, townships, villages, households],
  );
  await db.query(
    `INSERT INTO persons (household_id, region_code, id_number, name, gender, birth_date, relation, is_head, labor_capacity)
     SELECT h.id, h.region_code, '9' || lpad(h.id::text, 11, '0') || lpad(k::text, 6, '0'), '成员' || h.id || '-' || k, '1', DATE '1970-01-01',
            CASE WHEN k = 1 THEN '02' ELSE '20' END, k = 1, CASE WHEN k = 1 THEN 'ordinary' ELSE 'weak' END
     FROM households h, generate_series(1, 3) k WHERE h.household_no LIKE 'P' || $1 || '%'`,
    [c],
  );
  await db.query(
    `INSERT INTO support_measures (household_id, region_code, category, year)
     SELECT h.id, h.region_code, CASE WHEN h.id % 4 = 0 THEN 'industry' ELSE 'health' END, $2::int
     FROM households h WHERE h.household_no LIKE 'P' || $1 || '%' AND h.id % 2 = 0`,
    [c, year],
  );
  await db.query('ANALYZE');
}
