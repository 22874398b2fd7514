import { z } from 'zod';
import { codesWithAttr, DICT } from '../../dictionaries/dictionaries.ts';
import { evaluateSubjects, numberParam, type SubjectOutcome } from '../coverage.ts';
import type { RuleConfig, RuleDefinition } from '../policy.types.ts';

/**
 * The facts of one working-age person of a household (factsKind `worker`: the server's worker gatherer, one row per
 * person in the registry under the region prefix whose age in the judged year is within {@link WORKING_AGE}).
 */
export type WorkerFacts = {
  personId: number;
  householdId: number;
  /** the household's village code */
  regionCode: string;
  /** dict household_type of the household */
  householdType: string;
  /** age reached in the judged year (judged year − birth year); null = unknown */
  age: number | null;
  /** dict labor_capacity; null = not recorded */
  laborCapacity: string | null;
  /** 就业意愿; null = not recorded */
  wantsWork: boolean | null;
  /** 培训意愿; null = not recorded */
  wantsTraining: boolean | null;
  /** has a job: 务工状况 other than 未务工, or an active 公益性岗位 appointment */
  hasJob: boolean;
  /** skills mastered (the person's 掌握技能 and the skills of trainings completed) */
  skills: readonly string[];
  /** trainings taken part in during the judged year (by the course's start date) */
  trainingsThisYear: number;
};

/**
 * Working age: 16 to 59 years reached in the judged year (domain-standards §2.2: the registry's check flags "a
 * healthy, non-student person aged 16–59" recorded without labour, i.e. 16–59 is the age at which labour is expected).
 */
export const WORKING_AGE = { min: 16, max: 59 } as const;

/** Household types that count as 脱贫 labour for H7 when the pack names none (002 §二(三)1 "脱贫劳动力": 脱贫户). */
const LIFTED_TYPES: readonly string[] = ['lifted'];

/** True when the person is of working age and has labour (普通、技能、弱/半劳动力: dict attr hasLabor). */
export function isWorkingLabour(f: Pick<WorkerFacts, 'age' | 'laborCapacity'>): boolean {
  if (f.age === null || f.age < WORKING_AGE.min || f.age > WORKING_AGE.max) return false;
  return f.laborCapacity !== null && codesWithAttr(DICT.laborCapacity, 'hasLabor').includes(f.laborCapacity);
}

function typesOf(config: RuleConfig, fallback: readonly string[]): Set<string> {
  const v = config.params.householdTypes;
  return new Set(Array.isArray(v) ? (v as string[]) : fallback);
}

const personKey = (f: WorkerFacts) => ({ key: String(f.personId), regionCode: f.regionCode });

/** Groups of H4 failures (the reasons per failing person). */
export const H4_GROUPS = {
  no_job: { labelZh: '无就业岗位', labelEn: 'no job' },
  no_skill: { labelZh: '无技能', labelEn: 'no skill' },
  no_job_no_skill: { labelZh: '无就业岗位、无技能', labelEn: 'no job and no skill' },
} as const;

const WorkerSandboxSchema = z.object({
  age: z.number().int().min(0).max(130).describe('年龄（本年度）'),
  hasLabour: z.boolean().describe('有劳动能力（普通、技能或弱/半劳动力）'),
  wantsWork: z.boolean().describe('有就业意愿'),
  wantsTraining: z.boolean().describe('有培训意愿'),
  hasJob: z.boolean().describe('有就业岗位（务工或公益性岗位）'),
  skills: z.array(z.string().min(1).max(40)).max(20).describe('掌握技能'),
  trainingsThisYear: z.number().int().min(0).max(100).describe('本年度参加培训次数'),
});
/** 试算: one member of a 脱贫户 as the officer describes it. */
function toWorkerFacts(input: unknown): WorkerFacts {
  const s = WorkerSandboxSchema.parse(input);
  return {
    personId: 1,
    householdId: 1,
    regionCode: '',
    householdType: 'lifted',
    age: s.age,
    laborCapacity: s.hasLabour ? 'ordinary' : 'none',
    wantsWork: s.wantsWork,
    wantsTraining: s.wantsTraining,
    hasJob: s.hasJob,
    skills: s.skills,
    trainingsThisYear: s.trainingsThisYear,
  };
}

/**
 * H4 (003 §一(二)2 "有劳动能力和就业意愿的人人有就业技能、有就业岗位"): every working-age person of a household of the pack's
 * `householdTypes` (脱贫户, 监测户) with labour and the wish to work (就业意愿 recorded yes) has at least one skill and a
 * job. Reasons per failing person: 无就业岗位, 无技能. Coverage against params.minCoverage (1 = every one).
 */
