import { z } from 'zod';
import { DICT, dictLabelZh, getDictItems, resolveDictCode } from '../../dictionaries/dictionaries.ts';
import { LIBRARY_STAGES, REVIEW_CHECKS, type ProjectStage, type ReviewCheck } from '../../projects/workflow.ts';
import { evaluateSubjects, numberParam, stringListParam } from '../coverage.ts';
import type { RuleDefinition } from '../policy.types.ts';

/**
 * The facts of one project (gathered by the server's project gatherer, one row per project of the year under a
 * region prefix). Money in integer 分.
 */
export type ProjectFacts = {
  id: number;
  regionCode: string;
  projectNo?: string;
  name?: string;
  stage: string;
  projectType: string;
  linkageModes: readonly string[];
  /** the four 入库 review checks of 004 §六 as recorded (null = not recorded) */
  reviewChecks: Partial<Record<ReviewCheck, boolean | null>>;
  /** 分 allocated to the project (sum of its fund_allocations) */
  allocatedFen: number;
  /** work has started (a start date, or a stage from 实施中 on) */
  started: boolean;
  isClusterProject: boolean;
  drivenHouseholds: number | null;
  drivenPersons: number | null;
};

const inLibrary = (stage: string): boolean => (LIBRARY_STAGES as readonly string[]).includes(stage as ProjectStage);
const key = (f: ProjectFacts) => ({ key: String(f.id), regionCode: f.regionCode });
const title = (f: ProjectFacts): string => (f.name ? `“${f.name}”` : '该项目');

/** P1 先入库后建设: a project that has money allocated or has started must be in the library. 001 §二(一)5；§一(二) */
export const P1_RULE: RuleDefinition<ProjectFacts> = {
  id: 'P1',
  titleZh: '先入库后建设',
  titleEn: 'Library first, then construction',
  factsKind: 'project',
  subjectLevel: 'record',
  unit: 'share', // projects judged met or not: the coverage
  evaluate(facts, config) {
    return evaluateSubjects(facts, config, key, (f) => {
      if (f.allocatedFen <= 0 && !f.started) return 'not_applicable';
      const what = f.allocatedFen > 0 ? '已安排资金' : '已开工实施';
      if (inLibrary(f.stage)) return { met: true, reasonZh: `${title(f)}已入库后${what}`, reasonEn: 'in the library before funding or construction' };
      return { met: false, reasonZh: `${title(f)}未入库即${what}`, reasonEn: 'funded or started without being in the library' };
    });
  },
};

/** The modes a user typed (codes or labels such as 股份合作), as dictionary codes; unknown spellings are dropped. */
function linkageCodes(raw: readonly string[]): string[] {
  const items = getDictItems(DICT.linkageMode);
  return [...new Set(raw.map((r) => resolveDictCode(items, r)).filter((c): c is string => !!c))];
}

const P3SandboxSchema = z.object({
  projectType: z.string().trim().min(1).max(24).describe('项目类型 (dict project_type code or label, e.g. industry / 产业发展)'),
  linkageModes: z.array(z.string().trim().min(1).max(32)).max(20).describe('联农带农方式 in effect: dict linkage_mode codes or their labels (股份合作, 务工就业 …)'),
});

