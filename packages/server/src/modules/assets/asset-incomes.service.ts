import {
  AppError,
  API_LIMITS,
  halfYearEnd,
  incomePeriodIssue,
  lastCompletedHalfYear,
  yuanToFen,
  type AssetIncomeList,
  type AssetIncomePut,
  type AssetIncomeView,
  type AssetStocktakePage,
  type AssetStocktakeQuery,
} from '@chanbang/domain';
import type { Actor, Deps } from '../../deps.ts';
import { checkVersion } from '../../versioning.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { todayInChina } from '../households/household.rules.ts';
import { resolvePrefix } from '../regions/regions.service.ts';
import * as repo from './assets.repo.ts';
import { assertAssetWriter, getReadableAsset, lockWritableAsset } from './assets.service.ts';
import { toAssetView, toIncomeView } from './assets.views.ts';

// 资产收益 per half year (issue 8 §2) and A3's stock-take list (004 §五 定期开展资产收益集中盘点).

export async function listAssetIncomes(deps: Deps, actor: Actor, id: number): Promise<AssetIncomeList> {
  const db = deps.db.db;
  await getReadableAsset(db, actor, id);
  return { items: (await repo.listIncomes(db, id)).map(toIncomeView) };
}

/**
 * Records an asset's income of a half year: creates the row (no version needed) or changes it (its version, body or
 * If-Match; stale → 409). The asset must be in use and the half year ended (domain incomePeriodIssue: 004 §五
 * 每半年集中盘点 takes stock of a half year after it).
 * @throws AppError NOT_FOUND, FORBIDDEN, VALIDATION_FAILED, VERSION_REQUIRED, STALE_VERSION, RECORD_EXITED
 */
export async function putAssetIncome(
  deps: Deps,
  actor: Actor,
  id: number,
  year: number,
  half: number,
  input: AssetIncomePut,
  version: number | undefined,
): Promise<AssetIncomeView> {
  const db = deps.db.db;
  await getReadableAsset(db, actor, id);
  assertAssetWriter(actor);
  const early = incomePeriodIssue({ year, half: half as 1 | 2 }, todayInChina());
  if (early) throw new AppError('VALIDATION_FAILED', 'the half year has not ended', { issues: [early] });
  const incomeFen = yuanToFen(input.incomeYuan, 'incomeYuan');
  return db.transaction(async (tx) => {
    const asset = await lockWritableAsset(tx, actor, id, undefined, false);
    const before = await repo.lockIncome(tx, id, year, half);
    const values = { incomeFen, stocktakeOn: input.stocktakeOn ?? null, note: input.note ?? null };
    if (!before) {
      const row = await repo.insertIncome(tx, { assetId: id, regionCode: asset.regionCode, year, half, ...values });
      await recordAudit(tx, actor, { action: 'create', entityType: 'asset_income', entityId: row.id, regionCode: row.regionCode, after: row });
      return toIncomeView(row);
    }
    await checkVersion(before.version, version, () => toIncomeView(before));
    const after = await repo.updateIncome(tx, before.id, values);
    await recordAudit(tx, actor, { action: 'update', entityType: 'asset_income', entityId: after.id, regionCode: after.regionCode, before, after });
    return toIncomeView(after);
  });
}

/**
 * Removes a half year's income row (If-Match or ?version=; audited).
 * @throws AppError NOT_FOUND (asset or row), FORBIDDEN, VERSION_REQUIRED, STALE_VERSION, RECORD_EXITED
 */
export async function deleteAssetIncome(deps: Deps, actor: Actor, id: number, year: number, half: number, version: number | undefined): Promise<void> {
  const db = deps.db.db;
  await getReadableAsset(db, actor, id);
  assertAssetWriter(actor);
  await db.transaction(async (tx) => {
    await lockWritableAsset(tx, actor, id, undefined, false);
    const before = await repo.lockIncome(tx, id, year, half);
    if (!before) throw new AppError('NOT_FOUND', 'asset income not found', { id, year, half });
    await checkVersion(before.version, version, () => toIncomeView(before));
    await repo.deleteIncome(tx, before.id);
    await recordAudit(tx, actor, { action: 'delete', entityType: 'asset_income', entityId: before.id, regionCode: before.regionCode, before });
  });
}

/**
 * A3: the assets under the region due a stock-take for the last half year ended on `asOf` (domain dueStocktake: 经营性,
 * formed by its end, not disposed of before it) with no income recorded for it.
 */
export async function stocktakeMissing(deps: Deps, actor: Actor, q: AssetStocktakeQuery): Promise<AssetStocktakePage> {
  const db = deps.db.db;
  const prefix = await resolvePrefix(db, actor, q.regionCode);
  const { year, half } = lastCompletedHalfYear(q.asOf ?? todayInChina());
  const pageSize = Math.min(q.pageSize, API_LIMITS.pageSizeMax);
  const { rows, total } = await repo.listStocktakeMissing(db, prefix, { year, half }, halfYearEnd({ year, half }), pageSize, (q.page - 1) * pageSize);
  return { items: rows.map(toAssetView), total, page: q.page, pageSize, year, half };
}