export const H4_RULE: RuleDefinition<WorkerFacts> = {
  id: 'H4',
  titleZh: '有劳动能力和就业意愿的脱贫人口人人有技能、有岗位',
  titleEn: 'Every willing lifted/monitored worker has a skill and a job',
  factsKind: 'worker',
  subjectLevel: 'record',
  unit: 'share', // persons judged met or not: the coverage
  groups: H4_GROUPS,
  factsFilter: (config) => ({ householdTypes: [...typesOf(config, ['lifted', 'monitored'])] }),
  evaluate(facts, config) {
    const types = typesOf(config, ['lifted', 'monitored']);
    const minCoverage = numberParam(config, 'minCoverage');
    return evaluateSubjects(
      facts,
      config,
      personKey,
      (f): SubjectOutcome => {
        if (!types.has(f.householdType) || f.wantsWork !== true || !isWorkingLabour(f)) return 'not_applicable';
        const skill = f.skills.length > 0;
        if (f.hasJob && skill) return { met: true, reasonZh: `有就业岗位；掌握技能：${f.skills.join('、')}`, reasonEn: `has a job; skills: ${f.skills.join(', ')}` };
        const groupCode = !f.hasJob && !skill ? 'no_job_no_skill' : !f.hasJob ? 'no_job' : 'no_skill';
        return { met: false, groupCode, reasonZh: H4_GROUPS[groupCode].labelZh, reasonEn: H4_GROUPS[groupCode].labelEn };
      },
      { minCoverage },
    );
  },
  sandbox: {
    schema: WorkerSandboxSchema,
    example: { age: 38, hasLabour: true, wantsWork: true, wantsTraining: true, hasJob: true, skills: [], trainingsThisYear: 0 },
    toFacts: toWorkerFacts,
  },
};

/** Groups of H7 failures. */
export const H7_GROUPS = { not_trained: { labelZh: '本年度未参加培训', labelEn: 'not trained this year' } } as const;

/**
 * H7 (002 §二(三)1 "确保有意愿的脱贫劳动力每年至少接受一次培训，力争掌握1-2项特色种养技能"): every working-age person of a
 * 脱贫户 (the pack's `householdTypes`, else 脱贫户) with labour and the wish to be trained (培训意愿 recorded yes) takes
 * part in at least params.minTrainingsPerYear trainings in the judged year. The 1–2 skills (params.targetSkills) are a
 * target shown in the reason, not a condition nor a cap.
 */
export const H7_RULE: RuleDefinition<WorkerFacts> = {
  id: 'H7',
  titleZh: '有意愿的脱贫劳动力每年至少接受一次培训',
  titleEn: 'Every willing lifted worker trained at least once a year',
  factsKind: 'worker',
  subjectLevel: 'record',
  unit: 'share',
  groups: H7_GROUPS,
  factsFilter: (config) => ({ householdTypes: [...typesOf(config, LIFTED_TYPES)] }),
  evaluate(facts, config, ctx) {
    const types = typesOf(config, LIFTED_TYPES);
    const min = numberParam(config, 'minTrainingsPerYear');
    return evaluateSubjects(facts, config, personKey, (f): SubjectOutcome => {
      if (!types.has(f.householdType) || f.wantsTraining !== true || !isWorkingLabour(f)) return 'not_applicable';
      const met = f.trainingsThisYear >= min;
      const skillsZh = f.skills.length ? `；掌握技能 ${f.skills.length} 项` : '；尚未掌握技能';
      const skillsEn = f.skills.length ? `; ${f.skills.length} skill(s)` : '; no skill yet';
      if (!met && f.trainingsThisYear === 0) {
        return { met, groupCode: 'not_trained', reasonZh: `${H7_GROUPS.not_trained.labelZh}${skillsZh}`, reasonEn: `${H7_GROUPS.not_trained.labelEn}${skillsEn}` };
      }
      return {
        met,
        ...(met ? {} : { groupCode: 'not_trained' }),
        reasonZh: `${ctx.year}年参加培训 ${f.trainingsThisYear} 次（要求至少 ${min} 次）${skillsZh}`,
        reasonEn: `${f.trainingsThisYear} training(s) in ${ctx.year} (at least ${min} required)${skillsEn}`,
      };
    });
  },
  sandbox: {
    schema: WorkerSandboxSchema,
    example: { age: 38, hasLabour: true, wantsWork: true, wantsTraining: true, hasJob: true, skills: ['大枣栽培管理'], trainingsThisYear: 0 },
    toFacts: toWorkerFacts,
  },
};

/** The worker rules (H4, H7), registered in rule-registry.ts. */
export const WORKER_RULES: readonly RuleDefinition<never>[] = [H4_RULE as RuleDefinition<never>, H7_RULE as RuleDefinition<never>];
