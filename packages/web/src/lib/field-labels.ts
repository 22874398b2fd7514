/**
 * Officer-facing words for what the API and the audit log carry as codes: field keys of households, members,
 * incomes, measures, monitoring cases, users and dictionary items; audit actions and entity types. Used by the
 * audit log, the household history and the error display, so that no screen shows a field key.
 */
export type Label = readonly [zh: string, en: string];

/** How a field's value is shown: a dictionary's label, yes/no (null = not assessed), a date, money. */
export type FieldKind = { dict?: string; bool?: 'secure' | 'yesno'; date?: boolean; money?: boolean; fen?: boolean; hidden?: boolean; role?: boolean };

type FieldDef = Label | readonly [zh: string, en: string, kind: FieldKind];

const HIDDEN: FieldKind = { hidden: true };

/** Fields shared by several tables; technical ones are hidden in change lists. */
const COMMON: Record<string, FieldDef> = {
  id: ['编号', 'ID', HIDDEN],
  householdId: ['所属农户', 'Household', HIDDEN],
  createdAt: ['创建时间', 'Created', HIDDEN],
  updatedAt: ['更新时间', 'Updated', HIDDEN],
  regionCode: ['所属区划代码', 'Region code'],
  note: ['备注', 'Note'],
  phone: ['联系电话', 'Phone'],
  name: ['姓名', 'Name'],
  year: ['年度', 'Year'],
  startDate: ['开始日期', 'Start date', { date: true }],
  endDate: ['结束日期', 'End date', { date: true }],
  exitReason: ['减少原因', 'Reason for leaving', { dict: 'exit_reason' }],
  exitDate: ['减少日期', 'Date left', { date: true }],
  exitNote: ['减少说明', 'Leaving note'],
  monitoringType: ['监测对象类别', 'Monitoring category', { dict: 'monitoring_type' }],
  riskTypes: ['风险类型', 'Risk types', { dict: 'risk_type' }],
  eliminationMethod: ['风险消除方式', 'Elimination method', { dict: 'elimination_method' }],
};

const HOUSEHOLD: Record<string, FieldDef> = {
  householdNo: ['户编号', 'Household number'],
  householdType: ['户类型', 'Household type', { dict: 'household_type' }],
  monitoringStatus: ['监测状态', 'Monitoring status', { dict: 'monitoring_status' }],
  isLifted: ['是否脱贫户', 'Lifted household', { bool: 'yesno' }],
  liftedCategory: ['脱贫户类别', 'Lifted category', { dict: 'lifted_category' }],
  monitoringSince: ['识别监测时间', 'Monitored since', { date: true }],
  eliminatedAt: ['风险消除时间', 'Risk eliminated on', { date: true }],
  housingSecure: ['住房安全', 'Housing secure', { bool: 'secure' }],
  waterSecure: ['饮水安全', 'Drinking water secure', { bool: 'secure' }],
  educationSecure: ['义务教育保障', 'Compulsory education secure', { bool: 'secure' }],
  medicalSecure: ['基本医疗保障', 'Basic medical care secure', { bool: 'secure' }],
  address: ['家庭住址', 'Address'],
  liftedYear: ['脱贫年度', 'Year lifted'],
  deletedAt: ['移出登记时间', 'Removed on', { date: true }],
  members: ['家庭成员', 'Members'],
  headName: ['户主姓名', 'Head of household'],
};

