import type { RawTx } from '@chanbang/db';
import { DEMO_USERS } from './demo-county.ts';
import { copyLine, type CopyValue } from './csv.ts';
import type { DemoEntityRow } from './entities-demo.ts';
import type { DemoHouseholdRow } from './entities-demo-linkages.ts';
import type { DemoRegion } from './demo-regions.ts';
import type { Rng } from './prng.ts';

// 项目库 of the demo zone (001 §二(一)5 先入库后建设; 004 §六 入库审核): about 25 projects at every stage so each page and
// each user has a story — proposals waiting for 乡镇审核 (a 大王镇 officer's 待审核), reviewed and publicised ones waiting
// for the county's 审定入库, projects in the library, funded, being implemented, accepted and evaluated, one 不予入库
// with its reason, one returned for changes, one withdrawn, one industry project still 谋划 with a single linkage mode
// (P3 would refuse its entry) and one 产业强镇 cluster project driving 120 households (P6, 002 §二(四)3). Each has its
// steps (who and when: the demo users' names), beneficiaries from its village and budgets by fund level summing to the
// total.

type Spec = {
  name: string;
  /** village name, or a township name for a township-wide project */
  place: string;
  type: string;
  subtype: string | null;
  industry: string | null;
  linkKind: string | null;
  /** the implementing entity: a word its name contains */
  entity: string | null;
  stage: string;
  year: number;
  /** 万元 */
  budgetWan: number;
  modes: string[];
  households: number;
  specialty?: boolean;
  cluster?: boolean;
  reason?: string;
  grade?: string;
};

