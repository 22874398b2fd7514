import { describe, expect, it } from 'vitest';
import { isAppError } from '../errors.ts';
import { computeIdCheckDigit, makeIdNumber, normalizeIdNumber, validateIdNumber } from './id-number.ts';

const today = '2025-06-30';

describe('normalizeIdNumber', () => {
  it.each([
    ['  11010519491231002x ', '11010519491231002X'],
    ['110105 1949 1231 002X', '11010519491231002X'],
    ['１１０１０５１９４９１２３１００２ｘ', '11010519491231002X'],
    ['\u3000440524188001010014\t', '440524188001010014'],
  ])('%j → %s', (raw, expected) => expect(normalizeIdNumber(raw)).toBe(expected));
});

describe('validateIdNumber', () => {
  // GB 11643-1999 examples (domain-standards §7.2)
  it.each([
    ['11010519491231002X', '1949-12-31', '2'],
    ['440524188001010014', '1880-01-01', '1'],
    ['11010519491231002x', '1949-12-31', '2'],
  ])('accepts %s', (raw, birthDate, gender) => {
    const r = validateIdNumber(raw, { today });
    expect(r.ok).toBe(true);
    if (r.ok) expect({ birthDate: r.birthDate, gender: r.gender, id: r.idNumber }).toEqual({ birthDate, gender, id: raw.toUpperCase() });
  });

  it.each([
    ['', '为空', 'empty'],
    ['41012319900101123', '应为 18 位，实际 17 位', '18 characters, got 17'],
    ['410123900101123', '15 位旧号码', 'old 15-digit'],
    ['41012319900101123X11', '残疾人证号', 'disability card'],
    ['4101231990010112A4', '非法字符', 'invalid characters'],
    ['410123X99001011234', '非法字符', 'invalid characters'],
    ['410123199002301234', '不是有效日期', 'not a valid date'],
    ['410123179912311234', '不是有效日期', 'not a valid date'],
    [makeIdNumber('41012320300101123'), '晚于今天', 'in the future'],
  ])('rejects %j with its own reason', (raw, zh, en) => {
    const r = validateIdNumber(raw, { today });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reasonZh).toContain(zh);
      expect(r.reasonEn).toContain(en);
    }
  });

  it('names the expected check digit', () => {
    const r = validateIdNumber('110105194912310021', { today });
    expect(r).toEqual({
      ok: false,
      reasonZh: '证件号码校验位错误：最后一位应为 X，实际为 1',
      reasonEn: 'ID number check digit is wrong: the last character should be X, not 1',
    });
  });

  it('accepts a person born today but not tomorrow', () => {
    expect(validateIdNumber(makeIdNumber('41012320250630123'), { today }).ok).toBe(true);
    expect(validateIdNumber(makeIdNumber('41012320250701123'), { today }).ok).toBe(false);
  });
});

describe('makeIdNumber', () => {
  it.each([
    ['11010519491231002', '11010519491231002X'],
    ['44052418800101001', '440524188001010014'],
  ])('%s → %s', (first17, expected) => expect(makeIdNumber(first17)).toBe(expected));

  it('produces numbers that validate, for every check digit', () => {
    const seen = new Set<string>();
    for (let seq = 100; seq < 200; seq++) {
      const id = makeIdNumber(`41012319900101${seq}`);
      seen.add(id.slice(-1));
      expect(validateIdNumber(id, { today }).ok).toBe(true);
    }
    expect(seen.size).toBe(11);
    expect(computeIdCheckDigit('11010519491231002')).toBe('X');
  });

  it('throws VALIDATION_FAILED on bad input', () => {
    expect(() => makeIdNumber('1234')).toThrow();
    try {
      makeIdNumber('1234');
    } catch (err) {
      expect(isAppError(err) && err.code).toBe('VALIDATION_FAILED');
    }
  });
});
