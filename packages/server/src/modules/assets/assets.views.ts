import { fenToYuan, type AssetClassChangeView, type AssetIncomeView, type AssetView } from '@chanbang/domain';
import type { AssetIncomeRow, FoundAsset } from './assets.repo.ts';

/** An asset as the API shows it (value in 元). Assets hold no personal data: no masking. */
export function toAssetView(f: FoundAsset): AssetView {
  const a = f.asset;
  return {
    id: a.id,
    assetNo: a.assetNo,
    name: a.name,
    projectId: a.projectId,
    projectNo: f.projectNo,
    projectName: f.projectName,
    regionCode: a.regionCode,
    regionName: f.regionName,
    category: a.category,
    valueYuan: fenToYuan(a.valueFen),
    formedOn: a.formedOn,
    location: a.location,
    ownerKind: a.ownerKind,
    ownerName: a.ownerName,
    confirmedOn: a.confirmedOn,
    managementLevel: a.managementLevel,
    operatorEntityId: a.operatorEntityId,
    operatorName: f.operatorName,
    operatingMode: a.operatingMode,
    assetClass: a.assetClass,
    classReason: a.classReason,
    status: a.status === 'disposed' ? 'disposed' : 'in_use',
    disposedOn: a.disposedOn,
    disposalReason: a.disposalReason,
    note: a.note,
    version: a.version,
    updatedAt: a.updatedAt.toISOString(),
  };
}

export function toClassChangeView(r: {
  change: { id: number; fromClass: string | null; toClass: string; reason: string; changedAt: Date };
  changedByName: string | null;
}): AssetClassChangeView {
  const c = r.change;
  return { id: c.id, fromClass: c.fromClass, toClass: c.toClass, reason: c.reason, changedByName: r.changedByName, changedAt: c.changedAt.toISOString() };
}

export function toIncomeView(r: AssetIncomeRow): AssetIncomeView {
  return {
    id: r.id,
    assetId: r.assetId,
    year: r.year,
    half: r.half,
    incomeYuan: fenToYuan(r.incomeFen),
    stocktakeOn: r.stocktakeOn,
    note: r.note,
    version: r.version,
    updatedAt: r.updatedAt.toISOString(),
  };
}
