import type { Issue } from '../errors.ts';
import { DICT, getDictItems, resolveDictCode } from '../dictionaries/dictionaries.ts';
import { cellToAmount, cellToText, cellToYear } from '../households/cell-values.ts';
import { moneyIssue } from '../money/money.ts';

/**
 * The 项目库 file (issue 7 §5): one row per project, the columns of the export (阶段 is read-only). A row without a
 * 项目编号, or with a new one, proposes a project (stage 谋划); one naming a project of the user's area updates it
 * (while it is 谋划); issues name the row and the column as the file names it.
 */
export const PROJECT_IMPORT_COLUMNS = [
  {
    key: 'projectNo',
    header: '项目编号',
    width: 22,
    note: '选填；空则自动编号（XM + 年度 + 乡镇代码 + 序号）；填写本辖区已有项目的编号则更新该项目（仅限谋划或退回修改的项目，实施地点不能修改）',
  },
  { key: 'name', header: '项目名称', required: true, width: 30 },
  { key: 'regionCode', header: '实施地点代码', aliases: ['区划代码', '实施地点区划代码'], required: true, width: 16, note: '乡镇或行政村的 12 位统计用区划代码' },
  { key: 'regionName', header: '实施地点', width: 16, note: '仅供核对，不导入' },
  { key: 'year', header: '计划年度', aliases: ['年度'], required: true, width: 8 },
  {
    key: 'projectType',
    header: '项目类型',
    required: true,
    width: 14,
    note: '产业发展、就业项目、乡村建设行动、巩固三保障成果、易地搬迁后扶、乡村治理和精神文明建设、项目管理费、其他',
  },
  { key: 'projectSubtype', header: '项目子类型', width: 16, note: '选填，须属于项目类型，如 生产项目、加工流通项目、配套设施项目' },
  { key: 'budgetYuan', header: '总投资（元）', aliases: ['总投资', '投资（元）', '总投资(元)'], width: 14, note: '元，最多两位小数' },
  { key: 'linkageModes', header: '联农带农方式', width: 24, note: '多个用顿号分隔，如 股份合作、务工就业；产业项目须至少 2 种才能入库' },
  { key: 'drivenHouseholds', header: '带动脱贫户数', aliases: ['带动户数'], width: 10 },
  { key: 'drivenPersons', header: '带动脱贫人数', aliases: ['带动人数', '吸纳就业人数'], width: 10 },
  { key: 'isClusterProject', header: '是否产业集群项目', aliases: ['产业集群项目'], width: 10, note: '是 / 否（国家产业集群、产业强镇项目）' },
  { key: 'constructionContent', header: '建设内容', width: 30 },
  { key: 'performanceTarget', header: '绩效目标', width: 30 },
  { key: 'stage', header: '阶段', width: 12, note: '仅供核对，不导入（导入的项目为谋划阶段）' },
  { key: 'note', header: '备注', width: 20 },
] as const;
export type ProjectImportKey = (typeof PROJECT_IMPORT_COLUMNS)[number]['key'];

/** A checked row (codes resolved from labels). */
export type ProjectImportRecord = {
  projectNo: string | null;
  name: string;
  regionCode: string;
  year: number;
  projectType: string;
  projectSubtype: string | null;
  budgetYuan: number;
  linkageModes: string[];
  drivenHouseholds: number | null;
  drivenPersons: number | null;
  isClusterProject: boolean;
  constructionContent: string | null;
  performanceTarget: string | null;
  note: string | null;
};

const count = (v: unknown): number | null | undefined => {
  const t = cellToText(v).trim();
  if (!t) return null;
  const n = Number(t);
  return Number.isInteger(n) && n >= 0 && n <= 10_000_000 ? n : undefined;
};

