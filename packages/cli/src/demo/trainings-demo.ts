import type { RawTx } from '@chanbang/db';
import { WORKING_AGE } from '@chanbang/domain';
import type { DemoRegion } from './demo-regions.ts';
import { createRng, type Rng } from './prng.ts';

// The demo zone's employment and skills training (issue 8 §4, §6; H4 003 §一(二)2, H7 002 §二(三)1): the employment
// fields of working-age members of 脱贫户 and 监测户 — 就业意愿, 就业渠道, 务工企业 (an entity of the county for local
// jobs, a named firm elsewhere), 务工月收入, 掌握技能 — and six trainings (大枣栽培管理, 设施蔬菜种植, 果树修剪, 电工,
// 家政服务, and a 中式烹调 course not yet begun) with their participants; a completed course adds its skill to the
// participant, as the application does. Dates are relative to today; the first households of each village stay
// untouched for the e2e journeys; draws come from createRng(20220210).fork('trainings').

/** Households of a village left blank for the e2e journeys (list order). */
const E2E_BLANK = 5;

const SKILLS = ['大枣栽培管理', '设施蔬菜种植', '果树修剪', '电工', '家政服务', '挖掘机操作', '中式烹调', '电子商务'];
const FAR_EMPLOYERS = ['江苏昆山某电子科技有限公司', '郑州某食品有限公司', '广东东莞某五金制品厂', '洛阳某建筑劳务有限公司', '西安某物流有限公司'];

type TrainingSpec = {
  /** the organiser: a township by name, or null for the county */
  township: string | null;
  course: string;
  provider: string;
  /** days from today (negative: past) */
  startIn: number;
  days: number;
  skill: string;
  certificate: string;
  participants: number;
};

const TRAININGS: TrainingSpec[] = [
  {
    township: '大王镇',
    course: '灵宝大枣栽培管理技术培训班',
    provider: '示范区农业农村局农技推广站',
    startIn: -200,
    days: 3,
    skill: '大枣栽培管理',
    certificate: 'completion',
    participants: 24,
  },
  {
    township: '大王镇',
    course: '设施蔬菜种植技术培训',
    provider: '示范区农业农村局农技推广站',
    startIn: -150,
    days: 3,
    skill: '设施蔬菜种植',
    certificate: 'completion',
    participants: 18,
  },
  {
    township: '阳店镇',
    course: '果树修剪与病虫害防治培训',
    provider: '三门峡市林果技术服务中心',
    startIn: -240,
    days: 2,
    skill: '果树修剪',
    certificate: 'completion',
    participants: 20,
  },
  { township: null, course: '脱贫劳动力电工职业技能培训', provider: '示范区职业技能培训中心', startIn: -75, days: 21, skill: '电工', certificate: 'vocational', participants: 12 },
  {
    township: '禹王路街道',
    course: '家政服务技能培训',
    provider: '示范区人力资源和社会保障局',
    startIn: -400,
    days: 6,
    skill: '家政服务',
    certificate: 'completion',
    participants: 15,
  },
  { township: '阳店镇', course: '中式烹调技能培训', provider: '示范区职业技能培训中心', startIn: 20, days: 10, skill: '中式烹调', certificate: 'vocational', participants: 0 },
];

type Worker = { id: number; householdId: number; regionCode: string; status: string | null; wantsTraining: boolean | null; channel: string | null };

const day = (offset: number) => new Date(Date.now() + 8 * 3600_000 + offset * 86400_000).toISOString().slice(0, 10);
const textArray = (items: readonly (string | null)[]) => `{${items.map((v) => (v === null ? 'NULL' : `"${v.replace(/["\\]/g, '')}"`)).join(',')}}`;

/** The list in an order drawn from `rng` (Fisher–Yates), so a course's participants come from several villages. */
function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const k = rng.int(0, i);
    [out[i], out[k]] = [out[k]!, out[i]!];
  }
  return out;
}

/** Working-age members with labour of 脱贫户 and 监测户 under the prefix, after the first households of each village. */
async function workers(tx: RawTx, prefix: string): Promise<Worker[]> {
  const year = Number(day(0).slice(0, 4));
  const rows = await tx.query<{
    id: string | number;
    household_id: string | number;
    region_code: string;
    employment_status: string | null;
    wants_training: boolean | null;
    employment_channel: string | null;
  }>(
    `WITH h AS (
       SELECT id, region_code, household_type, row_number() OVER (PARTITION BY region_code ORDER BY id) AS n
       FROM households WHERE region_code LIKE $1 AND exit_reason IS NULL
     )
     SELECT p.id, p.household_id, p.region_code, p.employment_status, p.wants_training, p.employment_channel
     FROM persons p JOIN h ON h.id = p.household_id
     WHERE h.n > $2 AND h.household_type IN ('lifted', 'monitored') AND p.exit_reason IS NULL
       AND p.labor_capacity IN ('ordinary', 'skilled', 'weak')
       AND extract(year FROM p.birth_date)::int BETWEEN $3::int AND $4::int
     ORDER BY p.region_code, p.id`,
    [`${prefix}%`, E2E_BLANK, year - WORKING_AGE.max, year - WORKING_AGE.min],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    householdId: Number(r.household_id),
    regionCode: r.region_code,
    status: r.employment_status,
    wantsTraining: r.wants_training,
    channel: r.employment_channel,
  }));
}

