import { DICT, dictLabelEn, dictLabelZh, findDictionary } from '../dictionaries/dictionaries.ts';
import type { Issue } from '../errors.ts';
import { MAX_MEMBERS, memberCountIssue } from './household-checks.ts';
import type { ImportPersonRow } from './import-row.ts';
import { importIssue } from './import-row.ts';

type HouseholdKey = 'regionCode' | 'householdType' | 'monitoringType' | 'monitoringStatus' | 'riskTypes' | 'liftedYear' | 'address' | 'headName';

// household-level columns repeated on each member row; `optional` ones may be left empty on some rows
// `column`: the import field that sets the value, when the value is derived (监测状态 from 风险是否已消除)
const HOUSEHOLD_FIELDS: ReadonlyArray<{ key: HouseholdKey; optional: boolean; column?: string }> = [
  { key: 'regionCode', optional: false },
  { key: 'householdType', optional: false },
  { key: 'monitoringType', optional: false },
  { key: 'monitoringStatus', optional: false, column: 'riskEliminated' },
  { key: 'riskTypes', optional: true },
  { key: 'liftedYear', optional: true },
  { key: 'address', optional: true },
  { key: 'headName', optional: true },
];

// household columns holding dictionary codes: messages show their labels, never the codes
const DICT_OF: Partial<Record<HouseholdKey, string>> = {
  householdType: DICT.householdType,
  monitoringType: DICT.monitoringType,
  monitoringStatus: DICT.monitoringStatus,
  riskTypes: DICT.riskType,
};

function show(v: unknown, key?: HouseholdKey, lang: 'zh' | 'en' = 'zh'): string {
  const dict = key ? DICT_OF[key] : undefined;
  const items = dict ? (findDictionary(dict)?.items ?? []) : [];
  const label = (c: unknown) => (dict ? (lang === 'zh' ? dictLabelZh(items, String(c)) : dictLabelEn(items, String(c))) : String(c));
  if (Array.isArray(v)) return v.map(label).join(lang === 'zh' ? '、' : ', ');
  return v === null || v === undefined ? '' : label(v);
}

function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
}

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');
  return a === b;
}

/** What the checker remembers of one household: row numbers, heads, the reference value of each household column. */
type HouseholdState = {
  no: string;
  rows: number[];
  heads: { rowNumber: number; name: string }[];
  /** per household column: the row and value every later row is compared with (row 0: none yet) */
  refRows: number[];
  refValues: unknown[];
  /** per household column, allocated on the first conflict */
  conflicts: (Issue[] | undefined)[] | null;
  /** each distinct 户主姓名 with the first row giving it, in order of appearance (usually one: kept inline) */
  headName: string | null;
  headNameRow: number;
  moreHeadNames: Map<string, number> | null;
  /** a row of this household was refused by the row check (it may have been the head) */
  hasRejectedRow: boolean;
};

/** An issue of {@link createHouseholdGroupChecker}, with the household it concerns. */
export type HouseholdGroupIssue = { householdNo: string; issue: Issue };

/** Incremental form of {@link checkHouseholdGroups}: memory grows with households, not with rows. */
export type HouseholdGroupChecker = {
  /** Adds a valid row (output of `checkImportRow`), in file order. */
  add(row: ImportPersonRow): void;
  /**
   * Notes a row of the household that `checkImportRow` refused: that row may have been its head, so "no head" is
   * not reported for the household (its row issues already exclude it).
   */
  addRejected(householdNo: string): void;
  /** Every household issue, sorted by row, each with its 户编号. */
  finish(): HouseholdGroupIssue[];
};

/**
 * Creates a checker that takes the rows of a file one by one and applies the rules of {@link checkHouseholdGroups}
 * (one 户主 per 户编号, household columns agree, 户主姓名 matches the head, no 证件号码 twice) keeping per
 * household only its row numbers, heads and one reference value per household column — never the rows.
 */
