import { normalizeLabel } from '../text/half-width.ts';

/** A region the importer may name (the county of the importer's scope and everything under it). */
export type NamedRegion = { code: string; name: string; level: string; parentCode: string | null };

/** The place named by a row's 省 市 县 乡 村 cells. */
export type PlaceCells = { province?: string; city?: string; county?: string; township?: string; village?: string };

/** A resolved village, or why not (the column to blame and the reason in both languages). */
export type PlaceResult = { ok: true; code: string } | { ok: false; column: 'village' | 'township' | 'county' | 'city' | 'province'; reasonZh: string; reasonEn: string };

// 村民委员会 / 居民委员会 are the formal names of a village / community (《村民委员会组织法》《城市居民委员会组织法》); the
// statistics bureau's list writes 后地村委会, officers write 后地村 or 后地: all three must meet.
const VILLAGE_SUFFIX = /(社区居民委员会|社区居委会|居民委员会|村民委员会|村委会|居委会|社区|村)$/;
const TOWNSHIP_SUFFIX = /(街道办事处|街道|民族乡|镇|乡)$/;
const AREA_SUFFIX = /(自治州|自治县|地区|盟|省|市|县|区|旗)$/;

/**
 * The key a village or community name is compared by: normalised (half-width, no spaces), without its
 * 村委会 / 居委会 / 社区居委会 / 村 / 社区 suffix, so 后地村, 后地村委会 and 后地村民委员会 meet.
 * @param name a village name as written in a file or in the region list
 */
export function villageKey(name: string): string {
  const n = normalizeLabel(name);
  const k = n.replace(VILLAGE_SUFFIX, '');
  return k === '' ? n : k;
}

/** The key a township name is compared by: without 镇 / 乡 / 街道 (大王镇 = 大王). */
export function townshipKey(name: string): string {
  const n = normalizeLabel(name);
  const k = n.replace(TOWNSHIP_SUFFIX, '');
  return k === '' ? n : k;
}

/**
 * Whether a file's county / city / province name loosely names ours: equal, or one ends with the other once the
 * level suffix is dropped (the file's "城乡一体化示范区" is our "三门峡市城乡一体化示范区"; 河南 is 河南省).
 */
export function looselySameArea(fileName: string, ours: string): boolean {
  const a = normalizeLabel(fileName);
  const b = normalizeLabel(ours);
  if (a === '' || a === b || b.endsWith(a) || a.endsWith(b)) return true;
  const a2 = a.replace(AREA_SUFFIX, '');
  const b2 = b.replace(AREA_SUFFIX, '');
  return a2 !== '' && b2 !== '' && (b2.endsWith(a2) || a2.endsWith(b2) || b2.includes(a2));
}

const FIX_ZH = '请在“区划管理”中于该乡镇下新增该村，或导入统计用区划代码表';
const FIX_EN = 'create the village under the township in Regions, or import the region list';

/**
 * Builds the lookup of a row's 乡/村 names to a village code within the importer's scope. A village is looked up
 * under its 乡 when the row names one (else in the whole scope); names are compared by {@link villageKey} and
 * {@link townshipKey}; 省/市/县 are checked loosely against the scope's ancestors ({@link looselySameArea}).
 * An unknown or ambiguous name is refused with the fix. Pass only regions that are not retired.
 * @param regions the county (or the importer's higher region) with its townships and villages, and its ancestors
 * @param scopePrefix the importer's scope prefix: a resolved village outside it is refused
 */
export function createPlaceResolver(regions: readonly NamedRegion[], scopePrefix: string): (cells: PlaceCells) => PlaceResult {
  const byLevel = (level: string) => regions.filter((r) => r.level === level);
  const townships = new Map<string, NamedRegion[]>();
  for (const t of byLevel('township')) townships.set(townshipKey(t.name), [...(townships.get(townshipKey(t.name)) ?? []), t]);
  const villages = new Map<string, NamedRegion[]>();
  for (const v of byLevel('village')) villages.set(villageKey(v.name), [...(villages.get(villageKey(v.name)) ?? []), v]);
  const areas = { county: byLevel('county'), city: byLevel('city'), province: byLevel('province') };
  const cache = new Map<string, PlaceResult>();

  const resolve = (c: PlaceCells): PlaceResult => {
    for (const level of ['province', 'city', 'county'] as const) {
      const text = (c[level] ?? '').trim();
      const ours = areas[level];
      if (text === '' || ours.length === 0) continue;
      if (!ours.some((r) => looselySameArea(text, r.name))) {
        const names = ours.map((r) => r.name).join('、');
        const zh = { province: '省', city: '市', county: '县' }[level];
        return {
          ok: false,
          column: level,
          reasonZh: `${zh}“${text}”不是本系统的${names}，该行不属于本县数据`,
          reasonEn: `"${text}" is not ${names}: the row belongs to another area`,
        };
      }
    }
    const village = (c.village ?? '').trim();
    const township = (c.township ?? '').trim();
    if (village === '') return { ok: false, column: 'village', reasonZh: '村不能为空（或填写区划代码）', reasonEn: 'village is required (or give the region code)' };
    let candidates = villages.get(villageKey(village)) ?? [];
    if (township !== '') {
      const ts = townships.get(townshipKey(township)) ?? [];
      if (ts.length === 0) {
        return {
          ok: false,
          column: 'township',
          reasonZh: `乡镇“${township}”不存在：请在“区划管理”中新增该乡镇及其村，或导入统计用区划代码表`,
          reasonEn: `township "${township}" does not exist: create it and its villages in Regions, or import the region list`,
        };
      }
      const prefixes = ts.map((t) => t.code.slice(0, 9));
      candidates = candidates.filter((v) => prefixes.some((p) => v.code.startsWith(p)));
      if (candidates.length === 0) {
        return {
          ok: false,
          column: 'village',
          reasonZh: `乡镇“${township}”下没有村“${village}”：${FIX_ZH}`,
          reasonEn: `village "${village}" does not exist under township "${township}": ${FIX_EN}`,
        };
      }
    } else if (candidates.length === 0) {
      return { ok: false, column: 'village', reasonZh: `村“${village}”不存在：${FIX_ZH}`, reasonEn: `village "${village}" does not exist: ${FIX_EN}` };
    }
    if (candidates.length > 1) {
      const list = candidates.map((v) => `${v.name}（${v.code}）`).join('、');
      return {
        ok: false,
        column: 'village',
        reasonZh: `村“${village}”对应多个村：${list}；请在文件中填写乡镇，或改用区划代码列`,
        reasonEn: `village "${village}" matches several villages (${candidates.map((v) => v.code).join(', ')}); give the township or a region code column`,
      };
    }
    const code = (candidates[0] as NamedRegion).code;
    if (!code.startsWith(scopePrefix)) {
      return { ok: false, column: 'village', reasonZh: `村“${village}”不在您的管辖范围内`, reasonEn: `village "${village}" is outside your area` };
    }
    return { ok: true, code };
  };

  return (c) => {
    const key = [c.province, c.city, c.county, c.township, c.village].map((x) => (x ?? '').trim()).join('\u0001');
    let r = cache.get(key);
    if (!r) {
      r = resolve(c);
      if (cache.size < 50_000) cache.set(key, r);
    }
    return r;
  };
}
