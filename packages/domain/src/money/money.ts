import { AppError, type Issue } from '../errors.ts';

/**
 * Money (CONVENTIONS "Money"): amounts cross the edges (API, forms, files, PostgreSQL numeric(14,2)) in 元 with at
 * most 2 decimals; arithmetic in TypeScript is done only on integer 分 (fen) through these functions, never on
 * float 元 (0.1 + 0.2 ≠ 0.3, 1.005 × 100 = 100.49999…).
 */

/** Largest amount numeric(14,2) holds: 999 999 999 999.99 元. */
export const MONEY_MAX_YUAN = 999_999_999_999.99;
/** The same in 分 (a safe integer: < 2^53). */
export const MONEY_MAX_FEN = 99_999_999_999_999;

/**
 * True when `n` 元 is a whole number of 分, allowing for binary artefacts of a value that was meant to have 2
 * decimals (0.1 + 0.2 = 0.30000000000000004 counts as 0.30; 1.005 does not).
 * The tolerance is 10⁻⁶ 分, or 4 ulps for amounts too large for that (≈ 0.09 分 at the maximum).
 */
function fenOf(n: number): { fen: number; exact: boolean } {
  const scaled = n * 100;
  const fen = Math.round(scaled);
  const tolerance = Math.max(1e-6, Math.abs(scaled) * Number.EPSILON * 4);
  return { fen: fen === 0 ? 0 : fen, exact: Math.abs(scaled - fen) <= tolerance };
}

/** Options of {@link moneyIssue}. */
export type MoneyRule = { allowNegative?: boolean; maxYuan?: number };

/**
 * The problem with an amount in 元, or null when it is valid: a finite number, ≥ 0 (unless `allowNegative`), at
 * most 2 decimals, at most `maxYuan` (default {@link MONEY_MAX_YUAN}) in absolute value. The one owner of the money
 * rule: the API's MoneySchema (api/common.schemas.ts) calls it.
 */
export function moneyIssue(value: unknown, path: string, rule: MoneyRule = {}): Issue | null {
  const max = rule.maxYuan ?? MONEY_MAX_YUAN;
  const issue = (messageZh: string, messageEn: string): Issue => ({ path, value, messageZh, messageEn });
  if (typeof value !== 'number' || !Number.isFinite(value)) return issue('金额须为数字', 'the amount must be a number');
  if (value < 0 && !rule.allowNegative) return issue('金额不能为负数', 'the amount must not be negative');
  if (!fenOf(value).exact) return issue('金额最多保留两位小数（到分）', 'the amount may have at most 2 decimals (fen)');
  if (Math.abs(value) > max) return issue(`金额不能超过 ${max} 元`, `the amount must not exceed ${max} yuan`);
  return null;
}

function refuse(path: string, value: unknown, messageZh: string, messageEn: string): never {
  throw new AppError('VALIDATION_FAILED', messageEn, { issues: [{ path, value, messageZh, messageEn }] });
}

/**
 * 元 → integer 分. Signed amounts are accepted (a net income may be negative).
 * @throws AppError VALIDATION_FAILED when `yuan` is not finite, has more than 2 decimals, or exceeds MONEY_MAX_YUAN
 */
export function yuanToFen(yuan: number, path = 'amount'): number {
  if (typeof yuan !== 'number' || !Number.isFinite(yuan)) refuse(path, yuan, '金额须为有限数字', 'the amount must be a finite number');
  const { fen, exact } = fenOf(yuan);
  if (!exact) refuse(path, yuan, `金额 ${yuan} 最多保留两位小数（到分）`, `the amount ${yuan} has more than 2 decimals (fen)`);
  if (Math.abs(fen) > MONEY_MAX_FEN) refuse(path, yuan, `金额 ${yuan} 超出上限 ${MONEY_MAX_YUAN} 元`, `the amount ${yuan} exceeds ${MONEY_MAX_YUAN} yuan`);
  return fen;
}

function assertFen(fen: number, what: string): void {
  if (!Number.isSafeInteger(fen)) refuse(what, fen, '分值须为安全整数', `${what} must be a safe integer number of fen`);
}

/** integer 分 → 元 (the nearest double to fen/100, which prints with at most 2 decimals). */
export function fenToYuan(fen: number): number {
  assertFen(fen, 'fen');
  const yuan = fen / 100;
  return yuan === 0 ? 0 : yuan;
}

/** Exact sum of integer 分 amounts. @throws AppError VALIDATION_FAILED when an amount or the total is not a safe integer */
export function sumFen(amounts: Iterable<number>): number {
  let total = 0;
  for (const a of amounts) {
    assertFen(a, 'fen');
    total += a;
  }
  assertFen(total, 'total');
  return total;
}

/**
 * `fen` ÷ `divisor`, rounded half away from zero to the 分 (10 元 ÷ 3 → 333 分; −5 分 ÷ 2 → −3 分).
 * Exact: the remainder is computed on integers, so no float quotient decides the rounding.
 * @throws AppError VALIDATION_FAILED when `divisor` is not a non-zero safe integer
 */
export function divideFen(fen: number, divisor: number): number {
  assertFen(fen, 'fen');
  if (!Number.isSafeInteger(divisor) || divisor === 0) refuse('divisor', divisor, '除数须为非零整数', 'the divisor must be a non-zero integer');
  const a = Math.abs(fen);
  const b = Math.abs(divisor);
  let q = Math.floor(a / b);
  let r = a - q * b;
  if (r < 0) {
    q -= 1;
    r += b;
  }
  if (r >= b) {
    q += 1;
    r -= b;
  }
  if (2 * r >= b) q += 1;
  const signed = Math.sign(fen) * Math.sign(divisor) * q;
  return signed === 0 ? 0 : signed;
}