const EMPLOY_DIVIDEND = ['employment', 'share_dividend'];
// one project a line (a table is easier to read than prettier's 12 lines per project)
// prettier-ignore
const SPECS: Spec[] = [
  // 谋划 (P3: one mode only) and returned for changes
  { name: '大王村红枣烘干房建设项目', place: '大王村', type: 'industry', subtype: 'supporting_facilities', industry: '灵宝大枣', linkKind: 'processing', entity: '大王枣业', stage: 'draft', year: 2027, budgetWan: 85, modes: ['employment'], households: 0 },
  { name: '湾子村蔬菜大棚水肥一体化改造项目', place: '湾子村', type: 'industry', subtype: 'production', industry: '大棚蔬菜', linkKind: 'production', entity: null, stage: 'draft', year: 2027, budgetWan: 60, modes: ['share_dividend', 'land_transfer'], households: 8, reason: '带动脱贫户名单与受益农户不一致，请核实后重新申报' },
  // 已申报待审核 (the 大王镇 officer's 待审核)
  { name: '枣园村灵宝大枣标准化种植基地项目', place: '枣园村', type: 'industry', subtype: 'production', industry: '灵宝大枣', linkKind: 'base', entity: '枣园红枣', stage: 'submitted', year: 2027, budgetWan: 120, modes: ['equity_coop', 'employment', 'share_dividend'], households: 18, specialty: true },
  { name: '南沟村设施蔬菜育苗中心项目', place: '南沟村', type: 'industry', subtype: 'production', industry: '大棚蔬菜', linkKind: 'breeding', entity: '绿禾', stage: 'submitted', year: 2027, budgetWan: 95, modes: ['employment', 'seed_supply'], households: 12, specialty: true },
  { name: '七里村村组道路硬化项目', place: '七里村', type: 'rural_construction', subtype: 'infrastructure', industry: null, linkKind: null, entity: null, stage: 'submitted', year: 2027, budgetWan: 48, modes: [], households: 0 },
  { name: '石门村核桃提质增效项目', place: '石门村', type: 'industry', subtype: 'production', industry: '山区果品', linkKind: 'production', entity: null, stage: 'submitted', year: 2027, budgetWan: 70, modes: ['tech_service', 'order_production'], households: 10, specialty: true },
  // 已审核待公示, 公示中 (the county's 审定入库)
  { name: '后川村红枣电商直播基地项目', place: '后川村', type: 'industry', subtype: 'service_support', industry: '灵宝大枣', linkKind: 'sales', entity: null, stage: 'reviewed', year: 2027, budgetWan: 40, modes: ['consignment', 'employment'], households: 9 },
  { name: '阳店镇苹果分拣线建设项目', place: '果园村', type: 'industry', subtype: 'processing_distribution', industry: '山区果品', linkKind: 'processing', entity: '阳店果业', stage: 'reviewed', year: 2027, budgetWan: 150, modes: ['employment', 'order_production'], households: 20, specialty: true },
  { name: '王官村大棚蔬菜提升项目', place: '王官村', type: 'industry', subtype: 'production', industry: '大棚蔬菜', linkKind: 'production', entity: null, stage: 'publicised', year: 2027, budgetWan: 90, modes: EMPLOY_DIVIDEND, households: 14, specialty: true },
  { name: '菜园村公益性岗位开发项目', place: '菜园村', type: 'employment', subtype: 'public_post', industry: null, linkKind: null, entity: null, stage: 'publicised', year: 2027, budgetWan: 26, modes: [], households: 16 },
  // 已入库
  { name: '桃花岭村乡村旅游配套设施项目', place: '桃花岭村', type: 'industry', subtype: 'supporting_facilities', industry: '乡村旅游', linkKind: 'base', entity: '桃花岭乡村旅游', stage: 'in_library', year: 2026, budgetWan: 180, modes: ['employment', 'guaranteed_dividend'], households: 22, specialty: true },
  { name: '刘家庄村人居环境整治项目', place: '刘家庄村', type: 'rural_construction', subtype: 'living_environment', industry: null, linkKind: null, entity: null, stage: 'in_library', year: 2026, budgetWan: 55, modes: [], households: 0 },
  // 已安排资金, 实施中 (the 产业强镇 cluster project). Few fundable projects on purpose: the funds page's what-if lists the
  // fundable ones in one unsearchable select, and the funds journey (e2e) picks the demo's 乡村道路 from its first screen
  { name: '禹王村设施蔬菜产业园项目', place: '禹王村', type: 'industry', subtype: 'production', industry: '大棚蔬菜', linkKind: null, entity: '禹王绿源', stage: 'funded', year: 2026, budgetWan: 260, modes: ['employment', 'land_transfer', 'share_dividend'], households: 25, specialty: true },
  { name: '大王镇灵宝大枣产业强镇项目', place: '大王镇', type: 'industry', subtype: 'processing_distribution', industry: '灵宝大枣', linkKind: 'processing', entity: '枣乡红枣', stage: 'implementing', year: 2026, budgetWan: 1200, modes: ['employment', 'order_production', 'guaranteed_dividend'], households: 120, specialty: true, cluster: true },
  // 已验收, 已绩效评价
  { name: '东坡村核桃初加工车间项目', place: '东坡村', type: 'industry', subtype: 'processing_distribution', industry: '山区果品', linkKind: 'processing', entity: '东坡核桃', stage: 'accepted', year: 2025, budgetWan: 130, modes: ['employment', 'order_production', 'share_dividend'], households: 15, specialty: true },
  { name: '孙家沟村小额信贷贴息项目', place: '孙家沟村', type: 'industry', subtype: 'finance_insurance', industry: null, linkKind: null, entity: null, stage: 'evaluated', year: 2024, budgetWan: 18, modes: ['order_production', 'tech_service'], households: 12, grade: '良' },
  { name: '上河村桃园节水灌溉项目', place: '上河村', type: 'industry', subtype: 'supporting_facilities', industry: '山区果品', linkKind: 'production', entity: null, stage: 'accepted', year: 2025, budgetWan: 75, modes: ['employment', 'equity_coop'], households: 11, specialty: true },
  { name: '新建村易地搬迁安置区帮扶车间提升项目', place: '新建村', type: 'relocation_support', subtype: null, industry: null, linkKind: null, entity: '安置区', stage: 'accepted', year: 2025, budgetWan: 68, modes: ['employment'], households: 14 },
  { name: '北坡头村苹果冷藏库项目', place: '北坡头村', type: 'industry', subtype: 'processing_distribution', industry: '山区果品', linkKind: 'cold_chain', entity: null, stage: 'accepted', year: 2025, budgetWan: 110, modes: ['employment', 'share_dividend'], households: 16, specialty: true },
  { name: '东营村红枣晾晒场项目', place: '东营村', type: 'industry', subtype: 'supporting_facilities', industry: '灵宝大枣', linkKind: 'processing', entity: null, stage: 'accepted', year: 2025, budgetWan: 45, modes: EMPLOY_DIVIDEND, households: 10 },
  { name: '湖滨村雨露计划职业教育补助项目', place: '湖滨村', type: 'employment', subtype: 'wage_subsidy', industry: null, linkKind: null, entity: null, stage: 'evaluated', year: 2024, budgetWan: 12, modes: [], households: 9, grade: '优' },
  { name: '阳店村果品交易市场项目', place: '阳店村', type: 'industry', subtype: 'processing_distribution', industry: '山区果品', linkKind: 'sales', entity: '阳店果业', stage: 'evaluated', year: 2024, budgetWan: 210, modes: ['employment', 'guaranteed_dividend'], households: 24, specialty: true, grade: '良' },
  { name: '西张村农村饮水安全巩固提升项目', place: '西张村', type: 'three_guarantees', subtype: null, industry: null, linkKind: null, entity: null, stage: 'evaluated', year: 2024, budgetWan: 36, modes: [], households: 0, grade: '优' },
  // 不予入库, 已撤回
  { name: '北村农家乐集中建设项目', place: '北村', type: 'industry', subtype: 'production', industry: '乡村旅游', linkKind: null, entity: null, stage: 'rejected', year: 2026, budgetWan: 300, modes: ['employment', 'share_dividend'], households: 6, reason: '项目选址位于基本农田保护区，且带动脱贫户数与投资规模不相称，不予入库' },
  { name: '后河村观光采摘园项目', place: '后河村', type: 'industry', subtype: 'production', industry: '乡村旅游', linkKind: null, entity: null, stage: 'withdrawn', year: 2026, budgetWan: 80, modes: ['employment', 'land_transfer'], households: 0 },
];

