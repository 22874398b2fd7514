import { formatClause } from '../policy/documents.ts';
import { POLICY_PACKS } from '../policy/packs/index.ts';
import type { PolicyPack, RuleConfig } from '../policy/policy.types.ts';
import { REVIEW_CHECK_CODES, type EntryPolicy } from './workflow.ts';

/** The pack's config of a rule, else the built-in pack that sets it (the clause's own region), with that pack. */
function configOf(pack: PolicyPack, ruleId: string): { config: RuleConfig; pack: PolicyPack } | null {
  const own = pack.rules.find((r) => r.ruleId === ruleId);
  if (own) return { config: own, pack };
  for (const p of POLICY_PACKS) {
    const c = p.rules.find((r) => r.ruleId === ruleId);
    if (c) return { config: c, pack: p };
  }
  return null;
}

/**
 * The 入库 conditions of a county: P3 minLinkageModes and P4 reviewChecks (004 §六) from its active pack. A pack that
 * does not set them takes them from the built-in pack that does (xinxiang, 新农字〔2024〕34号): the library entry
 * always records the four checks and refuses an industry project with too few linkage modes, and the message
 * cites the document the figure comes from.
 */
export function entryPolicyOf(pack: PolicyPack): EntryPolicy {
  const p3 = configOf(pack, 'P3');
  const p4 = configOf(pack, 'P4');
  const min = p3?.config.params.minLinkageModes;
  const checks = p4?.config.params.reviewChecks;
  return {
    minLinkageModes: typeof min === 'number' ? min : null,
    linkageClause: p3 ? formatClause(p3.pack, p3.config.clause) : '',
    reviewChecks: Array.isArray(checks) && checks.every((c) => typeof c === 'string') ? (checks as string[]) : REVIEW_CHECK_CODES,
    reviewClause: p4 ? formatClause(p4.pack, p4.config.clause) : '',
  };
}
