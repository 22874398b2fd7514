import { z } from 'zod';
import { holderExitWords, monthListWords, onPostIn, peopleShareMet, unpaidMonths, type HoldingPeriod } from '../../employment/posts.ts';
import { coverageValue, evaluateSubjects, numberParam, type SubjectOutcome } from '../coverage.ts';
import type { RuleDefinition } from '../policy.types.ts';
import { pct, pctThreshold } from './fund-shares.ts';

/** One holding of a post (an appointment) with the months paid to it, for J5. */
export type PostHoldingFacts = HoldingPeriod & {
  appointmentId: number;
  personName: string;
  exitReason: string | null;
  /** months paid (YYYY-MM) */
  paidMonths: readonly string[];
  /** the holder's 自然减少 (persons.exit_reason, dict exit_reason) and its date; null/absent = in the registry */
  holderExitReason?: string | null;
  holderExitDate?: string | null;
};

/** The holding as it really ran: a holder who left the registry is on post until the month of the exit at most. */
function effectiveHolding(h: PostHoldingFacts): HoldingPeriod {
  if (!h.holderExitReason || !h.holderExitDate) return h;
  return { startedOn: h.startedOn, endedOn: h.endedOn !== null && h.endedOn < h.holderExitDate ? h.endedOn : h.holderExitDate };
}

/** The facts of one 公益性岗位 for J5 (factsKind `post`: the server's post gatherer, one row per post). */
export type PostFacts = {
  postId: number;
  regionCode: string;
  name: string;
  /** open | filled | closed */
  status: string;
  /** the day the post was set (创建日期) */
  createdOn: string;
  closedOn: string | null;
  holdings: readonly PostHoldingFacts[];
  /** the day J5 is judged on (the gatherer gives today in China); absent = the end of the judged year */
  asOf?: string | null;
};

/** The day a year is judged on: `asOf`, but no later than the year's last day. */
function judgedDay(asOf: string | null | undefined, year: number): string {
  const end = `${year}-12-31`;
  return asOf && asOf < end ? asOf : end;
}

/** The day after `judgedDay` as "today" for completed months (a month is completed once the next has begun). */
function afterJudged(asOf: string | null | undefined, year: number): string {
  const day = judgedDay(asOf, year);
  return day === `${year}-12-31` ? `${year + 1}-01-01` : day;
}

const J5_GROUPS = {
  lifecycle: { labelZh: '岗位聘任记录不一致', labelEn: 'Inconsistent post records' },
  unpaid: { labelZh: '在岗未领补', labelEn: 'Holder not paid' },
} as const;

/**
 * J5 (003 §二(二)4 "健全'按需设岗、以岗聘任、在岗领补、有序退岗'的管理机制 … 对安置人员按规定给予岗位补贴"): each post that
 * existed in the judged year keeps its lifecycle consistent — a filled post has exactly one holder, an open or
 * closed one none; every paid month lies within its holding period; every exit has its reason — and each holder
 * was paid for every completed month of the year on post (在岗领补; unpaid months are listed as 在岗未领补). A holder
 * who left the registry (自然减少) is on post until the month of that exit at most, and an active holding of such a
 * holder fails as 持岗人员已自然减少，未办理退岗.
 */
