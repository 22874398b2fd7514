import { MONEY_MAX_FEN } from './money.ts';

/** 分 in one 万元 (10 000 元 × 100). */
const FEN_PER_WAN = 1_000_000;

/**
 * A typed amount in 万元 (forms: 金额（万元）) → integer 分, read from the decimal text itself so no float is ever
 * multiplied: "123.456789" → 123 × 1 000 000 + 456 789 = 123 456 789 分 (1 234 567.89 元). At most 6 decimals (the 分),
 * no sign, no exponent; thousands separators (, ，) and spaces are ignored; full-width digits and 。 are read as
 * ASCII. Returns null for anything else or above {@link MONEY_MAX_FEN}.
 */
export function wanYuanTextToFen(text: string): number | null {
  const t = text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[。．]/g, '.')
    .replace(/[\s,，]/g, '');
  const m = /^(\d{1,9})(?:\.(\d{0,6}))?$/.exec(t) ?? /^()\.(\d{1,6})$/.exec(t);
  if (!m) return null;
  const fen = Number(m[1] || '0') * FEN_PER_WAN + Number((m[2] ?? '').padEnd(6, '0'));
  return fen <= MONEY_MAX_FEN ? fen : null;
}

/** Integer 分 → 万元 as exact decimal text, trailing zeros dropped: 123 456 789 → "123.456789", 1 000 000 → "1". */
export function fenToWanYuanText(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / FEN_PER_WAN);
  const frac = String(abs - whole * FEN_PER_WAN)
    .padStart(6, '0')
    .replace(/0+$/, '');
  return `${sign}${whole}${frac ? `.${frac}` : ''}`;
}
