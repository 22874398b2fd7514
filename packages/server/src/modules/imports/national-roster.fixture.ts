import ExcelJS from 'exceljs';
// type only (erased at run time): the fixture stays self-contained for the e2e tests
import type { ValidationSummary } from './import-validate.service.ts';

// A national-layout 家庭成员信息 roster (全国防返贫监测信息系统 export: two title rows, then the header, one row per
// person, household fields repeated; columns as listed in national-exports.md §2), with planted bad rows and the
// tolerated oddities of real files. Self-contained (exceljs only): the e2e tests use it too (e2e/support/national-roster.ts).

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** Address code of the roster's ID numbers: 灵宝市 (the demo county generates 411272…, so the two never meet). */
export const ROSTER_ID_AREA = '411282';

/** A GB 11643 ID number: address code {@link ROSTER_ID_AREA}, birth date YYYYMMDD, 3-digit sequence, check character. */
export function rosterId(birth: string, seq: number): string {
  const first17 = `${ROSTER_ID_AREA}${birth}${String(seq).padStart(3, '0')}`;
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * (WEIGHTS[i] as number), 0);
  return first17 + CHECK[sum % 11];
}

/** The roster's columns, in the export's order (the last two are not kept by us and must be listed as ignored). */
export const ROSTER_HEADERS = [
  '省',
  '市',
  '县',
  '乡',
  '村',
  '户编号',
  '人口编号',
  '姓名',
  '性别',
  '出生日期',
  '证件类型',
  '证件号码',
  '民族',
  '与户主关系',
  '文化程度',
  '在校生状况',
  '劳动技能',
  '务工时间（月）',
  '健康状况',
  '监测对象类别',
  '风险类型',
  '户联系电话',
  '政治面貌',
  '是否享受低保',
] as const;
export const ROSTER_IGNORED = ['政治面貌', '是否享受低保'];

/** Villages of the demo zone named by the roster, by township (the file writes 后地村, the region list 后地村委会). */
export const ROSTER_VILLAGES: [township: string, village: string][] = [
  ['大王镇', '后地村'],
  ['大王镇', '北营村'],
  ['阳店镇', '东阳村'],
  ['阳店镇', '西坡村'],
  ['阳店镇', '寨子村'],
];

export type RosterRow = Record<string, unknown>;
export type RosterHousehold = { householdNo: string; headName: string; village: string; rows: number[] };
/** The counts validation must report (the service's own summary shape; the values are worked out by hand below). */
export type RosterExpected = Pick<ValidationSummary, 'totalRows' | 'goodRows' | 'badRows' | 'excludedRows' | 'warningRows' | 'households'> & {
  /** households left out because of a planted bad row, in file order */
  excluded: RosterHousehold[];
  /** every household, in file order */
  all: RosterHousehold[];
};
export type Roster = { headers: string[]; rows: RosterRow[]; expected: RosterExpected };

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
const GIVEN = ['建国', '秀兰', '志强', '桂英', '海涛', '丽娟', '明', '芳', '伟', '娜', '军', '敏'];
const SIZES = [3, 2, 2, 3, 2];
const toFullWidth = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
/** Sheet row of the first data row: two title rows and the header above it. */
export const FIRST_DATA_ROW = 4;

/**
 * Builds the roster: 40 households / 96 persons, 8 per village, households of 3, 2, 2, 3, 2 persons. Planted bad rows:
 * a wrong check digit (household 5), an empty name (10), an unknown 劳动技能 (15), two 户主 (20), the ID of household
 * 24's spouse again in household 25. Tolerated: full-width digits (2), a lower-case x (4), spaces (3), Excel date cells
 * (1), 出生日期 differing from the ID (6, a warning), 健康状况 "残疾,长期慢性病" (7), a passport (8). The households of
 * 寨子村 are 监测对象 (突发严重困难户 / 边缘易致贫户, with 风险类型); the others have no category (the file's default).
 */
