import type { Issue } from '../errors.ts';
import { isoDateToDay } from '../monitoring/iso-date.ts';
import { levelOfRole, type ActorLevel } from '../monitoring/workflow.ts';

// 项目库 (先入库后建设, 001 §二(一)5; 001 §一(二)): 谋划/申报 → 审核 → 公示 → 入库 → 资金安排 → 实施 → 验收 → 绩效评价.
// domain-standards §3.3: 村申报 → 乡审核 → 县论证/审定 (入库), 公示 at each level. The village or township proposes
// and submits, the township (or the county) reviews or returns it with a reason, the county decides entry
// (审定 入库, with the checks and the linkage-mode minimum of the county's pack — P4, P3; 004 §六 for Xinxiang) or
// rejects it with a reason; funds go only to library projects (P1), then 实施, 验收, 绩效评价.

export { levelOfRole as projectLevelOfRole };

/** Where a project is (dict project_stage). */
export const PROJECT_STAGES = ['draft', 'submitted', 'reviewed', 'publicised', 'in_library', 'funded', 'implementing', 'accepted', 'evaluated', 'rejected', 'withdrawn'] as const;
export type ProjectStage = (typeof PROJECT_STAGES)[number];

/** Stages in which a project is in the library (先入库: money may be allocated, work may start). */
export const LIBRARY_STAGES: readonly ProjectStage[] = ['in_library', 'funded', 'implementing', 'accepted', 'evaluated'];
/** Stages in which the proposal may still be edited (谋划; a returned project comes back to draft). */
export const EDITABLE_PROJECT_STAGES: readonly ProjectStage[] = ['draft'];

/** True when `s` is a stage code. */
export function isProjectStage(s: string): s is ProjectStage {
  return (PROJECT_STAGES as readonly string[]).includes(s);
}

export const PROJECT_STAGE_LABELS: Record<ProjectStage, { zh: string; en: string }> = {
  draft: { zh: '谋划', en: 'planned' },
  submitted: { zh: '已申报待审核', en: 'submitted for review' },
  reviewed: { zh: '已审核待公示', en: 'reviewed, to be publicised' },
  publicised: { zh: '公示中', en: 'under publicity' },
  in_library: { zh: '已入库', en: 'in the library' },
  funded: { zh: '已安排资金', en: 'funded' },
  implementing: { zh: '实施中', en: 'being implemented' },
  accepted: { zh: '已验收', en: 'accepted' },
  evaluated: { zh: '已绩效评价', en: 'evaluated' },
  rejected: { zh: '未通过', en: 'rejected' },
  withdrawn: { zh: '已撤回', en: 'withdrawn' },
};

/** The steps a user takes on a project. */
export const PROJECT_ACTIONS = [
  'submit',
  'withdraw',
  'township_review',
  'return',
  'publicise',
  'approve_entry',
  'reject',
  'allocate_funds',
  'start',
  'accept',
  'evaluate',
] as const;
export type ProjectAction = (typeof PROJECT_ACTIONS)[number];

/** 绩效评价 grades. */
export const EVALUATION_GRADES = ['优', '良', '中', '差'] as const;

/** The four 入库 review checks of 004 §六 (P4), as the pack names them, with the project column each one fills. */
export const REVIEW_CHECKS = {
  benefit: { column: 'reviewBenefit', zh: '项目效益', en: 'benefit' },
  interest_linkage: { column: 'reviewLinkage', zh: '利益联结', en: 'interest linkage' },
  organisation: { column: 'reviewOrganisation', zh: '组织保障', en: 'organisation' },
  after_operation: { column: 'reviewAfterOperation', zh: '后续运营', en: 'after-operation' },
} as const;
export type ReviewCheck = keyof typeof REVIEW_CHECKS;
export const REVIEW_CHECK_CODES = Object.keys(REVIEW_CHECKS) as ReviewCheck[];

const RANK: Record<ActorLevel, number> = { village: 1, township: 2, county: 3 };

type ProjectActionRule = { from: readonly ProjectStage[]; to: ProjectStage; level: ActorLevel; zh: string; en: string; forbiddenZh: string; forbiddenEn: string };

const BY_PROPOSER = { level: 'village', forbiddenZh: '', forbiddenEn: '' } as const;
const BY_TOWNSHIP = { level: 'township', forbiddenZh: '项目审核须由乡镇或县级业务员办理', forbiddenEn: 'the review must be done by a township or county officer' } as const;
const BY_COUNTY = {
  level: 'county',
  forbiddenZh: '项目入库审定须由县级业务员或县级管理员办理',
  forbiddenEn: 'the library decision must be taken by a county officer or administrator',
} as const;
const PRE_LIBRARY: readonly ProjectStage[] = ['submitted', 'reviewed', 'publicised'];

