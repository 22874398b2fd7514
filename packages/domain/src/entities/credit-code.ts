import type { Issue } from '../errors.ts';

/**
 * 统一社会信用代码 (GB 32100-2015 法人和其他组织统一社会信用代码编码规则): 18 characters from a 31-character
 * set (digits and capital letters without I, O, S, V, Z):
 * 1 登记管理部门码 · 2 机构类别码 · 3–8 登记管理机关行政区划码 · 9–17 主体标识码 (组织机构代码) · 18 校验码.
 * The check character (GB 32100 §4.3): C18 = 31 − (Σ Ci·Wi mod 31), 31 → 0, with the weights below.
 */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/**
 * 登记管理部门码 and the 机构类别码 each allows (GB 32100 表 1 and its later assignments): 1 机构编制, 2 外交,
 * 3 司法行政, 4 文化, 5 民政, 6 旅游, 7 宗教, 8 工会, 9 市场监管 (工商: 1 企业, 2 个体工商户, 3 农民专业合作社),
 * A 中央军委改革和编制办公室, N 农业农村 (1 组级, 2 村级, 3 乡镇级集体经济组织, 9 其他), Y 其他.
 */
const DEPARTMENTS: Record<string, string> = {
  '1': '1239',
  '2': '19',
  '3': '123459',
  '4': '19',
  '5': '1239',
  '6': '129',
  '7': '129',
  '8': '19',
  '9': '123',
  A: '19',
  N: '1239',
  Y: '1',
};

/** The check character of the first 17 characters (GB 32100 §4.3), or null when one is outside the charset. */
export function creditCodeCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_CODE_CHARSET.indexOf(first17[i]!);
    if (v < 0) return null;
    sum += v * CREDIT_CODE_WEIGHTS[i]!;
  }
  const c = 31 - (sum % 31);
  return CREDIT_CODE_CHARSET[c === 31 ? 0 : c]!;
}

/** A code as typed: half-width, capitals, no spaces or dashes. */
export function normalizeCreditCode(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000-]/g, '')
    .toUpperCase();
}

export type CreditCodeResult = { ok: true; code: string } | { ok: false; issue: Issue };

/**
 * Checks a 统一社会信用代码 (after {@link normalizeCreditCode}): length 18, the character set, the 登记管理部门 and
 * 机构类别 codes, a six-digit region code, and the check character.
 * @param path the field or column named in the issue
 */
export function checkCreditCode(text: string, path = 'creditCode'): CreditCodeResult {
  const code = normalizeCreditCode(text);
  const fail = (messageZh: string, messageEn: string): CreditCodeResult => ({ ok: false, issue: { path, field: 'creditCode', value: text, messageZh, messageEn } });
  if (code.length !== 18) return fail(`统一社会信用代码应为 18 位，现为 ${code.length} 位`, `the unified social credit code must have 18 characters, not ${code.length}`);
  const bad = [...code].find((ch) => !CREDIT_CODE_CHARSET.includes(ch));
  if (bad !== undefined) {
    return fail(
      `统一社会信用代码含有不允许的字符“${bad}”（不使用 I、O、S、V、Z）`,
      `the unified social credit code contains "${bad}", which is not allowed (I, O, S, V and Z are never used)`,
    );
  }
  const kinds = DEPARTMENTS[code[0]!];
  if (!kinds) return fail(`统一社会信用代码第 1 位（登记管理部门码）“${code[0]}”不存在`, `the first character (registration authority) "${code[0]}" does not exist`);
  if (!kinds.includes(code[1]!)) {
    return fail(
      `统一社会信用代码第 2 位（机构类别码）“${code[1]}”与登记管理部门码“${code[0]}”不符`,
      `the second character (organisation kind) "${code[1]}" does not go with authority "${code[0]}"`,
    );
  }
  if (!/^\d{6}$/.test(code.slice(2, 8)))
    return fail('统一社会信用代码第 3–8 位应为登记管理机关的 6 位行政区划码', 'characters 3–8 must be the six-digit region code of the registration authority');
  const check = creditCodeCheckChar(code.slice(0, 17))!;
  if (check !== code[17]) {
    return fail(
      `统一社会信用代码校验位错误：按前 17 位计算应为“${check}”，填写的是“${code[17]}”，请核对`,
      `wrong check character: the first 17 characters give "${check}", the code ends in "${code[17]}"`,
    );
  }
  return { ok: true, code };
}
