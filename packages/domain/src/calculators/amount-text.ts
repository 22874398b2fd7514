/** "1234567" → "1,234,567" (digits only; a loop, not a regular expression: reasons print a yuan figure per household). */
function groupThousands(digits: string): string {
  if (digits.length <= 3) return digits;
  let i = digits.length % 3 || 3;
  let out = digits.slice(0, i);
  for (; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return out;
}

/**
 * An amount of 分 in 元 as officers write it: thousands separated, decimals only when there are 分
 * (7_500_000 → "75,000"; 12_345 → "123.45"). Integer arithmetic only.
 */
export function yuanText(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / 100);
  const cents = abs - whole * 100;
  const grouped = groupThousands(String(whole));
  return cents === 0 ? `${sign}${grouped}` : `${sign}${grouped}.${String(cents).padStart(2, '0')}`;
}

/** An area or other quantity with at most 2 decimals, without trailing zeros (2.50 → "2.5"). */
export function quantityText(hundredths: number): string {
  const whole = Math.floor(hundredths / 100);
  const frac = hundredths - whole * 100;
  const grouped = groupThousands(String(whole));
  if (frac === 0) return grouped;
  return `${grouped}.${String(frac).padStart(2, '0').replace(/0$/, '')}`;
}

/**
 * A non-negative decimal with at most 2 decimals as an integer count of hundredths (2.5 → 250), tolerating
 * binary artefacts (0.1 + 0.2).
 * @returns null when the value has more than 2 decimals or is not a finite non-negative number
 */
export function toHundredths(value: number): number | null {
  if (!Number.isFinite(value) || value < 0) return null;
  const h = Math.round(value * 100);
  if (Math.abs(h - value * 100) > 1e-6 * Math.max(1, value)) return null;
  return Number.isSafeInteger(h) ? h : null;
}

/** n ÷ c rounded half away from zero, exact on integers (BigInt), for n ≥ 0 and c > 0. */
export function roundDiv(n: bigint, c: bigint): number {
  const q = n / c;
  const r = n - q * c;
  return Number(2n * r >= c ? q + 1n : q);
}
