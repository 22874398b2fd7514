import type { Dictionary } from './dictionary.types.ts';
import { makeItems } from './dictionary.types.ts';

/** Household and monitoring vocabularies. Sources: DOMAIN.md, domain-standards §1.2–§1.5. */
export const HOUSEHOLD_DICTIONARIES: Dictionary[] = [
  {
    code: 'household_type',
    nameZh: '户类型',
    nameEn: 'Household type',
    // domain-standards §1.2 "Related household types": 脱贫户 (一般/低保/特困供养), 监测户, 一般农户
    items: makeItems([
      ['lifted', '脱贫户', 'Lifted household', { attrs: { aliases: ['建档立卡脱贫户', '一般脱贫户', '低保脱贫户', '特困供养脱贫户', '脱贫不享受政策户'] } }],
      ['monitored', '监测户', 'Monitored household', { attrs: { aliases: ['监测对象', '监测帮扶对象', '防返贫监测户', '防返贫监测对象'] } }],
      ['ordinary', '一般农户', 'Ordinary household', { attrs: { aliases: ['一般户', '普通农户', '非贫困户'] } }],
    ]),
  },
  {
    code: 'lifted_category',
    nameZh: '脱贫户类别',
    nameEn: 'Category of lifted household',
    // domain-standards §1.2 "Related household types" [SYSTEM-DERIVED]: 一般/低保/特困供养脱贫户; 脱贫不享受政策户
    // (local code table 100A03A02); national-exports.md §1 file names "…-继续享受政策" / "…-脱贫不享受政策"
    items: makeItems([
      ['general', '一般脱贫户', 'Lifted household (general)', { attrs: { aliases: ['一般户脱贫户'] } }],
      ['dibao', '低保脱贫户', 'Lifted household on minimum living allowance', { attrs: { aliases: ['低保户'] } }],
      ['tekun', '特困供养脱贫户', 'Lifted household in destitute support', { attrs: { aliases: ['特困供养户', '特困户', '五保户'] } }],
      ['no_policy', '脱贫不享受政策户', 'Lifted household no longer receiving policies', { attrs: { aliases: ['脱贫不享受政策', '不享受政策'] } }],
    ]),
  },
  {
    code: 'exit_reason',
    nameZh: '自然减少原因',
    nameEn: 'Reason for leaving the registry',
    // 自然减少 of the national system (CONVENTIONS.md "Data that changes over time"; issue 5 §3)
    items: makeItems([
      ['death', '死亡', 'Death', { attrs: { aliases: ['去世', '病故'] } }],
      ['moved_out', '迁出', 'Moved out', { attrs: { aliases: ['户口迁出', '迁移'] } }],
      ['married_out', '嫁出', 'Married out', { attrs: { aliases: ['出嫁'] } }],
      ['imprisoned', '服刑', 'Imprisoned', { attrs: { aliases: ['服刑人员'] } }],
      ['other', '其他', 'Other', { attrs: { aliases: ['其它'] } }],
    ]),
  },
  {
    code: 'monitoring_type',
    nameZh: '监测对象类别',
    nameEn: 'Monitoring type',
    // domain-standards §1.2 (3 confirmed categories, 中农组发〔2021〕7号); attrs.fromLifted: which household it comes from
    items: makeItems([
      ['unstable', '脱贫不稳定户', 'Unstable lifted household', { attrs: { aliases: ['脱贫不稳定', '不稳定户'] } }],
      ['marginal', '边缘易致贫户', 'Marginal household prone to poverty', { attrs: { aliases: ['边缘户', '边缘易致贫'] } }],
      [
        'sudden',
        '突发严重困难户',
        'Household in sudden severe hardship',
        { attrs: { aliases: ['突发严重困难', '因病因灾因意外事故等刚性支出较大或收入大幅缩减导致基本生活出现严重困难户'] } },
      ],
    ]),
  },
  {
    code: 'monitoring_status',
    nameZh: '监测状态',
    nameEn: 'Monitoring status',
    // our workflow states (domain-standards §1.5 suggested state machine)
    items: makeItems([
      ['none', '未纳入监测', 'Not monitored'],
      ['identifying', '识别中', 'Being identified'],
      ['monitoring', '监测帮扶中', 'Under monitoring', { attrs: { aliases: ['监测中', '未消除', '风险未消除'] } }],
      ['eliminated', '风险已消除', 'Risk eliminated', { attrs: { aliases: ['已消除', '风险消除'] } }],
    ]),
  },
  {
    code: 'risk_type',
    nameZh: '致贫返贫风险类型',
    nameEn: 'Risk type',
    // domain-standards §1.3: official list 因病…其他; attrs.systemCode = national-system code (code table 100A27 /
    // local ZPYY dictionary); 因自然灾害 has the sub-items of code table 100A271. Up to 5 per household.
    items: makeItems([
      ['illness', '因病', 'Illness', { attrs: { systemCode: '01' } }],
      ['schooling', '因学', 'Schooling costs', { attrs: { systemCode: '09', aliases: ['因学致贫'] } }],
      ['disability', '因残', 'Disability', { attrs: { systemCode: '03' } }],
      ['disaster', '因自然灾害', 'Natural disaster', { attrs: { aliases: ['因灾', '自然灾害'] } }],
      ['disaster_flood', '因自然灾害(洪涝灾害)', 'Natural disaster: flood', { parentCode: 'disaster', attrs: { systemCode: '0201', aliases: ['洪涝灾害', '洪涝'] } }],
      ['disaster_geological', '因自然灾害(地质灾害)', 'Natural disaster: geological', { parentCode: 'disaster', attrs: { systemCode: '0202', aliases: ['地质灾害'] } }],
      ['disaster_drought', '因自然灾害(旱灾)', 'Natural disaster: drought', { parentCode: 'disaster', attrs: { systemCode: '0203', aliases: ['旱灾'] } }],
      ['disaster_biological', '因自然灾害(生物灾害)', 'Natural disaster: biological', { parentCode: 'disaster', attrs: { systemCode: '0204', aliases: ['生物灾害'] } }],
      ['disaster_weather', '因自然灾害(气象灾害)', 'Natural disaster: meteorological', { parentCode: 'disaster', attrs: { systemCode: '0205', aliases: ['气象灾害'] } }],
      ['disaster_quake', '因自然灾害(地震灾害)', 'Natural disaster: earthquake', { parentCode: 'disaster', attrs: { systemCode: '0206', aliases: ['地震灾害', '地震'] } }],
      ['disaster_other', '因自然灾害(其他)', 'Natural disaster: other', { parentCode: 'disaster', attrs: { systemCode: '0299' } }],
      ['accident', '因意外事故', 'Accident', { attrs: { systemCode: '05', aliases: ['意外事故'] } }],
      ['industry_failure', '因产业项目失败', 'Failure of an industry project', { attrs: { systemCode: '06', aliases: ['因产业失败'] } }],
      ['unstable_employment', '因务工就业不稳', 'Unstable employment', { attrs: { systemCode: '07', aliases: ['务工就业不稳'] } }],
      ['lack_labor', '缺劳动力', 'Lack of labour', { attrs: { systemCode: '04', aliases: ['因缺劳动力', '缺劳力'] } }],
      ['other', '其他', 'Other', { attrs: { systemCode: '99', aliases: ['其它'] } }],
    ]),
  },
  {
    code: 'lead_source',
    nameZh: '风险线索来源',
    nameEn: 'Lead source',
    // domain-standards §1.5 (永城市, 秦安县)
    items: makeItems([
      ['self_report', '农户自主申报', 'Self-reported by the household', { attrs: { aliases: ['自主申报', '农户申报'] } }],
      ['cadre_check', '基层干部排查', 'Found by local cadres', { attrs: { aliases: ['干部排查'] } }],
      ['department_alert', '部门筛查预警', 'Department screening alert', { attrs: { aliases: ['部门预警', '部门推送', '部门筛查'] } }],
    ]),
  },
  {
    code: 'elimination_method',
    nameZh: '风险消除方式',
    nameEn: 'Elimination method',
    // domain-standards §1.5, national code table dm_fxxcfs
    items: makeItems([
      ['assisted', '帮扶消除', 'Eliminated through support'],
      ['natural', '自然消除', 'Eliminated naturally'],
    ]),
  },
];

