import {
  AppError,
  canSeePii,
  codeOfPrefix,
  fenToYuan,
  incomeGrowth,
  parseRegionCode,
  yuanToFen,
  type LocalIncomeList,
  type LocalIncomePut,
  type LocalIncomeView,
} from '@chanbang/domain';
import type { Actor, Deps } from '../../deps.ts';
import { checkVersion } from '../../versioning.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { todayInChina } from '../households/household.rules.ts';
import { findRegion } from '../regions/regions.repo.ts';
import { resolveScopeRegion } from '../regions/regions.service.ts';
import { assertWriteScope } from '../regions/scope.ts';
import * as repo from './local-incomes.repo.ts';

// 当地农民人均可支配收入 (issue 8 §8): entered per region and year by county staff, read by H6 (003 §一(二)4).

function toView(r: repo.LocalIncomeRow, regionName: string | null, prevFen: number | undefined): LocalIncomeView {
  return {
    id: r.id,
    regionCode: r.regionCode,
    regionName,
    year: r.year,
    perCapitaIncomeYuan: fenToYuan(r.perCapitaIncomeFen),
    source: r.source,
    growth: prevFen === undefined ? null : incomeGrowth(r.perCapitaIncomeFen, prevFen),
    version: r.version,
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** The regions above a region, as 12-digit codes (province, city, county, township): their figures apply to it too. */
function ancestorCodes(prefix: string): string[] {
  return [2, 4, 6, 9].filter((n) => n < prefix.length).map((n) => codeOfPrefix(prefix.slice(0, n)));
}

/** GET /local-incomes: the figures of the region, the regions under it and above it (every signed-in role in scope). */
export async function listLocalIncomes(deps: Deps, actor: Actor, regionCode: string | undefined): Promise<LocalIncomeList> {
  const db = deps.db.db;
  const region = await resolveScopeRegion(db, actor, regionCode);
  const rows = await repo.listLocalIncomes(db, region.prefix, ancestorCodes(region.prefix));
  const fen = new Map(rows.map((r) => [`${r.regionCode}:${r.year}`, r.perCapitaIncomeFen]));
  return { items: rows.map((r) => toView(r, r.regionName, fen.get(`${r.regionCode}:${r.year - 1}`))), writable: canSeePii(actor.role) };
}

const refusal = () =>
  new AppError('FORBIDDEN', 'only county staff enter local farmers’ income', {
    issues: [{ path: 'role', messageZh: '当地农民人均可支配收入只能由县级业务人员录入', messageEn: 'Only county staff may enter local farmers’ income' }],
  });

function badRegion(regionCode: string, zh: string, en: string): AppError {
  return new AppError('VALIDATION_FAILED', en, { issues: [{ path: 'regionCode', value: regionCode, messageZh: zh, messageEn: en }] });
}

/**
 * PUT /local-incomes/:year — sets a county's (or township's) figure of a year in 元 with its source: created without a
 * version, changed with the version read (428/409); audited; the change marks the county's coverage rules dirty
 * (trigger), so H6 is judged again on the next read.
 * @throws AppError FORBIDDEN (not county staff, or a region outside the scope), VALIDATION_FAILED (region, year), VERSION_REQUIRED, STALE_VERSION
 */
export async function putLocalIncome(deps: Deps, actor: Actor, year: number, input: LocalIncomePut, version: number | undefined): Promise<LocalIncomeView> {
  if (!canSeePii(actor.role)) throw refusal();
  const db = deps.db.db;
  const parsed = parseRegionCode(input.regionCode);
  if (!parsed.ok || (parsed.level !== 'county' && parsed.level !== 'township')) {
    throw badRegion(input.regionCode, '当地农民人均可支配收入按县（区）或乡镇录入，请选择县或乡镇', 'enter the figure for a county or a township');
  }
  assertWriteScope(actor, input.regionCode);
  const region = await findRegion(db, input.regionCode);
  if (!region) throw badRegion(input.regionCode, `区划代码 ${input.regionCode} 不存在`, `region ${input.regionCode} does not exist`);
  if (year > Number(todayInChina().slice(0, 4))) {
    throw new AppError('VALIDATION_FAILED', 'the year has not begun', {
      issues: [{ path: 'year', value: year, messageZh: `${year} 年尚未开始，不能录入该年度的农民收入`, messageEn: `${year} has not begun yet` }],
    });
  }
  const values = { perCapitaIncomeFen: yuanToFen(input.perCapitaIncomeYuan, 'perCapitaIncomeYuan'), source: input.source };
  const sent = version ?? input.version;
  const row = await db.transaction(async (tx) => {
    const before = await repo.lockLocalIncome(tx, input.regionCode, year);
    if (!before) {
      const created = await repo.insertLocalIncome(tx, { regionCode: input.regionCode, year, ...values });
      if (created) {
        await recordAudit(tx, actor, { action: 'create', entityType: 'local_farmer_income', entityId: created.id, regionCode: created.regionCode, after: created });
        return created;
      }
    }
    const current = before ?? (await repo.lockLocalIncome(tx, input.regionCode, year));
    if (!current) throw new AppError('INTERNAL', 'local farmers’ income vanished');
    // a creation that lost the race was based on "no figure" (version 0)
    await checkVersion(current.version, before ? sent : 0, () => toView(current, region.name, undefined));
    const after = await repo.updateLocalIncome(tx, current.id, values);
    await recordAudit(tx, actor, { action: 'update', entityType: 'local_farmer_income', entityId: after.id, regionCode: after.regionCode, before: current, after });
    return after;
  });
  const prev = await repo.findLocalIncome(db, input.regionCode, year - 1);
  return toView(row, region.name, prev?.perCapitaIncomeFen);
}
