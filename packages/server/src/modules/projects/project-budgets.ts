import { AppError, DICT, fenToYuan, sumFen, yuanToFen, type Issue, type ProjectBudgetRow } from '@chanbang/domain';
import type { Deps } from '../../deps.ts';
import { checkDictCode, loadDictIndex } from '../dictionaries/dictionaries.service.ts';

/** A budget row as stored: 分, not 元. */
export type BudgetFenRow = { year: number; fundLevel: string; fundKind: string; amountFen: number };

/**
 * The budget rows by year and fund source checked and converted to 分: dictionary codes (资金级次, 资金性质), no
 * repeated year × level × kind, amounts with at most 2 decimals. Issues name `${path}.${i}.<field>`.
 * @throws AppError VALIDATION_FAILED listing every issue
 */
export async function checkBudgetRows(deps: Deps, rows: readonly ProjectBudgetRow[], path: string): Promise<BudgetFenRow[]> {
  const idx = await loadDictIndex(deps);
  const issues: Issue[] = [];
  const seen = new Set<string>();
  const out = rows.map((r, i) => {
    checkDictCode(idx, DICT.fundLevel, r.fundLevel, `${path}.${i}.fundLevel`, issues);
    checkDictCode(idx, DICT.fundKind, r.fundKind, `${path}.${i}.fundKind`, issues);
    const k = `${r.year}|${r.fundLevel}|${r.fundKind}`;
    if (seen.has(k))
      issues.push({ path: `${path}.${i}`, messageZh: `第 ${i + 1} 行与前面的行年度、资金级次、资金性质相同`, messageEn: `row ${i + 1} repeats a year, level and kind` });
    seen.add(k);
    return { year: r.year, fundLevel: r.fundLevel, fundKind: r.fundKind, amountFen: yuanToFen(r.amountYuan, `${path}.${i}.amountYuan`) };
  });
  if (issues.length) throw new AppError('VALIDATION_FAILED', 'the budget rows are invalid', { issues });
  return out;
}

/** The refusal of budget rows whose total is not the project's 总投资 (both in 元 in the words). */
export function budgetTotalIssue(path: string, totalFen: number, budgetFen: number): Issue {
  return {
    path,
    value: fenToYuan(totalFen),
    messageZh: `分年度分来源预算合计 ${fenToYuan(totalFen)} 元，与项目总投资 ${fenToYuan(budgetFen)} 元不一致`,
    messageEn: `the budget rows add up to ${fenToYuan(totalFen)} yuan, the project's budget is ${fenToYuan(budgetFen)} yuan`,
  };
}

/**
 * 总投资 in 分 of a proposal (申报) with its budget rows: the rows' sum (the rows are the truth when there are any); a
 * `budgetYuan` sent beside them must equal it, else 400 naming `budgets`. Without rows: `budgetYuan` (default 0).
 * @throws AppError VALIDATION_FAILED
 */
export function proposalBudgetFen(budgetYuan: number | undefined, rows: readonly BudgetFenRow[]): number | undefined {
  const sent = budgetYuan === undefined ? undefined : yuanToFen(budgetYuan, 'budgetYuan');
  if (!rows.length) return sent;
  const total = sumFen(rows.map((r) => r.amountFen));
  if (sent !== undefined && sent !== total) throw new AppError('VALIDATION_FAILED', 'the budget rows do not add up', { issues: [budgetTotalIssue('budgets', total, sent)] });
  return total;
}