/** The steps from 谋划 to a stage: [action, from, to, level of the actor]. */
function pathTo(stage: string, returned: boolean): [string, string, string, 'village' | 'township' | 'county'][] {
  const main: [string, string, string, 'village' | 'township' | 'county'][] = [
    ['submit', 'draft', 'submitted', 'village'],
    ['township_review', 'submitted', 'reviewed', 'township'],
    ['publicise', 'reviewed', 'publicised', 'township'],
    ['approve_entry', 'publicised', 'in_library', 'county'],
    ['allocate_funds', 'in_library', 'funded', 'county'],
    ['start', 'funded', 'implementing', 'township'],
    ['accept', 'implementing', 'accepted', 'county'],
    ['evaluate', 'accepted', 'evaluated', 'county'],
  ];
  if (stage === 'draft') return returned ? [main[0]!, ['return', 'submitted', 'draft', 'township']] : [];
  if (stage === 'withdrawn') return [main[0]!, ['withdraw', 'submitted', 'withdrawn', 'village']];
  if (stage === 'rejected') return [...main.slice(0, 3), ['reject', 'publicised', 'rejected', 'county']];
  const i = main.findIndex((s) => s[2] === stage);
  return main.slice(0, i + 1);
}

type Ctx = {
  regions: DemoRegion[];
  countyCode: string;
  entities: DemoEntityRow[];
  households: DemoHouseholdRow[];
  industries: { id: number | string; name: string; region_code: string }[];
  links: { id: number | string; industry_id: number | string; link_kind: string }[];
};

