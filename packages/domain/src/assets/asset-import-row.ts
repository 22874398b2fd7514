import type { Issue } from '../errors.ts';
import { getDictItems, resolveDictCode } from '../dictionaries/dictionaries.ts';
import { cellToAmount, cellToDigitText, cellToMonth, cellToText } from '../households/cell-values.ts';
import { moneyIssue, yuanToFen } from '../money/money.ts';
import { wanYuanTextToFen } from '../money/wan-yuan.ts';
import { ASSET_DICT_OF, assetIssues } from './asset-codes.ts';

/**
 * The 资产台账 file (issue 8 §1 "Excel import/export of assets … with row-level errors"): the columns of the
 * platform's own asset export (`GET /assets/export.xlsx`) and of a county's 资产台账 (资产编号, 资产名称, 资产类别,
 * 资产原值（万元 or 元）, 所在村, 确权主体, 管理层级, 运营主体, 经营方式, 形成时间 …; national-exports §4: no national
 * layout exists, so the aliases are tolerant). The value's unit is read from the header: a 万元 column and a 元 column
 * are two keys. Codes are resolved through the dictionaries (labels and aliases); the category, owner and operation
 * are checked by {@link assetIssues}, the same check as the API.
 */
export const ASSET_IMPORT_COLUMNS = [
  { key: 'assetNo', header: '资产编号', aliases: ['资产代码', '资产编码'], required: true, width: 20, note: '本县唯一；已登记的编号更新该资产，新编号登记新资产' },
  { key: 'name', header: '资产名称', aliases: ['名称'], required: true, width: 26 },
  {
    key: 'region',
    header: '所在地',
    aliases: ['所在村', '所在行政村', '所在村（社区）', '所属村', '所在乡镇'],
    width: 16,
    note: '您管辖范围内的乡镇、行政村名称，或其 12 位区划代码；同名时请填写“所在地区划代码”列',
  },
  { key: 'regionCode', header: '所在地区划代码', aliases: ['区划代码', '统计用区划代码', '所在村区划代码'], width: 16, note: '12 位统计用区划代码（文本格式）；填写时以此为准' },
  { key: 'category', header: '资产类别', aliases: ['资产类型', '资产性质'], required: true, width: 12, note: '经营性、公益性或到户类' },
  {
    key: 'valueYuan',
    header: '资产原值（元）',
    aliases: ['资产原值(元)', '原值（元）', '原值(元)', '资产原值', '资产价值（元）', '资产价值(元)', '账面原值（元）'],
    width: 16,
    note: '单位为元，至多两位小数；县级台账以万元填报的，列名写作“资产原值（万元）”',
  },
  {
    key: 'valueWan',
    header: '资产原值（万元）',
    aliases: ['资产原值(万元)', '原值（万元）', '原值(万元)', '资产价值（万元）', '资产价值(万元)', '账面原值（万元）', '资产金额（万元）'],
    width: 16,
  },
  { key: 'formedOn', header: '形成日期', aliases: ['形成时间', '建成时间', '竣工日期', '竣工验收时间'], width: 12, note: '如 2022-06-30，或 2022-06' },
  { key: 'location', header: '坐落位置', aliases: ['坐落地点', '资产位置', '坐落'], width: 20 },
  {
    key: 'ownerKind',
    header: '确权所有者类型',
    aliases: ['确权类型', '所有者类型', '产权类型'],
    width: 14,
    note: '村集体经济组织、乡镇、县级行业部门或农户；未填时按确权主体名称判断',
  },
  { key: 'ownerName', header: '所有权人', aliases: ['确权主体', '产权所有人', '所有权主体', '产权归属', '确权对象'], width: 22 },
  { key: 'confirmedOn', header: '确权日期', aliases: ['确权时间'], width: 12 },
  { key: 'managementLevel', header: '管理层级', aliases: ['管护层级', '管理级次'], width: 10, note: '市领管、县统管、乡镇辖管、村直管' },
  { key: 'operator', header: '经营主体', aliases: ['运营主体', '经营单位', '运营单位', '经营管理主体'], width: 24, note: '经营主体库中的名称，或其 18 位统一社会信用代码' },
  {
    key: 'operatorCreditCode',
    header: '经营主体统一社会信用代码',
    aliases: ['运营主体统一社会信用代码', '统一社会信用代码', '运营主体信用代码'],
    width: 22,
  },
  { key: 'operatingMode', header: '经营方式', aliases: ['运营方式', '运营模式'], width: 10, note: '自主经营、租赁经营、承包经营、入股经营；仅经营性资产填写' },
  { key: 'assetClass', header: '“四个一批”分类', aliases: ['四个一批分类', '四个一批', '"四个一批"分类'], width: 12, note: '巩固一批、升级一批、盘活一批、调整一批；仅经营性资产' },
  { key: 'classReason', header: '分类理由', aliases: ['分类依据'], width: 30, note: '填写或改变“四个一批”分类时必填' },
  { key: 'note', header: '备注', width: 20 },
] as const;

