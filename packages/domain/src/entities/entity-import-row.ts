import type { Issue } from '../errors.ts';
import { getDictItems, resolveDictCode } from '../dictionaries/dictionaries.ts';
import { cellToDate, cellToDigitText, cellToText, cellToYesNo } from '../households/cell-values.ts';
import { entityIssues, type EntityFields } from './entity-checks.ts';

/**
 * The 经营主体 file (issue 7 §2 "Excel import/export like households"): its columns, and the check of one row
 * by the same rules as the API and the form ({@link entityIssues}). Issues name the row and the column as the
 * file names it.
 */
export const ENTITY_IMPORT_COLUMNS = [
  { key: 'name', header: '主体名称', aliases: ['名称', '经营主体名称', '单位名称'], required: true, width: 30, note: '企业、合作社等的全称；种养大户填写姓名' },
  {
    key: 'entityType',
    header: '主体类型',
    aliases: ['类型', '经营主体类型'],
    required: true,
    width: 16,
    note: '龙头企业、农民专业合作社、家庭农场、种养大户、村集体经济组织、帮扶车间、产业振兴联合体',
  },
  {
    key: 'regionCode',
    header: '所在地区划代码',
    aliases: ['区划代码', '所在地代码', '统计用区划代码'],
    required: true,
    width: 16,
    note: '12 位县、乡镇或行政村统计用区划代码，须在您的管辖范围内；请设为文本格式',
  },
  {
    key: 'creditCode',
    header: '统一社会信用代码',
    aliases: ['信用代码', '社会信用代码'],
    width: 22,
    note: '18 位，龙头企业和农民专业合作社必填，家庭农场等可不填，种养大户不填；已登记的代码按此代码更新，未填写的按名称和所在地更新',
  },
  { key: 'level', header: '级别', aliases: ['主体级别', '示范社级别', '龙头企业级别'], width: 10, note: '国家级、省级、市级或县级；只有龙头企业和农民专业合作社（示范社）填写' },
  { key: 'partyLed', header: '党支部领办', aliases: ['是否党支部领办'], width: 12, note: '是或否；只有农民专业合作社和村集体经济组织填写' },
  { key: 'legalPerson', header: '法定代表人', aliases: ['负责人', '法人代表'], width: 12 },
  { key: 'contactName', header: '联系人', width: 12 },
  { key: 'contactPhone', header: '联系电话', aliases: ['电话', '手机号码'], width: 16, note: '11 位手机号或带区号的固定电话' },
  { key: 'address', header: '地址', aliases: ['住所', '经营地址'], width: 30 },
  { key: 'establishedOn', header: '成立日期', width: 12, note: '如 2018-05-20' },
  {
    key: 'servedRegionCodes',
    header: '带动村区划代码',
    aliases: ['服务村区划代码', '联结村区划代码'],
    width: 30,
    note: '所在地以外带动的行政村，12 位代码，多个用“、”分隔；产业振兴联合体至少联结 2 个村',
  },
  { key: 'note', header: '备注', width: 20 },
] as const;

export type EntityImportKey = (typeof ENTITY_IMPORT_COLUMNS)[number]['key'];

/** A checked row: the entity's fields (codes resolved, credit code normalised). */
export type EntityImportRecord = EntityFields & {
  creditCode: string | null;
  level: string | null;
  partyLed: boolean;
  legalPerson: string | null;
  contactName: string | null;
  contactPhone: string | null;
  address: string | null;
  establishedOn: string | null;
  servedRegionCodes: string[];
  note: string | null;
};

const opt = (v: unknown): string | null => {
  const t = cellToText(v).trim();
  return t === '' ? null : t;
};

/**
 * Checks one row of the entities file.
 * @param row the row number as the spreadsheet shows it
 * @param cells the cells by column key
 * @param columnName the column as the file names it
 */
export function checkEntityImportRow(
  row: number,
  cells: Partial<Record<EntityImportKey, unknown>>,
  columnName: (key: EntityImportKey) => string,
): { record: EntityImportRecord | null; issues: Issue[] } {
  const issues: Issue[] = [];
  const add = (key: EntityImportKey, value: unknown, messageZh: string, messageEn: string) => issues.push({ row, path: columnName(key), field: key, value, messageZh, messageEn });

  const typeText = cellToText(cells.entityType).trim();
  const entityType = resolveDictCode(getDictItems('entity_type'), typeText);
  if (!entityType) {
    add(
      'entityType',
      typeText,
      typeText === '' ? '主体类型不能为空' : `主体类型“${typeText}”不存在`,
      typeText === '' ? 'the entity type is required' : `unknown entity type "${typeText}"`,
    );
  }
  const region = cellToDigitText(cells.regionCode);
  if (!region.ok) add('regionCode', cellToText(cells.regionCode), region.reasonZh, region.reasonEn);
  const levelText = opt(cells.level);
  const level = levelText === null ? null : (resolveDictCode(getDictItems('entity_level'), levelText) ?? null);
  if (levelText !== null && level === null) add('level', levelText, `级别“${levelText}”不存在，应为国家级、省级、市级或县级`, `unknown grade "${levelText}"`);
  const partyLed = cellToYesNo(cells.partyLed);
  if (partyLed === undefined) add('partyLed', cellToText(cells.partyLed), '党支部领办应填“是”或“否”', 'party-led must be 是 or 否');
  const establishedOn = cellToDate(cells.establishedOn);
  if (establishedOn === undefined)
    add('establishedOn', cellToText(cells.establishedOn), '成立日期无法识别，请填写如 2018-05-20', 'the founding date cannot be read (e.g. 2018-05-20)');
  const servedText = cellToText(cells.servedRegionCodes);
  const servedRegionCodes = servedText.split(/[、,，;；\s]+/).filter((s) => s !== '');
  const phone = cellToDigitText(cells.contactPhone);

  if (!entityType || !region.ok) return { record: null, issues };
  const record: EntityImportRecord = {
    entityType,
    name: cellToText(cells.name).trim(),
    regionCode: region.text,
    creditCode: opt(cells.creditCode),
    level,
    partyLed: partyLed ?? false,
    legalPerson: opt(cells.legalPerson),
    contactName: opt(cells.contactName),
    contactPhone: phone.ok ? phone.text || null : opt(cells.contactPhone),
    address: opt(cells.address),
    establishedOn: establishedOn ?? null,
    servedRegionCodes,
    note: opt(cells.note),
  };
  const checked = entityIssues(record);
  for (const i of checked.issues) {
    const key = (i.field ?? i.path) as EntityImportKey;
    issues.push({ ...i, row, path: columnName(key), field: key });
  }
  record.creditCode = checked.creditCode;
  return { record: issues.length ? null : record, issues };
}
