import type { Issue } from '../errors.ts';
import { getDictItems } from '../dictionaries/dictionaries.ts';
import { phoneIssue } from '../households/household-checks.ts';
import { checkCreditCode } from './credit-code.ts';

/**
 * The field rules of a 经营主体 (issue 7 §2; DOMAIN.md 经营主体), one owner for the API, the file import and the web
 * form: the type from dict entity_type; a grade (dict entity_level) only for 龙头企业 and 农民专业合作社 (示范社);
 * 党支部领办 only for 合作社 and 村集体经济组织 (E3, 000 §四(四)); the 统一社会信用代码 (GB 32100) required for
 * 龙头企业 and 合作社, optional for 家庭农场 and the other organisations, absent for 种养大户/能人 (a person);
 * an 产业振兴联合体 spans at least two villages (003 §二(一)2).
 */

/** entity_type codes that may carry a grade (龙头企业 国家/省/市/县级; 示范社 国家/省/市/县级). */
export const GRADED_ENTITY_TYPES = ['leading_enterprise', 'cooperative'] as const;
/** entity_type codes that may be 党支部领办. */
export const PARTY_LED_ENTITY_TYPES = ['cooperative', 'collective'] as const;
/** entity_type codes that must carry a 统一社会信用代码. */
export const CREDIT_CODE_REQUIRED_TYPES = ['leading_enterprise', 'cooperative'] as const;
/** entity_type codes that never carry one (a person, not an organisation). */
export const CREDIT_CODE_ABSENT_TYPES = ['large_grower'] as const;
/** The 产业振兴联合体: it serves at least {@link CONSORTIUM_MIN_VILLAGES} villages. */
export const CONSORTIUM_TYPE = 'consortium';
export const CONSORTIUM_MIN_VILLAGES = 2;
export const ENTITY_NAME_MAX = 100;

/** What an entity form, API body or file row says (codes already resolved). */
export type EntityFields = {
  entityType: string;
  name: string;
  /** seat: county (6 → 12 digits), township or village code */
  regionCode: string;
  creditCode?: string | null;
  level?: string | null;
  partyLed?: boolean | null;
  contactPhone?: string | null;
  servedRegionCodes?: readonly string[] | null;
};

const has = (list: readonly string[], v: string) => list.includes(v);

function typeLabel(code: string): string {
  return getDictItems('entity_type').find((i) => i.code === code)?.labelZh ?? code;
}

/** 12-digit village code (a seat or a served village). */
export function isVillageCode(code: string): boolean {
  return /^\d{12}$/.test(code) && !code.endsWith('000');
}

/**
 * Every problem of an entity's fields; `creditCode` comes back normalised in `normalized` when valid.
 * Paths are the field keys (`creditCode`, `level` …); an import maps them to its columns.
 */
export function entityIssues(f: EntityFields): { issues: Issue[]; creditCode: string | null } {
  const issues: Issue[] = [];
  const add = (path: string, messageZh: string, messageEn: string, value?: unknown) => issues.push({ path, field: path, value, messageZh, messageEn });
  const types = getDictItems('entity_type');
  const type = f.entityType;
  const label = typeLabel(type);
  if (!types.some((i) => i.code === type))
    add('entityType', '主体类型不存在，应为龙头企业、农民专业合作社、家庭农场、种养大户、村集体经济组织、帮扶车间或产业振兴联合体', 'unknown entity type', type);
  const name = f.name.trim();
  if (name === '') add('name', '主体名称不能为空', 'the name is required');
  else if (name.length > ENTITY_NAME_MAX) add('name', `主体名称最多 ${ENTITY_NAME_MAX} 个字`, `the name may have at most ${ENTITY_NAME_MAX} characters`);
  if (!/^\d{12}$/.test(f.regionCode)) add('regionCode', '所在地应为 12 位县、乡镇或行政村区划代码', 'the seat must be a 12-digit county, township or village code', f.regionCode);

  if (f.level) {
    if (!has(GRADED_ENTITY_TYPES, type))
      add('level', `${label}不评定级别，只有龙头企业和农民专业合作社（示范社）填写级别`, 'only leading enterprises and cooperatives carry a grade', f.level);
    else if (!getDictItems('entity_level').some((i) => i.code === f.level))
      add('level', '级别应为国家级、省级、市级或县级', 'the grade must be national, provincial, city or county', f.level);
  }
  if (f.partyLed && !has(PARTY_LED_ENTITY_TYPES, type))
    add('partyLed', `${label}不适用“党支部领办”，只有农民专业合作社和村集体经济组织填写`, 'only cooperatives and village collectives can be led by the party branch', true);

  let creditCode: string | null = null;
  const cc = (f.creditCode ?? '').trim();
  if (cc === '') {
    if (has(CREDIT_CODE_REQUIRED_TYPES, type))
      add('creditCode', `${label}须填写统一社会信用代码`, `a ${type === 'cooperative' ? 'cooperative' : 'leading enterprise'} needs its unified social credit code`);
  } else if (has(CREDIT_CODE_ABSENT_TYPES, type)) {
    add('creditCode', `${label}是个人，不填写统一社会信用代码`, 'a large grower is a person and has no unified social credit code', cc);
  } else {
    const r = checkCreditCode(cc);
    if (r.ok) creditCode = r.code;
    else issues.push(r.issue);
  }

  const phone = (f.contactPhone ?? '').trim();
  if (phone !== '') {
    const p = phoneIssue(phone);
    if (p) issues.push({ ...p, path: 'contactPhone', field: 'contactPhone' });
  }

  const served = [...new Set(f.servedRegionCodes ?? [])];
  const badServed = served.filter((c) => !isVillageCode(c));
  if (badServed.length)
    add('servedRegionCodes', `服务村应为 12 位行政村区划代码：${badServed.join('、')}`, `served villages must be 12-digit village codes: ${badServed.join(', ')}`, badServed);
  if (type === CONSORTIUM_TYPE) {
    const villages = new Set(served.filter(isVillageCode));
    if (isVillageCode(f.regionCode)) villages.add(f.regionCode);
    if (villages.size < CONSORTIUM_MIN_VILLAGES) {
      add(
        'servedRegionCodes',
        `产业振兴联合体应跨村联建，至少联结 ${CONSORTIUM_MIN_VILLAGES} 个行政村（现为 ${villages.size} 个）`,
        `an industry consortium spans at least ${CONSORTIUM_MIN_VILLAGES} villages (${villages.size} given)`,
      );
    }
  }
  return { issues, creditCode };
}
