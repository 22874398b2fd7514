import type { Dictionary } from './dictionary.types.ts';
import { makeItems } from './dictionary.types.ts';

/**
 * 帮扶项目资产 vocabularies (issue 8 §1–3). Sources: 国办函〔2021〕51号 §3(1) (three categories; domain-standards §4.2),
 * domain-standards §4.3 (确权: who owns what), seed 004 §五 (市级领管、县级统管、乡镇辖管、村级直管; 四个一批; 按劳取酬 and
 * 基础保障). The codes are the ones the Xinxiang pack's A4 params use; `assets/asset-codes.ts` holds them as types.
 */
export const ASSET_DICTIONARIES: Dictionary[] = [
  {
    code: 'asset_category',
    nameZh: '资产类别',
    nameEn: 'Asset category',
    // 国办函〔2021〕51号 §3(1): 经营性资产、公益性资产、到户类资产 (domain-standards §4.2)
    items: makeItems([
      ['operating', '经营性资产', 'Operating asset', { attrs: { incomeGenerating: true, aliases: ['经营性', '经营类资产'] } }],
      ['public_welfare', '公益性资产', 'Public-welfare asset', { attrs: { incomeGenerating: false, aliases: ['公益性', '公益类资产'] } }],
      ['household', '到户类资产', 'Household asset', { attrs: { incomeGenerating: false, aliases: ['到户类', '到户资产'] } }],
    ]),
  },
  {
    code: 'asset_owner_kind',
    nameZh: '确权所有者',
    nameEn: 'Owner after titling',
    // domain-standards §4.3 确权; 004 §五: 确权到乡或县行业部门的，所有权可以划归国有；确权到村的，纳入农村集体资产统一管理;
    // 到户类资产归农户所有 (attrs.system: the management system the asset moves into)
    items: makeItems([
      ['village_collective', '村集体经济组织', 'Village collective', { attrs: { system: 'collective', aliases: ['村集体', '村级'] } }],
      ['township', '乡镇', 'Township', { attrs: { system: 'state', aliases: ['乡镇人民政府', '乡级'] } }],
      ['county_department', '县级行业部门', 'County department', { attrs: { system: 'state', aliases: ['县行业部门', '县级部门'] } }],
      ['household', '农户', 'Households', { attrs: { system: 'household', aliases: ['到户', '受益农户'] } }],
    ]),
  },
  {
    code: 'asset_management_level',
    nameZh: '管理层级',
    nameEn: 'Management level',
    // 004 §五: 落实“市级领管、县级统管、乡镇辖管、村级直管”四级管理责任
    items: makeItems([
      ['city_leads', '市领管', 'City leads', { attrs: { aliases: ['市级领管'] } }],
      ['county_manages', '县统管', 'County manages', { attrs: { aliases: ['县级统管'] } }],
      ['township_governs', '乡镇辖管', 'Township governs', { attrs: { aliases: ['乡镇级辖管', '乡级辖管'] } }],
      ['village_runs', '村直管', 'Village runs', { attrs: { aliases: ['村级直管'] } }],
    ]),
  },
  {
    code: 'asset_operation_mode',
    nameZh: '经营方式',
    nameEn: 'Operating arrangement',
    // domain-standards §4.3 经营管护 (issue 8 §1: self-run, leased, contracted, shares)
    items: makeItems([
      ['self_run', '自主经营', 'Self-run', { attrs: { aliases: ['自营'] } }],
      ['leased', '租赁经营', 'Leased', { attrs: { aliases: ['出租', '租赁'] } }],
      ['contracted', '承包经营', 'Contracted', { attrs: { aliases: ['发包', '承包'] } }],
      ['shares', '入股经营', 'Shares', { attrs: { aliases: ['股份合作', '入股', '资产入股'] } }],
    ]),
  },
  {
    code: 'asset_class',
    nameZh: '资产分类（四个一批）',
    nameEn: 'Asset class (four batches)',
    // 004 §五 开展“四个一批”行动 (attrs.whenZh: the seed's own criterion for the class)
    items: makeItems([
      ['consolidate', '巩固一批', 'Consolidate', { attrs: { aliases: ['巩固'], whenZh: '市场前景广、链条较完备' } }],
      ['upgrade', '升级一批', 'Upgrade', { attrs: { aliases: ['升级'], whenZh: '资源有支撑、发展有基础' } }],
      ['revitalise', '盘活一批', 'Revitalise', { attrs: { aliases: ['盘活'], whenZh: '暂时出现经营困难或发展停滞' } }],
      ['adjust', '调整一批', 'Adjust', { attrs: { aliases: ['调整'], whenZh: '发展难以为继' } }],
    ]),
  },
  {
    code: 'distribution_line_kind',
    nameZh: '收益分配方式',
    nameEn: 'Distribution kind',
    // 004 §五: 有劳动力的帮扶对象按劳取酬（公益性劳动、务工），无劳动力的获得基础保障 (attrs.incomeType: the household income it becomes)
    items: makeItems([
      ['work', '按劳取酬', 'Paid for work', { attrs: { incomeType: 'wage', aliases: ['劳动报酬'] } }],
      ['base', '基础保障', 'Base share', { attrs: { incomeType: 'property', aliases: ['保底分配', '基本保障'] } }],
    ]),
  },
];
