import type { RawTx } from '@chanbang/db';
import { monthOf, monthsOnPost, nextMonth, yuanToFen } from '@chanbang/domain';
import type { DemoRegion } from './demo-regions.ts';

// The demo zone's 乡村公益性岗位 (issue 8 §4; J5 003 §二(二)4 按需设岗、以岗聘任、在岗领补、有序退岗): in 大王村, 南沟村 and
// 后川村 a 保洁员 and a 护林员 held since 1 January of this year by working-age members of 脱贫户 (or a 监测户), paid
// every completed month — except 南沟村's 护林员, whose last month is not paid yet (J5 lists it as 在岗未领补) — a
// 护路员 post still open (待聘), and in 大王村 a holder who left last year for a stable job (有序退岗, with the
// reason). The first households of each village stay untouched for the e2e journeys. Dates are relative to today.

type PostSpec = { village: string; name: string; type: string; need: string; subsidyYuan: number; holder: 'lifted' | 'monitored' | null; unpaidLast?: boolean };

const POSTS: PostSpec[] = [
  { village: '大王村', name: '大王村保洁员', type: 'cleaning', need: '村内主次干道及文化广场日常保洁，垃圾收集清运', subsidyYuan: 600, holder: 'lifted' },
  { village: '大王村', name: '大王村护林员', type: 'forest_ranger', need: '村北黄土塬生态林防火巡护，禁止野外用火', subsidyYuan: 500, holder: 'monitored' },
  { village: '大王村', name: '大王村护路员', type: 'road_care', need: '通村公路路肩清理和边沟疏通', subsidyYuan: 500, holder: null },
  { village: '南沟村', name: '南沟村保洁员', type: 'cleaning', need: '村内街巷日常保洁', subsidyYuan: 600, holder: 'lifted' },
  { village: '南沟村', name: '南沟村护林员', type: 'forest_ranger', need: '南沟山林防火巡护', subsidyYuan: 500, holder: 'lifted', unpaidLast: true },
  { village: '后川村', name: '后川村保洁员', type: 'cleaning', need: '后川村公共区域保洁和河道垃圾清理', subsidyYuan: 600, holder: 'lifted' },
  { village: '后川村', name: '后川村水管员', type: 'water_care', need: '村集中供水设施日常巡查和管护', subsidyYuan: 400, holder: null },
];

/** Households of a village left blank for the e2e journeys (list order). */
const E2E_BLANK = 5;

/** Today in China (UTC+8). */
const todayChina = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/** Working-age persons (18–59) of households of `type` in a village, after the first households, not yet on a post. */
async function candidates(tx: RawTx, village: string, type: string): Promise<{ id: number; householdId: number; regionCode: string }[]> {
  const rows = await tx.query<{ id: number | string; household_id: number | string; region_code: string }>(
    `SELECT p.id, p.household_id, h.region_code FROM persons p JOIN households h ON h.id = p.household_id
     WHERE h.id IN (SELECT id FROM households WHERE region_code LIKE $1 AND deleted_at IS NULL ORDER BY region_code, id OFFSET $2)
       AND h.household_type = $3 AND p.exit_reason IS NULL AND p.birth_date BETWEEN (current_date - interval '59 years') AND (current_date - interval '18 years')
       AND NOT EXISTS (SELECT 1 FROM post_appointments a WHERE a.person_id = p.id)
     ORDER BY h.region_code, h.id, p.id LIMIT 3`,
    [`${village}%`, E2E_BLANK, type],
  );
  return rows.map((r) => ({ id: Number(r.id), householdId: Number(r.household_id), regionCode: r.region_code }));
}

async function hire(tx: RawTx, postId: number, p: { id: number; householdId: number; regionCode: string }, startedOn: string, end?: { on: string; reason: string; note: string }) {
  const [a] = await tx.query<{ id: number | string }>(
    `INSERT INTO post_appointments (post_id, person_id, household_id, region_code, started_on, ended_on, exit_reason, exit_note) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [postId, p.id, p.householdId, p.regionCode, startedOn, end?.on ?? null, end?.reason ?? null, end?.note ?? null],
  );
  return Number(a!.id);
}

async function pay(tx: RawTx, appointmentId: number, postId: number, p: { id: number; regionCode: string }, months: string[], fen: number) {
  for (const m of months) {
    await tx.query(`INSERT INTO post_payments (appointment_id, post_id, person_id, region_code, month, amount_fen, paid_on) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
      appointmentId,
      postId,
      p.id,
      p.regionCode,
      `${m}-01`,
      fen,
      `${nextMonth(m)}-05`,
    ]);
  }
}

/** Writes the demo zone's public-welfare posts, holders and paid months (inside the demo's transaction); returns the posts made. */
export async function loadPostsDemo(tx: RawTx, regions: DemoRegion[]): Promise<number> {
  const villages = new Map(regions.filter((r) => r.level === 'village').map((r) => [r.name, r.code]));
  const today = todayChina();
  const year = Number(today.slice(0, 4));
  const thisMonth = monthOf(today);
  const start = `${year}-01-05`;
  const lastYear = `${year - 1}-03-01`;
  let n = 0;
  for (const spec of POSTS) {
    const village = villages.get(spec.village);
    if (!village) continue;
    const fen = yuanToFen(spec.subsidyYuan);
    const [row] = await tx.query<{ id: number | string }>(
      `INSERT INTO public_welfare_posts (region_code, name, post_type, need_reason, monthly_subsidy_fen, status, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [village, spec.name, spec.type, spec.need, fen, spec.holder ? 'filled' : 'open', `${year - 1}-02-20T09:00:00+08:00`],
    );
    const postId = Number(row!.id);
    n++;
    if (spec.name === '大王村保洁员') {
      // a holder of last year who found a stable job (有序退岗), paid for every month on post
      const [before] = await candidates(tx, village, 'lifted');
      if (before) {
        const a = await hire(tx, postId, before, lastYear, { on: `${year - 1}-10-31`, reason: 'found_job', note: '到灵宝市果品加工企业务工' });
        await pay(tx, a, postId, before, monthsOnPost({ startedOn: lastYear, endedOn: `${year - 1}-10-31` }, thisMonth), fen);
      }
    }
    if (!spec.holder) continue;
    const [person] = await candidates(tx, village, spec.holder);
    if (!person) {
      await tx.query(`UPDATE public_welfare_posts SET status = 'open' WHERE id = $1`, [postId]);
      continue;
    }
    const a = await hire(tx, postId, person, start);
    const completed = monthsOnPost({ startedOn: start, endedOn: null }, thisMonth).filter((m) => m < thisMonth);
    await pay(tx, a, postId, person, spec.unpaidLast ? completed.slice(0, -1) : completed, fen);
    await tx.query(`UPDATE persons SET employment_channel = 'public_post' WHERE id = $1`, [person.id]);
  }
  return n;
}
