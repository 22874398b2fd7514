import { describe, expect, it } from 'vitest';
import { checkJobImportRow, workMonthsInYear, type JobImportKey } from './job-import-row.ts';
import { classifyWorkPlace } from './work-place.ts';

const home = { province: '河南省', city: '新乡市', county: '原阳县', townships: ['大王镇', '城关镇'] };

describe('classifyWorkPlace (务工所在县 against the household’s county)', () => {
  it.each([
    ['广东省深圳市宝安区', 'out_province'],
    ['广东深圳', 'out_province'],
    ['深圳市龙华区', 'out_province'],
    ['浙江省义乌市', 'out_province'],
    ['新疆维吾尔自治区乌鲁木齐市', 'out_province'],
    ['河南省新乡市原阳县城关镇', 'in_county'],
    ['原阳县', 'in_county'],
    ['大王镇某食品厂', 'in_county'],
    ['本县', 'in_county'],
    ['河南省郑州市金水区', 'in_province'],
    ['郑州市', 'in_province'],
    ['新乡市红旗区', 'in_province'],
    ['省外', 'out_province'],
    ['省内县外', 'in_province'],
    ['国外', 'abroad'],
    ['某某地方', null],
  ])('%s → %s', (place, cls) => {
    expect(classifyWorkPlace(place, home)).toBe(cls);
  });
  it('a township of the same name in another province is 省外', () => {
    expect(classifyWorkPlace('河北省某县城关镇', home)).toBe('out_province');
  });
});

describe('workMonthsInYear', () => {
  const at = { year: 2026, month: 11 };
  it.each([
    ['2026-03-15', '2026-08-10', 6],
    ['2025-10-01', '2026-02-28', 2],
    ['2026-05-01', null, 7],
    ['2025-01-01', '2025-12-31', 0],
    ['2024-01-01', null, 11],
  ])('%s … %s → %i', (start, end, n) => expect(workMonthsInYear(start, end, at)).toBe(n));
  it('a past year runs to December', () => expect(workMonthsInYear('2025-05-01', null, { year: 2025, month: 12 })).toBe(8));
});

describe('checkJobImportRow', () => {
  const col = (k: JobImportKey) => ({ months: '务工时间（月）', wage: '务工月收入', channel: '就业渠道', employed: '是否已务工' })[k as string] ?? k;
  const at = { year: 2026, month: 11 };
  const check = (cells: Partial<Record<JobImportKey, unknown>>) => checkJobImportRow(5, { idNumber: '411282199001011234', ...cells }, col, at);
  it('reads a national row: channel alias, wage in 元 → 分, months from the dates, the subsidy noted as ignored', () => {
    const r = check({ employed: '是', place: '广东省深圳市', channel: '扶贫车间', wage: '3,500.5', start: '202603', end: '2026-08-31', transportSubsidy: '300' });
    expect(r.issues).toEqual([]);
    expect(r.record).toMatchObject({ channel: 'workshop', monthlyWageFen: 350050, workMonths: 6, transportSubsidy: true, employed: true });
  });
  it.each([
    [{ months: '13' }, '务工时间（月）', '0 到 12'],
    [{ months: '-1' }, '务工时间（月）', '0 到 12'],
    [{ months: '2.5' }, '务工时间（月）', '整数'],
    [{ wage: '三千' }, '务工月收入', '应为数字'],
    [{ wage: -5 }, '务工月收入', '负数'],
    [{ channel: '包工头' }, '就业渠道', '包工头'],
    [{ employed: '否', months: 4 }, '是否已务工', '4 个月'],
  ])('refuses %o on %s', (cells, column, words) => {
    const r = check(cells);
    expect(r.record).toBeNull();
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ row: 5, path: column });
    expect(r.issues[0]!.messageZh).toContain(words);
  });
  it('公益性岗位 = 是 without a channel means a public-welfare post', () => {
    expect(check({ publicPost: '是' }).record?.channel).toBe('public_post');
    expect(check({ publicPost: '否' }).record?.channel).toBeNull();
  });
});
