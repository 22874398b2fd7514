import { AppError, POLICY_PACKS, RULE_CATALOGUE, findPack, getPack, isRuleImplemented, type PolicyPack } from '@chanbang/domain';
import type { Actor, Conn, Deps } from '../../deps.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { assertAdmin } from '../auth/auth.guard.ts';
import { checkVersion } from '../../versioning.ts';
import { isInScope } from '../regions/scope.ts';
import * as repo from './policy.repo.ts';
import { deleteEvaluations } from '../rules/rule-store.repo.ts';

/** The 12-digit county code of any region code. */
export function countyCodeOf(regionCode: string): string {
  return `${regionCode.slice(0, 6)}000000`;
}

/** The setting that holds a county's chosen pack. */
export const settingKey = (countyCode: string) => `policy_pack:${countyCode}`;

/**
 * The county's active policy pack: the `policy_pack:<county>` setting, else the first built-in pack of the
 * county's province, else the first built-in pack.
 */
export async function getActivePack(db: Conn, countyCode: string): Promise<{ pack: PolicyPack; isDefault: boolean }> {
  return packOf(countyCode, await repo.getSetting(db, settingKey(countyCode)));
}

/** The pack a county's saved choice (its setting's value) names, else the default of its province, else the first built-in pack. */
export function packOf(countyCode: string, chosen: unknown): { pack: PolicyPack; isDefault: boolean } {
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

/** The active-pack view of a county: the pack, whether it is the default, and the version of the saved choice. */
function toActiveView(county: string, pack: PolicyPack, isDefault: boolean, row: repo.SettingRow | undefined) {
  return { countyCode: county, packId: pack.id, isDefault, version: row?.version ?? null };
}

/** The active pack of a county (default: the actor's). @throws AppError NOT_FOUND for another county */
export async function getActive(deps: Deps, actor: Actor, countyCode: string | undefined) {
  const county = resolveCounty(actor, countyCode);
  return activeView(deps.db.db, county);
}

async function activeView(db: Conn, county: string) {
  const row = await repo.findSetting(db, settingKey(county));
  const { pack, isDefault } = packOf(county, row?.value);
  return toActiveView(county, pack, isDefault, row);
}

/**
 * Chooses the county's policy pack (admin). Once a choice is saved, changing it needs the version read
 * (`version`); the first choice needs none, and a first choice that lost the race to another one is stale.
 * @throws AppError FORBIDDEN for non-admins, NOT_FOUND for an unknown pack or another county, VERSION_REQUIRED, STALE_VERSION (with the county's choice as now)
 */
export async function setActive(deps: Deps, actor: Actor, input: { countyCode?: string | undefined; packId: string }, version: number | undefined) {
  assertAdmin(actor);
  const county = resolveCounty(actor, input.countyCode);
  const pack = getPack(input.packId);
  const key = settingKey(county);
  const row = await deps.db.db.transaction(async (tx) => {
    const found = await repo.lockSetting(tx, key);
    if (!found) {
      const created = await repo.insertSetting(tx, key, pack.id);
      if (created) {
        // the county's stored rule results came from the pack it had: evaluated afresh when next read (ADR 0004)
        await deleteEvaluations(tx, county);
        await recordAudit(tx, actor, { action: 'update', entityType: 'setting', entityId: key, regionCode: county, before: null, after: pack.id });
        return created;
      }
    }
    // a saved choice changes only with the version read; a first choice that lost the race to another admin's
    // first choice was based on "nothing chosen" (version 0), so it is stale
    const before = found ?? (await repo.lockSetting(tx, key));
    if (!before) throw new AppError('INTERNAL', `setting ${key} vanished`);
    await checkVersion(before.version, found ? version : (version ?? 0), () => activeView(tx, county));
    const saved = await repo.updateSetting(tx, key, pack.id);
    await deleteEvaluations(tx, county);
    await recordAudit(tx, actor, { action: 'update', entityType: 'setting', entityId: key, regionCode: county, before: before.value, after: pack.id });
    return saved;
  });
  return toActiveView(county, pack, false, row);
}