/** Which level (or higher) may take which action from which stage, and where it leads. */
export const PROJECT_ACTION_RULES: Record<ProjectAction, ProjectActionRule> = {
  submit: { ...BY_PROPOSER, from: ['draft'], to: 'submitted', zh: '申报', en: 'submit' },
  withdraw: { ...BY_PROPOSER, from: ['draft', 'submitted'], to: 'withdrawn', zh: '撤回', en: 'withdraw' },
  township_review: { ...BY_TOWNSHIP, from: ['submitted'], to: 'reviewed', zh: '乡镇审核通过', en: 'township review passed' },
  return: {
    ...BY_TOWNSHIP,
    forbiddenZh: '退回须由乡镇或县级业务员办理',
    forbiddenEn: 'a return must be made by a township or county officer',
    from: PRE_LIBRARY,
    to: 'draft',
    zh: '退回修改',
    en: 'return',
  },
  publicise: {
    ...BY_TOWNSHIP,
    forbiddenZh: '项目公示须由乡镇或县级业务员办理',
    forbiddenEn: 'the publicity must be recorded by a township or county officer',
    from: ['reviewed'],
    to: 'publicised',
    zh: '公示',
    en: 'publicity',
  },
  approve_entry: { ...BY_COUNTY, from: ['publicised'], to: 'in_library', zh: '审定入库', en: 'enter the library' },
  reject: {
    ...BY_COUNTY,
    forbiddenZh: '不予入库须由县级业务员或县级管理员决定',
    forbiddenEn: 'a rejection must be decided by a county officer or administrator',
    from: PRE_LIBRARY,
    to: 'rejected',
    zh: '不予入库',
    en: 'reject',
  },
  allocate_funds: {
    ...BY_COUNTY,
    forbiddenZh: '资金安排须由县级业务员或县级管理员办理',
    forbiddenEn: 'funds are allocated by a county officer or administrator',
    from: ['in_library', 'funded', 'implementing'],
    to: 'funded',
    zh: '资金安排',
    en: 'allocate funds',
  },
  start: {
    ...BY_TOWNSHIP,
    forbiddenZh: '开工实施须由乡镇或县级业务员登记',
    forbiddenEn: 'the start is recorded by a township or county officer',
    from: ['funded'],
    to: 'implementing',
    zh: '开工实施',
    en: 'start',
  },
  accept: {
    ...BY_COUNTY,
    forbiddenZh: '项目验收须由县级业务员或县级管理员登记',
    forbiddenEn: 'the acceptance is recorded by a county officer or administrator',
    from: ['implementing'],
    to: 'accepted',
    zh: '竣工验收',
    en: 'acceptance',
  },
  evaluate: {
    ...BY_COUNTY,
    forbiddenZh: '绩效评价须由县级业务员或县级管理员登记',
    forbiddenEn: 'the evaluation is recorded by a county officer or administrator',
    from: ['accepted'],
    to: 'evaluated',
    zh: '绩效评价',
    en: 'performance evaluation',
  },
};

/**
 * The stage a project moves to when `action` is taken from `stage`, or null when the action is not possible there.
 * `allocate_funds` (资金安排, P1: only library projects) moves an in-library project to 已安排资金 and keeps a funded or
 * implementing project where it is (a further allocation). Used by the funds allocation service.
 */
export function nextProjectStage(stage: string, action: ProjectAction): ProjectStage | null {
  if (!isProjectStage(stage)) return null;
  const rule = PROJECT_ACTION_RULES[action];
  if (!rule.from.includes(stage)) return null;
  if (action === 'allocate_funds' && stage !== 'in_library') return stage;
  return rule.to;
}

/** May a user of `level` take `action`? The refusal in officer language, or null. */
export function projectLevelRefusal(action: ProjectAction, level: ActorLevel | null): Issue | null {
  if (level === null) return { path: 'action', value: action, messageZh: '只读账号不能办理项目业务', messageEn: 'a read-only account cannot take project steps' };
  const rule = PROJECT_ACTION_RULES[action];
  return RANK[level] >= RANK[rule.level] ? null : { path: 'action', value: action, messageZh: rule.forbiddenZh, messageEn: rule.forbiddenEn };
}

/** An action the UI offers on a project with why this user may not take it (null = allowed). */
export type OfferedProjectAction = { action: ProjectAction; labelZh: string; labelEn: string; refusal: Issue | null };

