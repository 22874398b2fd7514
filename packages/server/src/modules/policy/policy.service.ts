import { AppError, POLICY_PACKS, RULE_CATALOGUE, findPack, getPack, isRuleImplemented, type PolicyPack } from '@chanbang/domain';
import type { Actor, Conn, Deps } from '../../deps.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { assertAdmin } from '../auth/auth.guard.ts';
import { isInScope } from '../regions/scope.ts';
import * as repo from './policy.repo.ts';

/** The 12-digit county code of any region code. */
export function countyCodeOf(regionCode: string): string {
  return `${regionCode.slice(0, 6)}000000`;
}

const settingKey = (countyCode: string) => `policy_pack:${countyCode}`;

/**
 * The county's active policy pack: the `policy_pack:<county>` setting, else the first built-in pack of the
 * county's province, else the first built-in pack.
 */
export async function getActivePack(db: Conn, countyCode: string): Promise<{ pack: PolicyPack; isDefault: boolean }> {
  const chosen = await repo.getSetting(db, settingKey(countyCode));
  const pack = typeof chosen === 'string' ? findPack(chosen) : undefined;
  if (pack) return { pack, isDefault: false };
  const fallback = POLICY_PACKS.find((p) => p.provinceCode === countyCode.slice(0, 2)) ?? POLICY_PACKS[0];
  if (!fallback) throw new AppError('INTERNAL', 'no policy packs are built in');
  return { pack: fallback, isDefault: true };
}

/** A pack as the API shows it: its rules with titles from the catalogue and whether the server evaluates them. */
function toPackView(p: PolicyPack) {
  return {
    ...p,
    rules: p.rules.map((r) => {
      const entry = RULE_CATALOGUE.find((c) => c.id === r.ruleId);
      const threshold = typeof r.params.minCoverage === 'number' ? r.params.minCoverage : null;
      return { ...r, id: r.ruleId, titleZh: entry?.titleZh, titleEn: entry?.titleEn, threshold, implemented: isRuleImplemented(r.ruleId) };
    }),
  };
}

/** The built-in packs. */
export function listPacks(): { packs: ReturnType<typeof toPackView>[] } {
  return { packs: POLICY_PACKS.map(toPackView) };
}

function resolveCounty(actor: Actor, countyCode: string | undefined): string {
  const county = countyCodeOf(countyCode ?? actor.regionCode);
  // the actor's scope lies inside one county (or is the county): other counties are not theirs
  if (!isInScope({ scopePrefix: actor.scopePrefix.slice(0, 6) }, county)) throw new AppError('NOT_FOUND', 'county not found', { countyCode: county });
  return county;
}

/** The active pack of a county (default: the actor's). @throws AppError NOT_FOUND for another county */
export async function getActive(deps: Deps, actor: Actor, countyCode: string | undefined) {
  const county = resolveCounty(actor, countyCode);
  const { pack, isDefault } = await getActivePack(deps.db.db, county);
  return { countyCode: county, packId: pack.id, isDefault };
}

/**
 * Chooses the county's policy pack (admin).
 * @throws AppError FORBIDDEN for non-admins, NOT_FOUND for an unknown pack or another county
 */
export async function setActive(deps: Deps, actor: Actor, input: { countyCode?: string | undefined; packId: string }) {
  assertAdmin(actor);
  const county = resolveCounty(actor, input.countyCode);
  const pack = getPack(input.packId);
  await deps.db.db.transaction(async (tx) => {
    const before = await repo.getSetting(tx, settingKey(county));
    await repo.putSetting(tx, settingKey(county), pack.id);
    await recordAudit(tx, actor, { action: 'update', entityType: 'setting', entityId: settingKey(county), regionCode: county, before: before ?? null, after: pack.id });
  });
  return { countyCode: county, packId: pack.id, isDefault: false };
}
