import { describe, expect, it } from 'vitest';
import { DICTIONARIES } from '../dictionaries/dictionaries.ts';
import { makeIdNumber } from '../id-number/id-number.ts';
import { cellToDate, cellToMonth } from './cell-values.ts';
import { checkImportMapping, ignoredHeaders, isHeaderRow, isImportHeader, suggestMapping } from './import-fields.ts';
import { defaultImportOptions, detectLayout, mergeSubHeader } from './import-layout.ts';
import { createPlaceResolver, looselySameArea, townshipKey, villageKey, type NamedRegion } from './import-regions.ts';
import { checkImportRow, type ImportRowContext } from './import-row.ts';

// The 家庭成员信息 roster of the national system, columns as exported (national-exports.md §2, domain-standards §2.1)
const ROSTER = [
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
  '户主证件号码',
];

describe('header row and layout', () => {
  it('takes the first row holding both 姓名 and 证件号码, not a title row', () => {
    expect(isHeaderRow(['（自定义）家庭成员信息'])).toBe(false);
    expect(isHeaderRow(['导出单位：城乡一体化示范区', '导出时间：2025-09-02'])).toBe(false);
    expect(isHeaderRow(ROSTER)).toBe(true);
    expect(isHeaderRow(['序号', '户编号', '区划代码', '户别'])).toBe(true);
  });

  it('maps every roster column we keep with no manual step and lists the others as ignored', () => {
    const m = suggestMapping(ROSTER);
    expect(m).toMatchObject({
      province: '省',
      city: '市',
      county: '县',
      township: '乡',
      village: '村',
      householdNo: '户编号',
      personNo: '人口编号',
      name: '姓名',
      gender: '性别',
      birthDate: '出生日期',
      idType: '证件类型',
      idNumber: '证件号码',
      ethnicity: '民族',
      relation: '与户主关系',
      education: '文化程度',
      schoolStatus: '在校生状况',
      laborCapacity: '劳动技能',
      workMonths: '务工时间（月）',
      healthStatus: '健康状况',
      monitoringType: '监测对象类别',
      riskTypes: '风险类型',
      phone: '户联系电话',
    });
    expect(checkImportMapping(m, ROSTER)).toEqual([]);
    expect(ignoredHeaders(ROSTER, m)).toEqual(['政治面貌', '是否享受低保', '户主证件号码']);
    expect(detectLayout(ROSTER)).toBe('national_roster');
  });

  it('recognises the monitoring export and its risk, income and measure columns', () => {
    const headers = [
      ...ROSTER.slice(0, 15),
      '户类型',
      '致贫/返贫风险1',
      '致贫/返贫风险2',
      '风险是否已消除',
      '风险消除方式',
      '识别监测时间',
      '消除监测时间',
      '工资性收入',
      '理赔收入',
      '合规自付支出',
      '产业帮扶',
      '基础设施建设',
      '是否危房户',
      '工资性收入',
    ];
    const m = suggestMapping(headers);
    expect(m).toMatchObject({
      householdType: '户类型',
      risk1: '致贫/返贫风险1',
      risk2: '致贫/返贫风险2',
      riskEliminated: '风险是否已消除',
      eliminationMethod: '风险消除方式',
      monitoringSince: '识别监测时间',
      eliminatedAt: '消除监测时间',
      incomeWage: '工资性收入',
      incomeClaim: '理赔收入',
      incomeCompliantSelfPaid: '合规自付支出',
      measureIndustry: '产业帮扶',
      measureInfrastructure: '基础设施建设',
      housingUnsafe: '是否危房户',
    });
    expect(ignoredHeaders(headers, m)).toEqual(['工资性收入']); // the "风险消除后" repeat
    expect(detectLayout(headers)).toBe('national_monitoring');
    expect(detectLayout(['户编号', '区划代码', '户类型', '姓名', '证件号码'])).toBe('template');
  });

  it('needs a 区划代码 or a 村 column', () => {
    expect(
      checkImportMapping({ householdNo: '户编号', name: '姓名', idNumber: '证件号码', relation: '与户主关系' }, ['户编号', '姓名', '证件号码', '与户主关系']).map(
        (p) => p.messageZh,
      ),
    ).toEqual(['文件须有“区划代码”列，或“村”列（最好同时有“乡”列）']);
  });

  it.each<[string, Record<string, unknown>]>([
    ['脱贫户信息_20250902-继续享受政策.xlsx', { householdType: 'lifted', liftedCategory: null }],
    ['脱贫户信息_20250902-脱贫不享受政策.xlsx', { householdType: 'lifted', liftedCategory: 'no_policy' }],
    ['防止返贫致贫监测对象信息_20250902-风险未消除608人.xlsx', { householdType: 'monitored', monitoringStatus: 'monitoring' }],
    ['防止返贫致贫监测对象信息_20250902-风险已消除2928人.xlsx', { householdType: 'monitored', monitoringStatus: 'eliminated' }],
    ['花名册.xlsx', { householdType: 'lifted', incomeYear: 2024 }],
  ])('the file name %s gives the defaults', (name, expected) => {
    expect(defaultImportOptions(name, 'national_roster', '2025-09-02')).toMatchObject(expected);
  });
});

