import type { Issue } from '../errors.ts';
import { DICT, getDictItems, resolveDictCode } from '../dictionaries/dictionaries.ts';
import { cellToAmount, cellToDate, cellToText, cellToYear } from '../households/cell-values.ts';
import { defaultIncomeType, linkageIssues, type IncomeType } from './linkage-checks.ts';

/**
 * The 联农带农 file (issue 7 §3): one row per entity × household × mode × year, the columns of the export. Each row
 * is checked by the same rules as the API ({@link linkageIssues}); issues name the row and the column as the file
 * names it. The entity is found by its 统一社会信用代码 or else its name, the household by 户编号 (server side).
 */
export const LINKAGE_IMPORT_COLUMNS = [
  { key: 'year', header: '年度', aliases: ['带动年度'], required: true, width: 8, note: '带动收入所属年度，如 2024' },
  { key: 'entityName', header: '带动主体', aliases: ['主体名称', '经营主体', '经营主体名称'], required: true, width: 30, note: '经营主体全称（须已在经营主体中登记）' },
  { key: 'creditCode', header: '统一社会信用代码', aliases: ['信用代码'], width: 22, note: '选填；同名主体较多时据此确定主体' },
  { key: 'householdNo', header: '户编号', required: true, width: 22, note: '被带动农户的户编号' },
  { key: 'headName', header: '户主姓名', aliases: ['户主'], width: 10, note: '仅供核对，不导入' },
  { key: 'villageName', header: '所在村', width: 12, note: '仅供核对，不导入' },
  {
    key: 'mode',
    header: '联农带农方式',
    aliases: ['带动方式', '联结方式'],
    required: true,
    width: 14,
    note: '如 务工就业、订单生产、土地流转、入股分红、保底分红、二次返利、股份合作、产品代销、托养托管',
  },
  { key: 'startDate', header: '开始日期', aliases: ['带动开始日期'], width: 12, note: '选填，如 2024-03-01' },
  { key: 'endDate', header: '结束日期', aliases: ['带动结束日期'], width: 12, note: '选填，不早于开始日期' },
  {
    key: 'amountYuan',
    header: '收入（元）',
    aliases: ['收入', '带动收入', '金额（元）', '金额', '收入(元)'],
    required: true,
    width: 12,
    note: '该户当年从该主体获得的收入或工资，元，最多两位小数',
  },
  { key: 'incomeType', header: '收入类型', aliases: ['计入收入类型'], width: 14, note: '选填：工资性收入、生产经营性收入、财产性收入、转移性收入；空则按带动方式确定' },
  { key: 'carried', header: '是否已计入当年收入', width: 10, note: '仅供核对，不导入' },
  { key: 'note', header: '备注', width: 20 },
] as const;
export type LinkageImportKey = (typeof LINKAGE_IMPORT_COLUMNS)[number]['key'];

/** A checked row, ready to be matched with an entity and a household. */
export type LinkageImportRecord = {
  year: number;
  entityName: string;
  creditCode: string | null;
  householdNo: string;
  mode: string;
  startDate: string | null;
  endDate: string | null;
  amountYuan: number;
  incomeType: IncomeType;
  note: string | null;
};

/** Checks one row of a linkage file. @returns the record (null when a cell cannot be read) and the row's issues */
export function checkLinkageImportRow(
  row: number,
  cells: Partial<Record<LinkageImportKey, unknown>>,
  columnName: (key: LinkageImportKey) => string,
): { record: LinkageImportRecord | null; issues: Issue[] } {
  const issues: Issue[] = [];
  const add = (key: LinkageImportKey, value: unknown, messageZh: string, messageEn: string) => issues.push({ row, path: columnName(key), field: key, value, messageZh, messageEn });
  const text = (k: LinkageImportKey) => cellToText(cells[k]).trim();

  const year = cellToYear(cells.year);
  if (year === null || Number.isNaN(year))
    add('year', text('year'), year === null ? '年度不能为空' : '年度无法识别，请填写如 2024', year === null ? 'the year is required' : 'the year cannot be read (e.g. 2024)');
  const entityName = text('entityName');
  if (!entityName) add('entityName', '', '带动主体不能为空', 'the entity is required');
  const householdNo = text('householdNo');
  if (!householdNo) add('householdNo', '', '户编号不能为空', 'the household number is required');
  const modeText = text('mode');
  const mode = resolveDictCode(getDictItems(DICT.linkageMode), modeText);
  if (!mode)
    add('mode', modeText, modeText ? `联农带农方式“${modeText}”不存在` : '联农带农方式不能为空', modeText ? `unknown linkage mode "${modeText}"` : 'the linkage mode is required');
  const typeText = text('incomeType');
  const incomeType = typeText ? resolveDictCode(getDictItems(DICT.incomeType), typeText) : mode ? defaultIncomeType(mode) : undefined;
  if (typeText && !incomeType) add('incomeType', typeText, `收入类型“${typeText}”不存在，应为工资性、生产经营性、财产性或转移性收入`, `unknown income type "${typeText}"`);
  const startDate = cellToDate(cells.startDate);
  if (startDate === undefined) add('startDate', text('startDate'), '开始日期无法识别，请填写如 2024-03-01', 'the start date cannot be read (e.g. 2024-03-01)');
  const endDate = cellToDate(cells.endDate);
  if (endDate === undefined) add('endDate', text('endDate'), '结束日期无法识别，请填写如 2024-11-30', 'the end date cannot be read (e.g. 2024-11-30)');
  const amount = cellToAmount(cells.amountYuan);
  if (amount === null || Number.isNaN(amount))
    add(
      'amountYuan',
      text('amountYuan'),
      amount === null ? '收入不能为空' : '收入须为数字（元）',
      amount === null ? 'the income is required' : 'the income must be a number (yuan)',
    );
  // the API's rules on what could be read (a cell that could not be read already has its issue)
  const readable = (k: LinkageImportKey) => !issues.some((i) => i.field === k);
  // the period is judged against the year only when both could be read
  const periodOk = readable('year') && readable('startDate') && readable('endDate');
  const rules = linkageIssues({
    mode: mode ?? 'employment',
    year: year !== null && !Number.isNaN(year) ? year : 2024,
    startDate: periodOk ? (startDate ?? null) : null,
    endDate: periodOk ? (endDate ?? null) : null,
    amountYuan: amount !== null && !Number.isNaN(amount) ? amount : 0,
    incomeType: incomeType ?? 'wage',
  });
  for (const i of rules) {
    const key = i.path as LinkageImportKey;
    if (readable(key)) issues.push({ ...i, row, path: columnName(key), field: key });
  }
  if (issues.length || year === null || !mode || !incomeType || amount === null || startDate === undefined || endDate === undefined) return { record: null, issues };
  const record: LinkageImportRecord = {
    year,
    entityName,
    creditCode: text('creditCode') || null,
    householdNo,
    mode,
    startDate,
    endDate,
    amountYuan: amount,
    incomeType: incomeType as IncomeType,
    note: text('note') || null,
  };
  return { record, issues };
}
