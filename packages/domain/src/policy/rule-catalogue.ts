import type { FactsKind } from './policy.types.ts';

/** A rule of the DOMAIN.md catalogue, whether or not it is implemented yet. */
export type RuleCatalogueEntry = { id: string; titleZh: string; titleEn: string; factsKind: FactsKind };

/** Every rule id of DOMAIN.md "Rule catalogue" with its title (stable ids; packs configure them per region). */
export const RULE_CATALOGUE: RuleCatalogueEntry[] = [
  { id: 'F1', factsKind: 'fund', titleZh: '衔接资金用于产业发展占比不低于阈值且逐年提升', titleEn: 'Share of linkage funds for industry ≥ threshold, rising yearly' },
  {
    id: 'F2',
    factsKind: 'fund',
    titleZh: '特色产业资金（含配套）占产业项目资金比例不低于阈值且高于上年',
    titleEn: 'Specialty-industry funds ≥ threshold of industry project funds and above last year',
  },
  { id: 'F3', factsKind: 'fund', titleZh: '市级安排到县衔接资金用于产业发展比例不低于阈值', titleEn: 'Linkage funds allocated to counties: industry share ≥ threshold' },
  { id: 'F4', factsKind: 'fund', titleZh: '衔接资金产业占比及主导产业全链条资金占比', titleEn: 'Linkage-fund industry share and leading-chain share of industry funds' },
  { id: 'F5', factsKind: 'fund', titleZh: '每个乡镇谋划产业项目资金不低于阈值且逐年提升', titleEn: 'Each township plans industry projects ≥ amount, rising yearly' },
  { id: 'P1', factsKind: 'project', titleZh: '先入库后建设：未入库项目不得安排资金、不得开工', titleEn: 'Library first: no funding or start outside the project library' },
  {
    id: 'P2',
    factsKind: 'fund',
    titleZh: '项目库特色产业项目资金占产业项目比例不低于阈值且高于上年',
    titleEn: 'Specialty-industry projects ≥ threshold of library industry projects, above last year',
  },
  { id: 'P3', factsKind: 'project', titleZh: '每个产业项目至少落实规定数量的联农带农方式', titleEn: 'Every industry project has at least N linkage modes' },
  { id: 'P4', factsKind: 'project', titleZh: '入库审核须审查效益、利益联结、组织方式、后续运营', titleEn: 'Library review checks benefit, linkage, organisation, after-operation' },
  { id: 'P5', factsKind: 'fund', titleZh: '每县重点选择 2—3 个特色主导产业', titleEn: 'Each county picks 2–3 leading specialty industries' },
  {
    id: 'P6',
    factsKind: 'project',
    titleZh: '产业集群、产业强镇项目吸纳或带动脱贫人口（户）不少于阈值',
    titleEn: 'Cluster / strong-town projects employ or drive ≥ N lifted people or households',
  },
  {
    id: 'H1',
    factsKind: 'household',
    titleZh: '有劳动能力的监测户至少落实一项开发式帮扶措施',
    titleEn: 'Every monitored household with labour capacity has ≥ 1 development-type measure',
  },
  { id: 'H2', factsKind: 'coverage', titleZh: '脱贫户和监测户从产业链中获得稳定收入的比例', titleEn: 'Share of lifted + monitored households with stable industry-chain income' },
  {
    id: 'H3',
    factsKind: 'coverage',
    titleZh: '有劳动能力和条件的脱贫户、监测户户户有产业项目',
    titleEn: 'Every lifted/monitored household with labour and conditions has an industry project',
  },
  { id: 'H4', factsKind: 'worker', titleZh: '有劳动能力和就业意愿的脱贫人口人人有技能、有岗位', titleEn: 'Every willing lifted/monitored worker has a skill and a job' },
  { id: 'H5', factsKind: 'coverage', titleZh: '脱贫户、监测户家家有增收渠道和稳定收入', titleEn: 'Every lifted/monitored household has an income channel and stable income' },
  { id: 'H6', factsKind: 'coverage', titleZh: '脱贫人口收入增速高于当地农民', titleEn: 'Income growth of lifted people above local farmers' },
  { id: 'H7', factsKind: 'worker', titleZh: '有意愿的脱贫劳动力每年至少接受一次培训', titleEn: 'Every willing lifted worker trained at least once a year' },
  { id: 'E1', factsKind: 'village', titleZh: '每个行政村至少一家农民专业合作社', titleEn: 'Every village has ≥ 1 farmer cooperative' },
  { id: 'E2', factsKind: 'village', titleZh: '每个村、每个合作社至少一名农业技术骨干', titleEn: 'Every village and cooperative has ≥ 1 technical backbone' },
  { id: 'E3', factsKind: 'village', titleZh: '党支部领办村集体经济合作组织的行政村比例', titleEn: 'Share of villages with a party-branch-led collective cooperative' },
  { id: 'E4', factsKind: 'village', titleZh: '实现龙头企业和合作社带动的行政村比例', titleEn: 'Share of villages driven by enterprises and cooperatives' },
  {
    id: 'E5',
    factsKind: 'entity',
    titleZh: '市级以上农业龙头企业数量；主导产业均有大型龙头企业支撑',
    titleEn: 'City-level-or-above leading enterprises ≥ N; each leading industry backed',
  },
  { id: 'J1', factsKind: 'job_subsidy', titleZh: '跨省就业脱贫人口和监测对象一次性交通补助上限', titleEn: 'Cross-province travel subsidy cap' },
  { id: 'J2', factsKind: 'job_subsidy', titleZh: '脱贫人口自主创业一次性创业补贴', titleEn: 'One-off start-up subsidy' },
  { id: 'J3', factsKind: 'job_subsidy', titleZh: '吸纳脱贫人口和监测对象稳定就业满规定月数给予一次性吸纳就业补贴', titleEn: 'Hiring subsidy after N months of stable employment' },
  { id: 'J4', factsKind: 'employer', titleZh: '安置区加工园区吸纳脱贫人口比例；公益性岗位安置脱贫劳动力比例', titleEn: 'Relocation-park and public-post shares of lifted labour' },
  { id: 'J5', factsKind: 'post', titleZh: '公益性岗位按需设岗、以岗聘任、在岗领补、有序退岗', titleEn: 'Public-welfare post lifecycle' },
  { id: 'S1', factsKind: 'subsidy', titleZh: '设施农业与特色种植补助标准', titleEn: 'Greenhouse and specialty-planting subsidy rates' },
  { id: 'C1', factsKind: 'loan', titleZh: '脱贫人口小额信贷条件与贴息', titleEn: 'Microcredit terms and interest subsidy' },
  { id: 'A1', factsKind: 'asset', titleZh: '资产运营收益不低于同期银行基准利率', titleEn: 'Asset income ≥ bank benchmark rate' },
  {
    id: 'A2',
    factsKind: 'distribution',
    titleZh: '村集体产业收益用于脱贫群众和监测对象的比例',
    titleEn: 'Share of village collective industry income to lifted/monitored households',
  },
  { id: 'A3', factsKind: 'asset', titleZh: '资产收益定期集中盘点', titleEn: 'Periodic asset-income stock-take' },
  { id: 'A4', factsKind: 'asset', titleZh: '资产分类处置（四个一批）与分级管理', titleEn: 'Asset classes and management levels' },
  { id: 'K1', factsKind: 'assessment', titleZh: '村级产业帮扶年度考核', titleEn: 'Village-level yearly assessment of industry support' },
  { id: 'K2', factsKind: 'assessment', titleZh: '督导发现问题定人定责、跟踪整改', titleEn: 'Supervision findings assigned and tracked to rectification' },
];
