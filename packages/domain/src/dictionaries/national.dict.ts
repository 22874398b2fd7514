import type { Dictionary, ItemSpec } from './dictionary.types.ts';
import { makeItems } from './dictionary.types.ts';

// GB/T 3304-1991 中国各民族名称的罗马字母拼写法和代码: the 56 nationalities with their 2-digit codes, plus 97 其他
// and 98 外国血统中国籍人士 of the same standard. Aliases: the name without 族 (as typed in local sheets).
const ETHNICITIES: [string, string, string][] = [
  ['01', '汉族', 'Han'],
  ['02', '蒙古族', 'Mongol'],
  ['03', '回族', 'Hui'],
  ['04', '藏族', 'Tibetan'],
  ['05', '维吾尔族', 'Uyghur'],
  ['06', '苗族', 'Miao'],
  ['07', '彝族', 'Yi'],
  ['08', '壮族', 'Zhuang'],
  ['09', '布依族', 'Bouyei'],
  ['10', '朝鲜族', 'Korean'],
  ['11', '满族', 'Manchu'],
  ['12', '侗族', 'Dong'],
  ['13', '瑶族', 'Yao'],
  ['14', '白族', 'Bai'],
  ['15', '土家族', 'Tujia'],
  ['16', '哈尼族', 'Hani'],
  ['17', '哈萨克族', 'Kazakh'],
  ['18', '傣族', 'Dai'],
  ['19', '黎族', 'Li'],
  ['20', '傈僳族', 'Lisu'],
  ['21', '佤族', 'Va'],
  ['22', '畲族', 'She'],
  ['23', '高山族', 'Gaoshan'],
  ['24', '拉祜族', 'Lahu'],
  ['25', '水族', 'Shui'],
  ['26', '东乡族', 'Dongxiang'],
  ['27', '纳西族', 'Naxi'],
  ['28', '景颇族', 'Jingpo'],
  ['29', '柯尔克孜族', 'Kirgiz'],
  ['30', '土族', 'Tu'],
  ['31', '达斡尔族', 'Daur'],
  ['32', '仫佬族', 'Mulao'],
  ['33', '羌族', 'Qiang'],
  ['34', '布朗族', 'Blang'],
  ['35', '撒拉族', 'Salar'],
  ['36', '毛南族', 'Maonan'],
  ['37', '仡佬族', 'Gelao'],
  ['38', '锡伯族', 'Xibe'],
  ['39', '阿昌族', 'Achang'],
  ['40', '普米族', 'Pumi'],
  ['41', '塔吉克族', 'Tajik'],
  ['42', '怒族', 'Nu'],
  ['43', '乌孜别克族', 'Uzbek'],
  ['44', '俄罗斯族', 'Russian'],
  ['45', '鄂温克族', 'Ewenki'],
  ['46', '德昂族', 'Deang'],
  ['47', '保安族', 'Bonan'],
  ['48', '裕固族', 'Yugur'],
  ['49', '京族', 'Gin'],
  ['50', '塔塔尔族', 'Tatar'],
  ['51', '独龙族', 'Derung'],
  ['52', '鄂伦春族', 'Oroqen'],
  ['53', '赫哲族', 'Hezhen'],
  ['54', '门巴族', 'Monba'],
  ['55', '珞巴族', 'Lhoba'],
  ['56', '基诺族', 'Jino'],
];

const ethnicityItems: ItemSpec[] = [
  ...ETHNICITIES.map(([code, zh, en]): ItemSpec => [code, zh, en, { attrs: { aliases: [zh.replace(/族$/, '')] } }]),
  ['97', '其他', 'Other', { attrs: { aliases: ['其它', '其他民族', '未识别民族'] } }],
  ['98', '外国血统中国籍人士', 'Chinese citizen of foreign origin', { attrs: { aliases: ['外国血统', '外国血统中国籍'] } }],
];

const grades = (prefix: string, zh: string, en: string, n: number): ItemSpec[] =>
  Array.from({ length: n }, (_, i): ItemSpec => {
    const cn = '一二三四五'[i] as string;
    return [`${prefix}${i + 1}`, `${zh}${cn}年级`, `${en}, year ${i + 1}`];
  });

