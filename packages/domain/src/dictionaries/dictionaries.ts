import { normalizeLabel } from '../text/half-width.ts';
import type { DictItem, Dictionary } from './dictionary.types.ts';
import { HOUSEHOLD_DICTIONARIES, PERSON_DICTIONARIES } from './households.dict.ts';
import { NATIONAL_PERSON_DICTIONARIES } from './national.dict.ts';
import { INDUSTRY_DICTIONARIES } from './industry.dict.ts';
import { SUPPORT_DICTIONARIES } from './support.dict.ts';
import { EMPLOYMENT_DICTIONARIES } from './employment.dict.ts';
import { ASSET_DICTIONARIES } from './asset.dict.ts';

/** The codes of every built-in dictionary, e.g. `DICT.riskType === 'risk_type'`. */
export const DICT = {
  householdType: 'household_type',
  monitoringType: 'monitoring_type',
  liftedCategory: 'lifted_category',
  exitReason: 'exit_reason',
  monitoringStatus: 'monitoring_status',
  riskType: 'risk_type',
  leadSource: 'lead_source',
  eliminationMethod: 'elimination_method',
  gender: 'gender',
  laborCapacity: 'labor_capacity',
  relation: 'relation',
  healthStatus: 'health_status',
  education: 'education',
  employmentStatus: 'employment_status',
  measureCategory: 'measure_category',
  helperRole: 'helper_role',
  linkageMode: 'linkage_mode',
  entityType: 'entity_type',
  regionLevel: 'region_level',
  idType: 'id_type',
  ethnicity: 'ethnicity',
  schoolStatus: 'school_status',
  disabilityType: 'disability_type',
  entityLevel: 'entity_level',
  backboneKind: 'backbone_kind',
  industryCategory: 'industry_category',
  industryKind: 'industry_kind',
  industryTier: 'industry_tier',
  chainLinkKind: 'chain_link_kind',
  projectType: 'project_type',
  projectStage: 'project_stage',
  fundLevel: 'fund_level',
  fundKind: 'fund_kind',
  incomeType: 'income_type',
  assetCategory: 'asset_category',
  assetOwnerKind: 'asset_owner_kind',
  assetManagementLevel: 'asset_management_level',
  assetOperationMode: 'asset_operation_mode',
  assetClass: 'asset_class',
  distributionLineKind: 'distribution_line_kind',
  employmentChannel: 'employment_channel',
  publicPostType: 'public_post_type',
  postExitReason: 'post_exit_reason',
  trainingCertificate: 'training_certificate',
} as const;

/** A built-in dictionary code. */
export type DictCode = (typeof DICT)[keyof typeof DICT];

/** Every built-in controlled vocabulary (seed data for the `dictionaries` table). */
export const DICTIONARIES: Dictionary[] = [
  ...HOUSEHOLD_DICTIONARIES,
  ...PERSON_DICTIONARIES,
  ...NATIONAL_PERSON_DICTIONARIES,
  ...SUPPORT_DICTIONARIES,
  ...INDUSTRY_DICTIONARIES,
  ...ASSET_DICTIONARIES,
  ...EMPLOYMENT_DICTIONARIES,
];

/**
 * Finds a dictionary by code in a list (the built-in one by default).
 * @param code dictionary code, e.g. `DICT.riskType`
 * @param dictionaries list to search (e.g. the DB copy edited by an admin)
 */
export function findDictionary(code: string, dictionaries: readonly Dictionary[] = DICTIONARIES): Dictionary | undefined {
  return dictionaries.find((d) => d.code === code);
}

/**
 * Items of a built-in dictionary; throws when the code is unknown (a programming error).
 * @param code dictionary code
 */
export function getDictItems(code: DictCode): DictItem[] {
  const dict = findDictionary(code);
  if (!dict) throw new Error(`unknown dictionary ${code}`);
  return dict.items;
}

/** The accepted spellings of an item, normalised: code, zh label, en label and attrs.aliases. */
function spellings(item: DictItem): string[] {
  const aliases = Array.isArray(item.attrs?.aliases) ? (item.attrs.aliases as unknown[]).filter((a): a is string => typeof a === 'string') : [];
  return [item.code, item.labelZh, item.labelEn, ...aliases].map(normalizeLabel);
}

const indexCache = new WeakMap<readonly DictItem[], Map<string, string>>();

function indexOf(items: readonly DictItem[]): Map<string, string> {
  let idx = indexCache.get(items);
  if (!idx) {
    idx = new Map();
    // codes and labels win over aliases: index them first, aliases only where still free
    for (const item of items) for (const s of spellings(item).slice(0, 3)) if (!idx.has(s)) idx.set(s, item.code);
    for (const item of items) for (const s of spellings(item).slice(3)) if (!idx.has(s)) idx.set(s, item.code);
    indexCache.set(items, idx);
  }
  return idx;
}

/**
 * Resolves what a user typed to a dictionary code. Accepts the code, the Chinese or English label or an alias
 * (attrs.aliases, e.g. 建档立卡脱贫户 → lifted, 男 → 1), ignoring surrounding/inner whitespace, full-width
 * characters, bracket style and letter case.
 * @param items the dictionary's items
 * @param raw the text as entered
 * @returns the item code, or undefined when nothing matches
 */
export function resolveDictCode(items: readonly DictItem[], raw: string): string | undefined {
  const key = normalizeLabel(raw);
  if (key === '') return undefined;
  return indexOf(items).get(key);
}

/**
 * The Chinese label of a code (or the code itself when unknown), for messages.
 * @param items the dictionary's items
 * @param code an item code
 */
export function dictLabelZh(items: readonly DictItem[], code: string): string {
  return items.find((i) => i.code === code)?.labelZh ?? code;
}

/**
 * The English label of a code (or the code itself when unknown), for messages.
 * @param items the dictionary's items
 * @param code an item code
 */
export function dictLabelEn(items: readonly DictItem[], code: string): string {
  return items.find((i) => i.code === code)?.labelEn ?? code;
}

/**
 * Codes of the items whose `attrs[attr]` is `true` (e.g. `codesWithAttr(DICT.measureCategory, 'developmental')`).
 * @param code built-in dictionary code
 * @param attr boolean attribute name
 */
export function codesWithAttr(code: DictCode, attr: string): string[] {
  return getDictItems(code)
    .filter((i) => i.attrs?.[attr] === true)
    .map((i) => i.code);
}
