import { DICT, dictLabelEn, dictLabelZh, getDictItems, type DictCode } from '../dictionaries/dictionaries.ts';
import type { Issue } from '../errors.ts';

// The codes of the 帮扶项目资产 vocabularies as types (their labels are owned by dictionaries/asset.dict.ts;
// asset-codes.test.ts holds the two to the same codes).

/** 资产类别, 国办函〔2021〕51号 §3(1): 经营性 / 公益性 / 到户类. */
export const ASSET_CATEGORIES = ['operating', 'public_welfare', 'household'] as const;
export type AssetCategory = (typeof ASSET_CATEGORIES)[number];

/** 确权所有者 (domain-standards §4.3; 004 §五): 村集体经济组织, 乡镇, 县级行业部门, 农户 (到户类). */
export const ASSET_OWNER_KINDS = ['village_collective', 'township', 'county_department', 'household'] as const;
export type AssetOwnerKind = (typeof ASSET_OWNER_KINDS)[number];

/** 管理层级, 004 §五: 市级领管、县级统管、乡镇辖管、村级直管 (the codes of the Xinxiang pack's A4 managementLevels). */
export const ASSET_MANAGEMENT_LEVELS = ['city_leads', 'county_manages', 'township_governs', 'village_runs'] as const;
export type AssetManagementLevel = (typeof ASSET_MANAGEMENT_LEVELS)[number];

/** 经营方式: 自主经营, 租赁经营, 承包经营, 入股经营. */
export const ASSET_OPERATION_MODES = ['self_run', 'leased', 'contracted', 'shares'] as const;
export type AssetOperationMode = (typeof ASSET_OPERATION_MODES)[number];

/** 四个一批, 004 §五: 巩固 / 升级 / 盘活 / 调整 (the codes of the Xinxiang pack's A4 classes). */
export const ASSET_CLASSES = ['consolidate', 'upgrade', 'revitalise', 'adjust'] as const;
export type AssetClass = (typeof ASSET_CLASSES)[number];

/** 收益分配方式, 004 §五: 有劳动力的按劳取酬 (work), 无劳动力的获得基础保障 (base). */
export const DISTRIBUTION_LINE_KINDS = ['work', 'base'] as const;
export type DistributionLineKind = (typeof DISTRIBUTION_LINE_KINDS)[number];

/**
 * The household income a distribution line becomes on confirmation (issue 8 §3: "its property or wage income"):
 * pay for work done (公益性劳动、务工) is 工资性收入; the base share of a household without labour is an asset-income
 * dividend, 财产性收入. The dictionary distribution_line_kind carries the same as attrs.incomeType.
 */
export const DISTRIBUTION_LINE_INCOME_TYPE: Readonly<Record<DistributionLineKind, 'wage' | 'property'>> = { work: 'wage', base: 'property' };

/** 脱贫户 and 监测户: the households A2's share counts (004 §五 脱贫群众和监测对象). */
export const A2_HOUSEHOLD_TYPES = ['lifted', 'monitored'] as const;

/** The dictionary of each asset vocabulary. */
export const ASSET_DICT_OF = {
  category: DICT.assetCategory,
  ownerKind: DICT.assetOwnerKind,
  managementLevel: DICT.assetManagementLevel,
  operationMode: DICT.assetOperationMode,
  assetClass: DICT.assetClass,
  lineKind: DICT.distributionLineKind,
} as const satisfies Record<string, DictCode>;

/** A code of an asset vocabulary in Chinese and English (the code itself when unknown). */
export function assetLabel(vocabulary: keyof typeof ASSET_DICT_OF, code: string): { zh: string; en: string } {
  const items = getDictItems(ASSET_DICT_OF[vocabulary]);
  return { zh: dictLabelZh(items, code), en: dictLabelEn(items, code) };
}

/** True for a category whose assets earn income (经营性资产): the ones A1, A3 and the 四个一批 class apply to. */
export function isIncomeGenerating(category: string): boolean {
  return category === 'operating';
}

/** The fields of an asset the consistency check reads (an asset's own columns; no owner is required before 确权). */
export type AssetShape = {
  category: string;
  ownerKind?: string | null;
  operatingMode?: string | null;
  assetClass?: string | null;
};

/**
 * The problems of an asset's category, owner and operation, worded for officers (empty = consistent): the one check
 * of the service (create, edit) and of the import (资产台账).
 * - 到户类资产 belong to the households, and only 到户类 do (domain-standards §4.3: 到户类资产: owned by the household;
 *   经营性 to the 村集体经济组织 or an eligible state body; 公益性 to the responsible department or the village collective).
 *   An owner not yet confirmed (确权 pending) is not a problem.
 * - 经营方式 and the 四个一批 class are for 经营性资产 (004 §五 "分类推进资产管理 … 加强资产收益管理" concerns 产业资产); a
 *   公益性 or 到户类 asset carries neither (a classed asset stays 经营性: the issue names its category).
 */
export function assetIssues(a: AssetShape): Issue[] {
  const out: Issue[] = [];
  const issue = (path: string, messageZh: string, messageEn: string) => out.push({ path, messageZh, messageEn });
  const cat = assetLabel('category', a.category).zh;
  if (!isIncomeGenerating(a.category)) {
    if (a.operatingMode) issue('operatingMode', `${cat}不填经营方式（经营方式仅适用于经营性资产）`, 'only operating assets have an operating arrangement');
    if (a.assetClass)
      issue('category', `${cat}不参与“四个一批”分类：已分类的资产须为经营性资产`, 'only operating assets are classed (four batches): a classed asset stays operating');
  }
  if (a.category === 'household' && a.ownerKind && a.ownerKind !== 'household')
    issue('ownerKind', '到户类资产的所有者应为受益农户', 'a household asset is owned by the households');
  if (a.category !== 'household' && a.ownerKind === 'household')
    issue('ownerKind', `${cat}不能确权到农户，只有到户类资产归农户所有`, 'only household assets are owned by households');
  return out;
}
