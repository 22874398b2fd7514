import { DICT } from '../dictionaries/dictionaries.ts';
import type { ImportField } from './import-fields.ts';

// Columns of the national exports (全国防返贫监测信息系统 家庭成员信息 roster and 监测对象信息), verbatim as listed in
// national-exports.md §2 and domain-standards §2.1, §1.6, §1.7, §2.5. None is required: a file has a subset.

const f = (key: string, labelZh: string, labelEn: string, group: NonNullable<ImportField['group']>, household: boolean, aliases: string[] = [], dict?: string): ImportField => ({
  key,
  labelZh,
  labelEn,
  required: false,
  household,
  aliases,
  group,
  ...(dict ? { dict } : {}),
});

/** 帮扶措施 columns (free text per category; national code tables 100A39 … 100A55) → dict measure_category code. */
export const MEASURE_COLUMNS: ReadonlyArray<[key: string, category: string, labelZh: string, labelEn: string, aliases: string[]]> = [
  ['measureIndustry', 'industry', '产业帮扶', 'Industry support', ['产业帮扶措施']],
  ['measureEmployment', 'employment', '就业帮扶', 'Employment support', ['就业帮扶措施']],
  ['measureFinance', 'finance', '金融帮扶', 'Financial support', ['金融帮扶措施']],
  ['measurePublicPost', 'public_post', '公益岗位帮扶', 'Public-welfare post support', ['公益岗位帮扶措施']],
  ['measureHealth', 'health', '健康帮扶', 'Health support', ['健康帮扶措施']],
  ['measureCompulsoryEducation', 'compulsory_education', '义务教育保障', 'Compulsory-education guarantee', []],
  ['measureOtherEducation', 'other_education', '教育帮扶', 'Other education support', ['其他教育帮扶']],
  ['measureSocialSecurity', 'social_security', '综合保障', 'Comprehensive social security', ['综合保障措施']],
  ['measureHousing', 'housing', '住房安全保障', 'Housing safety', []],
  ['measureWater', 'water', '饮水安全保障', 'Drinking-water safety', []],
  ['measureSocial', 'social', '社会帮扶', 'Social support', []],
  ['measureRelocation', 'relocation', '搬迁', 'Relocation', ['搬迁帮扶']],
  ['measureLivingConditions', 'living_conditions', '生产生活条件改善', 'Better production and living conditions', []],
  ['measureInfrastructure', 'infrastructure', '基础设施建设', 'Infrastructure', []],
];

/** Income columns (元 per year, 2023 schema 监测户_收支情况) → household_incomes column. */
export const INCOME_COLUMNS: ReadonlyArray<[key: string, column: string, labelZh: string, labelEn: string, aliases: string[]]> = [
  ['incomeWage', 'wage', '工资性收入', 'Wage income', ['工资性收入(元)']],
  ['incomeBusiness', 'business', '生产经营性收入', 'Business income', ['生产经营性收入(元)']],
  ['incomeProperty', 'property', '财产性收入', 'Property income', ['财产性收入(元)']],
  ['incomeTransfer', 'transfer', '转移性收入', 'Transfer income', ['转移性收入(元)']],
  ['incomeBusinessExpense', 'business_expense', '生产经营性支出', 'Business expenses', ['生产经营性支出(元)']],
  ['incomeClaim', 'claim_income', '理赔收入', 'Insurance claim income', ['家庭理赔收入']],
  ['incomeCompliantSelfPaid', 'compliant_self_paid', '合规自付支出', 'Eligible out-of-pocket spending', []],
];

/** The national columns we keep, beside the template's own (HOUSEHOLD_IMPORT_FIELDS). */
export const NATIONAL_IMPORT_FIELDS: ImportField[] = [
  f('province', '省', 'Province', 'location', true, ['省份', '省(自治区、直辖市)']),
  f('city', '市', 'City', 'location', true, ['市(州)', '地市', '市州', '地区']),
  f('county', '县', 'County', 'location', true, ['县(市、区、旗)', '县(市、区)', '县区', '区县']),
  f('township', '乡', 'Township', 'location', true, ['乡(镇)', '乡镇', '乡镇(街道)', '镇']),
  f('village', '村', 'Village', 'location', true, ['行政村', '村(社区)', '村委会', '所在村']),
  f('personNo', '人口编号', 'Person number', 'person', false, ['人编号', '人员编号', '成员编号']),
  f('idType', '证件类型', 'ID document type', 'person', false, [], DICT.idType),
  f('birthDate', '出生日期', 'Date of birth', 'person', false, ['出生年月日']),
  f('ethnicity', '民族', 'Ethnicity', 'person', false, [], DICT.ethnicity),
  f('schoolStatus', '在校生状况', 'School status', 'person', false, ['在校生情况'], DICT.schoolStatus),
  f('workMonths', '务工时间（月）', 'Months in work', 'person', false, ['务工时长(月)', '务工月数', '务工时间']),
  f('disabilityType', '残疾类别', 'Disability type', 'person', false, [], DICT.disabilityType),
  f('disabilityGrade', '残疾等级', 'Disability grade', 'person', false, []),
  f('isLifted', '是否脱贫户', 'Lifted household?', 'household', true, []),
  f('riskEliminated', '风险是否已消除', 'Risk eliminated?', 'monitoring', true, ['风险是否消除']),
  f('eliminationMethod', '风险消除方式', 'Elimination method', 'monitoring', true, [], DICT.eliminationMethod),
  f('monitoringSince', '识别监测时间', 'Monitored since', 'monitoring', true, ['风险识别时间', '首次识别时间', '纳入监测时间']),
  f('eliminatedAt', '消除监测时间', 'Risk eliminated on', 'monitoring', true, ['风险消除时间']),
  ...[1, 2, 3, 4, 5].map((n) =>
    f(
      `risk${n}`,
      `致贫/返贫风险${n}`,
      `Risk ${n}`,
      'monitoring',
      true,
      [`致贫原因${n}`, `返贫致贫风险${n}`, `致贫返贫风险${n}`, ...(n === 1 ? ['主要致贫原因'] : n === 2 ? ['次要致贫原因'] : [])],
      DICT.riskType,
    ),
  ),
  f('housingUnsafe', '是否危房户', 'Dangerous house?', 'conditions', true, ['是否住房出现安全问题']),
  f('waterSolved', '是否解决安全饮用水', 'Safe drinking water?', 'conditions', true, []),
  f('waterUnsafe', '是否饮水出现安全问题', 'Drinking-water problem?', 'conditions', true, []),
  f('educationUnsafe', '是否义务教育阶段适龄儿童少年失学辍学', 'School-age child out of school?', 'conditions', true, []),
  f('medicalUnsafe', '是否有家庭成员未参加城乡居民(职工)基本医疗保险', 'Member without basic medical insurance?', 'conditions', true, []),
  f('incomeYear', '年度', 'Year', 'income', true, ['收入年度', '年份']),
  ...INCOME_COLUMNS.map(([key, , zh, en, aliases]) => f(key, zh, en, 'income', true, aliases)),
  ...MEASURE_COLUMNS.map(([key, , zh, en, aliases]) => f(key, zh, en, 'measure', true, aliases)),
];