export function createHouseholdGroupChecker(): HouseholdGroupChecker {
  const households = new Map<string, HouseholdState>();
  const firstById = new Map<string, number>();
  const firstByPersonNo = new Map<string, number>();
  const dupIssues: HouseholdGroupIssue[] = [];
  const stateOf = (no: string): HouseholdState => {
    let s = households.get(no);
    if (!s) {
      s = {
        no,
        rows: [],
        heads: [],
        refRows: new Array<number>(HOUSEHOLD_FIELDS.length).fill(0),
        refValues: new Array<unknown>(HOUSEHOLD_FIELDS.length).fill(null),
        conflicts: null,
        headName: null,
        headNameRow: 0,
        moreHeadNames: null,
        hasRejectedRow: false,
      };
      households.set(no, s);
    }
    return s;
  };
  return {
    add(r) {
      const first = firstById.get(r.idNumber);
      if (first === undefined) firstById.set(r.idNumber, r.rowNumber);
      else
        dupIssues.push({
          householdNo: r.householdNo,
          issue: importIssue(r.rowNumber, 'idNumber', r.idNumber, `证件号码与第 ${first} 行重复`, `ID number already appears on row ${first}`),
        });
      if (r.personNo !== null) {
        const firstNo = firstByPersonNo.get(r.personNo);
        if (firstNo === undefined) firstByPersonNo.set(r.personNo, r.rowNumber);
        else
          dupIssues.push({
            householdNo: r.householdNo,
            issue: importIssue(r.rowNumber, 'personNo', r.personNo, `人口编号与第 ${firstNo} 行重复`, `person number already appears on row ${firstNo}`),
          });
      }
      const s = stateOf(r.householdNo);
      s.rows.push(r.rowNumber);
      if (r.isHead) s.heads.push({ rowNumber: r.rowNumber, name: r.name });
      if (r.headName !== null) {
        if (s.headName === null) {
          s.headName = r.headName;
          s.headNameRow = r.rowNumber;
        } else if (r.headName !== s.headName && !s.moreHeadNames?.has(r.headName)) {
          (s.moreHeadNames ??= new Map()).set(r.headName, r.rowNumber);
        }
      }
      for (let k = 0; k < HOUSEHOLD_FIELDS.length; k++) {
        const { key, optional, column } = HOUSEHOLD_FIELDS[k] as (typeof HOUSEHOLD_FIELDS)[number];
        const v = r[key];
        const refRow = s.refRows[k] as number;
        if (refRow === 0) {
          if (!optional || !isEmpty(v)) {
            s.refRows[k] = r.rowNumber;
            s.refValues[k] = v;
          }
          continue;
        }
        const refValue = s.refValues[k];
        if ((optional && isEmpty(v)) || same(v, refValue)) continue;
        s.conflicts ??= [];
        (s.conflicts[k] ??= []).push(
          importIssue(
            r.rowNumber,
            column ?? key,
            show(v, key),
            `同一户（户编号 ${s.no}）的该列须一致：第 ${refRow} 行为“${show(refValue, key)}”`,
            `must be the same for the whole household ${s.no}: row ${refRow} has "${show(refValue, key, 'en')}"`,
          ),
        );
      }
    },
    addRejected(householdNo) {
      stateOf(householdNo).hasRejectedRow = true;
    },
    finish() {
      const out: HouseholdGroupIssue[] = [...dupIssues];
      for (const s of households.values()) {
        const push = (issue: Issue) => out.push({ householdNo: s.no, issue });
        const { no, heads } = s;
        if (heads.length === 0 && s.rows.length > 0 && !s.hasRejectedRow) {
          const rowList = s.rows.join('、');
          push(importIssue(s.rows[0] as number, 'relation', '', `户编号 ${no} 没有户主（第 ${rowList} 行）`, `household ${no} has no head (rows ${rowList})`));
        } else if (heads.length > 1) {
          const headRows = heads.map((h) => h.rowNumber).join('、');
          for (const h of heads.slice(1)) {
            push(
              importIssue(
                h.rowNumber,
                'relation',
                '户主',
                `户编号 ${no} 有多个户主（第 ${headRows} 行）`,
                `household ${no} has more than one head (rows ${heads.map((x) => x.rowNumber).join(', ')})`,
              ),
            );
          }
        }
        if (s.rows.length > MAX_MEMBERS) {
          // the API's limit (memberListIssues), on every row of the household: it is refused as a whole
          const { messageZh, messageEn } = memberCountIssue(s.rows.length);
          for (const rowNumber of s.rows) push(importIssue(rowNumber, 'householdNo', no, `户编号 ${no}：${messageZh}`, `household ${no}: ${messageEn}`));
        }
        if (s.conflicts) for (let k = 0; k < HOUSEHOLD_FIELDS.length; k++) for (const issue of s.conflicts[k] ?? []) push(issue);
        const head = heads[0];
        if (head && heads.length === 1) {
          const names: [string, number][] = s.headName === null ? [] : [[s.headName, s.headNameRow], ...(s.moreHeadNames ?? [])];
          for (const [headName, rowNumber] of names) {
            if (headName === head.name) continue;
            push(
              importIssue(
                rowNumber,
                'headName',
                headName,
                `户主姓名与第 ${head.rowNumber} 行户主“${head.name}”不符`,
                `head's name differs from the head on row ${head.rowNumber} ("${head.name}")`,
              ),
            );
            break;
          }
        }
      }
      return out.sort((a, b) => (a.issue.row ?? 0) - (b.issue.row ?? 0));
    },
  };
}

/**
 * Checks the rows of a file together (after {@link import('./import-row.ts').checkImportRow}): exactly one 户主 per
 * 户编号; at most MAX_MEMBERS (30) rows per 户编号; household-level columns (区划代码, 户类型, 监测类型, 风险类型, 脱贫年度, 家庭住址, 户主姓名) agree on every row
 * of a household — an optional column left empty on some rows is not a conflict; 户主姓名 matches the head's 姓名;
 * and no 证件号码 appears twice in the file.
 * @param rows valid rows, each with its `rowNumber`
 * @returns issues naming row, column, value and reason (the reason cites the other row)
 */
export function checkHouseholdGroups(rows: readonly ImportPersonRow[]): Issue[] {
  const checker = createHouseholdGroupChecker();
  for (const r of rows) checker.add(r);
  return checker.finish().map((x) => x.issue);
}
