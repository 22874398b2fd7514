import { normalizeLabel } from '../text/half-width.ts';

/** Which kind of file an upload is: our template, a national-system export, or another sheet. */
export type ImportLayout = 'template' | 'national_roster' | 'national_monitoring' | 'other';

/** Per-file defaults the user can change in the wizard (stored as `import_jobs.options`). */
export type ImportOptions = {
  /** dict household_type for rows whose columns do not say it (null: the 户类型 column must) */
  householdType: 'lifted' | 'monitored' | 'ordinary' | null;
  /** dict lifted_category for 脱贫户 rows whose columns do not say it */
  liftedCategory: string | null;
  /** monitoring status of 监测对象 rows when 风险是否已消除 is absent */
  monitoringStatus: 'monitoring' | 'eliminated' | null;
  /** year of the income and support-measure columns when the file has no 年度 column */
  incomeYear: number;
};

const has = (set: Set<string>, ...names: string[]) => names.some((n) => set.has(normalizeLabel(n)));

/**
 * Recognises the layout from the header row. The national 监测对象信息 export has the monitoring columns
 * (致贫/返贫风险1…5, 风险是否已消除, 识别监测时间) and is about 180 columns wide; the 家庭成员信息 roster names
 * 乡/村 and 户编号/人口编号 but no 区划代码 (national-exports.md §1–§2).
 * @param headers the header row
 */
export function detectLayout(headers: readonly string[]): ImportLayout {
  const set = new Set(headers.map((h) => normalizeLabel(h)));
  if (has(set, '区划代码') && has(set, '户类型')) return 'template';
  const national = has(set, '村', '行政村') && has(set, '户编号');
  if (national && (headers.length >= 100 || has(set, '致贫/返贫风险1', '风险是否已消除', '风险是否消除', '识别监测时间'))) return 'national_monitoring';
  if (national) return 'national_roster';
  return 'other';
}

/**
 * The defaults of a file: what its national file name says, e.g. `脱贫户信息_20250902-继续享受政策.xlsx` → 脱贫户,
 * `…-脱贫不享受政策` → 脱贫户 (脱贫不享受政策户), `防止返贫致贫监测对象信息_…-风险未消除608人` → 监测对象 under
 * monitoring, `…-风险已消除2928人` → 监测对象 eliminated (national-exports.md §1). Otherwise a national layout
 * defaults to 脱贫户 and our template to its own 户类型 column; incomes default to last year.
 * @param fileName the uploaded file's name
 * @param layout from {@link detectLayout}
 * @param today ISO date (default: now)
 */
export function defaultImportOptions(fileName: string, layout: ImportLayout, today = new Date().toISOString()): ImportOptions {
  const name = normalizeLabel(fileName);
  const incomeYear = Number(today.slice(0, 4)) - 1;
  if (name.includes('风险已消除')) return { householdType: 'monitored', liftedCategory: null, monitoringStatus: 'eliminated', incomeYear };
  if (name.includes('风险未消除') || name.includes('监测对象')) return { householdType: 'monitored', liftedCategory: null, monitoringStatus: 'monitoring', incomeYear };
  if (name.includes('脱贫不享受政策')) return { householdType: 'lifted', liftedCategory: 'no_policy', monitoringStatus: null, incomeYear };
  if (name.includes('继续享受政策') || name.includes('脱贫户') || layout === 'national_roster' || layout === 'national_monitoring') {
    return { householdType: 'lifted', liftedCategory: null, monitoringStatus: null, incomeYear };
  }
  return { householdType: null, liftedCategory: null, monitoringStatus: null, incomeYear };
}

/**
 * A two-row header: exports that group columns (e.g. the incomes again "风险消除后") put the group title in the
 * header row and the column names in the row below, with 姓名 / 证件号码 merged down over both rows. When the row
 * after the header is blank under 姓名 and 证件号码 and names at least one known column, it is a sub-header row:
 * each column takes its sub-header where there is one.
 * @param header the header row (it names 姓名 and 证件号码)
 * @param next the row below it, as text
 * @param isKnown whether a cell names an import column
 * @returns the merged header, or null when `next` is a data row
 */
export function mergeSubHeader(header: readonly string[], next: readonly string[], isKnown: (cell: string) => boolean): string[] | null {
  const keyCols = header.flatMap((h, i) => (['姓名', '证件号码'].includes(normalizeLabel(h)) ? [i] : []));
  if (keyCols.length === 0 || keyCols.some((i) => (next[i] ?? '') !== '')) return null;
  if (!next.some((c) => c !== '' && isKnown(c))) return null;
  const width = Math.max(header.length, next.length);
  return Array.from({ length: width }, (_, i) => (next[i] ?? '') || (header[i] ?? ''));
}
