import { describe, expect, it } from 'vitest';
import { computeIdCheckDigit, makeIdNumber, validateIdNumber } from './index.ts';

// GB 11643-1999 公民身份号码, check character by ISO 7064 MOD 11-2. The expected values below do not come from
// our code: two are the standard's own examples, the others were worked out by hand with the standard's
// weights and table (the products are written out for each), one for every check character 0–9 and X.
//   weights  7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2
//   S mod 11 0 1 2 3 4 5 6 7 8 9 10
//   check    1 0 X 9 8 7 6 5 4 3 2
const today = '2026-01-01';

type Example = { id: string; sum: number; birthDate: string; gender: '1' | '2'; source: string };

const examples: Example[] = [
  // the standard's example (北京市朝阳区, born 1949-12-31, female):
  // 1·7+1·9+0·10+1·5+0·8+5·4+1·2+9·1+4·6+9·3+1·7+2·9+3·10+1·5+0·8+0·4+2·2 = 167 = 15·11 + 2 → X
  { id: '11010519491231002X', sum: 167, birthDate: '1949-12-31', gender: '2', source: 'GB 11643-1999 example' },
  // the standard's example (广东省汕头市潮阳县, born 1880-01-01, male):
  // 4·7+4·9+0·10+5·5+2·8+4·4+1·2+8·1+8·6+0·3+0·7+1·9+0·10+1·5+0·8+0·4+1·2 = 195 = 17·11 + 8 → 4
  { id: '440524188001010014', sum: 195, birthDate: '1880-01-01', gender: '1', source: 'GB 11643-1999 example' },
  // 1·7+1·9+0·10+1·5+0·8+5·4+1·2+9·1+4·6+9·3+1·7+2·9+3·10+1·5+0·8+0·4+1·2 = 165 = 15·11 + 0 → 1
  { id: '110105194912310011', sum: 165, birthDate: '1949-12-31', gender: '1', source: 'by hand' },
  // 4·7+1·9+1·10+3·5+2·8+8·4+2·2+0·1+0·6+0·3+0·7+2·9+2·10+9·5+0·8+0·4+1·2 = 199 = 18·11 + 1 → 0 (29 Feb 2000)
  { id: '411328200002290010', sum: 199, birthDate: '2000-02-29', gender: '1', source: 'by hand' },
  // 4·7+1·9+2·10+8·5+2·8+7·4+1·2+9·1+7·6+5·3+1·7+0·9+1·10+5·5+0·8+0·4+2·2 = 255 = 23·11 + 2 → X
  { id: '41282719751015002X', sum: 255, birthDate: '1975-10-15', gender: '2', source: 'by hand' },
  // 6·7+5·9+0·10+1·5+0·8+2·4+1·2+9·1+6·6+3·3+0·7+7·9+0·10+8·5+0·8+0·4+4·2 = 267 = 24·11 + 3 → 9
  { id: '650102196307080049', sum: 267, birthDate: '1963-07-08', gender: '2', source: 'by hand' },
  // 5·7+1·9+0·10+1·5+0·8+4·4+1·2+9·1+8·6+8·3+0·7+5·9+1·10+6·5+0·8+0·4+1·2 = 235 = 21·11 + 4 → 8
  { id: '510104198805160018', sum: 235, birthDate: '1988-05-16', gender: '1', source: 'by hand' },
  // 4·7+1·9+0·10+7·5+0·8+2·4+1·2+9·1+5·6+5·3+0·7+3·9+0·10+1·5+0·8+0·4+1·2 = 170 = 15·11 + 5 → 7
  { id: '410702195503010017', sum: 170, birthDate: '1955-03-01', gender: '1', source: 'by hand' },
  // 2·7+3·9+0·10+1·5+0·8+3·4+2·2+0·1+1·6+0·3+1·7+1·9+3·10+0·5+0·8+0·4+1·2 = 116 = 10·11 + 6 → 6
  { id: '230103201011300016', sum: 116, birthDate: '2010-11-30', gender: '1', source: 'by hand' },
  // 3·7+7·9+0·10+2·5+0·8+2·4+1·2+9·1+9·6+2·3+1·7+2·9+2·10+5·5+0·8+0·4+3·2 = 249 = 22·11 + 7 → 5
  { id: '370202199212250035', sum: 249, birthDate: '1992-12-25', gender: '1', source: 'by hand' },
  // 4·7+1·9+0·10+1·5+2·8+3·4+1·2+9·1+9·6+0·3+0·7+1·9+0·10+1·5+0·8+0·4+1·2 = 151 = 13·11 + 8 → 4
  { id: '410123199001010014', sum: 151, birthDate: '1990-01-01', gender: '1', source: 'by hand' },
  // 1·7+1·9+0·10+1·5+0·8+1·4+1·2+9·1+9·6+0·3+0·7+3·9+0·10+7·5+0·8+1·4+9·2 = 174 = 15·11 + 9 → 3
  { id: '110101199003070193', sum: 174, birthDate: '1990-03-07', gender: '1', source: 'by hand' },
  // 4·7+4·9+0·10+5·5+2·8+4·4+1·2+8·1+8·6+0·3+0·7+1·9+0·10+1·5+0·8+0·4+2·2 = 197 = 17·11 + 10 → 2
  { id: '440524188001010022', sum: 197, birthDate: '1880-01-01', gender: '2', source: 'by hand' },
];