/** Checks one row of the file: required cells, codes or labels of the dictionaries, money, counts. */
export function checkProjectImportRow(
  row: number,
  cells: Partial<Record<ProjectImportKey, unknown>>,
  columnName: (key: ProjectImportKey) => string,
): { record: ProjectImportRecord | null; issues: Issue[] } {
  const issues: Issue[] = [];
  const add = (key: ProjectImportKey, value: unknown, messageZh: string, messageEn: string) => issues.push({ row, path: columnName(key), field: key, value, messageZh, messageEn });
  const text = (k: ProjectImportKey) => cellToText(cells[k]).trim();
  const types = getDictItems(DICT.projectType);

  const projectNo = text('projectNo') || null;
  if (projectNo && !/^[0-9A-Za-z-]{1,32}$/.test(projectNo))
    add('projectNo', projectNo, '项目编号只能由字母、数字和“-”组成，最长 32 位', 'the project number: letters, digits and -, at most 32');
  const name = text('name');
  if (!name) add('name', '', '项目名称不能为空', 'the project name is required');
  else if (name.length > 128) add('name', name, '项目名称最长 128 字', 'the name is longer than 128 characters');
  const regionCode = text('regionCode');
  if (!/^\d{12}$/.test(regionCode))
    add('regionCode', regionCode, regionCode ? '实施地点代码须为 12 位区划代码' : '实施地点代码不能为空', 'the place must be a 12-digit region code');
  const year = cellToYear(cells.year);
  if (year === null || Number.isNaN(year) || year < 2000 || year > 2100)
    add('year', text('year'), year === null ? '计划年度不能为空' : '计划年度无法识别，请填写如 2025', 'the plan year is required (e.g. 2025)');
  const typeText = text('projectType');
  const projectType = resolveDictCode(types, typeText);
  if (!projectType || types.find((i) => i.code === projectType)?.parentCode)
    add('projectType', typeText, typeText ? `项目类型“${typeText}”不存在` : '项目类型不能为空', typeText ? `unknown project type "${typeText}"` : 'the project type is required');
  const subText = text('projectSubtype');
  const projectSubtype = subText ? resolveDictCode(types, subText) : null;
  if (subText && (!projectSubtype || types.find((i) => i.code === projectSubtype)?.parentCode !== projectType)) {
    add('projectSubtype', subText, `项目子类型“${subText}”不属于项目类型“${typeText}”`, `the subtype "${subText}" is not under "${typeText}"`);
  }
  const budget = text('budgetYuan') ? cellToAmount(cells.budgetYuan) : 0;
  const money = budget === null || Number.isNaN(budget) ? null : moneyIssue(budget, columnName('budgetYuan'));
  if (budget === null || Number.isNaN(budget)) add('budgetYuan', text('budgetYuan'), '总投资须为数字（元）', 'the budget must be a number (yuan)');
  else if (money) add('budgetYuan', budget, money.messageZh, money.messageEn);
  const modes: string[] = [];
  for (const part of text('linkageModes')
    .split(/[、，,;；/\s]+/)
    .filter(Boolean)) {
    const code = resolveDictCode(getDictItems(DICT.linkageMode), part);
    if (!code) add('linkageModes', part, `联农带农方式“${part}”不存在`, `unknown linkage mode "${part}"`);
    else if (!modes.includes(code)) modes.push(code);
  }
  const households = count(cells.drivenHouseholds);
  if (households === undefined) add('drivenHouseholds', text('drivenHouseholds'), '带动脱贫户数须为非负整数', 'households driven must be a whole number');
  const persons = count(cells.drivenPersons);
  if (persons === undefined) add('drivenPersons', text('drivenPersons'), '带动脱贫人数须为非负整数', 'people driven must be a whole number');
  const cluster = text('isClusterProject');
  if (cluster && !['是', '否', 'Y', 'N', '1', '0'].includes(cluster)) add('isClusterProject', cluster, '是否产业集群项目须填“是”或“否”', 'fill 是 or 否');
  if (issues.length || !projectType || year === null || budget === null) return { record: null, issues };
  return {
    record: {
      projectNo,
      name,
      regionCode,
      year,
      projectType,
      projectSubtype: projectSubtype ?? null,
      budgetYuan: budget,
      linkageModes: modes,
      drivenHouseholds: households ?? null,
      drivenPersons: persons ?? null,
      isClusterProject: cluster === '是' || cluster === 'Y' || cluster === '1',
      constructionContent: text('constructionContent') || null,
      performanceTarget: text('performanceTarget') || null,
      note: text('note') || null,
    },
    issues,
  };
}
