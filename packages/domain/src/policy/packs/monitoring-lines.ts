import type { MonitoringLine } from '../policy.types.ts';

// 防止返贫监测范围 is set by each province each year: 1.5 × the 脱贫攻坚-period national poverty standard,
// adjusted yearly for prices, rural income growth and the rural 低保 level (domain-standards §1.4). The
// reference found no published figure for 河南 (41) or 山西 (14). Until an administrator enters the
// province's document, the packs carry PLACEHOLDERS (confirmed: false), chosen as follows:
//  - 2021: 6000 = 1.5 × ≈4000 元, the 2020 national poverty standard (general knowledge, not a cited source);
//  - 2022 6000, 2023 6900, 2024 7300: the "national reference values" of the project brief, which
//    domain-standards §1.4 marks [UNCONFIRMED] (no source found). They sit inside the range of published local
//    figures (云南 2023 8050, 福建 2023 10560, a 2022 village notice 6500), so they are plausible, not authoritative.
// No 2025 figure is carried: a risk elimination checked against 2025 income is refused until one is entered.
const PLACEHOLDER_SOURCE = "占位值（未确认）：未检索到本省文件，请以省定监测范围替换 / placeholder, unconfirmed: replace with the province's published line";

const PLACEHOLDER_AMOUNTS: ReadonlyArray<[year: number, amountYuan: number]> = [
  [2021, 6000],
  [2022, 6000],
  [2023, 6900],
  [2024, 7300],
];

/**
 * Placeholder monitoring lines of one province (confirmed: false), see the comment above.
 * @param provinceCode 2-digit province code
 */
export function placeholderMonitoringLines(provinceCode: string): MonitoringLine[] {
  return PLACEHOLDER_AMOUNTS.map(([year, amountYuan]) => ({ provinceCode, year, amountYuan, source: PLACEHOLDER_SOURCE, confirmed: false }));
}

/**
 * The monitoring line of a province and year in a list, or undefined when none is recorded.
 * @param lines a pack's monitoring lines
 * @param provinceCode 2-digit province code (a longer region code is cut to its first 2 digits)
 * @param year calendar year
 */
export function findMonitoringLine(lines: readonly MonitoringLine[], provinceCode: string, year: number): MonitoringLine | undefined {
  const p = provinceCode.slice(0, 2);
  return lines.find((l) => l.provinceCode === p && l.year === year);
}
