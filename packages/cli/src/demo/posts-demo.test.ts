import { describe, expect, it } from 'vitest';
import { useDemoDb } from './demo-test-db.ts';
import type { DbHandle } from '@chanbang/db';
import { DEMO_COUNTY } from './demo-regions.ts';

// The demo zone's 公益性岗位 (J5): seven posts in three villages of 大王镇, five held since January by members of 脱贫户
// or a 监测户 (就业渠道 公益性岗位), paid for the completed months but one, a holder of last year who left with the reason.
let db: DbHandle;
useDemoDb('posts', 900, (d) => (db = d));

describe('posts demo', () => {
  it('sets seven posts, five filled by working-age members of 脱贫户/监测户 whose 就业渠道 is 公益性岗位', async () => {
    const posts = await db.query<{ name: string; status: string; holder_type: string | null; channel: string | null }>(
      `SELECT p.name, p.status, h.household_type AS holder_type, pe.employment_channel AS channel FROM public_welfare_posts p
       LEFT JOIN post_appointments a ON a.post_id = p.id AND a.ended_on IS NULL LEFT JOIN persons pe ON pe.id = a.person_id
       LEFT JOIN households h ON h.id = a.household_id WHERE p.region_code LIKE $1 ORDER BY p.id`,
      [`${DEMO_COUNTY.prefix}%`],
    );
    expect(posts.map((p) => [p.name, p.status, p.holder_type, p.channel])).toEqual([
      ['大王村保洁员', 'filled', 'lifted', 'public_post'],
      ['大王村护林员', 'filled', 'monitored', 'public_post'],
      ['大王村护路员', 'open', null, null],
      ['南沟村保洁员', 'filled', 'lifted', 'public_post'],
      ['南沟村护林员', 'filled', 'lifted', 'public_post'],
      ['后川村保洁员', 'filled', 'lifted', 'public_post'],
      ['后川村水管员', 'open', null, null],
    ]);
  });

  it('pays only months on post, once; last year’s holder left with the reason 实现稳定就业', async () => {
    const outside = await db.query<{ n: number | string }>(
      `SELECT count(*) AS n FROM post_payments pp JOIN post_appointments a ON a.id = pp.appointment_id
       WHERE pp.month < date_trunc('month', a.started_on) OR (a.ended_on IS NOT NULL AND pp.month > a.ended_on) OR pp.month > current_date`,
    );
    expect(Number(outside[0]!.n)).toBe(0);
    const left = await db.query<{ exit_reason: string; paid: number | string }>(
      `SELECT a.exit_reason, (SELECT count(*) FROM post_payments pp WHERE pp.appointment_id = a.id) AS paid FROM post_appointments a WHERE a.ended_on IS NOT NULL`,
    );
    expect(left.map((r) => [r.exit_reason, Number(r.paid)])).toEqual([['found_job', 8]]);
  });
});
