import { buildRegions, DEMO_COUNTY, type DemoRegion } from './demo-regions.ts';
import { generateHelpers, generateHouseholds, type DemoHelper, type DemoHousehold } from './demo-households.generator.ts';
import { createRng } from './prng.ts';

/** Options of {@link buildDemoCounty}: the demo zone by default, or the synthetic bench county. */
export type DemoCountyOptions = {
  kind?: 'demo' | 'bench';
  /** households to generate (demo: 2 400; bench: 100 000) */
  households?: number;
  /** bench only */
  townships?: number;
  villagesPerTownship?: number;
  seed?: number;
};

/** A generated county: its regions and helpers, and its households on demand (a generator, streamable). */
export type DemoCounty = {
  regions: DemoRegion[];
  helpers: DemoHelper[];
  households(): Generator<DemoHousehold>;
};

/** Default shape of the bench county (README: 300 000 persons, 100 000 households, 15 townships, 300 villages). */
export const BENCH_COUNTY = { households: 100_000, townships: 15, villagesPerTownship: 20 } as const;

/**
 * Builds the demo zone (三门峡市城乡一体化示范区: 大王镇, 阳店镇, 禹王路街道, 24 villages with their groups) or the
 * bench county. Deterministic: the same options give byte-identical data.
 */
export function buildDemoCounty(opts: DemoCountyOptions = {}): DemoCounty {
  const kind = opts.kind ?? 'demo';
  const seed = opts.seed ?? 20220210; // the seed documents' date (000, 003)
  const rng = createRng(seed);
  const regions = buildRegions(rng.fork('regions'), {
    kind,
    townships: opts.townships ?? BENCH_COUNTY.townships,
    villagesPerTownship: opts.villagesPerTownship ?? BENCH_COUNTY.villagesPerTownship,
    groupsPerVillage: kind === 'demo' ? [3, 5] : [3, 5],
  });
  const helpers = generateHelpers(rng.fork('helpers'), regions, kind === 'demo' ? 4 : 8);
  const households = opts.households ?? (kind === 'demo' ? 2_400 : BENCH_COUNTY.households);
  return {
    regions,
    helpers,
    households: () => generateHouseholds(rng.fork('households'), regions, helpers, { households, h1GapRate: 0.12 }),
  };
}

/** The shared password of the demo users (README). */
export const DEMO_PASSWORD = 'Chanbang@2026';

/** The demo logins: a county administrator, a 大王镇 township officer and a village officer of its first village. */
export function DEMO_USERS(regions: DemoRegion[]): { username: string; displayName: string; role: string; regionCode: string; password: string }[] {
  const dawang = regions.find((r) => r.level === 'township' && r.name === '大王镇') ?? regions.find((r) => r.level === 'township');
  const village = regions.find((r) => r.level === 'village' && r.parentCode === dawang?.code);
  return [
    { username: 'admin', displayName: '示范区管理员', role: 'admin', regionCode: DEMO_COUNTY.code, password: DEMO_PASSWORD },
    { username: 'county', displayName: '示范区县级业务员', role: 'county_officer', regionCode: DEMO_COUNTY.code, password: DEMO_PASSWORD },
    { username: 'dawang', displayName: `${dawang?.name ?? ''}业务员`, role: 'township_officer', regionCode: dawang?.code ?? DEMO_COUNTY.code, password: DEMO_PASSWORD },
    { username: 'dawang-cun', displayName: `${village?.name ?? ''}信息员`, role: 'village_officer', regionCode: village?.code ?? DEMO_COUNTY.code, password: DEMO_PASSWORD },
  ];
}