// The table written out by hand: remainder → check character.
const TABLE: Record<number, string> = { 0: '1', 1: '0', 2: 'X', 3: '9', 4: '8', 5: '7', 6: '6', 7: '5', 8: '4', 9: '3', 10: '2' };

describe('GB 11643-1999 check characters from published and hand-worked numbers', () => {
  it('covers all 11 check characters', () => {
    expect(new Set(examples.map((e) => e.id[17])).size).toBe(11);
    expect(new Set(examples.map((e) => e.sum % 11)).size).toBe(11);
  });

  it('the sums written by hand are the weighted sums of the 17 digits and give the check character by the table', () => {
    const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    for (const e of examples) {
      const sum = weights.reduce((s, w, i) => s + w * Number(e.id[i]), 0);
      expect(sum, e.id).toBe(e.sum);
      expect(TABLE[e.sum % 11], e.id).toBe(e.id[17]);
    }
  });

  it.each(examples)('computeIdCheckDigit and makeIdNumber give $id ($source)', ({ id }) => {
    expect(computeIdCheckDigit(id.slice(0, 17))).toBe(id[17]);
    expect(makeIdNumber(id.slice(0, 17))).toBe(id);
  });

  it.each(examples)('validateIdNumber accepts $id with its birth date and sex', ({ id, birthDate, gender }) => {
    expect(validateIdNumber(id, { today })).toEqual({ ok: true, idNumber: id, birthDate, gender });
  });

  it.each(examples)('validateIdNumber refuses $id with any other check character and names the right one', ({ id }) => {
    for (const wrong of '0123456789X') {
      if (wrong === id[17]) continue;
      const r = validateIdNumber(id.slice(0, 17) + wrong, { today });
      expect(r, `${id.slice(0, 17)}${wrong}`).toEqual({
        ok: false,
        reasonZh: `证件号码校验位错误：最后一位应为 ${id[17]}，实际为 ${wrong}`,
        reasonEn: `ID number check digit is wrong: the last character should be ${id[17]}, not ${wrong}`,
      });
    }
  });

  it('accepts a lower-case x as the check character X', () => {
    expect(validateIdNumber('11010519491231002x', { today })).toEqual({ ok: true, idNumber: '11010519491231002X', birthDate: '1949-12-31', gender: '2' });
  });
});

describe('birth date and sex from the number (GB 11643-1999 §5: digits 7–14 the birth date, digit 17 odd for men)', () => {
  it.each([
    // sequence code 001..009: the 17th digit decides, 0/2/4/6/8 female, 1/3/5/7/9 male
    ['41012319900101000', '2'],
    ['41012319900101001', '1'],
    ['41012319900101002', '2'],
    ['41012319900101003', '1'],
    ['41012319900101004', '2'],
    ['41012319900101005', '1'],
    ['41012319900101006', '2'],
    ['41012319900101007', '1'],
    ['41012319900101008', '2'],
    ['41012319900101009', '1'],
  ])('%s… is sex %s', (first17, gender) => {
    const r = validateIdNumber(makeIdNumber(first17), { today });
    expect(r.ok && r.gender).toBe(gender);
    expect(r.ok && r.birthDate).toBe('1990-01-01');
  });

  it.each([
    // leap days and month ends: real dates are accepted, impossible ones refused
    ['41012320000229001', '2000-02-29', true],
    ['41012319000228001', '1900-02-28', true],
    ['41012319000229001', null, false], // 1900 is not a leap year
    ['41012319990229001', null, false],
    ['41012319990431001', null, false],
    ['41012319991301001', null, false],
    ['41012319990100001', null, false],
    ['41012319991231001', '1999-12-31', true],
  ] as const)('%s… birth date %s', (first17, birthDate, ok) => {
    const r = validateIdNumber(makeIdNumber(first17), { today });
    expect(r.ok).toBe(ok);
    if (r.ok) expect(r.birthDate).toBe(birthDate);
    else expect(r.reasonEn).toContain('not a valid date');
  });
});