/** A seeded Fisher–Yates shuffle (a copy). */
function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const DAY = 86_400_000;

/** Writes the demo projects with steps, beneficiaries and budgets; returns how many projects. */
export async function loadProjectsDemo(tx: RawTx, rng: Rng, ctx: Ctx): Promise<number> {
  const users = DEMO_USERS(ctx.regions);
  const county = users.find((u) => u.role === 'county_officer')?.displayName ?? '示范区县级业务员';
  const villages = ctx.regions.filter((r) => r.level === 'village');
  const towns = ctx.regions.filter((r) => r.level === 'township');
  const actorOf = (level: 'village' | 'township' | 'county', village: DemoRegion | undefined, town: DemoRegion) => {
    if (level === 'county') return county;
    const code = level === 'village' ? (village?.code ?? town.code) : town.code;
    // a demo login where there is one (大王镇业务员, 大王村信息员), else the post of that village or township
    return users.find((u) => u.regionCode === code)?.displayName ?? (level === 'village' && village ? `${village.name}信息员` : `${town.name}业务员`);
  };
  const [maxP] = await tx.query<{ m: number | string | null }>('SELECT coalesce(max(id), 0) AS m FROM projects');
  let id = Number(maxP?.m ?? 0);
  const projects: CopyValue[][] = [];
  const steps: CopyValue[][] = [];
  const bens: CopyValue[][] = [];
  const budgets: CopyValue[][] = [];
  const seq = new Map<number, number>();
  // waiting proposals are dated relative to today (the day the demo is loaded), like the demo's monitoring cases
  const now = new Date();
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  for (const s of SPECS) {
    const village = villages.find((v) => v.name === s.place);
    const town = village ? towns.find((t) => t.code === village.parentCode) : towns.find((t) => t.name === s.place);
    if (!town) continue;
    const region = village?.code ?? town.code;
    const ind = s.industry
      ? (ctx.industries.find((i) => i.name === s.industry && region.startsWith(i.region_code.slice(0, 9))) ?? ctx.industries.find((i) => i.name === s.industry))
      : undefined;
    const link = ind && s.linkKind ? ctx.links.find((l) => Number(l.industry_id) === Number(ind.id) && l.link_kind === s.linkKind) : undefined;
    const entity = s.entity ? ctx.entities.find((e) => e.name.includes(s.entity!)) : undefined;
    const pool = ctx.households.filter((h) => h.region_code.startsWith(village ? village.code : town.code.slice(0, 9)));
    const take = shuffled(rng, pool).slice(0, s.households);
    id++;
    const n = (seq.get(s.year) ?? 0) + 1;
    seq.set(s.year, n);
    // dates: proposed in the autumn before the plan year, each step 6–20 days after the last; waiting ones are recent
    const waiting = ['draft', 'submitted', 'reviewed', 'publicised'].includes(s.stage);
    let at = waiting ? today - rng.int(40, 50) * DAY : Date.UTC(s.year - 1, rng.int(8, 10), rng.int(1, 28));
    const dates: Record<string, string> = {};
    steps.push([id, 'create', 'draft', 'draft', actorOf('village', village, town), null, new Date(at + 9 * 3600_000).toISOString()]);
    for (const [action, from, to, level] of pathTo(s.stage, s.reason !== undefined && s.stage === 'draft')) {
      at +=
        (action === 'start' ? rng.int(30, 60) : action === 'accept' ? rng.int(150, 240) : action === 'evaluate' ? rng.int(60, 120) : waiting ? rng.int(4, 12) : rng.int(6, 20)) *
        DAY;
      if (action === 'start' && at < Date.UTC(s.year, 2, 1)) at = Date.UTC(s.year, 2, rng.int(1, 28));
      dates[action] = iso(at);
      const reason = action === 'return' || action === 'reject' ? (s.reason ?? null) : action === 'publicise' ? '在村务公开栏和乡镇政府网站公示 10 天，无异议' : null;
      steps.push([id, action, from, to, actorOf(level, village, town), reason, new Date(at + 10 * 3600_000).toISOString()]);
    }
    const reviewed = !['draft', 'submitted', 'withdrawn'].includes(s.stage);
    const budgetFen = s.budgetWan * 1_000_000;
    projects.push([
      id,
      `SMX-XM-${s.year}-${String(n).padStart(3, '0')}`,
      s.name,
      region,
      s.type,
      s.subtype,
      ind ? Number(ind.id) : null,
      link ? Number(link.id) : null,
      s.specialty ?? false,
      s.cluster ?? false,
      s.stage,
      s.year,
      budgetFen,
      entity?.id ?? null,
      s.modes,
      s.cluster ? 120 : take.length || null,
      s.cluster ? 164 : take.length ? take.length + rng.int(0, take.length) : null,
      `${s.name.replace(/项目$/, '')}，建设内容以批复的实施方案为准`,
      s.households ? `带动脱贫户和监测户 ${s.cluster ? 120 : take.length} 户稳定增收` : '改善群众生产生活条件，群众满意度 95% 以上',
      reviewed || null,
      reviewed ? s.modes.length >= 2 || s.type !== 'industry' : null,
      reviewed || null,
      reviewed || null,
      s.reason ?? null,
      dates.publicise ?? null,
      dates.publicise ? iso(Date.parse(dates.publicise) + 10 * DAY) : null,
      dates.approve_entry ?? null,
      dates.start ?? null,
      dates.accept ?? null,
      dates.evaluate ?? null,
      s.grade ?? null,
      s.grade ? `项目建成后运行良好，带动效果${s.grade === '优' ? '明显' : '较好'}` : null,
    ]);
    for (const h of s.cluster ? ctx.households.filter((x) => x.region_code.startsWith(town.code.slice(0, 9))).slice(0, 120) : take) bens.push([id, h.id, h.region_code]);
    // budget: 衔接资金 by level (中央 60 %, 省 20 %, 县 10 %) and 自筹 the rest, in integer 分 (the rest takes the remainder)
    const parts: [string, string, number][] = [
      ['central', 'linkage', 60],
      ['provincial', 'linkage', 20],
      ['county', 'linkage', 10],
    ];
    let left = budgetFen;
    for (const [level, kind, pct] of parts) {
      const fen = Math.floor((budgetFen * pct) / 100);
      budgets.push([id, s.year, level, kind, fen]);
      left -= fen;
    }
    budgets.push([id, s.year, 'other', 'self_raised', left]);
  }
  const copy = async (sqlText: string, rows: CopyValue[][]) => {
    if (rows.length) await tx.copyFromCsv(sqlText, rows.map((r) => copyLine(r)).join(''));
  };
  await copy(
    `COPY projects (id, project_no, name, region_code, project_type, project_subtype, industry_id, chain_link_id, is_specialty, is_cluster_project, stage, year, budget_fen,
       implementing_entity_id, linkage_modes, driven_households, driven_persons, construction_content, performance_target, review_benefit, review_linkage,
       review_organisation, review_after_operation, return_reason, publicity_start, publicity_end, entered_library_on, started_on, accepted_on, evaluated_on,
       evaluation_grade, evaluation_note) FROM STDIN WITH (FORMAT csv)`,
    projects,
  );
  await copy('COPY project_steps (project_id, action, from_stage, to_stage, actor_name, reason, at) FROM STDIN WITH (FORMAT csv)', steps);
  await copy('COPY project_beneficiaries (project_id, household_id, region_code) FROM STDIN WITH (FORMAT csv)', bens);
  await copy('COPY project_budgets (project_id, year, fund_level, fund_kind, amount_fen) FROM STDIN WITH (FORMAT csv)', budgets);
  await tx.query("SELECT setval(pg_get_serial_sequence('projects', 'id'), (SELECT coalesce(max(id), 1) FROM projects))");
  return projects.length;
}