/** Person vocabularies. Sources: domain-standards §2.2–§2.4, GB/T 4761, GB/T 2261.1. */
export const PERSON_DICTIONARIES: Dictionary[] = [
  {
    code: 'gender',
    nameZh: '性别',
    nameEn: 'Gender',
    // GB/T 2261.1 性别代码: 1 男, 2 女; GB 11643 sequence code odd = male
    items: makeItems([
      ['1', '男', 'Male', { attrs: { aliases: ['男性', 'm'] } }],
      ['2', '女', 'Female', { attrs: { aliases: ['女性', 'f'] } }],
    ]),
  },
  {
    code: 'labor_capacity',
    nameZh: '劳动能力',
    nameEn: 'Labour capacity',
    // domain-standards §2.2 (劳动技能, 5 confirmed values). hasLabor: the person can work at all (only 丧失/无
    // count as "without labour capacity" for 风险消除, §1.5); fullLabor: counts as 有劳动能力 in 002 §二(一)1.
    items: makeItems([
      ['ordinary', '普通劳动力', 'Ordinary labour', { attrs: { hasLabor: true, fullLabor: true, aliases: ['普通劳力'] } }],
      ['skilled', '技能劳动力', 'Skilled labour', { attrs: { hasLabor: true, fullLabor: true, aliases: ['技能劳力'] } }],
      ['weak', '弱劳动力或半劳动力', 'Weak or half labour', { attrs: { hasLabor: true, fullLabor: false, aliases: ['弱劳动力', '半劳动力', '弱劳力', '半劳力', '弱劳力半劳力'] } }],
      ['lost', '丧失劳动力', 'Lost labour capacity', { attrs: { hasLabor: false, fullLabor: false, aliases: ['丧失劳动能力'] } }],
      ['none', '无劳动力', 'No labour', { attrs: { hasLabor: false, fullLabor: false, aliases: ['无劳动能力'] } }],
    ]),
  },
  {
    code: 'relation',
    nameZh: '与户主关系',
    nameEn: 'Relation to head',
    // GB/T 4761-2008 家庭关系代码 (2-digit codes; subset used in the national system's values 户主, 配偶, 之子,
    // 之女, 之儿媳, 之女婿, 之孙子, 之孙女 … 其他, domain-standards §2.4). The national system writes 之X.
    items: makeItems([
      ['02', '户主', 'Head of household', { attrs: { isHead: true, aliases: ['本人', '本人(户主)'] } }],
      ['10', '配偶', 'Spouse', { attrs: { aliases: ['之配偶', '妻', '夫', '妻子', '丈夫'] } }],
      ['20', '子', 'Son', { attrs: { aliases: ['之子', '儿子', '长子', '次子', '三子', '独生子', '养子或继子'] } }],
      ['28', '女婿', 'Son-in-law', { attrs: { aliases: ['之女婿'] } }],
      ['30', '女', 'Daughter', { attrs: { aliases: ['之女', '女儿', '长女', '次女', '三女', '独生女', '养女或继女'] } }],
      ['38', '儿媳', 'Daughter-in-law', { attrs: { aliases: ['之儿媳'] } }],
      ['41', '孙子', 'Grandson', { attrs: { aliases: ['之孙子'] } }],
      ['42', '孙女', 'Granddaughter', { attrs: { aliases: ['之孙女'] } }],
      ['43', '外孙子', "Daughter's son", { attrs: { aliases: ['之外孙子'] } }],
      ['44', '外孙女', "Daughter's daughter", { attrs: { aliases: ['之外孙女'] } }],
      ['45', '孙媳妇或外孙媳妇', "Grandson's wife", { attrs: { aliases: ['之孙媳妇', '孙媳妇'] } }],
      ['46', '孙女婿或外孙女婿', "Granddaughter's husband", { attrs: { aliases: ['之孙女婿', '孙女婿'] } }],
      ['47', '曾孙子或外曾孙子', 'Great-grandson', { attrs: { aliases: ['之曾孙子', '曾孙子'] } }],
      ['48', '曾孙女或外曾孙女', 'Great-granddaughter', { attrs: { aliases: ['之曾孙女', '曾孙女'] } }],
      ['51', '父亲', 'Father', { attrs: { aliases: ['之父', '父'] } }],
      ['52', '母亲', 'Mother', { attrs: { aliases: ['之母', '母'] } }],
      ['53', '公公', "Husband's father", { attrs: { aliases: ['之公公'] } }],
      ['54', '婆婆', "Husband's mother", { attrs: { aliases: ['之婆婆'] } }],
      ['55', '岳父', "Wife's father", { attrs: { aliases: ['之岳父'] } }],
      ['56', '岳母', "Wife's mother", { attrs: { aliases: ['之岳母'] } }],
      ['61', '祖父', 'Grandfather', { attrs: { aliases: ['之祖父'] } }],
      ['62', '祖母', 'Grandmother', { attrs: { aliases: ['之祖母'] } }],
      ['63', '外祖父', 'Maternal grandfather', { attrs: { aliases: ['之外祖父'] } }],
      ['64', '外祖母', 'Maternal grandmother', { attrs: { aliases: ['之外祖母'] } }],
      ['70', '兄弟姐妹', 'Sibling', { attrs: { aliases: ['之兄弟姐妹', '兄', '弟', '姐', '妹', '哥哥', '弟弟', '姐姐', '妹妹'] } }],
      ['93', '侄子', 'Nephew', { attrs: { aliases: ['之侄子'] } }],
      ['94', '侄女', 'Niece', { attrs: { aliases: ['之侄女'] } }],
      ['97', '其他亲属', 'Other relative', { attrs: { aliases: ['其他', '其它'] } }],
      ['99', '非亲属', 'Not related'],
    ]),
  },
  {
    code: 'health_status',
    nameZh: '健康状况',
    nameEn: 'Health status',
    // domain-standards §2.3 (national values; multi-valued in exports: we keep the most serious, see severity)
    items: makeItems([
      ['healthy', '健康', 'Healthy', { attrs: { severity: 0 } }],
      ['chronic', '长期慢性病', 'Long-term chronic illness', { attrs: { severity: 1, aliases: ['慢性病'] } }],
      ['disabled', '残疾', 'Disabled', { attrs: { severity: 2 } }],
      ['serious', '患有大病', 'Serious illness', { attrs: { severity: 3, aliases: ['大病', '重病'] } }],
    ]),
  },
  {
    code: 'education',
    nameZh: '文化程度',
    nameEn: 'Education',
    // domain-standards §2.4 文化程度 (completed education, 6 values)
    items: makeItems([
      ['illiterate', '文盲或半文盲', 'Illiterate or semi-literate', { attrs: { aliases: ['文盲', '半文盲'] } }],
      ['primary', '小学', 'Primary school'],
      ['junior', '初中', 'Junior secondary'],
      ['senior', '高中', 'Senior secondary', { attrs: { aliases: ['中专', '高中或中专'] } }],
      ['college', '大专', 'Junior college', { attrs: { aliases: ['高职', '专科'] } }],
      ['bachelor', '本科及以上', "Bachelor's or above", { attrs: { aliases: ['本科', '研究生', '硕士', '博士'] } }],
    ]),
  },
  {
    code: 'employment_status',
    nameZh: '务工状况',
    nameEn: 'Employment status',
    // Our own list [UNCONFIRMED nationally]: the national system records 务工所在地, 是否国外务工, 公益性岗位
    // (domain-standards §1.7, §2.1); 省外 is kept apart because 003 §二(三)2 subsidises cross-province work.
    items: makeItems([
      ['not_working', '未务工', 'Not in work', { attrs: { aliases: ['无', '否', '未就业', '在家务农'] } }],
      ['in_county', '县内务工', 'Working in the county', { attrs: { aliases: ['本地务工', '就近务工', '县内就业'] } }],
      ['in_province', '省内县外务工', 'Working in the province, outside the county', { attrs: { aliases: ['省内务工', '省内就业'] } }],
      ['out_province', '省外务工', 'Working outside the province', { attrs: { aliases: ['跨省务工', '省外就业', '外省务工'] } }],
      ['abroad', '国外务工', 'Working abroad', { attrs: { aliases: ['境外务工', '国外'] } }],
      ['public_post', '公益性岗位', 'Public-welfare post', { attrs: { aliases: ['公益岗位', '公益岗'] } }],
      ['self_employed', '自主创业', 'Self-employed', { attrs: { aliases: ['个体经营', '创业'] } }],
    ]),
  },
];