export type AssetImportKey = (typeof ASSET_IMPORT_COLUMNS)[number]['key'];

/** A checked row: codes resolved, value in 分; the region and the operator as written (the server resolves them). */
export type AssetImportRecord = {
  assetNo: string;
  name: string;
  /** a 12-digit code, or a place name to look up in the scope */
  region: { code: string } | { name: string };
  /** the region came from the 所在地区划代码 column (row errors name that column) */
  regionFromCodeColumn: boolean;
  category: string;
  valueFen: number;
  formedOn: string | null;
  location: string | null;
  ownerKind: string | null;
  ownerName: string | null;
  confirmedOn: string | null;
  managementLevel: string | null;
  operator: { name: string | null; creditCode: string | null } | null;
  operatingMode: string | null;
  assetClass: string | null;
  classReason: string | null;
  note: string | null;
};

const opt = (v: unknown): string | null => {
  const t = cellToText(v).trim();
  return t === '' ? null : t;
};

/**
 * The owner kind a county ledger's 确权主体 implies when the kind is not written (domain-standards §4.3): a 到户类
 * asset's owner is the households; a 村股份经济合作社 / 村集体经济组织 / 村民委员会 the village collective; a 乡/镇 (人民政府)
 * the township; a 局 / 委员会 / 县 the county department. Null when the name says none of these.
 */
export function ownerKindOfName(name: string | null, category: string): string | null {
  if (category === 'household') return 'household';
  if (!name) return null;
  if (/村.*(合作社|集体|委员会|村委)|集体经济/.test(name)) return 'village_collective';
  if (/(乡|镇)(人民政府)?$|(乡|镇)政府/.test(name)) return 'township';
  if (/(局|委员会|中心|办公室)$|^.{1,8}县/.test(name)) return 'county_department';
  return null;
}

/**
 * Checks one row of the 资产台账 file.
 * @param row the row number as the spreadsheet shows it
 * @param cells the cells by column key
 * @param columnName the column as the file names it
 */