const PERSON: Record<string, FieldDef> = {
  idNumber: ['证件号码', 'ID number'],
  idType: ['证件类型', 'ID type', { dict: 'id_type' }],
  personNo: ['人口编号', 'Person number'],
  ethnicity: ['民族', 'Ethnicity', { dict: 'ethnicity' }],
  gender: ['性别', 'Gender', { dict: 'gender' }],
  birthDate: ['出生日期', 'Date of birth', { date: true }],
  relation: ['与户主关系', 'Relation to head', { dict: 'relation' }],
  isHead: ['是否户主', 'Head of household', { bool: 'yesno' }],
  laborCapacity: ['劳动能力', 'Labour capacity', { dict: 'labor_capacity' }],
  healthStatus: ['健康状况', 'Health status', { dict: 'health_status' }],
  healthStatuses: ['健康状况', 'Health status', { dict: 'health_status' }],
  disabilityType: ['残疾类别', 'Disability type', { dict: 'disability_type' }],
  disabilityGrade: ['残疾等级', 'Disability grade'],
  education: ['文化程度', 'Education', { dict: 'education' }],
  schoolStatus: ['在校生状况', 'School status', { dict: 'school_status' }],
  workMonths: ['务工时间（月）', 'Months worked'],
  employmentStatus: ['务工状况', 'Employment status', { dict: 'employment_status' }],
  employmentPlace: ['务工地点', 'Place of work'],
  wantsTraining: ['有培训意愿', 'Wants training', { bool: 'yesno' }],
  trainedThisYear: ['本年度已培训', 'Trained this year', { bool: 'yesno' }],
  wantsWork: ['就业意愿', 'Wants work', { bool: 'yesno' }],
  employmentChannel: ['就业渠道', 'Employment channel', { dict: 'employment_channel' }],
  employerEntityId: ['务工企业', 'Employer', HIDDEN],
  employerName: ['务工企业名称', 'Employer name'],
  monthlyWageFen: ['务工月收入（元）', 'Monthly wage (yuan)', { fen: true }],
  skills: ['掌握技能', 'Skills'],
};

const INCOME: Record<string, FieldDef> = {
  wage: ['工资性收入', 'Wage income', { money: true }],
  business: ['生产经营性收入', 'Business income', { money: true }],
  businessExpense: ['生产经营性支出', 'Business expenses', { money: true }],
  property: ['财产性收入', 'Property income', { money: true }],
  transfer: ['转移性收入', 'Transfer income', { money: true }],
  claimIncome: ['理赔收入', 'Insurance claims', { money: true }],
  compliantSelfPaid: ['合规自付支出', 'Compliant out-of-pocket costs', { money: true }],
  memberCount: ['计算人口数', 'Household size counted'],
};

const MEASURE: Record<string, FieldDef> = {
  category: ['帮扶措施类别', 'Measure category', { dict: 'measure_category' }],
  description: ['措施内容', 'Description'],
  helperId: ['帮扶责任人', 'Helper', HIDDEN],
  amountYuan: ['金额（元）', 'Amount (yuan)', { money: true }],
};

const CASE: Record<string, FieldDef> = {
  leadSource: ['线索来源', 'Lead source', { dict: 'lead_source' }],
  leadDate: ['线索日期', 'Lead date', { date: true }],
  homeVisitDate: ['入户核实日期', 'Home visit', { date: true }],
  infoCheckDate: ['信息比对日期', 'Data cross-check', { date: true }],
  villageReviewDate: ['民主评议日期', 'Village review', { date: true }],
  publicityStart: ['公示开始', 'Publicity from', { date: true }],
  publicityEnd: ['公示结束', 'Publicity to', { date: true }],
  townshipReviewDate: ['乡镇审核日期', 'Township review', { date: true }],
  countyApprovalDate: ['县级审批日期', 'County approval', { date: true }],
  status: ['监测状态', 'Status', { dict: 'monitoring_status' }],
  eliminationDate: ['风险消除日期', 'Elimination date', { date: true }],
  incomeStableSince: ['收入稳定起始日期', 'Income stable since', { date: true }],
  stage: ['办理环节', 'Stage', { dict: 'case_stage' }],
  returnReason: ['退回原因', 'Reason returned'],
  returnedAt: ['退回时间', 'Returned on', { date: true }],
  commitmentDate: ['承诺授权书签订日期', 'Commitment signed', { date: true }],
  elimHomeVisitDate: ['消除入户核实日期', 'Elimination home visit', { date: true }],
  elimPublicityStart: ['消除公示开始', 'Elimination publicity from', { date: true }],
  elimPublicityEnd: ['消除公示结束', 'Elimination publicity to', { date: true }],
  elimTownshipReviewDate: ['消除乡镇审核日期', 'Elimination township review', { date: true }],
  elimCountyApprovalDate: ['消除县级审批日期', 'Elimination county approval', { date: true }],
  rigidExpenseResolved: ['大额刚性支出已解决', 'Large rigid expenses resolved', { bool: 'yesno' }],
  noNewRisk: ['无新增风险', 'No new risk', { bool: 'yesno' }],
};

