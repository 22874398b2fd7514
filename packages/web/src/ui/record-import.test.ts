import { describe, expect, it } from 'vitest';
import { ApiError } from '../lib/api-client.ts';
import { issuesCsv, rowIssuesOf } from './record-import.ts';

describe('a refused record file', () => {
  const rowIssue = { row: 3, path: '统一社会信用代码', messageZh: '校验位错误', messageEn: 'check digit is wrong' };

  it('lists row errors of a 422 IMPORT_REJECTED; a refusal without rows (no header, a limit) is one message', () => {
    expect(rowIssuesOf(new ApiError(422, 'IMPORT_REJECTED', 'x', { issues: [rowIssue] }))).toEqual([rowIssue]);
    const noHeader = new ApiError(422, 'IMPORT_REJECTED', 'x', { issues: [{ path: 'file', messageZh: '找不到表头', messageEn: 'no header' }] });
    expect(rowIssuesOf(noHeader)).toBeNull();
    expect(rowIssuesOf(new ApiError(403, 'FORBIDDEN', 'x', { issues: [rowIssue] }))).toBeNull();
    expect(rowIssuesOf(new Error('network'))).toBeNull();
  });

  it('downloads the errors as a CSV Excel reads (BOM, 行 列 原因 Reason), quoting commas and neutralising formulas', () => {
    const csv = issuesCsv([rowIssue, { row: 4, path: '名称', messageZh: '过长，最多 "100" 字', messageEn: 'too long, at most 100' }, { row: 5, path: '电话', messageZh: '=1+1' }]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    // a tab before a formula is neutralised too
    expect(issuesCsv([{ row: 6, path: '备注', messageZh: '\t=HYPERLINK("x")' }]).split('\r\n')[1]).toBe(`6,备注,"'\t=HYPERLINK(""x"")",`);
    expect(csv.slice(1).split('\r\n')).toEqual([
      '行,列,原因,Reason',
      '3,统一社会信用代码,校验位错误,check digit is wrong',
      '4,名称,"过长，最多 ""100"" 字","too long, at most 100"',
      "5,电话,'=1+1,",
      '',
    ]);
  });
});