export function checkAssetImportRow(
  row: number,
  cells: Partial<Record<AssetImportKey, unknown>>,
  columnName: (key: AssetImportKey) => string,
): { record: AssetImportRecord | null; issues: Issue[] } {
  const issues: Issue[] = [];
  const add = (key: AssetImportKey, value: unknown, messageZh: string, messageEn: string) => issues.push({ row, path: columnName(key), field: key, value, messageZh, messageEn });
  const code = (key: 'category' | 'ownerKind' | 'managementLevel' | 'operatingMode' | 'assetClass', vocab: keyof typeof ASSET_DICT_OF, wordsZh: string) => {
    const text = opt(cells[key]);
    if (text === null) return null;
    const c = resolveDictCode(getDictItems(ASSET_DICT_OF[vocab]), text);
    if (!c) add(key, text, `${columnName(key)}“${text}”无法识别，应为${wordsZh}`, `unknown ${key} "${text}"`);
    return c ?? null;
  };

  const assetNo = cellToDigitText(cells.assetNo);
  const no = assetNo.ok ? assetNo.text.toUpperCase() : '';
  if (!assetNo.ok) add('assetNo', cellToText(cells.assetNo), assetNo.reasonZh, assetNo.reasonEn);
  else if (no === '') add('assetNo', '', '资产编号不能为空', 'the asset number is required');
  else if (!/^[0-9A-Z-]{1,32}$/.test(no)) add('assetNo', no, '资产编号只能由字母、数字和“-”组成，至多 32 位', 'the asset number is letters, digits and "-", at most 32');
  const name = cellToText(cells.name).trim();
  if (name === '') add('name', '', '资产名称不能为空', 'the asset name is required');
  else if (name.length > 100) add('name', name, '资产名称不能超过 100 个字', 'the name is at most 100 characters');

  const codeCell = cellToDigitText(cells.regionCode);
  let regionText = toRegion(cells.region);
  if (!codeCell.ok) add('regionCode', cellToText(cells.regionCode), codeCell.reasonZh, codeCell.reasonEn);
  else if (codeCell.text !== '' && !/^\d{12}$/.test(codeCell.text)) add('regionCode', codeCell.text, '所在地区划代码应为 12 位数字', 'the place code has 12 digits');
  else if (codeCell.text !== '') regionText = { code: codeCell.text };
  if (regionText === null && codeCell.ok && codeCell.text === '')
    add('region', '', '所在地不能为空：请填写行政村名称或 12 位区划代码', 'the place is required: a village name or a 12-digit code');

  const category = code('category', 'category', '经营性、公益性或到户类');
  if (opt(cells.category) === null) add('category', '', '资产类别不能为空（经营性、公益性或到户类）', 'the category is required');

  let valueFen: number | null = null;
  const wanText = opt(cells.valueWan);
  const yuan = cellToAmount(cells.valueYuan);
  if (wanText !== null) {
    valueFen = wanYuanTextToFen(wanText);
    if (valueFen === null) add('valueWan', wanText, '资产原值应为不小于 0 的数字（万元，至多 6 位小数）', 'the value must be a number of 万元 ≥ 0 (at most 6 decimals)');
  } else if (yuan === null) {
    add('valueYuan', '', '资产原值不能为空（列名注明单位：元或万元）', 'the value is required (the header names the unit: 元 or 万元)');
  } else {
    const bad = Number.isNaN(yuan) ? { messageZh: '资产原值应为数字（元）', messageEn: 'the value must be a number (元)' } : moneyIssue(yuan, 'valueYuan');
    if (bad) add('valueYuan', cellToText(cells.valueYuan), bad.messageZh, bad.messageEn);
    else valueFen = yuanToFen(yuan, 'valueYuan');
  }

  const formedOn = cellToMonth(cells.formedOn);
  if (formedOn === undefined)
    add('formedOn', cellToText(cells.formedOn), '形成日期无法识别，请填写如 2022-06-30 或 2022-06', 'the formation date cannot be read (e.g. 2022-06-30)');
  const confirmedOn = cellToMonth(cells.confirmedOn);
  if (confirmedOn === undefined)
    add('confirmedOn', cellToText(cells.confirmedOn), '确权日期无法识别，请填写如 2022-06-30', 'the confirmation date cannot be read (e.g. 2022-06-30)');
  const ownerName = opt(cells.ownerName);
  const ownerKindWritten = code('ownerKind', 'ownerKind', '村集体经济组织、乡镇、县级行业部门或农户');
  const managementLevel = code('managementLevel', 'managementLevel', '市领管、县统管、乡镇辖管或村直管');
  const operatingMode = code('operatingMode', 'operationMode', '自主经营、租赁经营、承包经营或入股经营');
  const assetClass = code('assetClass', 'assetClass', '巩固一批、升级一批、盘活一批或调整一批');
  const classReason = opt(cells.classReason);
  const creditText = opt(cells.operatorCreditCode);
  const operatorText = opt(cells.operator);
  // a credit code written in the 经营主体 column itself is read as the code
  const operatorIsCode = operatorText !== null && /^[0-9A-HJ-NPQRTUWXY]{18}$/i.test(operatorText);
  const operator =
    operatorText || creditText ? { name: operatorIsCode ? null : operatorText, creditCode: (creditText ?? (operatorIsCode ? operatorText : null))?.toUpperCase() ?? null } : null;

  if (issues.length || !category || valueFen === null || regionText === null) return { record: null, issues };
  const ownerKind = ownerKindWritten ?? ownerKindOfName(ownerName, category);
  const record: AssetImportRecord = {
    assetNo: no,
    name,
    region: regionText,
    regionFromCodeColumn: codeCell.ok && codeCell.text !== '',
    category,
    valueFen,
    formedOn: formedOn ?? null,
    location: opt(cells.location),
    ownerKind,
    ownerName,
    confirmedOn: confirmedOn ?? null,
    managementLevel,
    operator,
    operatingMode,
    assetClass,
    classReason,
    note: opt(cells.note),
  };
  const columnOf: Record<string, AssetImportKey> = {
    category: 'category',
    ownerKind: ownerKindWritten ? 'ownerKind' : 'ownerName',
    operatingMode: 'operatingMode',
    assetClass: 'assetClass',
  };
  for (const i of assetIssues(record)) {
    const key = columnOf[i.path] ?? 'category';
    issues.push({ ...i, row, path: columnName(key), field: key, value: cellToText(cells[key]) });
  }
  return { record: issues.length ? null : record, issues };
}

/** The place cell: 12 digits are a code, anything else a name (a village, a township). Null when blank. */
function toRegion(v: unknown): { code: string } | { name: string } | null {
  const d = cellToDigitText(v);
  if (d.ok && /^\d{12}$/.test(d.text)) return { code: d.text };
  const t = cellToText(v).replace(/\s+/g, '');
  return t === '' ? null : { name: t };
}