const USER: Record<string, FieldDef> = {
  username: ['登录名', 'User name'],
  displayName: ['姓名', 'Name'],
  role: ['角色', 'Role', { role: true }],
  active: ['启用', 'Active', { bool: 'yesno' }],
  passwordChanged: ['已重设密码', 'Password reset', { bool: 'yesno' }],
  passwordHash: ['密码', 'Password', HIDDEN],
};

const DICT_ITEM: Record<string, FieldDef> = {
  dictCode: ['字典', 'Dictionary'],
  code: ['代码', 'Code'],
  labelZh: ['中文名称', 'Chinese label'],
  labelEn: ['英文名称', 'English label'],
  sort: ['排序', 'Order'],
  parentCode: ['上级代码', 'Parent code'],
  attrs: ['附加属性', 'Attributes', HIDDEN],
};

const HELPER: Record<string, FieldDef> = {
  helperId: ['帮扶责任人', 'Helper', HIDDEN],
  role: ['帮扶身份', 'Helper role', { dict: 'helper_role' }],
  organisation: ['工作单位', 'Organisation'],
};

/** 行政区划 (entityType region): level and prefix follow from the code and never change. */
const REGION: Record<string, FieldDef> = {
  code: ['区划代码', 'Region code'],
  name: ['名称', 'Name'],
  level: ['级别', 'Level', HIDDEN],
  prefix: ['代码前缀', 'Code prefix', HIDDEN],
  parentCode: ['上级区划代码', 'Parent region code'],
  urbanRuralCode: ['城乡分类代码', 'Urban-rural code'],
  retiredAt: ['撤销日期', 'Retired on', { date: true }],
};

/** 联农带农 (linkages): the amount is stored in 分 (`income_fen`). */
const LINKAGE: Record<string, FieldDef> = {
  entityId: ['带动主体', 'Entity', HIDDEN],
  projectId: ['所属项目', 'Project', HIDDEN],
  mode: ['联农带农方式', 'Linkage mode', { dict: 'linkage_mode' }],
  incomeFen: ['收入（元）', 'Income (yuan)', { fen: true }],
  incomeType: ['收入类型', 'Income type', { dict: 'income_type' }],
  carriedAt: ['计入当年收入时间', 'Carried into income', { date: true }],
};

/** 小额信贷 (loans) and 设施农业补助: amounts stored in 分. */
const LOAN: Record<string, FieldDef> = {
  personId: ['借款人', 'Borrower', HIDDEN],
  amountFen: ['贷款金额（元）', 'Amount (yuan)', { fen: true }],
  termMonths: ['期限（月）', 'Term (months)'],
  annualRate: ['年利率', 'Annual rate'],
  startDate: ['放款日期', 'Disbursed on', { date: true }],
  maturityDate: ['到期日期', 'Matures on', { date: true }],
  needsAndCanRepay: ['有需求能还款', 'Needs and can repay'],
  purpose: ['用途', 'Purpose'],
  lender: ['放款银行', 'Lender'],
  interestSubsidyFen: ['贴息（元）', 'Interest subsidy (yuan)', { fen: true }],
  loanId: ['贷款', 'Loan', HIDDEN],
  paidOn: ['还款日期', 'Paid on', { date: true }],
  principalFen: ['还本（元）', 'Principal (yuan)', { fen: true }],
  interestFen: ['付息（元）', 'Interest (yuan)', { fen: true }],
  areaMu: ['面积（亩）', 'Area (mu)'],
  packId: ['政策包', 'Policy pack', HIDDEN],
};