/**
 * Person vocabularies of the national export (家庭成员信息) that our own forms did not have before.
 * Sources: domain-standards §2.1 (columns 证件类型, 民族, 在校生状况, 残疾类别), §2.3, §2.4; GB/T 3304; GB/T 26341.
 */
export const NATIONAL_PERSON_DICTIONARIES: Dictionary[] = [
  {
    code: 'id_type',
    nameZh: '证件类型',
    nameEn: 'ID document type',
    // The national system's 证件类型 values (居民身份证 is the default); the codes are ours [UNCONFIRMED nationally].
    // attrs.checkDigit: the GB 11643 check applies (居民身份证 only); other documents must only be unique.
    items: makeItems([
      ['1', '居民身份证', 'Resident identity card', { attrs: { checkDigit: true, aliases: ['身份证', '居民身份证号码', '二代身份证'] } }],
      ['2', '残疾人证', 'Disability certificate', { attrs: { checkDigit: false, aliases: ['中华人民共和国残疾人证'] } }],
      ['3', '护照', 'Passport', { attrs: { checkDigit: false } }],
      ['4', '港澳台居民居住证', 'Residence permit for Hong Kong, Macao and Taiwan residents', { attrs: { checkDigit: false, aliases: ['港澳台居住证'] } }],
      ['5', '外国人永久居留身份证', "Foreigner's permanent residence ID card", { attrs: { checkDigit: false, aliases: ['外国人永久居留证'] } }],
      ['9', '其他', 'Other', { attrs: { checkDigit: false, aliases: ['其它', '其他证件'] } }],
    ]),
  },
  {
    code: 'ethnicity',
    nameZh: '民族',
    nameEn: 'Ethnicity',
    items: makeItems(ethnicityItems),
  },
  {
    code: 'school_status',
    nameZh: '在校生状况',
    nameEn: 'School status',
    // domain-standards §2.4 在校生状况 (exactly one of 文化程度 / 在校生状况 is filled in)
    items: makeItems([
      ['preschool_child', '学龄前儿童', 'Pre-school-age child'],
      ['preschool', '学前教育', 'Pre-school education', { attrs: { aliases: ['幼儿园'] } }],
      ['primary', '小学', 'Primary school pupil', { attrs: { aliases: ['小学在读'] } }],
      ['grade7', '七年级', 'Grade 7', { attrs: { aliases: ['初一', '初中一年级'] } }],
      ['grade8', '八年级', 'Grade 8', { attrs: { aliases: ['初二', '初中二年级'] } }],
      ['grade9', '九年级', 'Grade 9', { attrs: { aliases: ['初三', '初中三年级'] } }],
      ...grades('high', '普通高中', 'Senior secondary', 3),
      ...grades('vocational', '中职', 'Secondary vocational', 3),
      ...grades('higher_vocational', '高职高专', 'Higher vocational', 3),
      ...grades('technician', '技师学院', 'Technician college', 4),
      ...grades('bachelor', '本科', 'Bachelor', 5),
      ['postgraduate', '硕士研究生及以上', 'Postgraduate', { attrs: { aliases: ['研究生', '硕士研究生', '博士研究生'] } }],
    ]),
  },
  {
    code: 'disability_type',
    nameZh: '残疾类别',
    nameEn: 'Disability type',
    // GB/T 26341-2010 残疾人残疾分类和分级: 7 categories, codes 1–7
    items: makeItems([
      ['1', '视力残疾', 'Visual', { attrs: { aliases: ['视力'] } }],
      ['2', '听力残疾', 'Hearing', { attrs: { aliases: ['听力'] } }],
      ['3', '言语残疾', 'Speech', { attrs: { aliases: ['言语'] } }],
      ['4', '肢体残疾', 'Physical', { attrs: { aliases: ['肢体'] } }],
      ['5', '智力残疾', 'Intellectual', { attrs: { aliases: ['智力'] } }],
      ['6', '精神残疾', 'Mental', { attrs: { aliases: ['精神'] } }],
      ['7', '多重残疾', 'Multiple', { attrs: { aliases: ['多重'] } }],
    ]),
  },
];
