import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import ExcelJS from 'exceljs';

/** One bad cell (or a whole-household problem, then `column` names the key column). */
export type CellError = { row: number; column: string; value: string; messageZh: string; messageEn: string };

/** Appends cell errors as NDJSON while validation streams (memory stays bounded). */
export function openErrorLog(path: string): { write(e: CellError): void; close(): Promise<void> } {
  const out = createWriteStream(path, 'utf8');
  return {
    write(e) {
      out.write(`${JSON.stringify(e)}\n`);
    },
    close: () => new Promise((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve()))),
  };
}

/** Reads the NDJSON error log back, in file order. */
export async function* readErrorLog(path: string): AsyncGenerator<CellError> {
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) if (line) yield JSON.parse(line) as CellError;
}

/**
 * Writes errors.xlsx (行号, 列, 值, 原因, Reason) with the streaming writer, sorted by row as they were logged.
 * @param logPath the NDJSON error log of the job
 * @param outPath where to write the workbook
 */
export async function writeErrorsWorkbook(logPath: string, outPath: string): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: outPath, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet('错误明细', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { header: '行号 Row', key: 'row', width: 10 },
    { header: '列 Column', key: 'column', width: 18 },
    { header: '值 Value', key: 'value', width: 26 },
    { header: '原因', key: 'messageZh', width: 60 },
    { header: 'Reason', key: 'messageEn', width: 70 },
  ];
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE2E2' } };
  header.commit();
  let n = 0;
  for await (const e of readErrorLog(logPath)) {
    ws.addRow(e).commit();
    n++;
  }
  ws.commit();
  await wb.commit();
  return n;
}