describe('mergeSubHeader', () => {
  const header = ['户编号', '姓名', '证件号码', '收入情况', '', '风险消除后', ''];
  const known = isImportHeader;
  it('takes the column names of a sub-header row under a grouped header', () => {
    expect(mergeSubHeader(header, ['', '', '', '工资性收入', '理赔收入', '工资性收入', '理赔收入'], known)).toEqual([
      '户编号',
      '姓名',
      '证件号码',
      '工资性收入',
      '理赔收入',
      '工资性收入',
      '理赔收入',
    ]);
  });
  it('leaves a data row alone', () => {
    expect(mergeSubHeader(header, ['H1', '王建国', '411282196603150011', '12000', '', '', ''], known)).toBeNull();
    expect(mergeSubHeader(header, ['', '', '', '12000', '800', '', ''], known)).toBeNull();
  });
});

describe('region names', () => {
  it('compares villages without 村委会 / 居委会 suffixes and townships without 镇 / 乡 / 街道', () => {
    expect(villageKey('后地村')).toBe(villageKey('后地村委会'));
    expect(villageKey('后地村民委员会')).toBe('后地');
    expect(villageKey('和平社区居委会')).toBe(villageKey('和平社区'));
    expect(townshipKey('大王镇')).toBe('大王');
    expect(looselySameArea('城乡一体化示范区', '三门峡市城乡一体化示范区')).toBe(true);
    expect(looselySameArea('河南', '河南省')).toBe(true);
    expect(looselySameArea('灵宝市', '三门峡市城乡一体化示范区')).toBe(false);
  });

  const regions: NamedRegion[] = [
    { code: '411272000000', name: '三门峡市城乡一体化示范区', level: 'county', parentCode: null },
    { code: '411272100000', name: '大王镇', level: 'township', parentCode: '411272000000' },
    { code: '411272101000', name: '阳店镇', level: 'township', parentCode: '411272000000' },
    { code: '411272100201', name: '后地村委会', level: 'village', parentCode: '411272100000' },
    { code: '411272101201', name: '东阳村', level: 'village', parentCode: '411272101000' },
    { code: '411272100202', name: '东阳村', level: 'village', parentCode: '411272100000' },
  ];
  const resolve = createPlaceResolver(regions, '411272');

  it('finds a village under its township, in either spelling', () => {
    expect(resolve({ county: '城乡一体化示范区', township: '大王镇', village: '后地村' })).toEqual({ ok: true, code: '411272100201' });
    expect(resolve({ township: '阳店镇', village: '东阳村委会' })).toEqual({ ok: true, code: '411272101201' });
  });

  it('refuses an unknown or ambiguous village and another county, saying how to fix it', () => {
    const unknown = resolve({ township: '大王镇', village: '北营村' });
    expect(unknown).toMatchObject({ ok: false, column: 'village' });
    if (!unknown.ok) expect(unknown.reasonZh).toBe('乡镇“大王镇”下没有村“北营村”：请在“区划管理”中于该乡镇下新增该村，或导入统计用区划代码表');
    expect(resolve({ village: '东阳村' })).toMatchObject({ ok: false, column: 'village', reasonZh: expect.stringContaining('对应多个村') });
    expect(resolve({ county: '灵宝市', township: '大王镇', village: '后地村' })).toMatchObject({ ok: false, column: 'county' });
    expect(createPlaceResolver(regions, '411272101')({ township: '大王镇', village: '后地村' })).toMatchObject({ ok: false, reasonZh: expect.stringContaining('管辖范围') });
  });
});

