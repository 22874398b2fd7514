import { AppError, checkChildCode, REGION_LEVEL_LABELS, type Region, type RegionCreate, type RegionPatch } from '@chanbang/domain';
import type { Actor, Deps } from '../../deps.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import * as repo from './regions.repo.ts';
import { assertWriteScope, isInScope } from './scope.ts';
import { checkVersion } from '../../versioning.ts';

/** Levels an officer administers: below the county. */
const ADMINISTERED = new Set(['township', 'village', 'group']);

/** The answer shape of a region row. */
export function toRegion(r: repo.RegionRow): Region {
  return {
    code: r.code,
    name: r.name,
    level: r.level as Region['level'],
    parentCode: r.parentCode,
    prefix: r.prefix,
    urbanRuralCode: r.urbanRuralCode,
    retiredAt: r.retiredAt ? r.retiredAt.toISOString() : null,
    version: r.version,
  };
}

/** @throws AppError FORBIDDEN unless the actor is an admin or a county officer */
export function assertRegionAdmin(actor: Actor): void {
  if (actor.role !== 'admin' && actor.role !== 'county_officer') {
    throw new AppError('FORBIDDEN', 'only a county administrator or county officer administers regions', {
      role: actor.role,
      messageZh: '只有县级管理员或县级业务员可以维护行政区划',
      messageEn: 'Only a county administrator or county officer may administer regions',
    });
  }
}

function invalid(path: string, value: unknown, messageZh: string, messageEn: string): AppError {
  return new AppError('VALIDATION_FAILED', messageEn, { issues: [{ path, value, messageZh, messageEn }] });
}

/**
 * Adds a township, village or 组 under an existing, active parent within the actor's scope. The code must fit the
 * parent (domain checkChildCode); a code that exists — even retired — is never reused.
 * @throws AppError FORBIDDEN (role, out of scope), VALIDATION_FAILED (code/parent), CONFLICT (code exists)
 */
export async function createRegion(deps: Deps, actor: Actor, input: RegionCreate): Promise<Region> {
  assertRegionAdmin(actor);
  const parsed = checkChildCode(input.code, input.parentCode);
  if (!parsed.ok) throw invalid('code', input.code, parsed.reasonZh, parsed.reasonEn);
  assertWriteScope(actor, parsed.prefix);
  if (!ADMINISTERED.has(parsed.level) || parsed.prefix === actor.scopePrefix) {
    throw invalid('code', input.code, '只能在本县内添加乡镇、村或组', 'Only townships, villages and groups can be added within your county');
  }
  const db = deps.db.db;
  const parent = await repo.findRegion(db, input.parentCode);
  if (!parent) throw invalid('parentCode', input.parentCode, `上级区划 ${input.parentCode} 不存在`, `parent region ${input.parentCode} does not exist`);
  if (parent.retiredAt) {
    throw invalid('parentCode', input.parentCode, `上级区划“${parent.name}”已撤销，不能在其下添加`, `parent region ${parent.name} is retired: nothing can be added under it`);
  }
  const existing = await repo.findRegion(db, parsed.code);
  if (existing) {
    const retired = existing.retiredAt ? '（已撤销）' : '';
    throw new AppError('CONFLICT', `region code ${parsed.code} is already used by ${existing.name}`, {
      issues: [
        {
          path: 'code',
          value: parsed.code,
          messageZh: `代码 ${parsed.code} 已用于“${existing.name}”${retired}；区划代码不能重复使用`,
          messageEn: `code ${parsed.code} is already used by ${existing.name}${existing.retiredAt ? ' (retired)' : ''}; a region code is never reused`,
        },
      ],
    });
  }
  return db.transaction(async (tx) => {
    const [row] = await repo.insertRegions(tx, [{ code: parsed.code, prefix: parsed.prefix, level: parsed.level, name: input.name, parentCode: parent.code }]);
    const region = toRegion(row!);
    await recordAudit(tx, actor, { action: 'create', entityType: 'region', entityId: region.code, regionCode: region.code, after: region });
    return region;
  });
}

/**
 * Renames, retires (撤销/撤并) or restores a township, village or 组 within the actor's scope, based on the
 * version the officer read (checked against the row locked inside the transaction, whose `before` is audited).
 * A retired region keeps its households and history; a restore needs an active parent. No change, no audit entry
 * and no new version.
 * @throws AppError FORBIDDEN (role), NOT_FOUND (missing or out of scope), VALIDATION_FAILED, VERSION_REQUIRED, STALE_VERSION (with the region as now)
 */
export async function patchRegion(deps: Deps, actor: Actor, code: string, input: RegionPatch, version: number | undefined): Promise<Region> {
  assertRegionAdmin(actor);
  // a region outside the scope is addressed like a record by id: 404 as one that does not exist
  if (!isInScope(actor, code)) throw new AppError('NOT_FOUND', 'region not found', { regionCode: code });
  return deps.db.db.transaction(async (tx) => {
    const before = await repo.lockRegion(tx, code);
    if (!before) throw new AppError('NOT_FOUND', 'region not found', { regionCode: code });
    if (!ADMINISTERED.has(before.level) || before.prefix === actor.scopePrefix) {
      const lz = REGION_LEVEL_LABELS[before.level as Region['level']]?.zh ?? before.level;
      throw invalid('code', code, `${lz}级区划不能在此修改，只能修改乡镇、村和组`, `a ${before.level} cannot be changed here: only townships, villages and groups`);
    }
    await checkVersion(before.version, version, () => toRegion(before));
    const set: Partial<repo.RegionInsert> = {};
    if (input.name !== undefined && input.name !== before.name) set.name = input.name;
    if (input.retired === true && !before.retiredAt) set.retiredAt = new Date();
    if (input.retired === false && before.retiredAt) {
      const parent = before.parentCode ? await repo.findRegion(tx, before.parentCode) : undefined;
      if (parent?.retiredAt) {
        throw invalid('retired', false, `上级区划“${parent.name}”已撤销，请先恢复上级`, `the parent region ${parent.name} is retired: restore it first`);
      }
      set.retiredAt = null;
    }
    if (Object.keys(set).length === 0) return toRegion(before);
    const after = toRegion(await repo.updateRegion(tx, code, set));
    const action = 'retiredAt' in set ? (set.retiredAt ? 'retire' : 'restore') : 'rename';
    await recordAudit(tx, actor, { action, entityType: 'region', entityId: code, regionCode: code, before: toRegion(before), after });
    return after;
  });
}