function channelOf(rng: Rng, status: string | null): string | null {
  if (!status || status === 'not_working') return null;
  // 就业渠道 公益性岗位 is set by a hire only (the posts stage's holders keep theirs): a 务工状况 公益性岗位 alone gives none
  if (status === 'public_post') return null;
  if (status === 'self_employed') return 'self_employed';
  if (status === 'in_county') return rng.weighted(['enterprise', 'workshop', 'work_relief', 'flexible'], [50, 25, 5, 20]);
  return rng.weighted(['enterprise', 'flexible'], [80, 20]);
}

/** Fills the employment fields of the demo workers in one statement (fields an earlier demo stage set are kept: the J3 hires). */
async function fillEmployment(tx: RawTx, rng: Rng, list: Worker[], entities: { id: number; name: string }[]): Promise<void> {
  const ids: number[] = [];
  const wants: string[] = [];
  const channels: (string | null)[] = [];
  const entityIds: (string | null)[] = [];
  const names: (string | null)[] = [];
  const wages: (string | null)[] = [];
  const skills: (string | null)[] = [];
  for (const w of list) {
    const working = !!w.status && w.status !== 'not_working';
    const channel = w.channel ?? channelOf(rng, w.status);
    const local = w.status === 'in_county' && channel === 'enterprise' && entities.length > 0;
    const ent = local ? rng.pick(entities) : null;
    ids.push(w.id);
    wants.push(String(working || rng.chance(0.7)));
    channels.push(channel);
    entityIds.push(ent ? String(ent.id) : null);
    names.push(ent ? ent.name : channel === 'enterprise' ? rng.pick(FAR_EMPLOYERS) : null);
    wages.push(working && channel !== 'public_post' && w.status !== 'public_post' ? String(rng.int(22, 56) * 10_000) : null);
    skills.push(rng.chance(0.3) ? rng.pick(SKILLS) : null);
  }
  if (!ids.length) return;
  await tx.query(
    `UPDATE persons p SET wants_work = u.wants, employment_channel = coalesce(p.employment_channel, u.channel),
       employer_entity_id = coalesce(p.employer_entity_id, u.entity_id),
       employer_name = CASE WHEN p.employer_entity_id IS NOT NULL THEN p.employer_name ELSE coalesce(p.employer_name, u.name) END,
       monthly_wage_fen = coalesce(p.monthly_wage_fen, u.wage),
       skills = CASE WHEN u.skill IS NULL THEN p.skills ELSE ARRAY[u.skill] END
     FROM unnest($1::bigint[], $2::boolean[], $3::text[], $4::bigint[], $5::text[], $6::bigint[], $7::text[]) AS u(id, wants, channel, entity_id, name, wage, skill)
     WHERE p.id = u.id`,
    [`{${ids.join(',')}}`, `{${wants.join(',')}}`, textArray(channels), textArray(entityIds), textArray(names), textArray(wages), textArray(skills)],
  );
}

/** Writes the demo zone's employment fields and trainings (inside the demo's transaction); returns the trainings made. */
export async function loadTrainingsDemo(tx: RawTx, regions: DemoRegion[], countyCode: string): Promise<number> {
  const rng = createRng(20220210).fork('trainings');
  const prefix = countyCode.slice(0, 6);
  const all = await workers(tx, prefix);
  const ents = (await tx.query<{ id: string | number; name: string }>(`SELECT id, name FROM entities WHERE region_code LIKE $1 ORDER BY id LIMIT 40`, [`${prefix}%`])).map((e) => ({
    id: Number(e.id),
    name: e.name,
  }));
  await fillEmployment(tx, rng, all, ents);
  const townships = new Map(regions.filter((r) => r.level === 'township').map((r) => [r.name, r]));
  const taken = new Set<number>();
  let n = 0;
  for (const spec of TRAININGS) {
    const org = spec.township ? townships.get(spec.township) : null;
    if (spec.township && !org) continue;
    const regionCode = org?.code ?? countyCode;
    const startsOn = day(spec.startIn);
    const [row] = await tx.query<{ id: string | number }>(
      `INSERT INTO trainings (region_code, course, provider, starts_on, ends_on, skill, certificate) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [regionCode, spec.course, spec.provider, startsOn, day(spec.startIn + spec.days - 1), spec.skill, spec.certificate],
    );
    const trainingId = Number(row!.id);
    n++;
    // the willing first, each person in one course of the demo
    const pool = all.filter((w) => w.regionCode.startsWith(org?.prefix ?? prefix) && !taken.has(w.id));
    const chosen = [
      ...shuffled(
        rng,
        pool.filter((w) => w.wantsTraining),
      ),
      ...shuffled(
        rng,
        pool.filter((w) => !w.wantsTraining),
      ),
    ].slice(0, spec.participants);
    const done: number[] = [];
    for (const [i, w] of chosen.entries()) {
      taken.add(w.id);
      const completed = rng.chance(0.9);
      if (completed) done.push(w.id);
      await tx.query(`INSERT INTO training_participants (training_id, person_id, household_id, region_code, completed, certificate_no) VALUES ($1, $2, $3, $4, $5, $6)`, [
        trainingId,
        w.id,
        w.householdId,
        w.regionCode,
        completed,
        completed ? `${startsOn.slice(0, 4)}${String(trainingId).padStart(3, '0')}${String(i + 1).padStart(3, '0')}` : null,
      ]);
    }
    if (done.length) {
      await tx.query(`UPDATE persons SET skills = array_append(skills, $1) WHERE id = ANY($2::bigint[]) AND NOT ($1 = ANY(skills))`, [spec.skill, `{${done.join(',')}}`]);
    }
  }
  return n;
}
