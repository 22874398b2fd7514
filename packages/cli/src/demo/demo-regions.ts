import type { Rng } from './prng.ts';

/** A region row as loaded into `regions` (see packages/db/src/schema/regions.ts). */
export type DemoRegion = {
  code: string;
  parentCode: string | null;
  level: 'province' | 'city' | 'county' | 'township' | 'village' | 'group';
  prefix: string;
  name: string;
  gbCode: string | null;
  urbanRuralCode: string | null;
  sort: number;
};

/**
 * The demo county. 三门峡市 is 411200 (GB/T 2260). 三门峡市城乡一体化示范区 is a functional zone with no
 * GB/T 2260 code of its own; **411272 is a platform-local code** chosen inside 三门峡市's range, and its
 * `gbCode` is left empty on purpose. Township codes follow the statistical convention (街道 0xx, 镇 1xx).
 */
export const DEMO_COUNTY = { code: '411272000000', prefix: '411272', name: '三门峡市城乡一体化示范区' } as const;

// The townships the seed documents name (000 §四(一)2, 003): 大王镇 (灵宝大枣, 大棚蔬菜), 阳店镇 (山区果品),
// 禹王路街道 (大棚蔬菜). Village names below are illustrative, not a gazetteer.
const DEMO_TOWNSHIPS: readonly { code: string; name: string; villages: readonly string[] }[] = [
  { code: '411272100', name: '大王镇', villages: ['大王村', '南沟村', '后川村', '北村', '七里村', '王官村', '湾子村', '枣园村', '东营村', '西张村'] },
  { code: '411272101', name: '阳店镇', villages: ['阳店村', '东坡村', '北坡头村', '孙家沟村', '果园村', '石门村', '上河村', '桃花岭村'] },
  { code: '411272001', name: '禹王路街道', villages: ['禹王村', '菜园村', '新建村', '刘家庄村', '后河村', '湖滨村'] },
];

const GROUP_NAMES = ['第一村民小组', '第二村民小组', '第三村民小组', '第四村民小组', '第五村民小组', '第六村民小组'];
const VILLAGE_SYLLABLES = '东西南北前后上下大小新老王李张刘陈杨赵周孙马郭何高宋柳桃杏枣槐河沟坡岭川庄营屯坪湾寨'.split('');

/** Shape of a county to generate: the demo zone, or the synthetic bench county. */
export type CountyShape = {
  kind: 'demo' | 'bench';
  /** townships; villages per township for the bench */
  townships?: number;
  villagesPerTownship?: number;
  groupsPerVillage: [number, number];
};

function baseRegions(): DemoRegion[] {
  return [
    { code: '410000000000', parentCode: null, level: 'province', prefix: '41', name: '河南省', gbCode: '410000', urbanRuralCode: null, sort: 0 },
    { code: '411200000000', parentCode: '410000000000', level: 'city', prefix: '4112', name: '三门峡市', gbCode: '411200', urbanRuralCode: null, sort: 0 },
    { code: DEMO_COUNTY.code, parentCode: '411200000000', level: 'county', prefix: DEMO_COUNTY.prefix, name: DEMO_COUNTY.name, gbCode: null, urbanRuralCode: null, sort: 0 },
  ];
}

function addVillage(out: DemoRegion[], rng: Rng, townshipCode: string, index: number, name: string, groups: [number, number]): void {
  const code = `${townshipCode}${String(200 + index + 1).padStart(3, '0')}`;
  out.push({ code, parentCode: `${townshipCode}000`, level: 'village', prefix: code, name, gbCode: null, urbanRuralCode: '220', sort: index });
  const n = rng.int(groups[0], groups[1]);
  for (let g = 0; g < n; g++) {
    const gcode = `${code}${String(g + 1).padStart(3, '0')}`;
    out.push({ code: gcode, parentCode: code, level: 'group', prefix: gcode, name: GROUP_NAMES[g] ?? `第${g + 1}组`, gbCode: null, urbanRuralCode: null, sort: g });
  }
}

/**
 * Builds the region tree (province → city → county → townships → villages → groups), deterministically.
 * The bench county reuses the demo county code with synthetic township and village names.
 */
export function buildRegions(rng: Rng, shape: CountyShape): DemoRegion[] {
  const out = baseRegions();
  if (shape.kind === 'demo') {
    DEMO_TOWNSHIPS.forEach((t, ti) => {
      out.push({ code: `${t.code}000`, parentCode: DEMO_COUNTY.code, level: 'township', prefix: t.code, name: t.name, gbCode: null, urbanRuralCode: null, sort: ti });
      t.villages.forEach((v, vi) => addVillage(out, rng, t.code, vi, v, shape.groupsPerVillage));
    });
    return out;
  }
  const townships = shape.townships ?? 15;
  const villages = shape.villagesPerTownship ?? 20;
  for (let ti = 0; ti < townships; ti++) {
    const real = DEMO_TOWNSHIPS[ti];
    const tcode = real ? real.code : `411272${String(102 + ti).padStart(3, '0')}`;
    const tname = real ? real.name : `${rng.pick(VILLAGE_SYLLABLES)}${rng.pick(VILLAGE_SYLLABLES)}镇`;
    out.push({ code: `${tcode}000`, parentCode: DEMO_COUNTY.code, level: 'township', prefix: tcode, name: tname, gbCode: null, urbanRuralCode: null, sort: ti });
    const used = new Set<string>();
    for (let vi = 0; vi < villages; vi++) {
      let name = real?.villages[vi] ?? '';
      while (name === '' || used.has(name)) name = `${rng.pick(VILLAGE_SYLLABLES)}${rng.pick(VILLAGE_SYLLABLES)}村`;
      used.add(name);
      addVillage(out, rng, tcode, vi, name, shape.groupsPerVillage);
    }
  }
  return out;
}
