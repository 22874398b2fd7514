import { describe, expect, it } from 'vitest';
import { DICTIONARIES } from '../dictionaries/dictionaries.ts';
import { makeIdNumber } from '../id-number/id-number.ts';
import { cellToYear } from './cell-values.ts';
import { checkImportRow } from './import-row.ts';

const ctx = { dictionaries: DICTIONARIES, isKnownRegion: (c: string) => c.startsWith('411201'), today: '2025-06-30' };
const ID = makeIdNumber('41120119800101123'); // male
const good = {
  householdNo: 'H0001',
  regionCode: '411201100001',
  householdType: '监测户',
  monitoringType: '边缘易致贫户',
  headName: '张三',
  name: '张三',
  idNumber: ID,
  relation: '户主',
  laborCapacity: '普通劳动力',
  healthStatus: '健康',
  education: '初中',
  employmentStatus: '县内务工',
  phone: '13812345678',
  riskTypes: '因病、因学',
  liftedYear: '',
  address: '某村 1 号',
};

describe('checkImportRow — accepted forms', () => {
  it('converts a clean row to codes', () => {
    const { value, issues } = checkImportRow(good, 2, ctx);
    expect(issues).toEqual([]);
    expect(value).toMatchObject({
      isLifted: false,
      monitoringStatus: 'monitoring',
      idType: '1',
      healthStatuses: ['healthy'],
      income: null,
      measures: [],
      housingSecure: null,
      rowNumber: 2,
      householdNo: 'H0001',
      regionCode: '411201100001',
      householdType: 'monitored',
      monitoringType: 'marginal',
      headName: '张三',
      name: '张三',
      idNumber: ID,
      gender: '1',
      birthDate: '1980-01-01',
      relation: '02',
      isHead: true,
      laborCapacity: 'ordinary',
      healthStatus: 'healthy',
      education: 'junior',
      employmentStatus: 'in_county',
      phone: '13812345678',
      riskTypes: ['illness', 'schooling'],
      liftedYear: null,
      address: '某村 1 号',
    });
  });

  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    [
      'codes instead of labels',
      { householdType: 'monitored', monitoringType: 'marginal', relation: '02', laborCapacity: 'ordinary' },
      { householdType: 'monitored', relation: '02' },
    ],
    [
      'Excel numbers for household/region/phone',
      { householdNo: 4112010001, regionCode: 411201100001, phone: 13812345678 },
      { householdNo: '4112010001', regionCode: '411201100001', phone: '13812345678' },
    ],
    ['full-width digits and lowercase x in the ID', { idNumber: ` ${makeIdNumber('11010519491231002').replace('X', 'x')} ` }, { idNumber: '11010519491231002X', gender: '2' }],
    ['full-width ID', { idNumber: ID.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))) }, { idNumber: ID }],
    ['risk types with mixed separators, duplicates removed', { riskTypes: '因病，因残; 因病 /因自然灾害（洪涝灾害）' }, { riskTypes: ['illness', 'disability', 'disaster_flood'] }],
    [
      'lifted household with year as number',
      { householdType: '脱贫户', monitoringType: '', liftedYear: 2019 },
      { householdType: 'lifted', monitoringType: null, liftedYear: 2019 },
    ],
    ['year as text 2018年', { householdType: '建档立卡脱贫户', monitoringType: null, liftedYear: '2018年' }, { liftedYear: 2018 }],
    ['year as an Excel date serial (43466 = 2019-01-01)', { householdType: 'lifted', monitoringType: undefined, liftedYear: 43466 }, { liftedYear: 2019 }],
    ['national-system health combination keeps the most serious', { healthStatus: '残疾,长期慢性病' }, { healthStatus: 'disabled' }],
    ['gender given and consistent', { gender: '男' }, { gender: '1' }],
    ['landline phone', { phone: '0371-66661234' }, { phone: '0371-66661234' }],
    ['group-level region', { regionCode: '411201100001002' }, { regionCode: '411201100001002' }],
    [
      'a 脱贫户 with a monitoring category is a 监测户 and stays a 脱贫户 (边缘易致贫户 cannot be one: household-checks.test.ts)',
      { householdType: '脱贫户', monitoringType: '突发严重困难户' },
      { householdType: 'monitored', monitoringType: 'sudden', isLifted: true },
    ],
    [
      'optional columns empty',
      { laborCapacity: '', healthStatus: null, education: undefined, phone: '', riskTypes: '', address: ' ' },
      { laborCapacity: null, phone: null, riskTypes: [], address: null },
    ],
  ])('%s', (_name, change, expected) => {
    const { value, issues } = checkImportRow({ ...good, ...change }, 3, ctx);
    expect(issues).toEqual([]);
    expect(value).toMatchObject(expected);
  });
});