/** Actions out of `stage` (allocate_funds excluded: the funds module takes it), each with this user's refusal. */
export function projectActionsForStage(stage: ProjectStage, level: ActorLevel | null): OfferedProjectAction[] {
  return PROJECT_ACTIONS.filter((a) => a !== 'allocate_funds' && PROJECT_ACTION_RULES[a].from.includes(stage)).map((a) => ({
    action: a,
    labelZh: PROJECT_ACTION_RULES[a].zh,
    labelEn: PROJECT_ACTION_RULES[a].en,
    refusal: projectLevelRefusal(a, level),
  }));
}

/** The project columns the state machine reads. */
export type ProjectState = {
  stage: ProjectStage;
  projectType: string;
  linkageModes: readonly string[];
  publicityStart?: string | null;
  publicityEnd?: string | null;
  enteredLibraryOn?: string | null;
  startedOn?: string | null;
};

/** What the user sends with an action. */
export type ProjectActionInput = {
  action: ProjectAction;
  /** the step's date (入库, 开工, 验收, 评价); defaults to today */
  date?: string | null;
  /** 退回 / 不予入库 reason (required for both) */
  reason?: string | null;
  publicityStart?: string | null;
  publicityEnd?: string | null;
  /** approve_entry: the four checks (004 §六 where the pack sets P4: each recorded true) */
  checks?: Partial<Record<ReviewCheck, boolean | null>> | null;
  reviewNote?: string | null;
  /** evaluate: 优 | 良 | 中 | 差 */
  grade?: string | null;
  note?: string | null;
};

/**
 * The entry conditions from the county's own pack (entry-policy.ts): P3 minLinkageModes (null = the pack sets none)
 * and P4 reviewChecks with their clauses in words; `checksRequired` false when the pack sets no P4 (the checks are
 * recorded, not required); `noteZh/En` names what the pack leaves unset (null when it sets both).
 */
export type EntryPolicy = {
  minLinkageModes: number | null;
  linkageClause: string;
  reviewChecks: readonly string[];
  checksRequired: boolean;
  reviewClause: string;
  noteZh: string | null;
  noteEn: string | null;
};

/** The project columns an action writes. */
export type ProjectPatch = {
  stage: ProjectStage;
  returnReason?: string | null;
  publicityStart?: string | null;
  publicityEnd?: string | null;
  reviewBenefit?: boolean | null;
  reviewLinkage?: boolean | null;
  reviewOrganisation?: boolean | null;
  reviewAfterOperation?: boolean | null;
  reviewNote?: string | null;
  enteredLibraryOn?: string | null;
  startedOn?: string | null;
  acceptedOn?: string | null;
  evaluatedOn?: string | null;
  evaluationGrade?: string | null;
  evaluationNote?: string | null;
};

export type ProjectActionResult =
  { ok: false; code: 'FORBIDDEN' | 'INVALID_TRANSITION' | 'VALIDATION_FAILED'; issues: Issue[] } | { ok: true; patch: ProjectPatch; stepReason: string | null };

const missing = (path: string, zh: string, en: string): Issue => ({ path, messageZh: `请填写${zh}`, messageEn: `${en} is required` });

/** The P3 refusal of an industry project with too few linkage modes, or null. 004 §六 */
export function linkageModesIssue(p: Pick<ProjectState, 'projectType' | 'linkageModes'>, policy: Pick<EntryPolicy, 'minLinkageModes' | 'linkageClause'>): Issue | null {
  const min = policy.minLinkageModes;
  if (min === null || p.projectType !== 'industry') return null;
  const n = new Set(p.linkageModes).size;
  if (n >= min) return null;
  return {
    path: 'linkageModes',
    value: n,
    messageZh: `产业项目须至少落实 ${min} 种联农带农方式（${policy.linkageClause}），本项目 ${n} 种`,
    messageEn: `an industry project needs at least ${min} farmer-linkage modes in effect (${policy.linkageClause}); this one has ${n}`,
  };
}

/**
 * The project state machine: checks that `level` may take the action, that the project's stage allows it, and the
 * action's own conditions (a reason for 退回/不予入库; publicity dates; for 入库 the checks the county's pack sets
 * recorded true — P4 — and its minimum of linkage modes for an industry project — P3; a grade for 绩效评价). Returns the columns to
 * write; `today` is the server's date (ISO) used when the user gives none.
 */
