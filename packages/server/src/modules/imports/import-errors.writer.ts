import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import ExcelJS from 'exceljs';
import { privateWriteStream } from './import-files.ts';

/** One bad cell (or a whole-household problem, then `column` names the key column); a warning does not refuse the row. */
export type CellError = { row: number; column: string; value: string; messageZh: string; messageEn: string; level?: 'error' | 'warning' };

/** A household whose good rows are left out because another of its rows is bad. */
export type ExcludedHousehold = {
  householdNo: string;
  /** 户主 姓名 as the file gives it (null when no row names the head) */
  headName: string | null;
  /** the good rows left out */
  rows: number[];
  /** the rows with errors that cause it */
  badRows: number[];
  reasonZh: string;
  reasonEn: string;
};

/** Appends records as NDJSON while validation streams (memory stays bounded). */
export function openErrorLog<T = CellError>(path: string): { write(e: T): void; close(): Promise<void> } {
  const out = privateWriteStream(path, 'utf8');
  return {
    write(e) {
      out.write(`${JSON.stringify(e)}\n`);
    },
    close: () => new Promise((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve()))),
  };
}

/** Reads an NDJSON log back, in file order. */
export async function* readErrorLog<T = CellError>(path: string): AsyncGenerator<T> {
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) if (line) yield JSON.parse(line) as T;
}

function styleHeader(ws: ExcelJS.Worksheet, argb: string): void {
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb } };
  header.commit();
}

/**
 * Writes errors.xlsx with the streaming writer: sheet 错误明细 (行号, 列, 值, 原因, Reason, 类型 错误/警告) in the order
 * logged, and sheet 未导入的户 (户编号, 户主, 未导入的行, 原因, Reason): every household left out because of a bad row,
 * each of its good rows marked 未导入（同户有错误）.
 * @param logPath the NDJSON error log of the job
 * @param outPath where to write the workbook
 * @param excludedPath the NDJSON log of excluded households (optional)
 */
export async function writeErrorsWorkbook(logPath: string, outPath: string, excludedPath?: string): Promise<number> {
  // a stream of our own: the writer's `filename` would create the file world-readable
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: privateWriteStream(outPath), useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet('错误明细', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { header: '行号 Row', key: 'row', width: 10 },
    { header: '列 Column', key: 'column', width: 18 },
    { header: '值 Value', key: 'value', width: 26 },
    { header: '原因', key: 'messageZh', width: 60 },
    { header: 'Reason', key: 'messageEn', width: 70 },
    { header: '类型 Type', key: 'type', width: 12 },
  ];
  styleHeader(ws, 'FFFDE2E2');
  let n = 0;
  for await (const e of readErrorLog(logPath)) {
    ws.addRow({ ...e, type: e.level === 'warning' ? '警告 warning' : '错误 error' }).commit();
    n++;
  }
  ws.commit();
  if (
    excludedPath &&
    (await access(excludedPath).then(
      () => true,
      () => false,
    ))
  ) {
    const xs = wb.addWorksheet('未导入的户', { views: [{ state: 'frozen', ySplit: 1 }] });
    xs.columns = [
      { header: '户编号 Household', key: 'householdNo', width: 22 },
      { header: '户主 Head', key: 'headName', width: 12 },
      { header: '行号 Row', key: 'row', width: 10 },
      { header: '状态 Status', key: 'status', width: 24 },
      { header: '原因', key: 'reasonZh', width: 60 },
      { header: 'Reason', key: 'reasonEn', width: 70 },
    ];
    styleHeader(xs, 'FFFFF1D6');
    for await (const x of readErrorLog<ExcludedHousehold>(excludedPath)) {
      for (const row of x.rows) xs.addRow({ ...x, row, status: '未导入（同户有错误）not imported' }).commit();
    }
    xs.commit();
  }
  await wb.commit();
  return n;
}
