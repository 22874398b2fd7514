import { createWriteStream } from 'node:fs';
import ExcelJS from 'exceljs';
import type { DemoHousehold } from './demo-households.generator.ts';

/** The import file's columns in order (docs/ARCHITECTURE.md, "Import file"): one row per person. */
export const IMPORT_FILE_HEADERS = [
  '户编号',
  '区划代码',
  '户类型',
  '监测类型',
  '户主姓名',
  '姓名',
  '证件号码',
  '性别',
  '与户主关系',
  '劳动能力',
  '健康状况',
  '文化程度',
  '务工状况',
  '联系电话',
  '风险类型',
  '脱贫年度',
  '家庭住址',
] as const;

/**
 * Our import template has 文化程度 only: a pupil is written with the level of the school attended (小学, 初中,
 * 高中), as the template always had it; pre-school children with none.
 */
function educationOfPupil(school: string | null): string {
  if (!school) return '';
  if (school === '小学') return '小学';
  if (/^[七八九]年级$/.test(school)) return '初中';
  if (school.startsWith('普通高中')) return '高中';
  return '';
}

/** The rows (as header-ordered text cells) of one household, household fields repeated on each row. */
export function householdRows(h: DemoHousehold): string[][] {
  const head = h.members.find((m) => m.isHead) ?? h.members[0];
  return h.members.map((m) => [
    h.householdNo,
    h.regionCode,
    h.householdType,
    h.monitoringType ?? '',
    head?.name ?? '',
    m.name,
    m.idNumber,
    m.gender === '1' ? '男' : '女',
    m.relation,
    m.laborCapacity,
    m.healthStatuses.join(','),
    m.education ?? educationOfPupil(m.schoolStatus),
    m.employmentStatus,
    m.phone ?? '',
    h.riskTypes.join('、'),
    h.liftedYear === null ? '' : String(h.liftedYear),
    h.address,
  ]);
}

function csvCell(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** Sink for generated rows in the import format: xlsx (streaming writer) or UTF-8 CSV with BOM. */
export type ImportFileSink = { add(rows: string[][]): Promise<void>; close(): Promise<number> };

/**
 * Opens an import-format file for writing. xlsx cells are all text (ID numbers keep every digit).
 * @param path target file; the extension chooses the format
 */
export function openImportFile(path: string): ImportFileSink {
  let n = 0;
  if (path.endsWith('.csv')) {
    const out = createWriteStream(path, 'utf8');
    out.write(`\uFEFF${IMPORT_FILE_HEADERS.join(',')}\n`);
    return {
      async add(rows) {
        const text = rows.map((r) => r.map(csvCell).join(',')).join('\n');
        n += rows.length;
        if (!out.write(`${text}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
      },
      close: () => new Promise((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve(n)))),
    };
  }
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: false, useSharedStrings: false });
  const ws = wb.addWorksheet('户成员信息');
  ws.addRow([...IMPORT_FILE_HEADERS]).commit();
  return {
    async add(rows) {
      for (const r of rows) ws.addRow(r).commit();
      n += rows.length;
    },
    async close() {
      ws.commit();
      await wb.commit();
      return n;
    },
  };
}