/** 帮扶项目资产 and their half-year income (issue 8): value and income stored in 分. */
const ASSET: Record<string, FieldDef> = {
  assetNo: ['资产编号', 'Asset number'],
  name: ['资产名称', 'Asset name'],
  projectId: ['形成项目', 'Project', HIDDEN],
  category: ['资产类别', 'Category', { dict: 'asset_category' }],
  valueFen: ['资产原值（元）', 'Value (yuan)', { fen: true }],
  valueYuan: ['资产原值（元）', 'Value (yuan)'],
  formedOn: ['形成日期', 'Formed on', { date: true }],
  location: ['坐落位置', 'Location'],
  ownerKind: ['确权所有者类型', 'Owner after titling', { dict: 'asset_owner_kind' }],
  ownerName: ['所有权人', 'Owner'],
  confirmedOn: ['确权日期', 'Titled on', { date: true }],
  managementLevel: ['管理层级', 'Management level', { dict: 'asset_management_level' }],
  operatorEntityId: ['经营主体', 'Operator', HIDDEN],
  operatingMode: ['经营方式', 'Operating arrangement', { dict: 'asset_operation_mode' }],
  assetClass: ['“四个一批”分类', 'Four-batch class', { dict: 'asset_class' }],
  classReason: ['分类理由', 'Reason for the class'],
  status: ['状态', 'Status', HIDDEN],
  disposedOn: ['处置日期', 'Disposed on', { date: true }],
  disposalReason: ['处置原因', 'Reason for disposal'],
  assetId: ['资产', 'Asset', HIDDEN],
  half: ['半年（1 上半年，2 下半年）', 'Half (1 = H1, 2 = H2)'],
  incomeFen: ['收益（元）', 'Income (yuan)', { fen: true }],
  incomeYuan: ['收益（元）', 'Income (yuan)'],
  stocktakeOn: ['盘点日期', 'Stock-take date', { date: true }],
};

/** 技能培训 and their participants (issue 8 §6). */
const TRAINING: Record<string, FieldDef> = {
  course: ['培训名称', 'Course'],
  provider: ['培训机构', 'Provider'],
  startsOn: ['开始日期', 'Starts on', { date: true }],
  endsOn: ['结束日期', 'Ends on', { date: true }],
  skill: ['所授技能', 'Skill taught'],
  certificate: ['证书类型', 'Certificate', { dict: 'training_certificate' }],
  trainingId: ['培训', 'Training', HIDDEN],
  personId: ['人员', 'Person', HIDDEN],
  completed: ['是否结业', 'Completed', { bool: 'yesno' }],
  certificateNo: ['证书编号', 'Certificate number'],
  participants: ['参训人员', 'Participants', HIDDEN],
};

const BY_ENTITY: Record<string, Record<string, FieldDef>> = {
  linkage: LINKAGE,
  loan: LOAN,
  loan_repayment: LOAN,
  asset: ASSET,
  asset_income: ASSET,
  training: TRAINING,
  training_participant: TRAINING,
  facility_subsidy: { ...LOAN, amountFen: ['补助金额（元）', 'Subsidy (yuan)', { fen: true }], kind: ['补助类别', 'Subsidy kind'] },
  region: REGION,
  household: HOUSEHOLD,
  households: HOUSEHOLD,
  person: PERSON,
  household_income: INCOME,
  support_measure: MEASURE,
  monitoring_case: CASE,
  user: USER,
  dictionary_item: DICT_ITEM,
  helper: HELPER,
  household_helper: HELPER,
};

// ASSET first: its words only name keys no older table uses (assetNo, valueYuan, classReason … in error paths)
const ALL: Record<string, FieldDef> = { ...ASSET, ...DICT_ITEM, ...USER, ...HELPER, ...CASE, ...MEASURE, ...INCOME, ...PERSON, ...HOUSEHOLD, ...COMMON };

/** A field's words and display kind; entity-specific first, then any table's. Unknown keys → undefined. */
export function fieldDef(entityType: string | undefined, key: string): { zh: string; en: string; kind: FieldKind } | undefined {
  const def = (entityType ? (BY_ENTITY[entityType]?.[key] ?? COMMON[key]) : undefined) ?? ALL[key];
  if (!def) return undefined;
  return { zh: def[0], en: def[1], kind: def[2] ?? {} };
}

