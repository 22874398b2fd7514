import { describe, expect, it } from 'vitest';
import { makeIdNumber } from '../id-number/id-number.ts';
import { checkHouseholdGroups, createHouseholdGroupChecker } from './household-groups.ts';
import type { ImportPersonRow } from './import-row.ts';

let seq = 100;
const person = (o: Partial<ImportPersonRow>): ImportPersonRow => ({
  rowNumber: 0,
  householdNo: 'H1',
  regionCode: '411201100001',
  householdType: 'monitored',
  monitoringType: 'marginal',
  isLifted: false,
  liftedCategory: null,
  monitoringStatus: 'monitoring',
  monitoringSince: null,
  eliminatedAt: null,
  eliminationMethod: null,
  housingSecure: null,
  waterSecure: null,
  educationSecure: null,
  medicalSecure: null,
  incomeYear: null,
  income: null,
  measures: [],
  idType: '1',
  personNo: null,
  healthStatuses: [],
  schoolStatus: null,
  ethnicity: null,
  workMonths: null,
  disabilityType: null,
  disabilityGrade: null,
  headName: null,
  name: '成员',
  idNumber: makeIdNumber(`41120119800101${seq++}`),
  gender: '1',
  birthDate: '1980-01-01',
  relation: '20',
  isHead: false,
  laborCapacity: null,
  healthStatus: null,
  education: null,
  employmentStatus: null,
  phone: null,
  riskTypes: ['illness'],
  liftedYear: null,
  address: null,
  ...o,
});

describe('checkHouseholdGroups', () => {
  it('accepts households with one head and consistent fields; optional columns may be blank on member rows', () => {
    const rows = [
      person({ rowNumber: 2, relation: '02', isHead: true, name: '张三', headName: '张三', address: '一号', riskTypes: ['schooling', 'illness'] }),
      person({ rowNumber: 3, riskTypes: ['illness', 'schooling'] }),
      person({ rowNumber: 4, householdNo: 'H2', relation: '02', isHead: true }),
    ];
    expect(checkHouseholdGroups(rows)).toEqual([]);
  });

  it.each<[string, Partial<ImportPersonRow>[], Array<[number, string, string]>]>([
    ['no head', [{ rowNumber: 2 }, { rowNumber: 3 }], [[2, '与户主关系', '户编号 H1 没有户主（第 2、3 行）']]],
    [
      'two heads',
      [
        { rowNumber: 2, isHead: true },
        { rowNumber: 5, isHead: true },
      ],
      [[5, '与户主关系', '户编号 H1 有多个户主（第 2、5 行）']],
    ],
    [
      'region differs',
      [
        { rowNumber: 2, isHead: true },
        { rowNumber: 3, regionCode: '411201100002' },
      ],
      [[3, '区划代码', '第 2 行为“411201100001”']],
    ],
    [
      'household type differs',
      [
        { rowNumber: 2, isHead: true },
        { rowNumber: 3, householdType: 'lifted', monitoringType: null },
      ],
      [
        [3, '户类型', '第 2 行为“监测户”'],
        [3, '监测类型', '第 2 行为“边缘易致贫户”'],
      ],
    ],
    [
      'risk types differ',
      [
        { rowNumber: 2, isHead: true },
        { rowNumber: 3, riskTypes: ['disability'] },
      ],
      [[3, '风险类型', '第 2 行为“因病”']],
    ],
    [
      'address differs where both given',
      [
        { rowNumber: 2, isHead: true, address: '一号' },
        { rowNumber: 3, address: '二号' },
      ],
      [[3, '家庭住址', '第 2 行为“一号”']],
    ],
    [
      'head name does not match the head',
      [
        { rowNumber: 2, isHead: true, name: '张三', headName: '李四' },
        { rowNumber: 3, headName: '李四' },
      ],
      [[2, '户主姓名', '户主“张三”']],
    ],
  ])('%s', (_name, specs, expected) => {
    const issues = checkHouseholdGroups(specs.map(person));
    expect(issues.map((i) => [i.row, i.path, i.messageZh])).toEqual(expected.map(([row, col, zh]) => [row, col, expect.stringContaining(zh)]));
  });

  it('finds an ID number used twice in the file, even across households', () => {
    const id = makeIdNumber('41120119900101999');
    const issues = checkHouseholdGroups([person({ rowNumber: 2, isHead: true, idNumber: id }), person({ rowNumber: 9, householdNo: 'H2', isHead: true, idNumber: id })]);
    expect(issues).toEqual([{ row: 9, path: '证件号码', field: 'idNumber', value: id, messageZh: '证件号码与第 2 行重复', messageEn: 'ID number already appears on row 2' }]);
  });
});

describe('createHouseholdGroupChecker', () => {
  it('gives the same issues as checkHouseholdGroups for interleaved households, tagged with the household', () => {
    const id = makeIdNumber('41120119900101998');
    const rows = [
      person({ rowNumber: 2, isHead: true, name: '张三', headName: '李四', idNumber: id }),
      person({ rowNumber: 3, householdNo: 'H2' }),
      person({ rowNumber: 4, regionCode: '411201100002', headName: '张三' }),
      person({ rowNumber: 5, householdNo: 'H2', idNumber: id, riskTypes: [] }),
      person({ rowNumber: 6, householdNo: 'H3', isHead: true }),
      person({ rowNumber: 7, householdNo: 'H3', isHead: true, address: '三号' }),
    ];
    const checker = createHouseholdGroupChecker();
    for (const r of rows) checker.add(r);
    const tagged = checker.finish();
    expect(tagged.map((t) => t.issue)).toEqual(checkHouseholdGroups(rows));
    expect(tagged.map((t) => [t.householdNo, t.issue.row, t.issue.path])).toEqual([
      ['H1', 2, '户主姓名'],
      ['H2', 3, '与户主关系'],
      ['H1', 4, '区划代码'],
      ['H1', 4, '户主姓名'],
      ['H2', 5, '证件号码'],
      ['H3', 7, '与户主关系'],
    ]);
  });

  it('does not report "no head" for a household with a refused row (it may have been the head)', () => {
    const checker = createHouseholdGroupChecker();
    checker.addRejected('H1');
    checker.add(person({ rowNumber: 3 }));
    checker.add(person({ rowNumber: 4, householdNo: 'H2' }));
    expect(checker.finish().map((t) => [t.householdNo, t.issue.messageZh])).toEqual([['H2', '户编号 H2 没有户主（第 4 行）']]);
  });
  it('refuses a 人口编号 given twice and a household whose monitoring status differs between rows', () => {
    const issues = checkHouseholdGroups([
      person({ rowNumber: 2, isHead: true, personNo: 'P01' }),
      person({ rowNumber: 3, personNo: 'P01' }),
      person({ rowNumber: 4, monitoringStatus: 'eliminated' }),
    ]);
    expect(issues.map((i) => [i.row, i.path, i.messageZh])).toEqual([
      [3, '人口编号', '人口编号与第 2 行重复'],
      [4, '风险是否已消除', '同一户（户编号 H1）的该列须一致：第 2 行为“监测帮扶中”'],
    ]);
  });
});