export function planProjectAction(p: ProjectState, level: ActorLevel | null, input: ProjectActionInput, policy: EntryPolicy, today: string): ProjectActionResult {
  const rule = PROJECT_ACTION_RULES[input.action];
  const refusal = projectLevelRefusal(input.action, level);
  if (refusal) return { ok: false, code: 'FORBIDDEN', issues: [refusal] };
  if (!rule.from.includes(p.stage)) {
    const at = PROJECT_STAGE_LABELS[p.stage];
    return {
      ok: false,
      code: 'INVALID_TRANSITION',
      issues: [
        { path: 'stage', value: p.stage, messageZh: `该项目当前处于“${at.zh}”阶段，不能办理“${rule.zh}”`, messageEn: `the project is ${at.en}: "${rule.en}" is not possible` },
      ],
    };
  }
  const fail = (code: 'INVALID_TRANSITION' | 'VALIDATION_FAILED', issues: Issue[]): ProjectActionResult => ({ ok: false, code, issues });
  const reason = (input.reason ?? '').trim();
  const date = input.date ?? today;
  if (isoDateToDay(date) === null) return fail('VALIDATION_FAILED', [{ path: 'date', value: date, messageZh: `日期无效：${date}`, messageEn: `invalid date ${date}` }]);
  const to = nextProjectStage(p.stage, input.action) ?? rule.to;
  const done = (patch: Omit<ProjectPatch, 'stage'>, stepReason: string | null = null): ProjectActionResult => ({ ok: true, patch: { stage: to, ...patch }, stepReason });

  switch (input.action) {
    case 'submit':
      return done({ returnReason: null });
    case 'withdraw':
      return done({}, reason || null);
    case 'township_review':
      return done({}, reason || null);
    case 'return':
    case 'reject':
      if (!reason) return fail('VALIDATION_FAILED', [missing('reason', input.action === 'return' ? '退回原因' : '不予入库的原因', 'a reason')]);
      return done({ returnReason: reason }, reason);
    case 'publicise': {
      const s = input.publicityStart ? isoDateToDay(input.publicityStart) : null;
      const e = input.publicityEnd ? isoDateToDay(input.publicityEnd) : null;
      if (s === null || e === null) return fail('VALIDATION_FAILED', [missing('publicityStart', '公示开始和结束日期', 'the publicity start and end dates')]);
      if (e < s) {
        return fail('VALIDATION_FAILED', [
          {
            path: 'publicityEnd',
            value: input.publicityEnd,
            messageZh: `公示结束日期 ${input.publicityEnd} 早于开始日期 ${input.publicityStart}`,
            messageEn: 'the publicity ends before it starts',
          },
        ]);
      }
      return done({ publicityStart: input.publicityStart, publicityEnd: input.publicityEnd });
    }
    case 'approve_entry': {
      const checks = input.checks ?? {};
      const notRecorded = policy.checksRequired ? policy.reviewChecks.filter((c) => checks[c as ReviewCheck] !== true) : [];
      const issues: Issue[] = [];
      if (notRecorded.length) {
        const words = notRecorded.map((c) => REVIEW_CHECKS[c as ReviewCheck]?.zh ?? c);
        issues.push({
          path: 'checks',
          value: notRecorded,
          messageZh: `入库审定须核查${words.join('、')}（${policy.reviewClause}），尚未确认：${words.join('、')}`,
          messageEn: `library entry must confirm ${notRecorded.map((c) => REVIEW_CHECKS[c as ReviewCheck]?.en ?? c).join(', ')} (${policy.reviewClause})`,
        });
      }
      const modes = linkageModesIssue(p, policy);
      if (modes) issues.push(modes);
      if (issues.length) return fail('INVALID_TRANSITION', issues);
      return done(
        {
          reviewBenefit: checks.benefit ?? null,
          reviewLinkage: checks.interest_linkage ?? null,
          reviewOrganisation: checks.organisation ?? null,
          reviewAfterOperation: checks.after_operation ?? null,
          reviewNote: input.reviewNote ?? null,
          enteredLibraryOn: date,
          returnReason: null,
        },
        input.reviewNote ?? null,
      );
    }
    case 'allocate_funds':
      return done({});
    case 'start':
      return done({ startedOn: date });
    case 'accept':
      if (p.startedOn && date < p.startedOn)
        return fail('VALIDATION_FAILED', [{ path: 'date', value: date, messageZh: `验收日期 ${date} 早于开工日期 ${p.startedOn}`, messageEn: 'accepted before it started' }]);
      return done({ acceptedOn: date });
    case 'evaluate': {
      const grade = input.grade ?? '';
      if (!(EVALUATION_GRADES as readonly string[]).includes(grade)) {
        return fail('VALIDATION_FAILED', [{ path: 'grade', value: grade, messageZh: '请选择绩效评价等次（优、良、中、差）', messageEn: 'the grade must be 优, 良, 中 or 差' }]);
      }
      return done({ evaluatedOn: date, evaluationGrade: grade, evaluationNote: input.note ?? null }, input.note ?? null);
    }
  }
}