/** P3 every industry project in the library has ≥ params.minLinkageModes linkage modes in effect. 004 §六 */
export const P3_RULE: RuleDefinition<ProjectFacts> = {
  id: 'P3',
  titleZh: '产业项目联农带农方式',
  titleEn: 'Linkage modes per industry project',
  factsKind: 'project',
  subjectLevel: 'record',
  unit: 'count', // linkage modes
  evaluate(facts, config) {
    const min = numberParam(config, 'minLinkageModes');
    const items = getDictItems(DICT.linkageMode);
    return evaluateSubjects(
      facts,
      config,
      key,
      (f) => {
        if (f.projectType !== 'industry' || !inLibrary(f.stage)) return 'not_applicable';
        const modes = [...new Set(f.linkageModes)];
        const words = modes.map((m) => dictLabelZh(items, m)).join('、') || '无';
        const met = modes.length >= min;
        return {
          met,
          value: modes.length,
          threshold: min,
          reasonZh: `${title(f)}落实联农带农方式 ${modes.length} 种（${words}），${met ? '达到' : '少于'}至少 ${min} 种的要求`,
          reasonEn: `${modes.length} linkage modes in effect; at least ${min} required`,
        };
      },
      { threshold: min },
    );
  },
  sandbox: {
    schema: P3SandboxSchema,
    example: { projectType: 'industry', linkageModes: ['股份合作', 'employment'] },
    toFacts(input, year) {
      const v = P3SandboxSchema.parse(input);
      const type = resolveDictCode(getDictItems(DICT.projectType), v.projectType) ?? v.projectType;
      return {
        id: 0,
        regionCode: '',
        name: `${year} 年试算项目`,
        stage: 'in_library',
        projectType: type,
        linkageModes: linkageCodes(v.linkageModes),
        reviewChecks: {},
        allocatedFen: 0,
        started: false,
        isClusterProject: false,
        drivenHouseholds: null,
        drivenPersons: null,
      };
    },
  },
};

/** P4 every library project's entry review recorded the checks params.reviewChecks (效益、利益联结、组织保障、后续运营). 004 §六 */
export const P4_RULE: RuleDefinition<ProjectFacts> = {
  id: 'P4',
  titleZh: '入库审核要素',
  titleEn: 'Library entry review checks',
  factsKind: 'project',
  subjectLevel: 'record',
  unit: 'count', // review checks recorded
  evaluate(facts, config) {
    const checks = stringListParam(config, 'reviewChecks');
    return evaluateSubjects(facts, config, key, (f) => {
      if (!inLibrary(f.stage)) return 'not_applicable';
      const missing = checks.filter((c) => f.reviewChecks[c as ReviewCheck] !== true);
      const words = missing.map((c) => REVIEW_CHECKS[c as ReviewCheck]?.zh ?? c).join('、');
      // the figure: checks recorded out of the checks the pack requires
      const figure = { value: checks.length - missing.length, threshold: checks.length };
      return missing.length === 0
        ? { met: true, ...figure, reasonZh: `${title(f)}入库审核已核查全部要素`, reasonEn: 'every review check recorded' }
        : { met: false, ...figure, reasonZh: `${title(f)}入库审核未核查：${words}`, reasonEn: `review checks not recorded: ${missing.join(', ')}` };
    });
  },
};

/**
 * P6 国家产业集群、产业强镇 projects drive ≥ params.minPeopleOrHouseholds 脱贫 people (employment) or households. 002 §二(四)3
 * The clause speaks of projects "in 脱贫县"; the county's pack applies it to every cluster project of the county.
 */
export const P6_RULE: RuleDefinition<ProjectFacts> = {
  id: 'P6',
  titleZh: '产业集群项目带动脱贫人口',
  titleEn: 'Cluster projects drive lifted-out people',
  factsKind: 'project',
  subjectLevel: 'record',
  unit: 'count', // people or households driven
  evaluate(facts, config) {
    const min = numberParam(config, 'minPeopleOrHouseholds');
    return evaluateSubjects(
      facts,
      config,
      key,
      (f) => {
        if (!f.isClusterProject || f.stage === 'draft' || f.stage === 'withdrawn' || f.stage === 'rejected') return 'not_applicable';
        const best = Math.max(f.drivenPersons ?? 0, f.drivenHouseholds ?? 0);
        const met = best >= min;
        return {
          met,
          value: best,
          threshold: min,
          reasonZh: `${title(f)}吸纳脱贫劳动力就业 ${f.drivenPersons ?? 0} 人、带动脱贫户 ${f.drivenHouseholds ?? 0} 户，${met ? '达到' : '不足'} ${min} 人（户）`,
          reasonEn: `employs ${f.drivenPersons ?? 0} people and drives ${f.drivenHouseholds ?? 0} households; ${min} required`,
        };
      },
      { threshold: min },
    );
  },
};

/** P1–P6 (project library): the implementations of this area, registered in rule-registry.ts. */
export const PROJECT_RULES: RuleDefinition<never>[] = [P1_RULE, P3_RULE, P4_RULE, P6_RULE] as RuleDefinition<never>[];
