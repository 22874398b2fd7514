import { describe, expect, it } from 'vitest';
import { checkAssetImportRow, ownerKindOfName, type AssetImportKey } from './asset-import-row.ts';

const col = (k: AssetImportKey) => k;
const base = { assetNo: 'ZC4107001', name: '光伏电站', region: '411282100201', category: '经营性', valueYuan: '1200000' };

describe('checkAssetImportRow (资产台账)', () => {
  it('reads the platform export: labels to codes, 元 to 分, the region code', () => {
    const r = checkAssetImportRow(2, { ...base, managementLevel: '村级直管', operatingMode: '租赁', assetClass: '巩固一批', classReason: '收益稳定' }, col);
    expect(r.issues).toEqual([]);
    expect(r.record).toMatchObject({ valueFen: 120000000, category: 'operating', managementLevel: 'village_runs', operatingMode: 'leased', region: { code: '411282100201' } });
  });
  it('reads a county ledger: 万元 from the header, a village name, the owner kind from 确权主体', () => {
    const r = checkAssetImportRow(3, { ...base, valueYuan: null, valueWan: '120.5', region: '大王村', ownerName: '大王村股份经济合作社' }, col);
    expect(r.record).toMatchObject({ valueFen: 120500000, region: { name: '大王村' }, ownerKind: 'village_collective' });
  });
  it.each([
    [{ category: '经营类资产X' }, 'category'],
    [{ valueYuan: '12.345' }, 'valueYuan'],
    [{ valueYuan: null, valueWan: 'abc' }, 'valueWan'],
    [{ valueYuan: null }, 'valueYuan'],
    [{ category: '公益性', operatingMode: '租赁' }, 'operatingMode'],
    [{ category: '公益性', ownerKind: '农户' }, 'ownerKind'],
    [{ formedOn: '去年' }, 'formedOn'],
    [{ assetNo: '' }, 'assetNo'],
    [{ region: '' }, 'region'],
  ])('refuses %o on its column', (cells, key) => {
    const r = checkAssetImportRow(4, { ...base, ...cells }, col);
    expect(r.record).toBeNull();
    expect(r.issues.map((i) => i.path)).toEqual([key]);
    expect(r.issues[0]!.messageZh).toMatch(/[\u4e00-\u9fff]/);
  });
  it.each([
    ['大王村股份经济合作社', 'operating', 'village_collective'],
    ['大王镇人民政府', 'public_welfare', 'township'],
    ['原阳县农业农村局', 'public_welfare', 'county_department'],
    ['张三', 'household', 'household'],
    ['某公司', 'operating', null],
  ])('%s (%s) → %s', (name, cat, kind) => expect(ownerKindOfName(name, cat)).toBe(kind));
});
