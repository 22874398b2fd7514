import type { Dictionary } from './dictionary.types.ts';
import { makeItems } from './dictionary.types.ts';

/**
 * The industry system's vocabularies (issue 7). Sources: DOMAIN.md "Economy", seeds 000 §四–五, 001 §二(一), 002 §二,
 * 004 §二–六, domain-standards §3 (project library).
 */
export const INDUSTRY_DICTIONARIES: Dictionary[] = [
  {
    code: 'entity_level',
    nameZh: '主体级别',
    nameEn: 'Entity grade',
    // 龙头企业 国家/省/市/县级; 农民合作社示范社 国家/省/市/县级 (DOMAIN.md 经营主体; 003 §二(四)4 市级以上龙头企业)
    items: makeItems([
      ['national', '国家级', 'National', { attrs: { rank: 4, aliases: ['国家重点', '国家级重点龙头企业'] } }],
      ['provincial', '省级', 'Provincial', { attrs: { rank: 3, aliases: ['省重点'] } }],
      ['city', '市级', 'City', { attrs: { rank: 2, aliases: ['市重点'] } }],
      ['county', '县级', 'County', { attrs: { rank: 1, aliases: ['区级', '县(区)级'] } }],
    ]),
  },
  {
    code: 'backbone_kind',
    nameZh: '技术人员类别',
    nameEn: 'Technical staff kind',
    // 000 §五(二) 科技人员到村到户: 科技特派员, 农业技术骨干
    items: makeItems([
      ['backbone', '农业技术骨干', 'Agricultural technical backbone', { attrs: { aliases: ['技术骨干'] } }],
      ['tech_commissioner', '科技特派员', 'Technology commissioner'],
      ['expert', '农技专家', 'Agronomist', { attrs: { aliases: ['专家'] } }],
    ]),
  },
  {
    code: 'industry_category',
    nameZh: '产业门类',
    nameEn: 'Industry category',
    // 000 §四(一)2 (果品, 大枣, 大棚蔬菜, 乡村旅游), 003 §二(四)1 (果品、食用菌、中药材、蔬菜、畜牧), 004 §二
    items: makeItems([
      ['fruit', '果品', 'Fruit'],
      ['vegetable', '蔬菜', 'Vegetables', { attrs: { aliases: ['大棚蔬菜'] } }],
      ['grain_oil', '粮油', 'Grain and oil crops'],
      ['edible_fungi', '食用菌', 'Edible fungi'],
      ['herb', '中药材', 'Medicinal herbs', { attrs: { aliases: ['药茶'] } }],
      ['livestock', '畜牧养殖', 'Livestock', { attrs: { aliases: ['养殖', '畜牧'] } }],
      ['processing', '农产品加工', 'Processing', { attrs: { aliases: ['加工'] } }],
      ['tourism', '乡村旅游', 'Rural tourism', { attrs: { aliases: ['休闲农业', '康养', '民宿'] } }],
      ['ecommerce', '农村电商', 'Rural e-commerce', { attrs: { aliases: ['电商'] } }],
      ['handicraft', '特色手工', 'Handicraft'],
      ['other', '其他', 'Other'],
    ]),
  },
  {
    code: 'industry_kind',
    nameZh: '产业类型',
    nameEn: 'Industry kind',
    // 000 一 (传统优势产业, 新兴特色产业); 001 §二(一)5, 002 §二(二)2, 004 §三 (2–3 个特色主导产业, P5)
    items: makeItems([
      ['leading', '特色主导产业', 'Leading specialty industry', { attrs: { aliases: ['主导产业'] } }],
      ['emerging', '新兴特色产业', 'Emerging industry', { attrs: { aliases: ['新兴产业'] } }],
      ['traditional', '传统优势产业', 'Traditional industry', { attrs: { aliases: ['传统产业'] } }],
    ]),
  },
  {
    code: 'industry_tier',
    nameZh: '产业定位',
    nameEn: 'Industry tier',
    // 003 §二(四)2 一镇一特、一村一品; DOMAIN.md 一县一业
    items: makeItems([
      ['county_one', '一县一业', 'One county, one industry'],
      ['township_one', '一镇一特', 'One township, one specialty'],
      ['village_one', '一村一品', 'One village, one product'],
    ]),
  },
  {
    code: 'chain_link_kind',
    nameZh: '产业链环节',
    nameEn: 'Chain link',
    // DOMAIN.md 产业谱系 / 产业链图谱 (环节); 000 §四(一)3, §五(一); 002 §二(二)3
    items: makeItems([
      ['base', '基地建设', 'Production base', { attrs: { aliases: ['基地'] } }],
      ['breeding', '良种繁育', 'Seed and breed supply', { attrs: { aliases: ['育苗', '良种'] } }],
      ['pest_control', '病虫害防控', 'Pest control'],
      ['production', '生产', 'Production', { attrs: { aliases: ['种植', '养殖'] } }],
      ['processing', '加工', 'Processing', { attrs: { aliases: ['精深加工', '初加工'] } }],
      ['cold_chain', '冷链物流', 'Cold chain and logistics', { attrs: { aliases: ['仓储', '物流'] } }],
      ['brand', '品牌', 'Brand'],
      ['sales', '销售', 'Sales', { attrs: { aliases: ['营销', '电商销售'] } }],
      ['tech_service', '科技服务', 'Technical services'],
      ['training', '人才培训', 'Training'],
    ]),
  },
  {
    code: 'project_type',
    nameZh: '项目类型',
    nameEn: 'Project type',
    // domain-standards §3.2: level 1 confirmed (闽乡振综〔2022〕36号); level 2 from the national taxonomy, to verify
    // against the province's current 项目库指南 (attrs.unconfirmed)
    items: makeItems([
      ['industry', '产业发展', 'Industry development', { attrs: { aliases: ['产业发展类', '产业项目'] } }],
      ['employment', '就业项目', 'Employment', { attrs: { aliases: ['就业类', '就业'] } }],
      ['rural_construction', '乡村建设行动', 'Rural construction', { attrs: { aliases: ['乡村建设行动类', '乡村建设'] } }],
      ['three_guarantees', '巩固三保障成果', 'Three guarantees', { attrs: { aliases: ['巩固三保障成果类'] } }],
      ['relocation_support', '易地搬迁后扶', 'Post-relocation support'],
      ['governance', '乡村治理和精神文明建设', 'Rural governance'],
      ['management_fee', '项目管理费', 'Project management fee'],
      ['other', '其他', 'Other', { attrs: { aliases: ['其他类'] } }],
      ['production', '生产项目', 'Production', { parentCode: 'industry', attrs: { unconfirmed: true } }],
      ['processing_distribution', '加工流通项目', 'Processing and distribution', { parentCode: 'industry', attrs: { unconfirmed: true } }],
      ['supporting_facilities', '配套设施项目', 'Supporting facilities', { parentCode: 'industry', attrs: { unconfirmed: true, aliases: ['配套设施'] } }],
      ['service_support', '产业服务支撑项目', 'Industry services', { parentCode: 'industry', attrs: { unconfirmed: true } }],
      ['finance_insurance', '金融保险配套项目', 'Finance and insurance', { parentCode: 'industry', attrs: { unconfirmed: true } }],
      ['wage_subsidy', '务工补助', 'Work subsidies', { parentCode: 'employment', attrs: { unconfirmed: true } }],
      ['work_relief', '以工代赈', 'Work relief', { parentCode: 'employment', attrs: { unconfirmed: true } }],
      ['public_post', '公益性岗位', 'Public-welfare posts', { parentCode: 'employment', attrs: { unconfirmed: true } }],
      ['infrastructure', '农村基础设施', 'Rural infrastructure', { parentCode: 'rural_construction', attrs: { unconfirmed: true } }],
      ['public_service', '农村公共服务', 'Rural public services', { parentCode: 'rural_construction', attrs: { unconfirmed: true } }],
      ['living_environment', '人居环境整治', 'Living environment', { parentCode: 'rural_construction', attrs: { unconfirmed: true } }],
    ]),
  },
  {
    code: 'project_stage',
    nameZh: '项目阶段',
    nameEn: 'Project stage',
    // 先入库后建设 (001 §二(一)5); domain-standards §3.3: 申报 → 审核 → 论证/审定 → 公示 → 入库 → 资金安排 → 实施 → 验收 → 绩效评价
    items: makeItems([
      ['draft', '谋划', 'Planned'],
      ['submitted', '已申报待审核', 'Submitted for review'],
      ['reviewed', '已审核待公示', 'Reviewed, to be publicised'],
      ['publicised', '公示中', 'Under publicity'],
      ['in_library', '已入库', 'In the library'],
      ['funded', '已安排资金', 'Funded'],
      ['implementing', '实施中', 'Being implemented'],
      ['accepted', '已验收', 'Accepted'],
      ['evaluated', '已绩效评价', 'Evaluated'],
      ['rejected', '未通过', 'Rejected'],
      ['withdrawn', '已撤回', 'Withdrawn'],
    ]),
  },
  {
    code: 'fund_level',
    nameZh: '资金级次',
    nameEn: 'Fund level',
    // DOMAIN.md 衔接资金 (中央/省/市/县); issue 7 §6
    items: makeItems([
      ['central', '中央', 'Central'],
      ['provincial', '省级', 'Provincial', { attrs: { aliases: ['省'] } }],
      ['city', '市级', 'City', { attrs: { aliases: ['市'] } }],
      ['county', '县级', 'County', { attrs: { aliases: ['县', '区级'] } }],
      ['other', '其他', 'Other'],
    ]),
  },
  {
    code: 'fund_kind',
    nameZh: '资金性质',
    nameEn: 'Fund kind',
    // 衔接推进乡村振兴补助资金 vs other money in a project's budget
    items: makeItems([
      ['linkage', '衔接推进乡村振兴补助资金', 'Linkage funds', { attrs: { aliases: ['衔接资金'] } }],
      ['other_fiscal', '其他财政资金', 'Other fiscal funds', { attrs: { aliases: ['其他涉农资金', '整合资金'] } }],
      ['self_raised', '自筹资金', 'Self-raised', { attrs: { aliases: ['自筹'] } }],
      ['social', '社会资金', 'Social capital', { attrs: { aliases: ['社会帮扶资金'] } }],
    ]),
  },
  {
    code: 'income_type',
    nameZh: '收入类型',
    nameEn: 'Income type',
    // DOMAIN.md 收入: the four types a linkage or a distribution is carried into
    items: makeItems([
      ['wage', '工资性收入', 'Wage income'],
      ['business', '生产经营性收入', 'Business income'],
      ['property', '财产性收入', 'Property income'],
      ['transfer', '转移性收入', 'Transfer income'],
    ]),
  },
];