describe('checkImportRow — national columns', () => {
  const ID = makeIdNumber('41127219680315101');
  const ctx: ImportRowContext = {
    dictionaries: DICTIONARIES,
    isKnownRegion: () => false,
    today: '2025-09-02',
    resolvePlace: createPlaceResolver(regions(), '411272'),
    options: { householdType: 'lifted', liftedCategory: null, monitoringStatus: null, incomeYear: 2024 },
  };
  function regions(): NamedRegion[] {
    return [
      { code: '411272100000', name: '大王镇', level: 'township', parentCode: null },
      { code: '411272100201', name: '后地村委会', level: 'village', parentCode: null },
    ];
  }
  const row = { township: '大王镇', village: '后地村', householdNo: '4112721002010001', personNo: '411272100201000101', name: '王建国', idNumber: ID, relation: '户主' };

  it('resolves the village, takes the default type and keeps the national numbers', () => {
    const { value, issues } = checkImportRow(row, 3, ctx);
    expect(issues).toEqual([]);
    expect(value).toMatchObject({ regionCode: '411272100201', householdType: 'lifted', isLifted: true, monitoringStatus: 'none', personNo: '411272100201000101', idType: '1' });
  });

  it('reads monitoring columns: category, eliminated with month and method, risks 1…5', () => {
    const { value, issues } = checkImportRow(
      {
        ...row,
        monitoringType: '突发严重困难户',
        riskEliminated: '是',
        eliminationMethod: '帮扶消除',
        monitoringSince: '202303',
        eliminatedAt: 202406,
        risk1: '因病',
        risk2: '因学',
        riskTypes: '因病',
      },
      3,
      ctx,
    );
    expect(issues).toEqual([]);
    expect(value).toMatchObject({
      householdType: 'monitored',
      monitoringType: 'sudden',
      monitoringStatus: 'eliminated',
      monitoringSince: '2023-03-01',
      eliminatedAt: '2024-06-01',
      eliminationMethod: 'assisted',
      riskTypes: ['illness', 'schooling'],
    });
  });

  it('warns where 出生日期 disagrees with the ID number and keeps the ID date', () => {
    const { value, warnings } = checkImportRow({ ...row, birthDate: '1968-03-16' }, 4, ctx);
    expect(value?.birthDate).toBe('1968-03-15');
    expect(warnings).toEqual([expect.objectContaining({ row: 4, path: '出生日期', messageZh: '出生日期 1968-03-16 与证件号码中的 1968-03-15 不符，以证件号码为准' })]);
    expect(checkImportRow({ ...row, birthDate: new Date(Date.UTC(1968, 2, 15)) }, 4, ctx).warnings).toEqual([]);
  });

  it('keeps every health value, the first as health_status', () => {
    expect(checkImportRow({ ...row, healthStatus: '长期慢性病，残疾' }, 5, ctx).value).toMatchObject({ healthStatus: 'chronic', healthStatuses: ['chronic', 'disabled'] });
  });

  it('skips the check digit for another 证件类型 but needs 性别 and 出生日期', () => {
    const passport = { ...row, idType: '护照', idNumber: 'e12345678' };
    expect(checkImportRow({ ...passport, gender: '女', birthDate: '1990-01-02' }, 6, ctx).value).toMatchObject({
      idType: '3',
      idNumber: 'E12345678',
      gender: '2',
      birthDate: '1990-01-02',
    });
    expect(checkImportRow(passport, 6, ctx).issues.map((i) => i.path)).toEqual(['性别', '出生日期']);
  });

  it('reads incomes, support measures and 三保障 flags of the year', () => {
    const { value, issues } = checkImportRow(
      { ...row, incomeWage: '12,000', incomeClaim: 800, measureIndustry: '发放鸡苗 200 只', measureFinance: '无', housingUnsafe: '否', waterSolved: '是' },
      7,
      ctx,
    );
    expect(issues).toEqual([]);
    expect(value).toMatchObject({
      incomeYear: 2024,
      income: { wage: 12000, claim_income: 800, business: 0 },
      measures: [{ category: 'industry', description: '发放鸡苗 200 只' }],
      housingSecure: true,
      waterSecure: true,
      educationSecure: null,
      medicalSecure: null,
    });
  });

  it('refuses a negative or absurd income cell by row and column, and keeps a computed one to the 分', () => {
    const { issues } = checkImportRow({ ...row, incomeWage: '-500', incomeClaim: 1e13 }, 9, ctx);
    expect(issues).toEqual([
      expect.objectContaining({ row: 9, path: '工资性收入', value: '-500', messageZh: '工资性收入不能为负数' }),
      expect.objectContaining({ row: 9, path: '理赔收入', messageZh: expect.stringContaining('不能超过') }),
    ]);
    expect(checkImportRow({ ...row, incomeWage: 10000 / 3 }, 10, ctx).value).toMatchObject({ income: { wage: 3333.33 } });
  });

  it('names an unknown village with the fix', () => {
    const { issues } = checkImportRow({ ...row, village: '北营村' }, 8, ctx);
    expect(issues).toEqual([
      expect.objectContaining({ row: 8, path: '村', value: '北营村', messageEn: expect.stringContaining('create the village under the township in Regions') }),
    ]);
  });
});

describe('cellToDate / cellToMonth', () => {
  it.each<[unknown, string | null | undefined]>([
    ['1968-03-15', '1968-03-15'],
    ['1968/3/15', '1968-03-15'],
    ['１９６８年３月１５日', '1968-03-15'],
    ['19680315', '1968-03-15'],
    [44196, '2020-12-31'],
    [new Date(Date.UTC(1968, 2, 15)), '1968-03-15'],
    ['', null],
    ['1968-02-30', undefined],
    ['昨天', undefined],
  ])('date %j → %s', (v, d) => expect(cellToDate(v)).toBe(d));
  it.each<[unknown, string | null | undefined]>([
    ['202303', '2023-03-01'],
    [202312, '2023-12-01'],
    ['2023-03', '2023-03-01'],
    ['2023-03-15', '2023-03-15'],
    ['202313', undefined],
  ])('month %j → %s', (v, d) => expect(cellToMonth(v)).toBe(d));
});
