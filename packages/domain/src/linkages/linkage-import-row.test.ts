import { describe, expect, it } from 'vitest';
import { checkLinkageImportRow, type LinkageImportKey } from './linkage-import-row.ts';

const col = (k: LinkageImportKey) => ({ year: '年度', mode: '带动方式', amountYuan: '收入（元）', endDate: '结束日期', incomeType: '收入类型' })[k as string] ?? k;
const good = {
  year: 2024,
  entityName: '雨轩食品有限公司',
  householdNo: '4107250010010001',
  mode: '吸纳就业',
  startDate: '2024-03-01',
  endDate: new Date(Date.UTC(2024, 10, 30)),
  amountYuan: '4,800.50',
};

describe('checkLinkageImportRow', () => {
  it('reads labels and aliases, Excel dates and amounts with separators; the income type follows the mode', () => {
    const r = checkLinkageImportRow(3, good, col);
    expect(r.issues).toEqual([]);
    expect(r.record).toMatchObject({ year: 2024, mode: 'employment', incomeType: 'wage', startDate: '2024-03-01', endDate: '2024-11-30', amountYuan: 4800.5 });
    expect(checkLinkageImportRow(3, { ...good, mode: '保底分红' }, col).record?.incomeType).toBe('property');
    expect(checkLinkageImportRow(3, { ...good, incomeType: '生产经营性收入' }, col).record?.incomeType).toBe('business');
  });
  it('names the row and the column as the file names it', () => {
    const r = checkLinkageImportRow(7, { ...good, mode: '捐赠', amountYuan: 'abc' }, col);
    expect(r.record).toBeNull();
    expect(r.issues.map((i) => [i.row, i.path])).toEqual([
      [7, '带动方式'],
      [7, '收入（元）'],
    ]);
    expect(r.issues[0]?.messageZh).toBe('联农带农方式“捐赠”不存在');
  });
  it('applies the API rules: end before start, negative or 3-decimal amounts', () => {
    expect(checkLinkageImportRow(4, { ...good, endDate: '2024-01-01' }, col).issues.map((i) => i.path)).toEqual(['结束日期']);
    expect(checkLinkageImportRow(4, { ...good, amountYuan: -1 }, col).issues.map((i) => i.path)).toEqual(['收入（元）']);
    expect(checkLinkageImportRow(4, { ...good, amountYuan: 1.005 }, col).issues.map((i) => i.messageZh)).toEqual(['金额最多保留两位小数（到分）']);
  });
});