describe('checkImportRow — refused cells name row, column, value and reason', () => {
  it.each<[string, Record<string, unknown>, string, string]>([
    ['ID typed as an Excel number (1.2e17 precision lost)', { idNumber: 411201198001011230 }, '证件号码', '丢失精度'],
    ['ID shown in scientific notation', { idNumber: '4.11201E+17' }, '证件号码', '科学计数法'],
    ['ID with a wrong check digit', { idNumber: ID.slice(0, 17) + (ID.endsWith('0') ? '1' : '0') }, '证件号码', '校验位错误'],
    ['ID of 17 characters', { idNumber: ID.slice(0, 17) }, '证件号码', '应为 18 位'],
    ['missing name', { name: '  ' }, '姓名', '不能为空'],
    ['missing household number', { householdNo: null }, '户编号', '不能为空'],
    ['unknown household type', { householdType: '贫困户甲' }, '户类型', '不是有效的户类型'],
    ['monitored without a monitoring type', { monitoringType: '' }, '监测类型', '须填写监测对象类别'],
    ['unknown region', { regionCode: '130101100001' }, '区划代码', '不存在'],
    ['malformed region', { regionCode: '4112011' }, '区划代码', '12 位'],
    ['unknown relation', { relation: '邻居甲' }, '与户主关系', '不是有效的与户主关系'],
    ['six risk types', { riskTypes: '因病、因学、因残、因意外事故、缺劳动力、其他' }, '风险类型', '最多 5 项'],
    ['unknown risk type', { riskTypes: '因病、因懒' }, '风险类型', '因懒'],
    ['gender contradicts the ID', { gender: '女' }, '性别', '与证件号码不符'],
    ['bad phone', { phone: '12345' }, '联系电话', '11 位手机号'],
    ['phone as a precision-losing number', { phone: 1.3812345678e25 }, '联系电话', '丢失精度'],
    ['lifted year out of range', { householdType: 'lifted', monitoringType: '', liftedYear: 2023 }, '脱贫年度', '2013—2020'],
    ['lifted year unreadable', { householdType: 'lifted', monitoringType: '', liftedYear: '去年' }, '脱贫年度', '2013—2020'],
    ['lifted year on an ordinary household', { householdType: 'ordinary', monitoringType: '', liftedYear: 2018 }, '脱贫年度', '一般农户'],
    ['household number with odd characters', { householdNo: 'H 01#' }, '户编号', '只能含'],
  ])('%s', (_name, change, column, zh) => {
    const { value, issues } = checkImportRow({ ...good, ...change }, 7, ctx);
    expect(value).toBeNull();
    const hit = issues.find((i) => i.path === column && i.messageZh.includes(zh));
    expect(hit, JSON.stringify(issues)).toBeDefined();
    expect(hit?.row).toBe(7);
    expect(hit?.messageEn.length).toBeGreaterThan(0);
    expect(hit).toHaveProperty('value');
  });

  it('reports every bad cell of a row, not just the first', () => {
    const { issues } = checkImportRow({ ...good, idNumber: '123', relation: '?', phone: 'abc' }, 9, ctx);
    expect(issues.map((i) => i.path)).toEqual(['证件号码', '与户主关系', '联系电话']);
  });
});

describe('cellToYear', () => {
  it.each<[unknown, number | null]>([
    [2020, 2020],
    ['2020', 2020],
    ['２０２０年度', 2020],
    ['2020-12-31', 2020],
    ['2020/6', 2020],
    [44196, 2020], // 2020-12-31
    [new Date(2019, 5, 1), 2019],
    ['', null],
    [null, null],
  ])('%j → %s', (v, y) => expect(cellToYear(v)).toBe(y));
  it.each([['abc'], [12], [-5]])('%j is unreadable', (v) => expect(cellToYear(v)).toBeNaN());
});