export function buildNationalRoster(): Roster {
  const rows: RosterRow[] = [];
  const all: RosterHousehold[] = [];
  const planted = new Map<number, string>([
    [5, 'check'],
    [10, 'name'],
    [15, 'labor'],
    [20, 'heads'],
    [25, 'dupId'],
  ]);
  let seq = 1;
  let spouseOf24: RosterRow = {};
  for (let h = 1; h <= 40; h++) {
    const [township, village] = ROSTER_VILLAGES[Math.floor((h - 1) / 8)] as [string, string];
    const householdNo = `4112720${String(Math.floor((h - 1) / 8) + 1)}${String(h).padStart(6, '0')}`;
    const size = SIZES[(h - 1) % 5] as number;
    const surname = SURNAMES[(h - 1) % SURNAMES.length] as string;
    const monitored = village === '寨子村';
    const hh: RosterHousehold = { householdNo, headName: '', village, rows: [] };
    for (let m = 0; m < size; m++) {
      const rowNumber = FIRST_DATA_ROW + rows.length;
      const male = m !== 1;
      const birth = m === 0 ? `19${60 + (h % 30)}0315` : m === 1 ? `19${62 + (h % 30)}0708` : `20${10 + (h % 5)}0921`;
      // odd sequence = male (GB 11643)
      const s = seq * 2 + (male ? 1 : 0);
      seq++;
      let id = rosterId(birth, s % 1000);
      const name =
        m === 0
          ? `${surname}${GIVEN[h % GIVEN.length]}`
          : m === 1
            ? `${SURNAMES[(h + 3) % SURNAMES.length]}${GIVEN[(h + 1) % GIVEN.length]}`
            : `${surname}${GIVEN[(h + 5) % GIVEN.length]}小`;
      if (m === 0) hh.headName = name;
      const iso = `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6)}`;
      const row: RosterRow = {
        省: '河南省',
        市: '三门峡市',
        县: '城乡一体化示范区',
        乡: township,
        村: village,
        户编号: householdNo,
        人口编号: `${householdNo}${String(m + 1).padStart(2, '0')}`,
        姓名: name,
        性别: male ? '男' : '女',
        出生日期: iso,
        证件类型: '居民身份证',
        证件号码: id,
        民族: '汉族',
        与户主关系: m === 0 ? '户主' : m === 1 ? '配偶' : '之子',
        文化程度: m === 2 ? '' : '初中',
        在校生状况: m === 2 ? '八年级' : '',
        劳动技能: m === 2 ? '无劳动力' : '普通劳动力',
        '务工时间（月）': m === 0 ? 10 : m === 1 ? 6 : '',
        健康状况: '健康',
        监测对象类别: monitored ? (h % 2 === 0 ? '突发严重困难户' : '边缘易致贫户') : '',
        风险类型: monitored ? (h % 2 === 0 ? '因病、因学' : '因残') : '',
        户联系电话: `1380000${String(h).padStart(4, '0')}`,
        政治面貌: '群众',
        是否享受低保: '否',
      };
      // tolerated oddities
      if (h === 1) row.出生日期 = new Date(`${iso}T00:00:00Z`);
      if (h === 2 && m === 0) row.证件号码 = toFullWidth(id);
      if (h === 3 && m === 1) row.证件号码 = `  ${id.slice(0, 6)} ${id.slice(6)} `;
      if (h === 4 && m === 0) {
        for (let t = 1; !id.endsWith('X'); t++) id = rosterId(birth, (s + 2 * t) % 1000);
        row.证件号码 = id.toLowerCase();
      }
      if (h === 6 && m === 0) row.出生日期 = `${birth.slice(0, 4)}-${birth.slice(4, 6)}-16`;
      if (h === 7 && m === 0) row.健康状况 = '残疾,长期慢性病';
      if (h === 8 && m === 1) Object.assign(row, { 证件类型: '护照', 证件号码: 'E12345678' });
      // planted errors
      const plant = planted.get(h);
      if (plant === 'check' && m === 1) row.证件号码 = id.slice(0, 17) + (id.endsWith('1') ? '2' : '1');
      if (plant === 'name' && m === 1) row.姓名 = '';
      if (plant === 'labor' && m === 0) row.劳动技能 = '很强';
      if (plant === 'heads' && m === 1) row.与户主关系 = '户主';
      if (h === 24 && m === 1) spouseOf24 = row;
      // the same person registered in two households: same ID, name and birth date
      if (plant === 'dupId' && m === 1) Object.assign(row, { 证件号码: spouseOf24.证件号码, 姓名: spouseOf24.姓名, 出生日期: spouseOf24.出生日期 });
      rows.push(row);
      hh.rows.push(rowNumber);
    }
    all.push(hh);
  }
  const excluded = all.filter((_, i) => planted.has(i + 1));
  const badRows = excluded.length;
  const inExcluded = excluded.reduce((n, x) => n + x.rows.length, 0);
  return {
    headers: [...ROSTER_HEADERS],
    rows,
    expected: {
      totalRows: rows.length,
      goodRows: rows.length - inExcluded,
      badRows,
      excludedRows: inExcluded - badRows,
      warningRows: 1,
      households: { total: all.length, good: all.length - excluded.length, excluded: excluded.length },
      excluded,
      all,
    },
  };
}

/** Writes rows under the two title rows of a national export, every cell as text except Date cells. */
export async function rosterXlsx(headers: readonly string[], rows: readonly RosterRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(['（自定义）家庭成员信息']);
  ws.addRow(['导出单位：三门峡市城乡一体化示范区', '', '', '导出时间：2025-09-02']);
  ws.addRow([...headers]);
  for (const r of rows)
    ws.addRow(
      headers.map((h) => {
        const v = r[h];
        return v === undefined || v === null ? '' : v instanceof Date ? v : String(v);
      }),
    );
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The file name of the national monthly export of 脱贫户 (national-exports.md §1). */
export const ROSTER_FILE_NAME = '脱贫户信息_20250902-继续享受政策.xlsx';
