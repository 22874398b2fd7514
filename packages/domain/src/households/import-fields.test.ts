import { describe, expect, it } from 'vitest';
import { checkImportMapping, fillDownHouseholdCells, HOUSEHOLD_IMPORT_FIELDS, isImportHeader, suggestMapping } from './import-fields.ts';

describe('HOUSEHOLD_IMPORT_FIELDS', () => {
  it('lists the template columns of ARCHITECTURE.md with unique keys and spellings', () => {
    expect(HOUSEHOLD_IMPORT_FIELDS.map((f) => f.labelZh)).toEqual([
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
    ]);
    const all = HOUSEHOLD_IMPORT_FIELDS.flatMap((f) => [f.labelZh, ...f.aliases]);
    expect(new Set(all).size).toBe(all.length);
    expect(HOUSEHOLD_IMPORT_FIELDS.filter((f) => f.required).map((f) => f.key)).toEqual(['householdNo', 'name', 'idNumber', 'relation']);
  });
});

describe('suggestMapping', () => {
  it('maps the template headers to themselves', () => {
    const headers = HOUSEHOLD_IMPORT_FIELDS.map((f) => f.labelZh);
    const m = suggestMapping(headers);
    for (const f of HOUSEHOLD_IMPORT_FIELDS) expect(m[f.key]).toBe(f.labelZh);
  });

  it('matches aliases, full-width, spaces, required marks and bracketed notes', () => {
    expect(
      suggestMapping([
        '序号',
        ' 户 编 号 ',
        '*身份证号码',
        '证件号码（18位）',
        '姓　名',
        '与户主的关系',
        '劳动技能',
        '致贫/返贫风险',
        '脱贫年份(年)',
        'Household type',
        '家庭住址：',
        '备注',
      ]),
    ).toEqual({
      householdNo: ' 户 编 号 ',
      idNumber: '*身份证号码',
      name: '姓　名',
      relation: '与户主的关系',
      laborCapacity: '劳动技能',
      riskTypes: '致贫/返贫风险',
      liftedYear: '脱贫年份(年)',
      householdType: 'Household type',
      address: '家庭住址：',
    });
  });

  it('keeps 户主姓名 apart from 姓名, and uses a header once', () => {
    expect(suggestMapping(['户主姓名', '姓名'])).toEqual({ headName: '户主姓名', name: '姓名' });
    expect(suggestMapping(['姓名', '姓名'])).toEqual({ name: '姓名' });
    expect(suggestMapping([])).toEqual({});
  });
});

describe('isImportHeader', () => {
  it.each([
    ['户编号', true],
    ['*身份证号码', true],
    ['Household type', true],
    ['备注', false],
    ['', false],
  ])('%j → %s', (h, yes) => expect(isImportHeader(h)).toBe(yes));
});

describe('checkImportMapping', () => {
  it('accepts a complete mapping and names missing required fields, unknown fields and absent headers', () => {
    const headers = HOUSEHOLD_IMPORT_FIELDS.map((f) => f.labelZh);
    expect(checkImportMapping(suggestMapping(headers), headers)).toEqual([]);
    const problems = checkImportMapping({ householdNo: '户编号', regionCode: '区划', foo: '姓名' }, ['户编号', '姓名']);
    expect(problems.filter((p) => p.path === 'mapping').map((p) => p.messageZh)).toEqual(['姓名', '证件号码', '与户主关系'].map((l) => `必填列“${l}”未对应到文件中的列`));
    expect(problems.find((p) => p.path === 'mapping.regionCode')?.messageZh).toBe('文件中没有列“区划”');
    expect(problems.find((p) => p.path === 'mapping.foo')?.messageEn).toBe('unknown field foo');
  });
});

describe('fillDownHouseholdCells', () => {
  const prev = { householdNo: 'H1', regionCode: '411201100001', householdType: '监测户', address: '一号', name: '张三', phone: '13800000000' };
  it('fills blank household cells of a merged block, never person cells', () => {
    const raw: Record<string, unknown> = { householdNo: '', regionCode: null, householdType: ' ', address: '二号', name: '李四', phone: '' };
    fillDownHouseholdCells(raw, prev);
    expect(raw).toEqual({ householdNo: 'H1', regionCode: '411201100001', householdType: '监测户', address: '二号', name: '李四', phone: '' });
  });
  it('leaves a row of another household alone', () => {
    const raw: Record<string, unknown> = { householdNo: 'H2', regionCode: '' };
    fillDownHouseholdCells(raw, prev);
    expect(raw).toEqual({ householdNo: 'H2', regionCode: '' });
    fillDownHouseholdCells(raw, null);
    expect(raw.regionCode).toBe('');
  });
});
