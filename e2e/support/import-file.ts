import ExcelJS from 'exceljs';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** GB 11643 check character of the first 17 digits. */
export function checkChar(first17: string): string {
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * (WEIGHTS[i] as number), 0);
  return CHECK[sum % 11] as string;
}

/** A valid 18-character ID number: address code 410522 (not the demo zone's), birth date, sequence. */
export function idNumber(birth: string, seq: number): string {
  const first17 = `410522${birth}${String(seq).padStart(3, '0')}`;
  return first17 + checkChar(first17);
}

/** A valid ID number whose check character is X (tries sequence numbers from `seq`). */
export function idNumberWithX(birth: string, seq: number): string {
  for (let s = seq; s < seq + 200; s++) {
    const id = idNumber(birth, s);
    if (id.endsWith('X')) return id;
  }
  throw new Error('no X check digit found');
}

/** The same ID in full-width digits with a lower-case x, as typed on a Chinese IME. */
export function toFullWidthLowerX(id: string): string {
  return [...id].map((c) => (c === 'X' ? 'x' : String.fromCharCode(c.charCodeAt(0) + 0xfee0))).join('');
}

/** Replaces the check character with a wrong one. */
export function withWrongCheck(id: string): string {
  const right = id.slice(-1);
  return id.slice(0, 17) + (right === '1' ? '2' : '1');
}

/** Source headers as a county office's own sheet spells them: not the template's. */
export const SHEET_HEADERS = ['序号', '户编号', '区划代码', '户别', '监测类型', '姓名', '身份证号码', '成员关系', '劳动能力', '联系电话', '家庭住址', '备注（村填）'] as const;
/** The header no alias recognises, mapped by hand to 与户主关系 in the wizard. */
export const UNMAPPED_HEADER = '成员关系';

export type SheetRow = {
  householdNo: string;
  householdType: string;
  monitoringType?: string;
  name: string;
  id: string | number;
  relation: string;
  labor?: string;
  phone?: string;
  note?: string;
};

/** Data rows start on sheet row 3 (row 1 is a title, row 2 the header). */
export const FIRST_DATA_ROW = 3;

export type ImportFixture = {
  rows: SheetRow[];
  /** sheet row number of a row by its note tag */
  rowOf: (tag: string) => number;
  /** household numbers expected to be imported and their heads */
  goodHouseholds: { householdNo: string; headName: string; members: number }[];
  buffer: Buffer;
};

/**
 * Builds a "real-looking" .xlsx for six households of one village: title row, own header spellings, an extra
 * column, and bad rows (wrong check digit, missing name, two heads, ID stored as a number) next to good ones
 * (including an ID typed in full-width digits with a lower-case x).
 */
export async function buildImportFixture(villageCode: string, prefix: string): Promise<ImportFixture> {
  const no = (n: number) => `${prefix}${String(n).padStart(3, '0')}`;
  const xId = idNumberWithX('20100315', 100);
  const rows: SheetRow[] = [
    { householdNo: no(1), householdType: '脱贫户', name: '测试甲一', id: idNumber('19680412', 11), relation: '户主', labor: '普通劳动力', phone: '13812345678' },
    { householdNo: no(1), householdType: '脱贫户', name: '测试甲二', id: idNumber('19700820', 22), relation: '配偶', labor: '普通劳动力' },
    { householdNo: no(1), householdType: '脱贫户', name: '测试甲三', id: toFullWidthLowerX(xId), relation: '子', labor: '无劳动力', note: 'fullwidth' },
    { householdNo: no(2), householdType: '监测户', monitoringType: '边缘易致贫户', name: '测试乙一', id: idNumber('19751102', 31), relation: '户主', labor: '普通劳动力' },
    {
      householdNo: no(2),
      householdType: '监测户',
      monitoringType: '边缘易致贫户',
      name: '测试乙二',
      id: withWrongCheck(idNumber('19780305', 42)),
      relation: '配偶',
      note: 'badcheck',
    },
    { householdNo: no(3), householdType: '一般农户', name: '测试丙一', id: idNumber('19600101', 51), relation: '户主' },
    { householdNo: no(3), householdType: '一般农户', name: '', id: idNumber('19850606', 62), relation: '子', note: 'noname' },
    { householdNo: no(4), householdType: '脱贫户', name: '测试丁一', id: idNumber('19550909', 71), relation: '户主' },
    { householdNo: no(4), householdType: '脱贫户', name: '测试丁二', id: idNumber('19580707', 82), relation: '户主', note: 'twoheads' },
    { householdNo: no(5), householdType: '一般农户', name: '测试戊一', id: Number('410522197201019991'), relation: '户主', note: 'number' },
    {
      householdNo: no(6),
      householdType: '监测户',
      monitoringType: '突发严重困难户',
      name: '测试己一',
      id: idNumber('19820214', 91),
      relation: '户主',
      labor: '弱劳动力或半劳动力',
    },
    { householdNo: no(6), householdType: '监测户', monitoringType: '突发严重困难户', name: '测试己二', id: idNumber('20120618', 102), relation: '女', labor: '无劳动力' },
  ];
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  ws.addRow(['大王镇脱贫户、监测户家庭成员花名册（村级自填）']);
  ws.mergeCells(1, 1, 1, SHEET_HEADERS.length);
  ws.addRow([...SHEET_HEADERS]);
  rows.forEach((r, i) =>
    ws.addRow([
      i + 1,
      r.householdNo,
      villageCode,
      r.householdType,
      r.monitoringType ?? '',
      r.name,
      r.id,
      r.relation,
      r.labor ?? '',
      r.phone ?? '',
      `大王镇大王村${r.householdNo}号`,
      r.note ? `核对:${r.note}` : '',
    ]),
  );
  // the ID column is text except the one cell stored as a number (what Excel does when the column is not Text)
  ws.getColumn(7).numFmt = '@';
  ws.getColumn(7).width = 24;
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  const rowOf = (tag: string) => {
    const i = rows.findIndex((r) => r.note === tag);
    if (i < 0) throw new Error(`no row tagged ${tag}`);
    return FIRST_DATA_ROW + i;
  };
  return {
    rows,
    rowOf,
    goodHouseholds: [
      { householdNo: no(1), headName: '测试甲一', members: 3 },
      { householdNo: no(6), headName: '测试己一', members: 2 },
    ],
    buffer,
  };
}
