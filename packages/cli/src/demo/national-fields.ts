import type { Rng } from './prng.ts';

// Person fields of the national roster for the demo county (labels, resolved by the loader through the dictionaries).

/** 民族 other than 汉族 seen in the region. */
export const OTHER_ETHNICITIES = ['回族', '满族', '蒙古族', '壮族', '土家族'];
/** 残疾类别 (GB/T 26341). */
export const DISABILITY_TYPES = ['视力残疾', '听力残疾', '言语残疾', '肢体残疾', '智力残疾', '精神残疾', '多重残疾'];
/** 健康状况 from the least to the most serious. */
export const HEALTH_ORDER = ['健康', '长期慢性病', '残疾', '大病'];

/** 在校生状况 for an age (and the generated education of 16–18 year-olds), or null for someone out of school. */
export function schoolFor(ext: Rng, age: number, education: string | null): string | null {
  if (age < 3) return '学龄前儿童';
  if (age < 7) return ext.chance(0.8) ? '学前教育' : '学龄前儿童';
  if (age < 13) return '小学';
  if (age < 16) return ['七年级', '八年级', '九年级'][age - 13] as string;
  if (age < 19 && education === '高中') return `普通高中${['一', '二', '三'][age - 16]}年级`;
  return null;
}