export const J5_RULE: RuleDefinition<PostFacts> = {
  id: 'J5',
  titleZh: '公益性岗位按需设岗、以岗聘任、在岗领补、有序退岗',
  titleEn: 'Public-welfare post lifecycle',
  factsKind: 'post',
  subjectLevel: 'record',
  // a township's post has holders of its villages, whose 自然减少 marks their village: re-gathered per township
  refreshLevel: 'township',
  unit: 'share', // posts in order ÷ posts of the year
  groups: J5_GROUPS,
  evaluate(facts, config, ctx) {
    const yearStart = `${ctx.year}-01-01`;
    return evaluateSubjects(
      facts,
      config,
      (f) => ({ key: String(f.postId), regionCode: f.regionCode }),
      (f): SubjectOutcome => {
        if (f.createdOn > `${ctx.year}-12-31` || (f.closedOn !== null && f.closedOn < yearStart)) return 'not_applicable';
        const zh: string[] = [];
        const en: string[] = [];
        const active = f.holdings.filter((h) => h.endedOn === null);
        if (f.status === 'filled' && active.length !== 1) {
          zh.push(active.length === 0 ? '岗位显示在岗但无在岗人员' : `岗位有 ${active.length} 名在岗人员（应为 1 名）`);
          en.push(active.length === 0 ? 'filled without a holder' : `${active.length} holders (one expected)`);
        } else if (f.status !== 'filled' && active.length > 0) {
          zh.push(`岗位${f.status === 'closed' ? '已撤销' : '待聘'}但仍有在岗人员${active.map((h) => h.personName).join('、')}`);
          en.push(`${f.status} post with a holder`);
        }
        for (const h of f.holdings) {
          if (h.endedOn === null && h.holderExitReason) {
            // 有序退岗: a holder who left the registry (死亡 …) still holds the post
            const e = holderExitWords({ exitReason: h.holderExitReason, exitDate: h.holderExitDate ?? null });
            zh.push(`持岗人员${h.personName}已自然减少（${e.zh}），未办理退岗`);
            en.push(`${h.personName} left the registry (${e.en}) without an exit from the post`);
          }
          const period = effectiveHolding(h);
          const outside = h.paidMonths.filter((m) => !onPostIn(period, m));
          if (outside.length) {
            zh.push(`${h.personName}在${monthListWords(outside).zh}不在岗却领取补贴`);
            en.push(`${h.personName} paid for ${monthListWords(outside).en} while not on post`);
          }
          if (h.endedOn !== null && !h.exitReason) {
            zh.push(`${h.personName}退岗未记录原因`);
            en.push(`${h.personName} left without a recorded reason`);
          }
        }
        const head = `「${f.name}」`;
        if (zh.length) return { met: false, groupCode: 'lifecycle', reasonZh: head + zh.join('；'), reasonEn: `${f.name}: ${en.join('; ')}` };
        const today = afterJudged(f.asOf, ctx.year);
        const unpaid = f.holdings.map((h) => ({ h, months: unpaidMonths(effectiveHolding(h), h.paidMonths, ctx.year, today) })).filter((u) => u.months.length > 0);
        if (unpaid.length) {
          return {
            met: false,
            groupCode: 'unpaid',
            reasonZh: `${head}在岗未领补：${unpaid.map((u) => `${u.h.personName} ${monthListWords(u.months).zh}`).join('；')}`,
            reasonEn: `${f.name}: holder not paid: ${unpaid.map((u) => `${u.h.personName} ${monthListWords(u.months).en}`).join('; ')}`,
          };
        }
        return { met: true, reasonZh: `${head}设岗、聘任、领补、退岗记录完整`, reasonEn: `${f.name}: lifecycle in order` };
      },
    );
  },
};

/** A workshop or relocation-park entity (J4's employer subjects). */
export type EmployerEntityFacts = {
  kind: 'entity';
  entityId: number;
  regionCode: string;
  name: string;
  /** dict entity_type */
  entityType: string;
  isRelocationPark: boolean;
  /** active | closed */
  status: string;
  /** 吸纳就业总人数; null = not recorded */
  employeeCount: number | null;
  /** persons of 脱贫户 (household type lifted) in the registry working there (persons.employer_entity_id) */
  liftedEmployed: number;
};

/** One holder of a village's public-welfare posts for J4's share (on post at the judged day or not). */
export type PostHolderFacts = { startedOn: string; endedOn: string | null; lifted: boolean };

/** A village's public-welfare post holders (J4's second figure). */
export type VillagePostFacts = { kind: 'village_posts'; regionCode: string; name: string; holders: readonly PostHolderFacts[]; asOf?: string | null };

/** The facts of factsKind `employer` (the server's employer gatherer). */
export type EmployerFacts = EmployerEntityFacts | VillagePostFacts;

const J4_GROUPS = {
  workshop: { labelZh: '帮扶车间', labelEn: 'Support workshops' },
  relocation_park: { labelZh: '安置区加工园区', labelEn: 'Relocation-site parks' },
  public_posts: { labelZh: '村公益性岗位', labelEn: 'Village public-welfare posts' },
} as const;

/** The key of a subject: an entity by its id, a village's posts as `posts:<code>` (never the same text). */
export function employerKey(f: EmployerFacts): string {
  return f.kind === 'entity' ? String(f.entityId) : `posts:${f.regionCode}`;
}

function judgeEntity(f: EmployerEntityFacts, min: number): SubjectOutcome {
  const isWorkshop = f.entityType === 'workshop';
  if (f.status !== 'active' || (!isWorkshop && !f.isRelocationPark)) return 'not_applicable';
  const groupCode = f.isRelocationPark ? 'relocation_park' : 'workshop';
  const what = f.isRelocationPark ? '安置区加工园区' : '帮扶车间';
  if (f.employeeCount === null || f.employeeCount <= 0) {
    return {
      met: false,
      groupCode,
      threshold: min,
      reasonZh: `${what}「${f.name}」职工人数未填报，无法计算吸纳脱贫人口就业比例`,
      reasonEn: `${f.name}: number of employees not recorded`,
    };
  }
  if (f.liftedEmployed > f.employeeCount) {
    return {
      met: false,
      groupCode,
      threshold: min,
      reasonZh: `${what}「${f.name}」填报职工 ${f.employeeCount} 人，少于在此务工的脱贫人口 ${f.liftedEmployed} 人，请核实职工人数`,
      reasonEn: `${f.name}: ${f.employeeCount} employees recorded, fewer than the ${f.liftedEmployed} lifted persons working there`,
    };
  }
  const share = coverageValue(f.liftedEmployed, f.employeeCount)!;
  const met = peopleShareMet(f.liftedEmployed, f.employeeCount, min);
  return {
    met,
    groupCode,
    value: share,
    threshold: min,
    reasonZh: `${what}「${f.name}」职工 ${f.employeeCount} 人，其中脱贫人口 ${f.liftedEmployed} 人，占 ${pct(share)}，${met ? '不低于' : '低于'} ${pctThreshold(min)}`,
    reasonEn: `${f.name}: ${f.liftedEmployed} lifted of ${f.employeeCount} employees, ${pct(share)}, ${met ? 'at least' : 'below'} ${pctThreshold(min)}`,
  };
}

