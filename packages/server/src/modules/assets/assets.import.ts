import type { Readable } from 'node:stream';
import { ASSET_IMPORT_COLUMNS, checkAssetImportRow, type AssetImportKey, type AssetImportRecord, type AssetImportReport } from '@chanbang/domain';
import type { Actor, Deps } from '../../deps.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { readCheckedFile, recordTemplate, rowIssuesError, type RecordColumn } from '../imports/record-import.ts';
import { isInScope } from '../regions/scope.ts';
import * as importRepo from './asset-import.repo.ts';
import * as repo from './assets.repo.ts';
import { ASSET_NO_UNAVAILABLE, assertAssetWriter, operatorFits } from './assets.service.ts';

/**
 * 资产台账 import (issue 8 §1): the platform's own export or a county ledger, all rows or none. A row's 资产编号 names
 * the asset: a number of the scope updates it (locked, version + 1, audit `import_update`; a row equal to the stored
 * asset is counted unchanged and not written), a new number registers one (audit `import_create`), a number
 * registered outside the scope is a row error that names nothing of it. The place is a 12-digit code or a place
 * name of the scope; the operator an entity of the county by name or 统一社会信用代码, readable by the user
 * (`operatorFits`, the service's rule); category, owner and operation by the domain's `assetIssues`.
 */

const COLUMNS = ASSET_IMPORT_COLUMNS as unknown as readonly RecordColumn<AssetImportKey>[];

export function assetTemplate(): Promise<Buffer> {
  return recordTemplate('资产台账', COLUMNS, [
    [
      '（新编号或已登记的资产编号）',
      '某村光伏电站',
      '（村名）',
      '（12 位村代码，可不填）',
      '经营性',
      '1200000',
      '',
      '2022-06-30',
      '村东坡',
      '村集体经济组织',
      '某村股份经济合作社',
    ],
  ]);
}

/** The column a region code came from: its own column when the row filled it, else 所在地. */
const keyOfRegion = (r: AssetImportRecord): AssetImportKey => (r.regionFromCodeColumn ? 'regionCode' : 'region');

type Planned = { record: AssetImportRecord; regionCode: string; operatorEntityId: number | null; existing: repo.AssetRow | undefined };

/** The columns a row writes (the project link is kept: the file does not name it). */
function valuesOf(p: Planned): Partial<repo.AssetInsert> {
  const r = p.record;
  return {
    name: r.name,
    regionCode: p.regionCode,
    category: r.category,
    valueFen: r.valueFen,
    formedOn: r.formedOn,
    location: r.location,
    ownerKind: r.ownerKind,
    ownerName: r.ownerName,
    confirmedOn: r.confirmedOn,
    managementLevel: r.managementLevel,
    operatorEntityId: p.operatorEntityId,
    operatingMode: r.operatingMode,
    note: r.note,
  };
}

const changed = (row: repo.AssetRow, values: Partial<repo.AssetInsert>): boolean => Object.entries(values).some(([k, v]) => (row as Record<string, unknown>)[k] !== v);

/**
 * `POST /api/v1/assets/import`.
 * @throws AppError FORBIDDEN (village officers and viewers), IMPORT_REJECTED (422: every row error, nothing written)
 */
