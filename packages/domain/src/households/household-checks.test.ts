// eslint-disable-next-line boundaries/dependencies -- a test reads the source tree to find copies of a household rule
import { readdirSync, readFileSync, statSync } from 'node:fs';
// eslint-disable-next-line boundaries/dependencies -- a test reads the source tree to find copies of a household rule
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HouseholdCreateSchema, PersonCreateSchema } from '../api/households.schemas.ts';
import { DICTIONARIES, findDictionary } from '../dictionaries/dictionaries.ts';
import { makeIdNumber } from '../id-number/id-number.ts';
import {
  CITIZEN_ID_TYPE,
  MAX_MEMBERS,
  OTHER_ID_PATTERN,
  PHONE_PATTERN,
  checkIdNumber,
  headRelationCode,
  householdCategoryIssues,
  householdNoIssue,
  isHeadRelation,
  liftedYearIssue,
  memberListIssues,
  personNameIssue,
  phoneIssue,
} from './household-checks.ts';
import { checkHouseholdGroups } from './household-groups.ts';
import { checkImportRow, type ImportPersonRow } from './import-row.ts';

// The three owners of a household rule must agree: the API's zod schema, the import's row check and the domain
// check the server services and the web forms call. Each row of a table is one input; the expected outcome is
// written here (from the national practice in domain-standards), not taken from any of the three.

const ctx = { dictionaries: DICTIONARIES, isKnownRegion: (c: string) => c.startsWith('411201'), today: '2025-06-30' };
const ID = makeIdNumber('41120119800101123');
const goodRow = {
  householdNo: 'H0001',
  regionCode: '411201100001',
  householdType: '脱贫户',
  monitoringType: '',
  headName: '张三',
  name: '张三',
  idNumber: ID,
  relation: '户主',
  healthStatus: '健康',
  education: '初中',
  phone: '13812345678',
  liftedYear: '',
  address: '某村 1 号',
};

/** Whether the import refuses the good row changed by `patch`, for the column `field`. */
function importRefuses(field: string, patch: Record<string, unknown>): boolean {
  const { issues } = checkImportRow({ ...goodRow, ...patch }, 2, ctx);
  return issues.some((i) => i.field === field);
}
const zodRefuses = (schema: { safeParse(v: unknown): { success: boolean } }, v: unknown) => !schema.safeParse(v).success;
const shape = HouseholdCreateSchema.shape;
const person = PersonCreateSchema.shape;

