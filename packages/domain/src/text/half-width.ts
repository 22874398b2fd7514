const FULL_WIDTH = /[\uff01-\uff5e\u3000]/;

/**
 * Converts full-width ASCII variants (U+FF01–U+FF5E, e.g. `１２３`, `ＡＢ`, `（）`) and the ideographic
 * space (U+3000) to their half-width forms. Chinese characters are left alone.
 * @param raw any string
 * @returns the string with full-width ASCII replaced
 */
export function toHalfWidth(raw: string): string {
  if (!FULL_WIDTH.test(raw)) return raw;
  let out = '';
  for (const ch of raw) {
    const c = ch.codePointAt(0) ?? 0;
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCodePoint(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
}

/**
 * Normalises a short label for comparison: half-width, no whitespace of any kind, lower case,
 * Chinese brackets `【】〔〕` folded to `()`.
 * @param raw label or cell text
 */
export function normalizeLabel(raw: string): string {
  return toHalfWidth(raw)
    .replace(/[【〔［]/g, '(')
    .replace(/[】〕］]/g, ')')
    .replace(/\s+/g, '')
    .toLowerCase();
}