export async function importAssetFile(deps: Deps, actor: Actor, stream: Readable): Promise<AssetImportReport> {
  assertAssetWriter(actor);
  const { checked, issues, add } = await readCheckedFile(deps.config, stream, COLUMNS, checkAssetImportRow);
  const db = deps.db.db;
  const codes = checked.flatMap(({ record: r }) => ('code' in r.region ? [r.region.code] : []));
  const names = checked.flatMap(({ record: r }) => ('name' in r.region ? [r.region.name] : []));
  const places = await importRepo.findPlaces(db, [...new Set(codes)], [...new Set(names)], actor.scopePrefix);
  const existingByNo = new Map((await importRepo.findAssetsByNos(db, [...new Set(checked.map((c) => c.record.assetNo))])).map((a) => [a.assetNo, a]));
  const ops = checked.flatMap((c) => (c.record.operator ? [c.record.operator] : []));
  const operators = await importRepo.findOperators(
    db,
    [...new Set(ops.flatMap((o) => (o.name ? [o.name] : [])))],
    [...new Set(ops.flatMap((o) => (o.creditCode ? [o.creditCode] : [])))],
    actor.scopePrefix.slice(0, 6),
  );

  const seen = new Map<string, number>();
  const planned: Planned[] = [];
  for (const { row, record } of checked) {
    let regionCode: string | null = null;
    if ('code' in record.region) {
      const code = record.region.code;
      const place = places.find((p) => p.code === code);
      if (!place || place.retired || !['county', 'township', 'village'].includes(place.level))
        add(row, keyOfRegion(record), code, '所在地区划代码不存在或已撤并，应为在用的县、乡镇或行政村', 'the place code does not exist or is retired');
      else if (!isInScope(actor, code)) add(row, keyOfRegion(record), code, '所在地不在您的管辖范围内', 'the place is outside your area');
      else regionCode = code;
    } else {
      const name = record.region.name;
      const found = places.filter((p) => p.name === name && !p.retired && isInScope(actor, p.code));
      if (found.length === 0) add(row, 'region', name, `在您的管辖范围内找不到名为“${name}”的乡镇或行政村`, `no township or village named "${name}" in your area`);
      else if (found.length > 1)
        add(row, 'region', name, `您的管辖范围内有 ${found.length} 个“${name}”，请改填 12 位区划代码`, `${found.length} places are named "${name}": use the 12-digit code`);
      else regionCode = found[0]!.code;
    }

    const first = seen.get(record.assetNo);
    if (first !== undefined) add(row, 'assetNo', record.assetNo, `资产编号与第 ${first} 行重复`, `the asset number repeats row ${first}`);
    else seen.set(record.assetNo, row);
    let existing = existingByNo.get(record.assetNo);
    if (existing && !isInScope(actor, existing.regionCode)) {
      // neutral words: the row must not confirm that a record exists outside the importer's area
      add(row, 'assetNo', record.assetNo, ASSET_NO_UNAVAILABLE.messageZh, ASSET_NO_UNAVAILABLE.messageEn);
      existing = undefined;
    } else if (existing?.status === 'disposed') {
      add(row, 'assetNo', record.assetNo, `资产“${existing.name}”已处置，记录保留但不能再通过导入修改`, 'the asset is disposed: its record is read-only');
    }

    let operatorEntityId: number | null = null;
    const op = record.operator;
    if (op && regionCode) {
      const fits = operators.filter((e) => operatorFits(actor, e.regionCode, regionCode!));
      const byCode = op.creditCode ? fits.filter((e) => e.creditCode === op.creditCode) : [];
      const byName = op.name ? fits.filter((e) => e.name === op.name) : [];
      const key: AssetImportKey = op.creditCode && !op.name ? 'operatorCreditCode' : 'operator';
      const written = op.name ?? op.creditCode;
      if (byCode.length === 1) operatorEntityId = byCode[0]!.id;
      else if (byName.length === 1 && !op.creditCode) operatorEntityId = byName[0]!.id;
      else if (byName.length > 1)
        add(
          row,
          key,
          written,
          `经营主体库中有 ${byName.length} 个“${op.name}”，请填写其统一社会信用代码`,
          `${byName.length} entities are named "${op.name}": give the credit code`,
        );
      else add(row, key, written, `经营主体“${written}”在经营主体库（本县、您的管辖范围）中找不到，请先登记该主体`, `entity "${written}" is not in the registry of your area`);
    }

    const cls = record.assetClass;
    if (cls && cls !== existing?.assetClass && !record.classReason)
      add(row, 'classReason', '', '填写或改变“四个一批”分类须填写分类理由', 'a class (or a change of class) needs its reason');
    if (!cls && existing?.assetClass && record.category !== 'operating')
      add(row, 'category', record.category, '该资产已有“四个一批”分类，须保持经营性资产', 'a classed asset stays an operating asset');
    if (regionCode) planned.push({ record, regionCode, operatorEntityId, existing });
  }
  if (issues.length) throw rowIssuesError(issues);

  return db.transaction(async (tx) => {
    const report = { created: 0, updated: 0, unchanged: 0 };
    for (const p of planned) {
      const values = valuesOf(p);
      const { assetClass: cls, classReason } = p.record;
      if (!p.existing) {
        const after = await repo.insertAsset(tx, { ...(values as repo.AssetInsert), assetNo: p.record.assetNo, assetClass: cls, classReason: cls ? classReason : null });
        if (cls) await repo.insertClassChange(tx, { assetId: after.id, regionCode: after.regionCode, fromClass: null, toClass: cls, reason: classReason!, changedBy: actor.id });
        await recordAudit(tx, actor, { action: 'import_create', entityType: 'asset', entityId: after.id, regionCode: after.regionCode, after });
        report.created++;
        continue;
      }
      const before = (await repo.lockAsset(tx, p.existing.id))!;
      const newClass = cls && cls !== before.assetClass ? cls : null;
      if (!changed(before, values) && !newClass) {
        report.unchanged++;
        continue;
      }
      if (newClass)
        await repo.insertClassChange(tx, {
          assetId: before.id,
          regionCode: p.regionCode,
          fromClass: before.assetClass,
          toClass: newClass,
          reason: classReason!,
          changedBy: actor.id,
        });
      const after = await repo.updateAsset(tx, before.id, newClass ? { ...values, assetClass: newClass, classReason } : values);
      if (after.regionCode !== before.regionCode) await repo.moveAssetChildren(tx, before.id, after.regionCode);
      await recordAudit(tx, actor, { action: 'import_update', entityType: 'asset', entityId: before.id, regionCode: after.regionCode, before, after });
      report.updated++;
    }
    return report;
  });
}