/** Audit actions in words (unknown codes fall back to 其他操作 with the code kept out of sight). */
export const ACTION_LABELS: Record<string, Label> = {
  create: ['新增', 'Created'],
  update: ['修改', 'Updated'],
  delete: ['删除', 'Deleted'],
  restore: ['恢复', 'Restored'],
  exit: ['自然减少', 'Left the registry'],
  login: ['登录', 'Logged in'],
  export: ['导出', 'Exported'],
  import: ['导入', 'Imported'],
  eliminate: ['风险消除', 'Risk eliminated'],
  approve: ['审批通过', 'Approved'],
  review: ['审核通过', 'Reviewed'],
  return: ['退回', 'Returned'],
  advance: ['办理', 'Advanced'],
  retire: ['撤销', 'Retired'],
  rename: ['更名', 'Renamed'],
  carry: ['计入当年收入', 'Carried into income'],
  close: ['注销/停业', 'Closed'],
  reopen: ['恢复经营', 'Reopened'],
  import_create: ['导入新增', 'Imported (new)'],
  import_update: ['导入更新', 'Imported (updated)'],
  update_budgets: ['修改资金预算', 'Budget changed'],
  update_beneficiaries: ['修改受益农户', 'Beneficiaries changed'],
  allocate_funds: ['安排资金', 'Funds allocated'],
  project_submit: ['项目申报', 'Project submitted'],
  project_withdraw: ['撤回申报', 'Project withdrawn'],
  project_township_review: ['乡镇审核', 'Township review'],
  project_return: ['退回', 'Returned'],
  project_publicise: ['公示', 'Publicised'],
  project_approve_entry: ['县级审定入库', 'Entered into the library'],
  project_reject: ['不予入库', 'Rejected'],
  project_start: ['开工实施', 'Implementation started'],
  project_accept: ['项目验收', 'Accepted'],
  project_evaluate: ['绩效评价', 'Evaluated'],
  class_change: ['调整“四个一批”分类', 'Class changed'],
  dispose: ['资产处置', 'Disposed'],
};

/** Audit entity types in words. */
export const ENTITY_LABELS: Record<string, Label> = {
  household: ['农户', 'Household'],
  households: ['农户（批量）', 'Households (bulk)'],
  person: ['家庭成员', 'Member'],
  household_income: ['收入', 'Income'],
  support_measure: ['帮扶措施', 'Support measure'],
  monitoring_case: ['监测识别与风险消除', 'Monitoring case'],
  household_helper: ['结对帮扶', 'Helper assignment'],
  helper: ['帮扶责任人', 'Helper'],
  user: ['用户', 'User'],
  dictionary_item: ['字典项', 'Dictionary item'],
  setting: ['政策包设置', 'Policy pack setting'],
  monitoring_line: ['监测范围（收入标准）', 'Monitoring line'],
  region: ['行政区划', 'Region'],
  regions: ['行政区划（批量）', 'Regions (bulk)'],
  import_job: ['导入任务', 'Import job'],
  import_mapping: ['导入列对应方案', 'Import mapping'],
  linkage: ['联农带农', 'Farmer linkage'],
  entity: ['经营主体', 'Business entity'],
  entity_backbone: ['技术骨干', 'Technical backbone'],
  industry: ['产业', 'Industry'],
  industry_chain: ['产业链', 'Industry chain'],
  chain_link: ['产业链环节', 'Chain link'],
  project: ['项目', 'Project'],
  fund_source: ['资金来源', 'Fund source'],
  fund_allocation: ['资金安排', 'Fund allocation'],
  loan: ['小额信贷', 'Microcredit loan'],
  loan_repayment: ['小额信贷还款', 'Loan repayment'],
  facility_subsidy: ['设施农业补助', 'Facility subsidy'],
  asset: ['帮扶项目资产', 'Project asset'],
  asset_income: ['资产收益', 'Asset income'],
  training: ['技能培训', 'Training'],
  training_participant: ['参训人员', 'Training participant'],
};

/** Entity types that belong to a household (the audit log names the household for these). */
export const HOUSEHOLD_ENTITY_TYPES = [
  'household',
  'person',
  'household_income',
  'support_measure',
  'monitoring_case',
  'household_helper',
  'linkage',
  'loan',
  'loan_repayment',
  'facility_subsidy',
  'training_participant',
];
