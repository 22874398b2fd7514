import type { Dictionary } from './dictionary.types.ts';
import { makeItems } from './dictionary.types.ts';

/** Support, helper, economy and region vocabularies. Sources: DOMAIN.md, domain-standards §1.7, §3.4. */
export const SUPPORT_DICTIONARIES: Dictionary[] = [
  {
    code: 'measure_category',
    nameZh: '帮扶措施类别',
    nameEn: 'Support measure category',
    // domain-standards §1.7: the 14 categories of the 2023 national schema (attrs.systemTable = its code table);
    // developmental (开发式) = 产业, 就业, 金融, 公益岗位 per provincial validators and 002 §二(一)1.
    items: makeItems([
      ['industry', '产业帮扶', 'Industry support', { attrs: { developmental: true, systemTable: '100A39' } }],
      ['employment', '就业帮扶', 'Employment support', { attrs: { developmental: true, systemTable: '100A40' } }],
      ['finance', '金融帮扶', 'Financial support', { attrs: { developmental: true, systemTable: '100A41', aliases: ['小额信贷'] } }],
      ['public_post', '公益岗位帮扶', 'Public-welfare post', { attrs: { developmental: true, systemTable: '100A42', aliases: ['公益性岗位', '公益岗位'] } }],
      ['housing', '住房安全保障', 'Housing safety', { attrs: { developmental: false, systemTable: '100A50', aliases: ['住房保障'] } }],
      ['water', '饮水安全保障', 'Drinking-water safety', { attrs: { developmental: false, systemTable: '100A51', aliases: ['饮水保障'] } }],
      ['health', '健康帮扶', 'Health support', { attrs: { developmental: false, systemTable: '100A45' } }],
      ['compulsory_education', '义务教育保障', 'Compulsory-education guarantee', { attrs: { developmental: false, systemTable: '100A46' } }],
      ['other_education', '其他教育帮扶', 'Other education support', { attrs: { developmental: false, systemTable: '100A47', aliases: ['雨露计划'] } }],
      ['social_security', '综合保障', 'Comprehensive social security', { attrs: { developmental: false, systemTable: '100A48', aliases: ['兜底保障', '兜底', '低保'] } }],
      ['social', '社会帮扶', 'Social support', { attrs: { developmental: false, systemTable: '100A52' } }],
      ['relocation', '搬迁', 'Relocation', { attrs: { developmental: false, systemTable: '100A53', aliases: ['易地扶贫搬迁', '易地搬迁'] } }],
      ['living_conditions', '生产生活条件改善', 'Better production and living conditions', { attrs: { developmental: false, systemTable: '100A54' } }],
      ['infrastructure', '基础设施建设', 'Infrastructure', { attrs: { developmental: false, systemTable: '100A55' } }],
    ]),
  },
  {
    code: 'helper_role',
    nameZh: '帮扶人员类别',
    nameEn: 'Helper role',
    // DOMAIN.md helpers; 002 §二(五)2 (驻村第一书记和工作队, 科技特派员), 000 链长制
    items: makeItems([
      ['responsible', '帮扶责任人', 'Responsible helper', { attrs: { aliases: ['结对帮扶责任人'] } }],
      ['village_team', '驻村工作队员', 'Village work-team member', { attrs: { aliases: ['驻村工作队', '驻村干部', '工作队员'] } }],
      ['first_secretary', '第一书记', 'First secretary', { attrs: { aliases: ['驻村第一书记'] } }],
      ['tech_commissioner', '科技特派员', 'Technology commissioner', { attrs: { aliases: ['科技特派员(农技人员)'] } }],
      ['chain_chief', '链长', 'Industry-chain chief', { attrs: { aliases: ['产业链链长'] } }],
    ]),
  },
  {
    code: 'linkage_mode',
    nameZh: '联农带农方式',
    nameEn: 'Farmer-linkage mode',
    // DOMAIN.md 联农带农 (12 modes; 001 §二, 002 §二(四)3, 004 §六 — P3 needs ≥ 2 per industry project)
    items: makeItems([
      ['equity_coop', '股份合作', 'Equity cooperation'],
      ['employment', '务工就业', 'Employment', { attrs: { aliases: ['吸纳就业', '务工就业/吸纳就业'] } }],
      ['order_production', '订单生产', 'Contract production', { attrs: { aliases: ['订单农业'] } }],
      ['consignment', '产品代销', 'Consignment sales', { attrs: { aliases: ['代销'] } }],
      ['guaranteed_dividend', '保底分红', 'Guaranteed dividend'],
      ['second_rebate', '二次返利', 'Second rebate'],
      ['land_transfer', '土地流转', 'Land transfer'],
      ['share_dividend', '入股分红', 'Share dividend', { attrs: { aliases: ['资产入股分红'] } }],
      ['custody', '托养托管', 'Custodial farming', { attrs: { aliases: ['托养', '托管', '生产托管'] } }],
      ['seed_supply', '统一供种', 'Unified seed supply'],
      ['tech_service', '技术服务', 'Technical service'],
      ['mentoring', '联帮带', 'Joint mentoring'],
    ]),
  },
  {
    code: 'entity_type',
    nameZh: '经营主体类型',
    nameEn: 'Business entity type',
    // DOMAIN.md 经营主体; attrs.levels: recognised grades
    items: makeItems([
      ['leading_enterprise', '龙头企业', 'Leading enterprise', { attrs: { levels: ['national', 'provincial', 'city', 'county'], aliases: ['农业产业化龙头企业'] } }],
      ['cooperative', '农民专业合作社', 'Farmer cooperative', { attrs: { levels: ['national', 'provincial', 'city', 'county'], aliases: ['合作社', '专业合作社'] } }],
      ['family_farm', '家庭农场', 'Family farm'],
      ['large_grower', '种养大户', 'Large grower', { attrs: { aliases: ['能人', '种养大户/能人', '能人大户'] } }],
      ['collective', '村集体经济组织', 'Village collective', { attrs: { aliases: ['村集体', '村集体经济合作组织'] } }],
      ['workshop', '帮扶车间', 'Support workshop', { attrs: { aliases: ['就业帮扶车间'] } }],
      ['consortium', '产业振兴联合体', 'Industry consortium', { attrs: { aliases: ['产业化联合体'] } }],
    ]),
  },
  {
    code: 'region_level',
    nameZh: '区划层级',
    nameEn: 'Region level',
    // DOMAIN.md levels users work at; attrs.prefixLength = significant digits of the region code (ARCHITECTURE.md)
    items: makeItems([
      ['county', '县(市、区)', 'County', { attrs: { prefixLength: 6, aliases: ['县', '县级'] } }],
      ['township', '镇(乡、街道办)', 'Township', { attrs: { prefixLength: 9, aliases: ['乡镇', '镇', '乡', '街道'] } }],
      ['village', '行政村', 'Village', { attrs: { prefixLength: 12, aliases: ['村', '社区'] } }],
      ['group', '自然村、组', 'Village group', { attrs: { prefixLength: 15, aliases: ['组', '自然村', '村民小组'] } }],
    ]),
  },
];
