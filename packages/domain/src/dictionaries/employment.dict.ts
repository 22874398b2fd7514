import type { Dictionary } from './dictionary.types.ts';
import { makeItems } from './dictionary.types.ts';

/**
 * Employment, public-welfare post and training vocabularies (issue 8 §4–§6). Sources: national-exports §2 (就业渠道
 * incl. 公益岗位 / 帮扶车间 in the 外出务工信息 export), seed 003 §二(二)4 (公益性岗位: 按需设岗、以岗聘任、在岗领补、
 * 有序退岗), 003 §二(三)2 and 002 §二(三)1 (training and skills). The lists are ours [UNCONFIRMED nationally].
 */
export const EMPLOYMENT_DICTIONARIES: Dictionary[] = [
  {
    code: 'employment_channel',
    nameZh: '就业渠道',
    nameEn: 'Employment channel',
    items: makeItems([
      ['enterprise', '企业务工', 'Company job', { attrs: { aliases: ['企业就业', '务工', '外出务工'] } }],
      ['workshop', '帮扶车间', 'Support workshop', { attrs: { aliases: ['就业帮扶车间', '扶贫车间'] } }],
      ['work_relief', '以工代赈', 'Work relief', { attrs: { aliases: ['以工代赈项目'] } }],
      ['public_post', '公益性岗位', 'Public-welfare post', { attrs: { aliases: ['公益岗位', '公益岗', '乡村公益性岗位'] } }],
      ['self_employed', '自主创业', 'Self-employed', { attrs: { aliases: ['个体经营', '创业', '自主经营'] } }],
      ['flexible', '灵活就业', 'Flexible work', { attrs: { aliases: ['零工', '打零工'] } }],
      ['other', '其他', 'Other', { attrs: { aliases: ['其它'] } }],
    ]),
  },
  {
    code: 'public_post_type',
    nameZh: '公益性岗位类型',
    nameEn: 'Public-welfare post type',
    items: makeItems([
      ['cleaning', '保洁员', 'Cleaner', { attrs: { aliases: ['保洁', '环境保洁'] } }],
      ['forest_ranger', '护林员', 'Forest ranger', { attrs: { aliases: ['生态护林员', '护林'] } }],
      ['road_care', '护路员', 'Road keeper', { attrs: { aliases: ['公路养护', '护路'] } }],
      ['water_care', '水管员', 'Water keeper', { attrs: { aliases: ['管水员', '水管'] } }],
      ['security', '治安巡逻员', 'Village patrol', { attrs: { aliases: ['治安', '巡逻'] } }],
      ['care', '养老护理员', 'Elder carer', { attrs: { aliases: ['护理', '孤寡老人照料'] } }],
      ['other', '其他', 'Other', { attrs: { aliases: ['其它'] } }],
    ]),
  },
  {
    code: 'post_exit_reason',
    nameZh: '退岗原因',
    nameEn: 'Reason for leaving a post',
    // 003 §二(二)4 有序退岗
    items: makeItems([
      ['found_job', '实现稳定就业', 'Found a stable job', { attrs: { aliases: ['外出务工', '稳定就业'] } }],
      ['no_longer_eligible', '不再符合条件', 'No longer eligible', { attrs: { aliases: ['不符合条件'] } }],
      ['unfit', '不能胜任岗位', 'Unfit for the post', { attrs: { aliases: ['考核不合格', '不胜任'] } }],
      ['resigned', '本人申请退出', 'Resigned', { attrs: { aliases: ['主动辞职', '辞职'] } }],
      ['health', '身体原因', 'Health', { attrs: { aliases: ['因病'] } }],
      ['post_closed', '岗位撤销', 'Post closed', { attrs: { aliases: ['撤岗'] } }],
      ['death', '死亡', 'Death'],
      ['other', '其他', 'Other', { attrs: { aliases: ['其它'] } }],
    ]),
  },
  {
    code: 'training_certificate',
    nameZh: '培训证书',
    nameEn: 'Training certificate',
    items: makeItems([
      ['none', '无证书', 'None', { attrs: { aliases: ['无'] } }],
      ['completion', '结业证书', 'Certificate of completion', { attrs: { aliases: ['结业证', '培训合格证'] } }],
      ['vocational', '职业技能等级证书', 'Vocational skill certificate', { attrs: { aliases: ['职业资格证书', '技能等级证书', '技能证书'] } }],
      ['special', '特种作业操作证', 'Special operations certificate', { attrs: { aliases: ['特种作业证'] } }],
    ]),
  },
];