describe('household checks: zod, import and domain agree', () => {
  it('the good row passes the import', () => {
    expect(checkImportRow(goodRow, 2, ctx).issues).toEqual([]);
  });

  it.each<[string, boolean]>([
    ['H0001', true],
    ['a_b-1', true],
    ['4112010001', true],
    ['x'.repeat(32), true],
    ['H01#', false],
    ['户1', false],
    ['x'.repeat(33), false],
    ['H0001.5', false],
  ])('户编号 %s accepted: %s', (no, ok) => {
    expect(householdNoIssue(no) === undefined).toBe(ok);
    expect(zodRefuses(shape.householdNo, no)).toBe(!ok);
    expect(importRefuses('householdNo', { householdNo: no })).toBe(!ok);
  });

  it.each<[string, boolean]>([
    ['13812345678', true],
    ['0371-12345678', true],
    ['037112345678', true],
    ['010-1234567', true],
    ['87654321', true],
    ['12345', false],
    ['23800138000', false],
    ['1380013800a', false],
    ['+8613800138000', false],
    ['138123456789', false],
  ])('联系电话 %s accepted: %s', (phone, ok) => {
    expect(phoneIssue(phone) === undefined).toBe(ok);
    expect(PHONE_PATTERN.test(phone)).toBe(ok);
    expect(zodRefuses(shape.phone, phone)).toBe(!ok);
    expect(zodRefuses(person.phone, phone)).toBe(!ok);
    expect(importRefuses('phone', { phone })).toBe(!ok);
  });

  it.each<[number, boolean]>([
    [2013, true],
    [2016, true],
    [2020, true],
    [2012, false],
    [2021, false],
    [2030, false],
    [2100, false],
  ])('脱贫年度 %i of a 脱贫户 accepted: %s', (year, ok) => {
    expect(liftedYearIssue(year, { householdType: 'lifted', isLifted: true }) === undefined).toBe(ok);
    expect(zodRefuses(shape.liftedYear, year)).toBe(!ok);
    expect(importRefuses('liftedYear', { liftedYear: year })).toBe(!ok);
  });

  it('a 脱贫年度 on an 一般农户 or a household that is not a 脱贫户 is refused by the check and the import', () => {
    expect(liftedYearIssue(2018, { householdType: 'ordinary', isLifted: false })?.messageZh).toContain('一般农户');
    expect(importRefuses('liftedYear', { householdType: '一般农户', liftedYear: 2018 })).toBe(true);
    expect(liftedYearIssue(2018, { householdType: 'monitored', isLifted: false })?.messageZh).toBe('只有脱贫户才填写脱贫年度');
    expect(importRefuses('liftedYear', { householdType: '监测户', monitoringType: '边缘易致贫户', liftedYear: 2018 })).toBe(true);
    expect(importRefuses('liftedYear', { householdType: '监测户', monitoringType: '脱贫不稳定户', liftedYear: 2018 })).toBe(false);
  });

  it.each<[number, boolean]>([
    [1, true],
    [2, true],
    [50, true],
    [51, false],
    [64, false],
  ])('姓名 of %i characters accepted: %s', (n, ok) => {
    const name = '张'.repeat(n);
    expect(personNameIssue(name) === undefined).toBe(ok);
    expect(zodRefuses(person.name, name)).toBe(!ok);
    expect(importRefuses('name', { name, headName: '' })).toBe(!ok);
  });

  it.each<[string, string, boolean]>([
    ['居民身份证', ID, true],
    ['居民身份证, wrong check character', ID.slice(0, 17) + (ID.endsWith('0') ? '1' : '0'), false],
    ['居民身份证, 15 digits', '411201800101123', false],
    ['残疾人证', 'CJZ41120119800101', true],
    ['残疾人证, brackets and dash', 'A(1)-23', true],
    ['残疾人证, too short', 'AB1', false],
    ['残疾人证, Chinese characters', '残疾证12345', false],
    ['残疾人证, 33 characters', 'A'.repeat(33), false],
  ])('证件号码 (%s) %s accepted: %s', (kind, idNumber, ok) => {
    const citizen = kind.startsWith('居民身份证');
    const r = checkIdNumber(idNumber, citizen, { today: ctx.today });
    expect(r.ok).toBe(ok);
    const patch = citizen ? { idNumber } : { idNumber, idType: '残疾人证', gender: '女', birthDate: '1990-04-05' };
    expect(importRefuses('idNumber', patch)).toBe(!ok);
    // zod holds the length only (the server runs the domain check after it)
    if (idNumber.length > 32) expect(zodRefuses(person.idNumber, idNumber)).toBe(true);
    if (!citizen) expect(OTHER_ID_PATTERN.test(idNumber)).toBe(ok);
  });

  it('risk types: 5 are accepted and 6 refused by zod and the import', () => {
    const items = findDictionary('risk_type')!.items.filter((i) => !i.parentCode);
    expect(items.length).toBeGreaterThanOrEqual(6);
    const codes = items.map((i) => i.code);
    expect(zodRefuses(shape.riskTypes, codes.slice(0, 5))).toBe(false);
    expect(zodRefuses(shape.riskTypes, codes.slice(0, 6))).toBe(true);
    expect(
      importRefuses('riskTypes', {
        riskTypes: items
          .slice(0, 5)
          .map((i) => i.labelZh)
          .join('、'),
      }),
    ).toBe(false);
    expect(
      importRefuses('riskTypes', {
        riskTypes: items
          .slice(0, 6)
          .map((i) => i.labelZh)
          .join('、'),
      }),
    ).toBe(true);
  });

  it(`members: 1 to ${MAX_MEMBERS}, exactly one head, no ID number twice — zod and memberListIssues agree on the count`, () => {
    const member = (i: number) => ({ idNumber: makeIdNumber(`4112011980010${String(100 + i).padStart(4, '0')}`), name: `成员${i}`, relation: i === 0 ? '02' : '20' });
    const list = (n: number) => Array.from({ length: n }, (_, i) => member(i));
    const facts = (n: number) => list(n).map((m) => ({ isHead: m.relation === '02', idNumber: m.idNumber }));
    for (const [n, ok] of [
      [1, true],
      [MAX_MEMBERS, true],
      [MAX_MEMBERS + 1, false],
      [0, false],
    ] as const) {
      expect(zodRefuses(shape.members, list(n))).toBe(!ok);
      expect(memberListIssues(facts(n)).length === 0).toBe(ok);
    }
    expect(memberListIssues([{ isHead: false, idNumber: ID }]).map((i) => i.messageZh)).toEqual(['须有一名户主（与户主关系 = 户主）']);
    expect(
      memberListIssues([
        { isHead: true, idNumber: ID },
        { isHead: true, idNumber: ` ${ID.toLowerCase()} ` },
      ]).map((i) => [i.path, i.messageZh]),
    ).toEqual([
      ['members', '一户只能有一名户主'],
      ['members.1.idNumber', '证件号码与第 1 名成员重复'],
    ]);
    // heads not known yet (a member's relation is invalid): no head issue
    expect(memberListIssues([{ isHead: undefined, idNumber: ID }])).toEqual([]);
  });

  it('monitoring fields: the API check and the import accept and refuse the same combinations, with one wording', () => {
    // [户类型, 监测对象类别, 是否脱贫户, 风险是否已消除, 识别监测时间, 消除监测时间] → the field refused (null: accepted)
    const cases: [string, string, string, string, string, string, string | null][] = [
      ['脱贫户', '', '是', '', '', '', null],
      ['一般农户', '', '否', '', '', '', null],
      ['', '脱贫不稳定户', '是', '否', '202103', '', null],
      ['', '边缘易致贫户', '否', '是', '202103', '202206', null],
      ['', '突发严重困难户', '是', '', '', '', null],
      ['', '突发严重困难户', '否', '', '', '', null],
      ['', '脱贫不稳定户', '否', '', '', '', 'isLifted'],
      ['', '边缘易致贫户', '是', '', '', '', 'isLifted'],
      ['脱贫户', '', '否', '', '', '', 'isLifted'],
      ['监测户', '', '是', '', '', '', 'monitoringType'],
      ['', '边缘易致贫户', '否', '是', '202206', '202103', 'eliminatedAt'],
    ];
    const code = { 脱贫户: 'lifted', 一般农户: 'ordinary', 监测户: 'monitored' } as Record<string, string>;
    const mcode = { 脱贫不稳定户: 'unstable', 边缘易致贫户: 'marginal', 突发严重困难户: 'sudden' } as Record<string, string>;
    const month = (m: string) => (m ? `${m.slice(0, 4)}-${m.slice(4)}-01` : null);
    for (const [type, mtype, lifted, eliminated, since, at, refused] of cases) {
      const facts = {
        householdType: mtype ? 'monitored' : (code[type] as string),
        isLifted: lifted === '是',
        liftedCategory: null,
        monitoringType: mcode[mtype] ?? null,
        monitoringStatus: mtype ? (eliminated === '是' ? 'eliminated' : 'monitoring') : 'none',
        monitoringSince: month(since),
        eliminatedAt: eliminated === '是' ? month(at) : null,
      };
      const api = householdCategoryIssues(facts);
      const row = { ...goodRow, householdType: type, monitoringType: mtype, isLifted: lifted, riskEliminated: eliminated, monitoringSince: since, eliminatedAt: at };
      const imported = checkImportRow(row, 7, ctx).issues;
      const label = `${type}/${mtype}/${lifted}/${since}-${at}`;
      expect(
        api.map((i) => i.path),
        label,
      ).toEqual(refused ? [refused] : []);
      expect(
        imported.map((i) => [i.row, i.messageZh, i.messageEn]),
        label,
      ).toEqual(api.map((i) => [7, i.messageZh, i.messageEn]));
    }
    // the import names the cell that set the value: 是否脱贫户 when filled, else 户类型
    const [fromType] = checkImportRow({ ...goodRow, householdType: '脱贫户', monitoringType: '边缘易致贫户' }, 3, ctx).issues;
    expect([fromType?.field, fromType?.path, fromType?.messageZh]).toEqual(['householdType', '户类型', '边缘易致贫户来自一般农户，不能是脱贫户']);
  });

  it(`a household of ${MAX_MEMBERS + 1} members is refused by zod, memberListIssues and the import alike`, () => {
    const rows: ImportPersonRow[] = [];
    for (let i = 0; i < MAX_MEMBERS + 1; i++) {
      const idNumber = makeIdNumber(`41120119800101${100 + i}`);
      const { value, issues } = checkImportRow({ ...goodRow, name: i === 0 ? '张三' : `成员${i}`, idNumber, relation: i === 0 ? '户主' : '子' }, i + 2, ctx);
      expect(issues, `row ${i + 2}`).toEqual([]);
      rows.push(value as ImportPersonRow);
    }
    expect(checkHouseholdGroups(rows.slice(0, MAX_MEMBERS))).toEqual([]);
    const issues = checkHouseholdGroups(rows);
    expect(issues.map((i) => i.row)).toEqual(rows.map((r) => r.rowNumber));
    expect(issues[0]).toMatchObject({ field: 'householdNo', path: '户编号', messageZh: '户编号 H0001：一户最多登记 30 名成员（现有 31 名）' });
    const members = rows.map((r) => ({ idNumber: r.idNumber, name: r.name, relation: r.relation }));
    expect(zodRefuses(shape.members, members)).toBe(true);
    expect(memberListIssues(rows.map((r) => ({ isHead: r.isHead, idNumber: r.idNumber }))).map((i) => i.messageZh)).toEqual(['一户最多登记 30 名成员（现有 31 名）']);
  });

  it('户主 is the relation the dictionary marks isHead, in the import and the check', () => {
    const relations = findDictionary('relation')!.items;
    expect(headRelationCode(relations)).toBe('02');
    expect(isHeadRelation(relations, '02')).toBe(true);
    expect(isHeadRelation(relations, '20')).toBe(false);
    expect(checkImportRow(goodRow, 2, ctx).value?.isHead).toBe(true);
    expect(CITIZEN_ID_TYPE).toBe('1');
  });
});

/** Every .ts/.tsx source file of the packages (tests excluded). */
function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) sources(p, out);
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(p);
  }
  return out;
}

describe('household checks: one owner', () => {
  it('no other source file defines the phone or other-document pattern, or CITIZEN_ID_TYPE, again', () => {
    const root = join(import.meta.dirname, '../../..');
    const copies = ['domain', 'server', 'web', 'cli']
      .flatMap((pkg) => sources(join(root, pkg, 'src')))
      .filter((f) => !f.endsWith('household-checks.ts'))
      .filter((f) => {
        const text = readFileSync(f, 'utf8');
        return text.includes(PHONE_PATTERN.source) || text.includes(OTHER_ID_PATTERN.source) || /CITIZEN_ID_TYPE\s*=/.test(text);
      });
    expect(copies).toEqual([]);
  });
});
