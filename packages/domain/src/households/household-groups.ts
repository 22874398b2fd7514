import type { Issue } from '../errors.ts';
import type { ImportPersonRow } from './import-row.ts';
import { importIssue } from './import-row.ts';

type HouseholdKey = 'regionCode' | 'householdType' | 'monitoringType' | 'riskTypes' | 'liftedYear' | 'address' | 'headName';

// household-level columns repeated on each member row; `optional` ones may be left empty on some rows
const HOUSEHOLD_FIELDS: ReadonlyArray<{ key: HouseholdKey; optional: boolean }> = [
  { key: 'regionCode', optional: false },
  { key: 'householdType', optional: false },
  { key: 'monitoringType', optional: false },
  { key: 'riskTypes', optional: true },
  { key: 'liftedYear', optional: true },
  { key: 'address', optional: true },
  { key: 'headName', optional: true },
];

function show(v: unknown): string {
  if (Array.isArray(v)) return v.join('、');
  return v === null || v === undefined ? '' : String(v);
}

function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
}

function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return [...a].sort().join('\u0000') === [...b].sort().join('\u0000');
  return a === b;
}

/**
 * Checks the rows of a file together (after {@link import('./import-row.ts').checkImportRow}): exactly one 户主 per
 * 户编号; household-level columns (区划代码, 户类型, 监测类型, 风险类型, 脱贫年度, 家庭住址, 户主姓名) agree on every row
 * of a household — an optional column left empty on some rows is not a conflict; 户主姓名 matches the head's 姓名;
 * and no 证件号码 appears twice in the file.
 * @param rows valid rows, each with its `rowNumber`
 * @returns issues naming row, column, value and reason (the reason cites the other row)
 */
export function checkHouseholdGroups(rows: readonly ImportPersonRow[]): Issue[] {
  const issues: Issue[] = [];
  const households = new Map<string, ImportPersonRow[]>();
  const firstById = new Map<string, number>();
  for (const r of rows) {
    const list = households.get(r.householdNo);
    if (list) list.push(r);
    else households.set(r.householdNo, [r]);
    const first = firstById.get(r.idNumber);
    if (first === undefined) firstById.set(r.idNumber, r.rowNumber);
    else issues.push(importIssue(r.rowNumber, 'idNumber', r.idNumber, `证件号码与第 ${first} 行重复`, `ID number already appears on row ${first}`));
  }

  for (const [no, members] of households) {
    const heads = members.filter((m) => m.isHead);
    const rowList = members.map((m) => m.rowNumber).join('、');
    if (heads.length === 0) {
      const m = members[0] as ImportPersonRow;
      issues.push(importIssue(m.rowNumber, 'relation', '', `户编号 ${no} 没有户主（第 ${rowList} 行）`, `household ${no} has no head (rows ${rowList})`));
    } else if (heads.length > 1) {
      const headRows = heads.map((h) => h.rowNumber).join('、');
      for (const h of heads.slice(1)) {
        issues.push(importIssue(h.rowNumber, 'relation', '户主', `户编号 ${no} 有多个户主（第 ${headRows} 行）`, `household ${no} has more than one head (rows ${heads.map((x) => x.rowNumber).join(', ')})`));
      }
    }

    for (const { key, optional } of HOUSEHOLD_FIELDS) {
      const ref = optional ? members.find((m) => !isEmpty(m[key])) : members[0];
      if (!ref) continue;
      for (const m of members) {
        if (m === ref || (optional && isEmpty(m[key])) || same(m[key], ref[key])) continue;
        issues.push(
          importIssue(
            m.rowNumber,
            key,
            show(m[key]),
            `同一户（户编号 ${no}）的该列须一致：第 ${ref.rowNumber} 行为“${show(ref[key])}”`,
            `must be the same for the whole household ${no}: row ${ref.rowNumber} has "${show(ref[key])}"`,
          ),
        );
      }
    }

    const head = heads[0];
    if (head && heads.length === 1) {
      for (const m of members) {
        if (m.headName !== null && m.headName !== head.name) {
          issues.push(importIssue(m.rowNumber, 'headName', m.headName, `户主姓名与第 ${head.rowNumber} 行户主“${head.name}”不符`, `head's name differs from the head on row ${head.rowNumber} ("${head.name}")`));
          break;
        }
      }
    }
  }
  return issues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
}
