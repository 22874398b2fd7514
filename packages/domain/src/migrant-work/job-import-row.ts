import type { Issue } from '../errors.ts';
import { DICT, getDictItems, resolveDictCode } from '../dictionaries/dictionaries.ts';
import { cellToAmount, cellToDigitText, cellToMonth, cellToText, cellToYesNo } from '../households/cell-values.ts';
import { moneyIssue, yuanToFen } from '../money/money.ts';

/**
 * The national 外出务工信息 export (national-exports §2: 是否已务工, 务工所在县, 就业渠道 incl. 公益岗位 / 帮扶车间, 务工月收入,
 * 务工企业名称, 所属行业, 开始时间, 结束时间, 年度交通费补助) and the person columns of the 监测对象信息 export that carry the
 * same facts (务工时间（月）/务工时长(月), 务工所在地/务工地点, 务工企业名称, 公益性岗位, 就业渠道, 是否国外务工). Persons are
 * matched by 证件号码. 所属行业 has no column of ours and 年度交通费补助 is a payment (the subsidy register's, not this
 * file's): both are read and reported as ignored.
 */
export const JOB_IMPORT_COLUMNS = [
  {
    key: 'householdNo',
    header: '户编号',
    width: 18,
    note: '证件号码已脱敏时（本平台为乡镇、村工作人员导出的表）必填：按户编号和姓名确定成员；其他情况可不填',
  },
  { key: 'name', header: '姓名', width: 10 },
  {
    key: 'idNumber',
    header: '证件号码',
    aliases: ['身份证号码', '身份证号', '公民身份号码', '证件号'],
    required: true,
    width: 22,
    note: '务工人员的证件号码（文本格式），须为您管辖范围内农户的成员；本平台导出的脱敏号码（前 4 位和后 4 位）亦可，须同时填写户编号和姓名',
  },
  { key: 'employed', header: '是否已务工', aliases: ['是否务工', '是否外出务工'], width: 10, note: '是或否' },
  {
    key: 'place',
    header: '务工所在县',
    aliases: ['务工所在地', '务工地点', '务工所在县（市、区）', '务工所在县(市、区)', '务工地址'],
    width: 26,
    note: '如“广东省深圳市宝安区”“河南省三门峡市渑池县”，或“省外”“省内县外”“县内”',
  },
  { key: 'abroad', header: '是否国外务工', aliases: ['是否境外务工'], width: 10 },
  { key: 'channel', header: '就业渠道', aliases: ['就业方式', '务工渠道'], width: 12, note: '企业务工、帮扶车间、以工代赈、公益性岗位、自主创业、灵活就业、其他' },
  { key: 'publicPost', header: '公益性岗位', aliases: ['是否公益性岗位', '是否公益岗位'], width: 10, note: '是或否（或岗位名称）；为“是”且未填就业渠道时记为公益性岗位' },
  { key: 'wage', header: '务工月收入', aliases: ['务工月收入（元）', '务工月收入(元)', '月收入（元）', '月收入', '月工资（元）'], width: 12, note: '元/月，至多两位小数' },
  { key: 'employer', header: '务工企业名称', aliases: ['务工单位', '就业单位', '务工企业'], width: 24, note: '与经营主体库中名称一致时关联该主体' },
  { key: 'industry', header: '所属行业', aliases: ['行业'], width: 12 },
  { key: 'start', header: '开始时间', aliases: ['务工开始时间', '开始日期'], width: 12, note: '如 2026-03-01 或 202603' },
  { key: 'end', header: '结束时间', aliases: ['务工结束时间', '结束日期'], width: 12, note: '未结束的不填' },
  {
    key: 'months',
    header: '务工时间（月）',
    aliases: ['务工时间(月)', '务工时长（月）', '务工时长(月)', '务工月数', '务工时间'],
    width: 12,
    note: '0–12 的整数；不填时按开始、结束时间计算本年度月数',
  },
  { key: 'transportSubsidy', header: '年度交通费补助', aliases: ['交通费补助', '一次性交通补助'], width: 12, note: '不在此导入：交通补助由补贴发放登记' },
] as const;

export type JobImportKey = (typeof JOB_IMPORT_COLUMNS)[number]['key'];

/** A checked row: what it says about the person (null = the file says nothing, the stored value stays). */
export type JobImportRecord = {
  /** the 18 characters, or a masked number as our export gives masked roles (first 4 and last 4 kept) */
  idNumber: string;
  /** true: `idNumber` is masked, and the person is the member of `householdNo` named `name` whose number masks so */
  idMasked: boolean;
  householdNo: string | null;
  name: string | null;
  /** 是否已务工: false → 未务工 */
  employed: boolean | null;
  place: string | null;
  abroad: boolean;
  channel: string | null;
  workMonths: number | null;
  monthlyWageFen: number | null;
  employerName: string | null;
  /** 年度交通费补助 was filled (ignored: not a payment record) */
  transportSubsidy: boolean;
  /** 所属行业 was filled (ignored: no column) */
  industry: boolean;
};

/** The year the months are counted in and the month it has reached (a start without an end runs to that month). */
export type WorkYear = { year: number; month: number };

const opt = (v: unknown): string | null => {
  const t = cellToText(v).trim();
  return t === '' ? null : t;
};

/** A number as `maskIdNumber` prints it for a masked role: the first 4 and the last 4 characters kept. */
const MASKED_ID = /^\d{4}\*{7,12}\d{3}[\dX]$/;

const monthIndex = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;

