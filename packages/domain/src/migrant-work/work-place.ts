import { toHalfWidth } from '../text/half-width.ts';

/**
 * Where a worker works, relative to the county of their household (national 外出务工信息: 务工所在县, person column
 * 务工所在地 / 务工地点; national-exports §2): 省外 → out_province, 省内县外 → in_province, 县内 → in_county (the codes of
 * dict employment_status; 003 §二(三)2 subsidises cross-province work, so 省外 is kept apart).
 */
export type WorkPlaceClass = 'out_province' | 'in_province' | 'in_county' | 'abroad';

/** The household's own place: the province (its name, or the short name of its code), and from the regions table the city, the county and the county's townships. */
export type HomePlace = { province: string; city: string | null; county: string; townships?: readonly string[] };

/** Provinces (省级行政区) by the first two digits of their code (GB/T 2260), as the short name a written place uses. */
export const PROVINCE_BY_CODE: Readonly<Record<string, string>> = {
  11: '北京', 12: '天津', 13: '河北', 14: '山西', 15: '内蒙古', 21: '辽宁', 22: '吉林', 23: '黑龙江', 31: '上海', 32: '江苏', 33: '浙江',
  34: '安徽', 35: '福建', 36: '江西', 37: '山东', 41: '河南', 42: '湖北', 43: '湖南', 44: '广东', 45: '广西', 46: '海南', 50: '重庆',
  51: '四川', 52: '贵州', 53: '云南', 54: '西藏', 61: '陕西', 62: '甘肃', 63: '青海', 64: '宁夏', 65: '新疆', 71: '台湾', 81: '香港', 82: '澳门',
}; // prettier-ignore
const PROVINCES = Object.values(PROVINCE_BY_CODE);

/** Cities that migrant workers name without their province (the main destinations), with the province. */
const CITIES: Readonly<Record<string, string>> = {
  深圳: '广东', 广州: '广东', 东莞: '广东', 佛山: '广东', 中山: '广东', 珠海: '广东', 惠州: '广东', 江门: '广东',
  苏州: '江苏', 南京: '江苏', 无锡: '江苏', 常州: '江苏', 昆山: '江苏', 杭州: '浙江', 宁波: '浙江', 温州: '浙江', 义乌: '浙江',
  金华: '浙江', 嘉兴: '浙江', 绍兴: '浙江', 台州: '浙江', 厦门: '福建', 泉州: '福建', 福州: '福建', 晋江: '福建', 青岛: '山东',
  济南: '山东', 西安: '陕西', 武汉: '湖北', 成都: '四川', 乌鲁木齐: '新疆', 郑州: '河南', 洛阳: '河南', 合肥: '安徽',
  太原: '山西', 石家庄: '河北', 长沙: '湖南', 南昌: '江西', 昆明: '云南', 贵阳: '贵州', 兰州: '甘肃', 银川: '宁夏',
}; // prettier-ignore

/** Words officers write instead of a place (the class itself, or 本县 / 本省). */
const WORDS: readonly [RegExp, WorkPlaceClass][] = [
  [/^(国外|境外|出国)/, 'abroad'],
  [/^(省外|外省|跨省)/, 'out_province'],
  [/^(省内县外|县外省内|省内|本省|市内县外|本市)/, 'in_province'],
  [/^(县内|本县|县城|本地|本乡|本镇|本村|就近|乡内|镇内|村内)/, 'in_county'],
];

/** "河南省" → "河南", "三门峡市" → "三门峡", "渑池县" → "渑池" (a name's own word, for a written place without suffixes). */
export function shortPlaceName(name: string): string {
  const n = name.replace(/(壮族|回族|维吾尔)?自治区$|特别行政区$|省$|市$/, '');
  return n.length > 2 ? n.replace(/(自治县|县|区|市|镇|乡|街道)$/, '') : n;
}

function firstProvince(text: string): string | null {
  let best: { at: number; name: string } | null = null;
  for (const p of PROVINCES) {
    const at = text.indexOf(p);
    if (at >= 0 && (!best || at < best.at)) best = { at, name: p };
  }
  if (best) return best.name;
  for (const [city, province] of Object.entries(CITIES)) if (text.startsWith(city)) return province;
  return null;
}

/**
 * The class of a written work place ("河南省三门峡市渑池县城关镇", "广东深圳", "省外", "本县"), judged against the
 * household's county: a named other province (or a known city of one) is 省外; the county, one of its townships or
 * 本县 is 县内; the home province or city without the county is 省内县外. Null when the text names no place this can
 * judge (the import then asks for the province).
 */
export function classifyWorkPlace(place: string, home: HomePlace): WorkPlaceClass | null {
  const text = toHalfWidth(place).replace(/\s+/g, '');
  if (text === '') return null;
  for (const [re, cls] of WORDS) if (re.test(text)) return cls;
  const homeProvince = shortPlaceName(home.province);
  const county = shortPlaceName(home.county);
  const inCounty =
    (home.county !== '' && text.includes(home.county)) || (county.length >= 2 && text.includes(county)) || (home.townships ?? []).some((t) => t.length >= 2 && text.includes(t));
  const province = firstProvince(text);
  if (province && province !== homeProvince) return 'out_province';
  if (inCounty) return 'in_county';
  if (province === homeProvince) return 'in_province';
  if (home.city && (text.includes(home.city) || text.startsWith(shortPlaceName(home.city)))) return 'in_province';
  return null;
}
