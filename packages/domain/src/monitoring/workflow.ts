import type { Issue } from '../errors.ts';
import type { PolicyPack } from '../policy/policy.types.ts';
import { checkIdentificationSteps, type IdentificationDates } from './identification.ts';
import { isoDateToDay } from './iso-date.ts';

// The case's procedure by role (domain-standards §1.5: 永城市 2024 识别纳入 steps 入户核实 → 信息比对 → 村级初选
// (民主评议 + 村内公示 ≥ 5 天) → 乡级审核 → 县级审批; 风险消除 "入户核查、村级民主评议公示、乡镇审核验收、市县审定公告"
// (海南)). The village records its steps and submits; the township reviews (审核) or returns (退回) the case with a
// reason; the county approves (审批) or returns it. `stage` records where the case waits, i.e. who acts next.

/** Where a case waits. */
export const CASE_STAGES = ['village', 'township_review', 'county_approval', 'approved', 'elim_village', 'elim_township_review', 'elim_county_approval', 'eliminated'] as const;
export type CaseStage = (typeof CASE_STAGES)[number];

/** The administrative level of a user: who may take which step. */
export type ActorLevel = 'village' | 'township' | 'county';
const RANK: Record<ActorLevel, number> = { village: 1, township: 2, county: 3 };

/**
 * The level a role acts at: admin and county_officer at county level, township_officer at township level,
 * village_officer at village level; viewer none (read only).
 */
export function levelOfRole(role: string): ActorLevel | null {
  if (role === 'admin' || role === 'county_officer') return 'county';
  if (role === 'township_officer') return 'township';
  if (role === 'village_officer') return 'village';
  return null;
}

/** Labels of the stages, for officers. */
export const STAGE_LABELS: Record<CaseStage, { zh: string; en: string; level: ActorLevel | null }> = {
  village: { zh: '村级识别（入户核实、民主评议、公示）', en: 'village identification', level: 'village' },
  township_review: { zh: '待乡镇审核', en: 'awaiting township review', level: 'township' },
  county_approval: { zh: '待县级审批', en: 'awaiting county approval', level: 'county' },
  approved: { zh: '已纳入监测', en: 'under monitoring', level: null },
  elim_village: { zh: '风险消除：村级核实、评议公示', en: 'risk elimination: village check and publicity', level: 'village' },
  elim_township_review: { zh: '风险消除：待乡镇审核', en: 'risk elimination: awaiting township review', level: 'township' },
  elim_county_approval: { zh: '风险消除：待县级审批', en: 'risk elimination: awaiting county approval', level: 'county' },
  eliminated: { zh: '风险已消除', en: 'risk eliminated', level: null },
};