/**
 * 务工时间（月）of a year from 开始时间 / 结束时间: the calendar months of the year the stretch touches, counting its first
 * and its last month whole (2026-03-15 … 2026-08-10 → March … August = 6). A stretch begun in an earlier year counts
 * from January; one without an end runs to the current month (of the current year) or to December (of a past year);
 * a stretch outside the year gives 0.
 */
export function workMonthsInYear(start: string, end: string | null, at: WorkYear): number {
  const first = Math.max(monthIndex(start), at.year * 12);
  const lastOfYear = at.year * 12 + 11;
  const last = Math.min(end ? monthIndex(end) : at.year * 12 + at.month - 1, lastOfYear);
  return Math.max(0, last - first + 1);
}

/**
 * Checks one row of the 外出务工信息 file (the person is found by the server).
 * @param at the year the months are for (today's year in China) and its current month
 */
export function checkJobImportRow(
  row: number,
  cells: Partial<Record<JobImportKey, unknown>>,
  columnName: (key: JobImportKey) => string,
  at: WorkYear,
): { record: JobImportRecord | null; issues: Issue[] } {
  const issues: Issue[] = [];
  const add = (key: JobImportKey, value: unknown, messageZh: string, messageEn: string) => issues.push({ row, path: columnName(key), field: key, value, messageZh, messageEn });

  // a number masked by our own export (4112**********1234) is matched through 户编号 and 姓名
  const idText = cellToText(cells.idNumber).trim().toUpperCase();
  const idMasked = MASKED_ID.test(idText);
  const id = idMasked ? { ok: true as const, text: idText } : cellToDigitText(cells.idNumber);
  const idNumber = id.ok ? id.text.toUpperCase() : '';
  if (!id.ok) add('idNumber', cellToText(cells.idNumber), id.reasonZh, id.reasonEn);
  else if (idNumber === '') add('idNumber', '', '证件号码不能为空', 'the ID number is required');
  const householdNo = opt(cells.householdNo);
  if (idMasked && (householdNo === null || opt(cells.name) === null))
    add(
      householdNo === null ? 'householdNo' : 'name',
      '',
      '证件号码已脱敏，须填写户编号和姓名才能确定是哪位成员',
      'the ID number is masked: the household number and the name are needed to tell the member',
    );

  const employed = cellToYesNo(cells.employed);
  if (employed === undefined) add('employed', cellToText(cells.employed), '是否已务工应填“是”或“否”', 'employed must be 是 or 否');
  const abroad = cellToYesNo(cells.abroad);
  if (abroad === undefined) add('abroad', cellToText(cells.abroad), '是否国外务工应填“是”或“否”', 'abroad must be 是 or 否');

  const channelText = opt(cells.channel);
  let channel = channelText === null ? null : (resolveDictCode(getDictItems(DICT.employmentChannel), channelText) ?? null);
  if (channelText !== null && channel === null)
    add(
      'channel',
      channelText,
      `就业渠道“${channelText}”无法识别，应为企业务工、帮扶车间、以工代赈、公益性岗位、自主创业、灵活就业或其他`,
      `unknown employment channel "${channelText}"`,
    );
  const post = opt(cells.publicPost);
  // 公益性岗位 is 是/否 in some exports and the post's name in others: anything but 否/无 means a post
  if (channel === null && channelText === null && post !== null && cellToYesNo(post) !== false) channel = 'public_post';

  const wageValue = cellToAmount(cells.wage);
  let monthlyWageFen: number | null = null;
  if (wageValue !== null) {
    const bad = Number.isNaN(wageValue) ? { messageZh: '务工月收入应为数字（元）', messageEn: 'the monthly wage must be a number (yuan)' } : moneyIssue(wageValue, 'wage');
    if (bad) add('wage', cellToText(cells.wage), `务工月收入：${bad.messageZh}`, `monthly wage: ${bad.messageEn}`);
    else monthlyWageFen = yuanToFen(wageValue, 'wage');
  }

  const start = cellToMonth(cells.start);
  if (start === undefined) add('start', cellToText(cells.start), '开始时间无法识别，请填写如 2026-03-01 或 202603', 'the start cannot be read (e.g. 2026-03-01)');
  const end = cellToMonth(cells.end);
  if (end === undefined) add('end', cellToText(cells.end), '结束时间无法识别，请填写如 2026-10-31 或 202610', 'the end cannot be read (e.g. 2026-10-31)');
  if (start && end && end < start) add('end', cellToText(cells.end), '结束时间早于开始时间', 'the end is before the start');

  let workMonths: number | null = null;
  const monthsText = opt(cells.months);
  if (monthsText !== null) {
    const n = Number(monthsText.replace(/个?月$/, ''));
    if (!Number.isInteger(n) || n < 0 || n > 12) add('months', monthsText, '务工时间应为 0 到 12 之间的整数（月）', 'the months worked must be a whole number from 0 to 12');
    else workMonths = n;
  } else if (start) {
    workMonths = workMonthsInYear(start, end ?? null, at);
  }
  if (employed === false && workMonths !== null && workMonths > 0)
    add('employed', cellToText(cells.employed), `是否已务工为“否”，但务工时间为 ${workMonths} 个月`, `not employed, yet ${workMonths} months of work`);

  if (issues.length) return { record: null, issues };
  return {
    record: {
      idNumber,
      idMasked,
      householdNo,
      name: opt(cells.name),
      employed: employed ?? null,
      place: opt(cells.place),
      abroad: abroad === true,
      channel,
      workMonths: employed === false ? (workMonths ?? 0) : workMonths,
      monthlyWageFen,
      employerName: opt(cells.employer),
      transportSubsidy: opt(cells.transportSubsidy) !== null,
      industry: opt(cells.industry) !== null,
    },
    issues,
  };
}
