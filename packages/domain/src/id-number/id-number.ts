import { AppError } from '../errors.ts';
import { toHalfWidth } from '../text/half-width.ts';

// GB 11643-1999 公民身份号码: 6-digit address code + 8-digit birth date + 3-digit sequence (odd = male)
// + 1 check character, ISO 7064 MOD 11-2 (domain-standards §7.2, verified on the standard's examples).
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** Result of {@link validateIdNumber}. `gender` follows dict `gender`: '1' 男, '2' 女. */
export type IdNumberCheck = { ok: true; idNumber: string; birthDate: string; gender: '1' | '2' } | { ok: false; reasonZh: string; reasonEn: string };

/**
 * Normalises a typed or pasted ID number: trims, removes inner whitespace, converts full-width digits and
 * letters to half-width and upper-cases the check character (`x` → `X`). Does not validate.
 * @param raw the text as entered
 */
export function normalizeIdNumber(raw: string): string {
  return toHalfWidth(raw).replace(/\s+/g, '').toUpperCase();
}

/**
 * Computes the GB 11643 check character for the first 17 digits.
 * @param first17 exactly 17 ASCII digits (not checked here)
 */
export function computeIdCheckDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS[sum % 11] ?? '';
}

/**
 * Appends the GB 11643 check character to 17 digits (used by the demo data generator and tests).
 * @param first17 address code + birth date + sequence code, 17 digits
 * @throws AppError VALIDATION_FAILED when the input is not 17 digits
 */
export function makeIdNumber(first17: string): string {
  if (!/^\d{17}$/.test(first17)) {
    throw new AppError('VALIDATION_FAILED', `makeIdNumber needs 17 digits, got "${first17}"`);
  }
  return first17 + computeIdCheckDigit(first17);
}

function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Validates a citizen ID number (GB 11643-1999) after {@link normalizeIdNumber}: length 18, 17 digits and a
 * check character 0–9/X, a real birth date (YYYYMMDD, from 1800 — the standard's own example is born 1880 — not after `today`), and the MOD 11-2 check
 * character. Each failure has its own bilingual reason; a wrong check character names the expected one.
 * @param raw the ID number as entered
 * @param options.today ISO date used for "not in the future" (defaults to the current UTC date)
 * @returns the normalised number with birth date (YYYY-MM-DD) and gender code, or the reason it is invalid
 */
export function validateIdNumber(raw: string, options: { today?: string } = {}): IdNumberCheck {
  const id = normalizeIdNumber(raw);
  if (id.length === 0) {
    return { ok: false, reasonZh: '证件号码为空', reasonEn: 'ID number is empty' };
  }
  if (id.length !== 18) {
    const hint =
      id.length === 15
        ? { zh: '（15 位旧号码，请换用 18 位号码）', en: ' (old 15-digit number: use the 18-character one)' }
        : id.length === 20 || id.length === 22
          ? { zh: '（疑似残疾人证号，请填写前 18 位身份证号码）', en: ' (looks like a disability card number: enter the 18-character ID only)' }
          : { zh: '', en: '' };
    return {
      ok: false,
      reasonZh: `证件号码应为 18 位，实际 ${id.length} 位${hint.zh}`,
      reasonEn: `ID number must have 18 characters, got ${id.length}${hint.en}`,
    };
  }
  if (!/^\d{17}[\dX]$/.test(id)) {
    return {
      ok: false,
      reasonZh: '证件号码含非法字符：前 17 位须为数字，最后一位为数字或 X',
      reasonEn: 'ID number has invalid characters: the first 17 must be digits, the last a digit or X',
    };
  }
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const dt = new Date(Date.UTC(y, m - 1, d));
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  const real = dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
  if (!real || y < 1800) {
    return {
      ok: false,
      reasonZh: `证件号码中的出生日期 ${id.slice(6, 14)} 不是有效日期`,
      reasonEn: `birth date ${id.slice(6, 14)} in the ID number is not a valid date`,
    };
  }
  if (birthDate > (options.today ?? todayIso())) {
    return {
      ok: false,
      reasonZh: `证件号码中的出生日期 ${birthDate} 晚于今天`,
      reasonEn: `birth date ${birthDate} in the ID number is in the future`,
    };
  }
  const expected = computeIdCheckDigit(id);
  if (id[17] !== expected) {
    return {
      ok: false,
      reasonZh: `证件号码校验位错误：最后一位应为 ${expected}，实际为 ${id[17]}`,
      reasonEn: `ID number check digit is wrong: the last character should be ${expected}, not ${id[17]}`,
    };
  }
  const gender = Number(id[16]) % 2 === 1 ? '1' : '2';
  return { ok: true, idNumber: id, birthDate, gender };
}
