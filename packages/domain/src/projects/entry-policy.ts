import { formatClause } from '../policy/documents.ts';
import type { PolicyPack, RuleConfig } from '../policy/policy.types.ts';
import { REVIEW_CHECK_CODES, type EntryPolicy } from './workflow.ts';

const ruleOf = (pack: PolicyPack, ruleId: string): RuleConfig | undefined => pack.rules.find((r) => r.ruleId === ruleId);

/**
 * The 入库 conditions of a county, from its active pack only (004 §六 is Xinxiang's reply, not a rule of the other
 * cities): P3 minLinkageModes and P4 reviewChecks with their clauses. A pack without P4 still has the entry review
 * record the four checks (项目效益、利益联结、组织保障、后续运营) as the officer ticks them, none required; a pack
 * without P3 sets no minimum of linkage modes. `noteZh/En` says which of the two the pack leaves unset (null when
 * it sets both), so the review never applies another city's threshold without saying so.
 */
export function entryPolicyOf(pack: PolicyPack): EntryPolicy {
  const p3 = ruleOf(pack, 'P3');
  const p4 = ruleOf(pack, 'P4');
  const min = p3?.params.minLinkageModes;
  const checks = p4?.params.reviewChecks;
  const setsChecks = Array.isArray(checks) && checks.length > 0 && checks.every((c) => typeof c === 'string');
  const setsMin = typeof min === 'number';
  return {
    minLinkageModes: setsMin ? min : null,
    linkageClause: p3 && setsMin ? formatClause(pack, p3.clause) : '',
    reviewChecks: setsChecks ? (checks as string[]) : REVIEW_CHECK_CODES,
    checksRequired: setsChecks,
    reviewClause: p4 && setsChecks ? formatClause(pack, p4.clause) : '',
    ...unsetNote(setsMin, setsChecks),
  };
}

const RECORDED_ZH = '入库审定记录项目效益、利益联结、组织保障、后续运营四项核查情况，不作为入库条件';
const RECORDED_EN = 'the entry review records the four checks (benefit, interest linkage, organisation, after-operation) without requiring them';

/** What the pack leaves unset, in words (Chinese and English), or nulls when it sets both P3 and P4. */
function unsetNote(setsMin: boolean, setsChecks: boolean): { noteZh: string | null; noteEn: string | null } {
  if (setsMin && setsChecks) return { noteZh: null, noteEn: null };
  if (!setsMin && !setsChecks) {
    return {
      noteZh: `本县政策包未规定入库审查要素和联农带农方式最低数量：${RECORDED_ZH}，也不限定产业项目的联农带农方式数量`,
      noteEn: `The county's policy pack sets neither the entry review checks nor a minimum of linkage modes: ${RECORDED_EN}, and no minimum of linkage modes applies`,
    };
  }
  if (!setsMin) {
    return {
      noteZh: '本县政策包未规定产业项目联农带农方式的最低数量，入库审定不限定联农带农方式数量',
      noteEn: "The county's policy pack sets no minimum of linkage modes per industry project: none applies at library entry",
    };
  }
  return { noteZh: `本县政策包未规定入库审查要素：${RECORDED_ZH}`, noteEn: `The county's policy pack sets no entry review checks: ${RECORDED_EN}` };
}
