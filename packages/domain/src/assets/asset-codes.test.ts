import { describe, expect, it } from 'vitest';
import { DICT, getDictItems, resolveDictCode } from '../dictionaries/dictionaries.ts';
import { getRuleConfig } from '../policy/rule-registry.ts';
import { getPack } from '../policy/packs/index.ts';
import {
  ASSET_CATEGORIES,
  ASSET_CLASSES,
  ASSET_MANAGEMENT_LEVELS,
  ASSET_OPERATION_MODES,
  ASSET_OWNER_KINDS,
  DISTRIBUTION_LINE_INCOME_TYPE,
  DISTRIBUTION_LINE_KINDS,
  assetIssues,
  assetLabel,
} from './asset-codes.ts';

const codes = (code: (typeof DICT)[keyof typeof DICT]) => getDictItems(code).map((i) => i.code);

describe('asset vocabularies', () => {
  it('the code lists and the dictionaries hold the same codes, in order', () => {
    expect(codes(DICT.assetCategory)).toEqual([...ASSET_CATEGORIES]);
    expect(codes(DICT.assetOwnerKind)).toEqual([...ASSET_OWNER_KINDS]);
    expect(codes(DICT.assetManagementLevel)).toEqual([...ASSET_MANAGEMENT_LEVELS]);
    expect(codes(DICT.assetOperationMode)).toEqual([...ASSET_OPERATION_MODES]);
    expect(codes(DICT.assetClass)).toEqual([...ASSET_CLASSES]);
    expect(codes(DICT.distributionLineKind)).toEqual([...DISTRIBUTION_LINE_KINDS]);
  });

  it('国办函〔2021〕51号: three categories, only 经营性 earns income', () => {
    expect(getDictItems(DICT.assetCategory).map((i) => [i.labelZh, i.attrs?.incomeGenerating])).toEqual([
      ['经营性资产', true],
      ['公益性资产', false],
      ['到户类资产', false],
    ]);
  });

  it('004 §五: the four levels and the four classes are the Xinxiang pack’s A4 lists, with the seed’s words', () => {
    const a4 = getRuleConfig(getPack('xinxiang'), 'A4').params;
    expect(a4.managementLevels).toEqual([...ASSET_MANAGEMENT_LEVELS]);
    expect(a4.classes).toEqual([...ASSET_CLASSES]);
    expect(ASSET_MANAGEMENT_LEVELS.map((c) => assetLabel('managementLevel', c).zh)).toEqual(['市领管', '县统管', '乡镇辖管', '村直管']);
    expect(ASSET_CLASSES.map((c) => assetLabel('assetClass', c).zh)).toEqual(['巩固一批', '升级一批', '盘活一批', '调整一批']);
    // the seed's own spellings are accepted on input (imports)
    expect(resolveDictCode(getDictItems(DICT.assetManagementLevel), '县级统管')).toBe('county_manages');
    expect(resolveDictCode(getDictItems(DICT.assetClass), '盘活')).toBe('revitalise');
  });

  it('a distribution line becomes wage income (按劳取酬) or property income (基础保障), as the dictionary says', () => {
    expect(DISTRIBUTION_LINE_INCOME_TYPE).toEqual({ work: 'wage', base: 'property' });
    for (const i of getDictItems(DICT.distributionLineKind)) expect(i.attrs?.incomeType).toBe(DISTRIBUTION_LINE_INCOME_TYPE[i.code as 'work' | 'base']);
  });
});

describe('assetIssues (domain-standards §4.3 确权)', () => {
  const ok = { category: 'operating', ownerKind: 'village_collective', operatingMode: 'leased', assetClass: 'consolidate' };
  it.each([
    ['an operating asset of the village collective, leased, classed', ok, []],
    ['a household asset owned by its households', { category: 'household', ownerKind: 'household' }, []],
    ['an asset before 确权 (no owner yet)', { category: 'household', ownerKind: null }, []],
    ['a public-welfare asset of a county department', { category: 'public_welfare', ownerKind: 'county_department' }, []],
    ['a household asset owned by the collective', { category: 'household', ownerKind: 'village_collective' }, ['ownerKind']],
    ['an operating asset owned by households', { ...ok, ownerKind: 'household' }, ['ownerKind']],
    [
      'a public-welfare asset leased and classed',
      { category: 'public_welfare', ownerKind: 'township', operatingMode: 'leased', assetClass: 'adjust' },
      ['operatingMode', 'category'],
    ],
  ])('%s', (_what, asset, paths) => {
    const issues = assetIssues(asset);
    expect(issues.map((i) => i.path)).toEqual(paths);
    for (const i of issues) expect(i.messageZh).toMatch(/[\u4e00-\u9fff]/);
  });
});