/** The steps a user takes on a case. */
export const CASE_ACTIONS = [
  'record_home_visit',
  'record_info_check',
  'record_village_review',
  'record_publicity',
  'submit',
  'township_approve',
  'township_return',
  'county_approve',
  'county_return',
  'elim_home_visit',
  'elim_publicity',
  'elim_submit',
  'elim_township_approve',
  'elim_township_return',
  'elim_county_approve',
  'elim_county_return',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

type ActionRule = {
  from: readonly CaseStage[];
  to: CaseStage;
  level: ActorLevel;
  /** true: only that level (a review step is not taken over by another level); false: that level or higher */
  exact: boolean;
  zh: string;
  en: string;
  /** the refusal when a lower (or, for exact steps, another) level tries it */
  forbiddenZh: string;
  forbiddenEn: string;
};

const VILLAGE_STEP = { level: 'village', exact: false, forbiddenZh: '', forbiddenEn: '' } as const;
const TOWNSHIP = { level: 'township', exact: true, forbiddenZh: '乡镇审核须由乡镇业务员完成', forbiddenEn: 'the township review must be done by a township officer' } as const;
const COUNTY = {
  level: 'county',
  exact: false,
  forbiddenZh: '县级审批须由县级业务员或县级管理员完成',
  forbiddenEn: 'the county approval must be done by a county officer or administrator',
} as const;

/** Which level may take which action from which stage, and where it leads. */
export const ACTION_RULES: Record<CaseAction, ActionRule> = {
  record_home_visit: { ...VILLAGE_STEP, from: ['village'], to: 'village', zh: '入户核实', en: 'home visit' },
  record_info_check: { ...VILLAGE_STEP, from: ['village'], to: 'village', zh: '信息比对', en: 'data cross-check' },
  record_village_review: { ...VILLAGE_STEP, from: ['village'], to: 'village', zh: '民主评议', en: 'village deliberation' },
  record_publicity: { ...VILLAGE_STEP, from: ['village'], to: 'village', zh: '村内公示', en: 'village publicity' },
  submit: { ...VILLAGE_STEP, from: ['village'], to: 'township_review', zh: '报乡镇审核', en: 'submit to the township' },
  township_approve: { ...TOWNSHIP, from: ['township_review'], to: 'county_approval', zh: '乡镇审核通过', en: 'township review passed' },
  township_return: { ...TOWNSHIP, from: ['township_review'], to: 'village', zh: '乡镇退回', en: 'returned by the township' },
  county_approve: { ...COUNTY, from: ['county_approval'], to: 'approved', zh: '县级审批通过', en: 'county approval' },
  county_return: { ...COUNTY, from: ['county_approval'], to: 'village', zh: '县级退回', en: 'returned by the county' },
  elim_home_visit: { ...VILLAGE_STEP, from: ['approved', 'elim_village'], to: 'elim_village', zh: '消除入户核实', en: 'elimination home visit' },
  elim_publicity: { ...VILLAGE_STEP, from: ['elim_village'], to: 'elim_village', zh: '消除评议公示', en: 'elimination deliberation and publicity' },
  elim_submit: { ...VILLAGE_STEP, from: ['elim_village'], to: 'elim_township_review', zh: '消除报乡镇审核', en: 'submit the elimination to the township' },
  elim_township_approve: { ...TOWNSHIP, from: ['elim_township_review'], to: 'elim_county_approval', zh: '消除乡镇审核通过', en: 'township review of the elimination passed' },
  elim_township_return: { ...TOWNSHIP, from: ['elim_township_review'], to: 'elim_village', zh: '消除乡镇退回', en: 'elimination returned by the township' },
  elim_county_approve: { ...COUNTY, from: ['elim_county_approval'], to: 'eliminated', zh: '消除县级审批通过', en: 'county approval of the elimination' },
  elim_county_return: { ...COUNTY, from: ['elim_county_approval'], to: 'elim_village', zh: '消除县级退回', en: 'elimination returned by the county' },
};

/** The status column that goes with a stage: identifying, monitoring or eliminated. */
export function statusOfStage(stage: CaseStage): 'identifying' | 'monitoring' | 'eliminated' {
  if (stage === 'village' || stage === 'township_review' || stage === 'county_approval') return 'identifying';
  return stage === 'eliminated' ? 'eliminated' : 'monitoring';
}

/** True when `s` is a stage code. */
export function isCaseStage(s: string): s is CaseStage {
  return (CASE_STAGES as readonly string[]).includes(s);
}

/**
 * May a user of `level` take `action`? Returns the refusal (officer language) or null.
 * Village steps: any level (a higher level may record them); 乡镇审核: township officers only; 县级审批: county level.
 */
export function levelRefusal(action: CaseAction, level: ActorLevel | null): Issue | null {
  const rule = ACTION_RULES[action];
  if (level === null) return { path: 'action', value: action, messageZh: '只读账号不能办理监测业务', messageEn: 'a read-only account cannot take monitoring steps' };
  const ok = rule.exact ? level === rule.level : RANK[level] >= RANK[rule.level];
  return ok ? null : { path: 'action', value: action, messageZh: rule.forbiddenZh, messageEn: rule.forbiddenEn };
}

/** An action the UI offers on a case, with why it is not allowed to this user (null = allowed). */
export type OfferedAction = { action: CaseAction; labelZh: string; labelEn: string; refusal: Issue | null };

/** Actions that lead out of `stage`, each with the current user's refusal if any. */
export function actionsForStage(stage: CaseStage, level: ActorLevel | null): OfferedAction[] {
  return CASE_ACTIONS.filter((a) => ACTION_RULES[a].from.includes(stage)).map((a) => ({
    action: a,
    labelZh: ACTION_RULES[a].zh,
    labelEn: ACTION_RULES[a].en,
    refusal: levelRefusal(a, level),
  }));
}

/** The facts of a case the state machine reads and writes (the monitoring_cases columns). */
export type CaseState = IdentificationDates & {
  stage: CaseStage;
  commitmentDate?: string | null;
  riskTypes?: string[];
  returnReason?: string | null;
  elimHomeVisitDate?: string | null;
  elimPublicityStart?: string | null;
  elimPublicityEnd?: string | null;
  elimTownshipReviewDate?: string | null;
  elimCountyApprovalDate?: string | null;
  rigidExpenseResolved?: boolean | null;
  noNewRisk?: boolean | null;
  eliminationMethod?: string | null;
  eliminationDate?: string | null;
};

/** What the user sends with an action. */
export type CaseActionInput = {
  action: CaseAction;
  /** the date of the step (审核/审批/核实/评议 date) */
  date?: string | null;
  /** 退回 reason (required for returns) */
  reason?: string | null;
  commitmentDate?: string | null;
  riskTypes?: string[] | null;
  publicityStart?: string | null;
  publicityEnd?: string | null;
  rigidExpenseResolved?: boolean | null;
  noNewRisk?: boolean | null;
  housingSecure?: boolean | null;
  waterSecure?: boolean | null;
  educationSecure?: boolean | null;
  medicalSecure?: boolean | null;
  eliminationMethod?: string | null;
};

/** The household flags re-assessed at the elimination home visit. */
export type GuaranteeFlags = { housingSecure: boolean; waterSecure: boolean; educationSecure: boolean; medicalSecure: boolean };

export type CaseActionResult =
  | { ok: false; code: 'FORBIDDEN' | 'INVALID_TRANSITION' | 'VALIDATION_FAILED'; issues: Issue[] }
  | {
      ok: true;
      stage: CaseStage;
      /** columns of the case to write (returnedAt is the server's clock: `returned` says to set it) */
      patch: Partial<CaseState>;
      returned: boolean;
      /** what happens to the household: enters monitoring, gets re-assessed flags, or leaves monitoring */
      household: { kind: 'enter_monitoring'; since: string } | { kind: 'reassess'; flags: GuaranteeFlags } | { kind: 'eliminated'; date: string; method: string } | null;
    };

const missing = (path: string, zh: string, en: string): Issue => ({ path, messageZh: `请填写${zh}`, messageEn: `${en} is required` });

function publicityIssue(path: string, start: string | null | undefined, end: string | null | undefined, pack: Pick<PolicyPack, 'publicityMinDays'>, zh: string): Issue | null {
  const s = start ? isoDateToDay(start) : null;
  const e = end ? isoDateToDay(end) : null;
  if (s === null || e === null) return { path, messageZh: `请填写${zh}的开始和结束日期`, messageEn: 'publicity start and end dates are required' };
  if (e < s) return { path, value: end, messageZh: `${zh}结束日期 ${end} 早于开始日期 ${start}`, messageEn: `publicity ends ${end} before it starts ${start}` };
  const n = e - s + 1;
  if (n < pack.publicityMinDays) {
    return {
      path,
      value: end,
      messageZh: `${zh}仅 ${n} 天，不少于 ${pack.publicityMinDays} 天`,
      messageEn: `publicity lasted ${n} days; it must last at least ${pack.publicityMinDays}`,
    };
  }
  return null;
}

/** `date` is on or after `after` (both ISO), else an issue naming both steps. */
function notBefore(path: string, date: string, dateZh: string, after: string | null | undefined, afterZh: string): Issue | null {
  if (!after || date >= after) return null;
  return { path, value: date, messageZh: `${dateZh}日期 ${date} 早于${afterZh}日期 ${after}`, messageEn: `${path} ${date} is before ${after}` };
}

function dateOf(input: CaseActionInput, zh: string): { date: string } | { issue: Issue } {
  const d = input.date ?? '';
  if (!d) return { issue: missing('date', `${zh}日期`, 'the date') };
  if (isoDateToDay(d) === null) return { issue: { path: 'date', value: d, messageZh: `${zh}日期无效：${d}`, messageEn: `invalid date ${d}` } };
  return { date: d };
}

/**
 * The identification and 风险消除 state machine: checks that `level` may take `input.action` from the case's
 * stage, with the pack's checks (complete village steps and 公示 ≥ pack.publicityMinDays before submitting,
 * dates in order, a reason for every 退回, the home visit's assessments), and returns the new stage, the
 * columns to write and the effect on the household. For `elim_county_approve` the caller passes the national
 * conditions' refusals (checkRiskElimination) in `eliminationIssues`.
 */
export function planCaseAction(
  c: CaseState,
  level: ActorLevel | null,
  input: CaseActionInput,
  pack: Pick<PolicyPack, 'publicityMinDays' | 'identificationMaxDays'>,
  ctx: { eliminationIssues?: Issue[] } = {},
): CaseActionResult {
  const rule = ACTION_RULES[input.action];
  const refusal = levelRefusal(input.action, level);
  if (refusal) return { ok: false, code: 'FORBIDDEN', issues: [refusal] };
  if (!rule.from.includes(c.stage)) {
    return {
      ok: false,
      code: 'INVALID_TRANSITION',
      issues: [
        {
          path: 'stage',
          value: c.stage,
          messageZh: `该户当前处于“${STAGE_LABELS[c.stage].zh}”环节，不能办理“${rule.zh}”`,
          messageEn: `the case is at "${STAGE_LABELS[c.stage].en}": "${rule.en}" is not possible`,
        },
      ],
    };
  }
  const fail = (...issues: (Issue | null)[]): CaseActionResult => ({ ok: false, code: 'VALIDATION_FAILED', issues: issues.filter((i): i is Issue => i !== null) });
  const done = (patch: Partial<CaseState>, household: Extract<CaseActionResult, { ok: true }>['household'] = null, returned = false): CaseActionResult => ({
    ok: true,
    stage: rule.to,
    patch,
    returned,
    household,
  });
  const steps = (merged: CaseState): Issue[] => checkIdentificationSteps(merged, pack).filter((i) => (i.severity ?? 'error') === 'error');
  const reason = (input.reason ?? '').trim();

  switch (input.action) {
    case 'record_home_visit':
    case 'record_info_check':
    case 'record_village_review': {
      const key = input.action === 'record_home_visit' ? 'homeVisitDate' : input.action === 'record_info_check' ? 'infoCheckDate' : 'villageReviewDate';
      const d = dateOf(input, rule.zh);
      if ('issue' in d) return fail(d.issue);
      const patch: Partial<CaseState> = { [key]: d.date };
      if (input.action === 'record_home_visit') {
        if (!input.commitmentDate) return fail(missing('commitmentDate', '承诺授权书签订日期', 'the commitment and authorisation date'));
        patch.commitmentDate = input.commitmentDate;
        if (input.riskTypes) {
          if (input.riskTypes.length > 5) return fail({ path: 'riskTypes', value: input.riskTypes, messageZh: '风险类型最多 5 项', messageEn: 'at most 5 risk types' });
          patch.riskTypes = input.riskTypes;
        }
      }
      const issues = steps({ ...c, ...patch });
      return issues.length ? fail(...issues) : done(patch);
    }
    case 'record_publicity': {
      const patch = { publicityStart: input.publicityStart ?? null, publicityEnd: input.publicityEnd ?? null };
      const p = publicityIssue('publicityEnd', patch.publicityStart, patch.publicityEnd, pack, '村内公示');
      if (p) return fail(p);
      const issues = steps({ ...c, ...patch });
      return issues.length ? fail(...issues) : done(patch);
    }
    case 'submit': {
      const issues: (Issue | null)[] = [
        c.homeVisitDate ? null : missing('homeVisitDate', '入户核实日期', 'the home visit'),
        c.commitmentDate ? null : missing('commitmentDate', '承诺授权书签订日期', 'the commitment date'),
        c.infoCheckDate ? null : missing('infoCheckDate', '信息比对日期', 'the data cross-check'),
        c.villageReviewDate ? null : missing('villageReviewDate', '民主评议日期', 'the village deliberation'),
        publicityIssue('publicityEnd', c.publicityStart, c.publicityEnd, pack, '村内公示'),
        ...steps(c),
      ];
      return issues.some(Boolean) ? fail(...issues) : done({ returnReason: null });
    }
    case 'township_approve':
    case 'county_approve': {
      const d = dateOf(input, rule.zh);
      if ('issue' in d) return fail(d.issue);
      const patch: Partial<CaseState> = input.action === 'township_approve' ? { townshipReviewDate: d.date } : { countyApprovalDate: d.date };
      const issues = steps({ ...c, ...patch });
      if (issues.length) return fail(...issues);
      return input.action === 'county_approve' ? done(patch, { kind: 'enter_monitoring', since: d.date }) : done(patch);
    }
    case 'township_return':
    case 'county_return':
    case 'elim_township_return':
    case 'elim_county_return': {
      if (!reason) return fail(missing('reason', '退回原因', 'a reason for the return'));
      const patch: Partial<CaseState> = input.action.startsWith('elim_') ? { elimTownshipReviewDate: null } : { townshipReviewDate: null };
      return done({ ...patch, returnReason: reason }, null, true);
    }
    case 'elim_home_visit': {
      const d = dateOf(input, rule.zh);
      if ('issue' in d) return fail(d.issue);
      const flags = { housingSecure: input.housingSecure, waterSecure: input.waterSecure, educationSecure: input.educationSecure, medicalSecure: input.medicalSecure };
      const labels: Record<string, string> = {
        rigidExpenseResolved: '大额刚性支出是否稳定解决',
        noNewRisk: '是否无新增风险',
        housingSecure: '住房安全',
        waterSecure: '饮水安全',
        educationSecure: '义务教育保障',
        medicalSecure: '基本医疗保障',
      };
      const unanswered = Object.entries({ rigidExpenseResolved: input.rigidExpenseResolved, noNewRisk: input.noNewRisk, ...flags })
        .filter(([, v]) => typeof v !== 'boolean')
        .map(([k]) => ({ path: k, messageZh: `入户核实须评估“${labels[k]}”`, messageEn: `the home visit must assess ${k}` }));
      if (unanswered.length) return fail(...unanswered);
      const order = notBefore('date', d.date, '消除入户核实', c.countyApprovalDate, '县级审批');
      if (order) return fail(order);
      const patch: Partial<CaseState> = { elimHomeVisitDate: d.date, rigidExpenseResolved: input.rigidExpenseResolved as boolean, noNewRisk: input.noNewRisk as boolean };
      if (input.eliminationMethod) patch.eliminationMethod = input.eliminationMethod;
      return done(patch, { kind: 'reassess', flags: flags as GuaranteeFlags });
    }
    case 'elim_publicity': {
      const p = publicityIssue('publicityEnd', input.publicityStart, input.publicityEnd, pack, '评议公示');
      if (p) return fail(p);
      const start = input.publicityStart as string;
      const order = notBefore('publicityStart', start, '评议公示开始', c.elimHomeVisitDate, '消除入户核实');
      if (order) return fail(order);
      return done({ elimPublicityStart: start, elimPublicityEnd: input.publicityEnd as string });
    }
    case 'elim_submit': {
      const issues = [
        c.elimHomeVisitDate ? null : missing('elimHomeVisitDate', '消除入户核实', 'the elimination home visit'),
        publicityIssue('elimPublicityEnd', c.elimPublicityStart, c.elimPublicityEnd, pack, '评议公示'),
      ];
      return issues.some(Boolean) ? fail(...issues) : done({ returnReason: null });
    }
    case 'elim_township_approve': {
      const d = dateOf(input, rule.zh);
      if ('issue' in d) return fail(d.issue);
      const order = notBefore('date', d.date, '乡镇审核', c.elimPublicityEnd, '评议公示结束');
      return order ? fail(order) : done({ elimTownshipReviewDate: d.date });
    }
    case 'elim_county_approve': {
      const d = dateOf(input, rule.zh);
      if ('issue' in d) return fail(d.issue);
      const method = input.eliminationMethod ?? c.eliminationMethod ?? null;
      if (!method) return fail(missing('eliminationMethod', '风险消除方式', 'the elimination method'));
      const order = notBefore('date', d.date, '县级审批', c.elimTownshipReviewDate, '乡镇审核');
      if (order) return fail(order);
      const refused = (ctx.eliminationIssues ?? []).filter((i) => (i.severity ?? 'error') === 'error');
      if (refused.length) return { ok: false, code: 'INVALID_TRANSITION', issues: refused };
      return done({ elimCountyApprovalDate: d.date, eliminationDate: d.date, eliminationMethod: method }, { kind: 'eliminated', date: d.date, method });
    }
  }
}