function judgeVillagePosts(f: VillagePostFacts, min: number, year: number): SubjectOutcome {
  const day = judgedDay(f.asOf, year);
  const on = f.holders.filter((h) => h.startedOn <= day && (h.endedOn === null || h.endedOn >= day));
  if (on.length === 0) return 'not_applicable';
  const lifted = on.filter((h) => h.lifted).length;
  const share = coverageValue(lifted, on.length)!;
  const met = peopleShareMet(lifted, on.length, min);
  return {
    met,
    groupCode: 'public_posts',
    value: share,
    threshold: min,
    reasonZh: `${f.name}公益性岗位在岗 ${on.length} 人，其中脱贫劳动力 ${lifted} 人，占 ${pct(share)}，${met ? '不低于' : '低于'} ${pctThreshold(min)}`,
    reasonEn: `${f.name}: ${lifted} lifted of ${on.length} public-post holders, ${pct(share)}, ${met ? 'at least' : 'below'} ${pctThreshold(min)}`,
  };
}

const J4SandboxSchema = z.object({
  employeeCount: z.number().int().min(1).max(1_000_000).describe('园区（车间）职工人数'),
  liftedEmployed: z.number().int().min(0).max(1_000_000).describe('其中脱贫人口'),
});

/**
 * J4 (002 §二(二)3 "易地扶贫搬迁安置区的农产品加工园区吸纳脱贫人口就业不低于 1/3，公益性岗位安置脱贫劳动力不低于一半"): each active
 * relocation-site park (entities.is_relocation_park) and 帮扶车间 (entity_type workshop, held to the park's share as
 * issue 8 asks) employs at least params.minRelocationParkShare 脱贫人口 among its employees (employee_count; not
 * recorded = not met, "职工人数未填报"); and in each village the holders of public-welfare posts on the judged day
 * are at least params.minPublicPostShare 脱贫劳动力. Only persons of 脱贫户 (household type lifted) count: the clause
 * names 脱贫人口 / 脱贫劳动力 alone, where the same paragraph says "脱贫劳动力和防返贫监测户劳动力" when it means both.
 */
export const J4_RULE: RuleDefinition<EmployerFacts> = {
  id: 'J4',
  titleZh: '安置区加工园区吸纳脱贫人口比例；公益性岗位安置脱贫劳动力比例',
  titleEn: 'Relocation-park and public-post shares of lifted labour',
  factsKind: 'employer',
  subjectLevel: 'record',
  // a workshop counts the 脱贫 persons of every village working there, and a person's change marks the person's
  // village only: re-gathered for the whole county (one statement over the county's entities and post holders)
  refreshLevel: 'county',
  unit: 'share',
  groups: J4_GROUPS,
  evaluate(facts, config, ctx) {
    const park = numberParam(config, 'minRelocationParkShare');
    const posts = numberParam(config, 'minPublicPostShare');
    return evaluateSubjects(
      facts,
      config,
      (f) => ({ key: employerKey(f), regionCode: f.regionCode }),
      (f) => (f.kind === 'entity' ? judgeEntity(f, park) : judgeVillagePosts(f, posts, ctx.year)),
      { threshold: park },
    );
  },
  sandbox: {
    schema: J4SandboxSchema,
    example: { employeeCount: 30, liftedEmployed: 10 },
    toFacts(input) {
      const i = J4SandboxSchema.parse(input);
      return {
        kind: 'entity',
        entityId: 0,
        regionCode: '',
        name: '试算园区',
        entityType: 'workshop',
        isRelocationPark: true,
        status: 'active',
        employeeCount: i.employeeCount,
        liftedEmployed: i.liftedEmployed,
      };
    },
  },
};

/** The employment-post rules (J4, J5), collected by rule-registry.ts. */
export const POST_RULES: readonly RuleDefinition<never>[] = [J4_RULE as RuleDefinition<never>, J5_RULE as RuleDefinition<never>];
