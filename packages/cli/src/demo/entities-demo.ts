import type { RawTx } from '@chanbang/db';
import { CREDIT_CODE_CHARSET, creditCodeCheckChar } from '@chanbang/domain';
import { copyLine, type CopyValue } from './csv.ts';
import { loadProjectsDemo } from './entities-demo-projects.ts';
import { loadLinkagesAndLoans, type DemoHouseholdRow } from './entities-demo-linkages.ts';
import type { DemoRegion } from './demo-regions.ts';
import { pickGivenName, pickSurname } from './names.ts';
import { createRng, type Rng } from './prng.ts';

// The demo zone's 经营主体 (issue 7 §1–§3) so every rule of the entities area tells a story against the Sanmenxia
// pack: 4 市级以上龙头企业 (003 §二(四)4 wants 5 by 2025: E5 not yet met), a 农民专业合作社 in all villages but three
// (000 §四(五): E1 fails there with its reason), 党支部领办 村集体经济合作组织 in 11 of 24 villages (45.8 %; 003 §二(一)1:
// 2022 40 % met, 2025 90 % not), a 农业技术骨干 in all villages but one and in every cooperative but two (000 §五(二):
// E2 fails with the names), 家庭农场, 种养大户, 帮扶车间 (one in the 易地搬迁 安置区), one 产业振兴联合体 over three
// villages. Names come from the seeds' industries and places; credit codes carry a valid GB 32100 check character.

/** A generated entity before it is written. */
export type DemoEntity = {
  key: string;
  regionCode: string;
  entityType: string;
  name: string;
  creditCode: string | null;
  level: string | null;
  partyLed: boolean;
  legalPerson: string | null;
  contactName: string;
  contactPhone: string;
  address: string;
  establishedOn: string;
  servedRegionCodes: string[];
  isRelocationPark: boolean;
  /** the demo industry (by name) and the chain link kind it works at, when it has one */
  industry: string | null;
  linkKind: string | null;
};

/** A written entity as the linkage and project loaders need it. */
export type DemoEntityRow = { id: number; name: string; entityType: string; regionCode: string; servedRegionCodes: string[]; industry: string | null };

// Products of each township's cooperatives (seed 000 §四(一)2): [name part, demo industry]
const PRODUCTS: Record<string, readonly (readonly [string, string])[]> = {
  大王镇: [
    ['红枣种植', '灵宝大枣'],
    ['大棚蔬菜种植', '大棚蔬菜'],
    ['灵宝大枣', '灵宝大枣'],
  ],
  阳店镇: [
    ['苹果种植', '山区果品'],
    ['核桃种植', '山区果品'],
    ['果品', '山区果品'],
    ['乡村旅游', '乡村旅游'],
  ],
  禹王路街道: [
    ['蔬菜种植', '大棚蔬菜'],
    ['设施农业', '大棚蔬菜'],
    ['休闲农业', '乡村旅游'],
  ],
};

/** Villages (by name) without a cooperative (E1 fails), without any backbone (E2), with a party-led collective (E3). */
const NO_COOPERATIVE = ['北村', '石门村', '后河村'];
const NO_BACKBONE = ['石门村'];
const PARTY_LED = ['大王村', '南沟村', '枣园村', '七里村', '王官村', '阳店村', '东坡村', '桃花岭村', '果园村', '禹王村', '菜园村'];
/** Other villages with a collective that is not party-led. */
const PLAIN_COLLECTIVE = ['后川村', '上河村', '新建村'];
/** Villages with a second cooperative, and the cooperatives (by village) left without a backbone (E2 reasons). */
const SECOND_COOPERATIVE = ['大王村', '枣园村', '阳店村', '果园村', '菜园村'];
const COOP_WITHOUT_BACKBONE = ['西张村', '孙家沟村'];

const SPECIALTIES: Record<string, readonly string[]> = {
  大王镇: ['枣树栽培', '枣树病虫害防治', '设施蔬菜', '红枣烘干加工'],
  阳店镇: ['果树修剪', '苹果套袋管理', '核桃嫁接', '果园病虫害防治'],
  禹王路街道: ['设施蔬菜', '蔬菜育苗', '水肥一体化'],
};
const TITLES = ['农艺师', '助理农艺师', '高级农艺师', '乡土人才', null];
const PHONE_PREFIXES = ['138', '139', '135', '137', '150', '151', '152', '158', '159', '182', '187', '188', '136', '155', '156', '186', '133', '153', '180', '189'];

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

/** A plausible mobile number (the local carriers' prefixes). */
export function demoPhone(rng: Rng): string {
  return `${rng.pick(PHONE_PREFIXES)}${pad(rng.int(0, 9999), 4)}${pad(rng.int(0, 9999), 4)}`;
}

function personName(rng: Rng, born: number): string {
  return pickSurname(rng) + pickGivenName(rng, rng.chance(0.75), born);
}

/**
 * A 统一社会信用代码 with a valid check character (GB 32100 §4.3): 登记管理部门 + 机构类别, the 6-digit region of the
 * registering office, a 9-character body (MA… for 市场监管 registrations, MF… for 农业农村), then the check.
 */
export function demoCreditCode(rng: Rng, used: Set<string>, head: string, area: string): string {
  for (;;) {
    let body = head.startsWith('N') ? 'MF' : 'MA';
    while (body.length < 9) body += rng.pick(CREDIT_CODE_CHARSET.split(''));
    const first17 = `${head}${area}${body}`;
    const code = first17 + creditCodeCheckChar(first17)!;
    if (!used.has(code)) {
      used.add(code);
      return code;
    }
  }
}

const stem = (village: string) => village.replace(/村$/, '');

/** Builds the demo zone's entities (pure: the regions and a seeded stream in, rows out). */
export function buildDemoEntities(rng: Rng, regions: readonly DemoRegion[]): DemoEntity[] {
  const towns = regions.filter((r) => r.level === 'township');
  const villages = regions.filter((r) => r.level === 'village');
  const townOf = (v: DemoRegion) => towns.find((t) => t.code === v.parentCode)!;
  const byName = (name: string) => villages.find((v) => v.name === name);
  const used = new Set<string>();
  const out: DemoEntity[] = [];
  const base = (regionCode: string, address: string, year: [number, number]): Pick<DemoEntity, 'contactName' | 'contactPhone' | 'address' | 'establishedOn'> => ({
    contactName: personName(rng, rng.int(1965, 1990)),
    contactPhone: demoPhone(rng),
    address,
    establishedOn: `${rng.int(year[0], year[1])}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`,
  });
  const add = (e: Omit<DemoEntity, 'contactName' | 'contactPhone' | 'address' | 'establishedOn'>, address: string, years: [number, number]) =>
    out.push({ ...e, ...base(e.regionCode, address, years) });
  const enterprise = (key: string, village: string, name: string, level: string, industry: string, linkKind: string, area: string) => {
    const v = byName(village);
    if (!v) return;
    const t = townOf(v);
    add(
      {
        key,
        regionCode: v.code,
        entityType: 'leading_enterprise',
        name,
        creditCode: demoCreditCode(rng, used, '91', area),
        level,
        partyLed: false,
        legalPerson: personName(rng, rng.int(1962, 1982)),
        servedRegionCodes: [],
        isRelocationPark: false,
        industry,
        linkKind,
      },
      `三门峡市城乡一体化示范区${t.name}${v.name}`,
      [2008, 2016],
    );
  };
  // 市级以上龙头企业: 4 (E5 wants 5 by 2025), each 主导产业 backed by one
  enterprise('ent-dates-1', '枣园村', '三门峡枣乡红枣食品有限公司', 'provincial', '灵宝大枣', 'processing', '411200');
  enterprise('ent-dates-2', '大王村', '三门峡大王枣业科技有限公司', 'city', '灵宝大枣', 'processing', '411200');
  enterprise('ent-fruit-1', '阳店村', '三门峡阳店果业有限公司', 'city', '山区果品', 'cold_chain', '411200');
  enterprise('ent-veg-1', '菜园村', '三门峡禹王绿源蔬菜有限公司', 'city', '大棚蔬菜', 'production', '411200');
  // 县级龙头企业
  enterprise('ent-walnut', '东坡村', '三门峡东坡核桃食品有限公司', 'county', '山区果品', 'processing', '411272');
  enterprise('ent-tour', '桃花岭村', '三门峡桃花岭乡村旅游开发有限公司', 'county', '乡村旅游', 'base', '411272');
  enterprise('ent-veg-2', '南沟村', '三门峡示范区绿禾农业开发有限公司', 'county', '大棚蔬菜', 'base', '411272');

  for (const v of villages) {
    const t = townOf(v);
    const products = PRODUCTS[t.name] ?? PRODUCTS['大王镇']!;
    const address = `三门峡市城乡一体化示范区${t.name}${v.name}`;
    const coops = NO_COOPERATIVE.includes(v.name) ? 0 : SECOND_COOPERATIVE.includes(v.name) ? 2 : 1;
    for (let i = 0; i < coops; i++) {
      const [product, industry] = products[(v.sort + i) % products.length]!;
      add(
        {
          key: `coop-${v.code}-${i}`,
          regionCode: v.code,
          entityType: 'cooperative',
          name: `三门峡市${stem(v.name)}${product}专业合作社`,
          creditCode: demoCreditCode(rng, used, '93', '411272'),
          level: rng.chance(0.25) ? rng.pick(['county', 'county', 'city']) : null,
          partyLed: false,
          legalPerson: personName(rng, rng.int(1960, 1985)),
          servedRegionCodes: [],
          isRelocationPark: false,
          industry,
          linkKind: 'production',
        },
        address,
        [2012, 2021],
      );
    }
    if (PARTY_LED.includes(v.name) || PLAIN_COLLECTIVE.includes(v.name)) {
      const partyLed = PARTY_LED.includes(v.name);
      add(
        {
          key: `coll-${v.code}`,
          regionCode: v.code,
          entityType: 'collective',
          name: `三门峡市城乡一体化示范区${t.name}${v.name}股份经济合作社`,
          creditCode: demoCreditCode(rng, used, 'N2', '411272'),
          level: null,
          partyLed,
          legalPerson: personName(rng, rng.int(1962, 1980)),
          servedRegionCodes: [],
          isRelocationPark: false,
          industry: products[0]![1],
          linkKind: null,
        },
        address,
        [2019, 2021],
      );
    }
  }
  // 家庭农场 and 种养大户/能人 (a person: no credit code)
  const farms: [string, string, string, string][] = [
    ['枣园村', '灵宝大枣', 'base', '红枣'],
    ['后川村', '灵宝大枣', 'base', '红枣'],
    ['湾子村', '大棚蔬菜', 'production', '蔬菜'],
    ['北坡头村', '山区果品', 'production', '苹果'],
    ['上河村', '山区果品', 'production', '桃'],
    ['刘家庄村', '大棚蔬菜', 'production', '蔬菜'],
    ['东营村', '灵宝大枣', 'production', '红枣'],
    ['孙家沟村', '山区果品', 'production', '核桃'],
  ];
  for (const [i, [village, industry, linkKind, product]] of farms.entries()) {
    const v = byName(village);
    if (!v) continue;
    const owner = personName(rng, rng.int(1968, 1988));
    const t = townOf(v);
    const farm = i % 2 === 0;
    add(
      {
        key: `${farm ? 'farm' : 'grower'}-${i}`,
        regionCode: v.code,
        entityType: farm ? 'family_farm' : 'large_grower',
        name: farm ? `三门峡市${owner}家庭农场` : `${owner}（${product}种植大户）`,
        creditCode: farm ? demoCreditCode(rng, used, '92', '411272') : null,
        level: null,
        partyLed: false,
        legalPerson: farm ? owner : null,
        servedRegionCodes: [],
        isRelocationPark: false,
        industry,
        linkKind,
      },
      `三门峡市城乡一体化示范区${t.name}${v.name}`,
      [2015, 2022],
    );
    out[out.length - 1]!.contactName = owner;
  }
  // 帮扶车间 (one in the 易地扶贫搬迁 安置区 park) and the 产业振兴联合体 over three villages
  const workshops: [string, string, string | null, boolean][] = [
    ['枣园村', '三门峡市枣园村红枣分拣包装帮扶车间', '灵宝大枣', false],
    ['果园村', '三门峡市阳店镇果品分级包装帮扶车间', '山区果品', false],
    ['新建村', '三门峡市禹王路街道易地搬迁安置区来料加工帮扶车间', null, true],
    ['七里村', '三门峡市七里村手工编织帮扶车间', null, false],
  ];
  for (const [i, [village, name, industry, park]] of workshops.entries()) {
    const v = byName(village);
    if (!v) continue;
    add(
      {
        key: `shop-${i}`,
        regionCode: v.code,
        entityType: 'workshop',
        name,
        creditCode: demoCreditCode(rng, used, '91', '411272'),
        level: null,
        partyLed: false,
        legalPerson: personName(rng, rng.int(1970, 1988)),
        servedRegionCodes: [],
        isRelocationPark: park,
        industry,
        linkKind: industry ? 'processing' : null,
      },
      `三门峡市城乡一体化示范区${townOf(v).name}${v.name}${park ? '安置区产业园' : ''}`,
      [2019, 2023],
    );
  }
  const served = ['南沟村', '七里村', '王官村'].map(byName).filter((v): v is DemoRegion => v !== undefined);
  const dawang = towns.find((t) => t.name === '大王镇');
  if (dawang && served.length === 3) {
    add(
      {
        key: 'consortium',
        regionCode: served[0]!.code,
        entityType: 'consortium',
        name: '大王镇灵宝大枣产业振兴联合体',
        creditCode: null,
        level: null,
        partyLed: false,
        legalPerson: null,
        servedRegionCodes: served.slice(1).map((v) => v.code),
        isRelocationPark: false,
        industry: '灵宝大枣',
        linkKind: 'production',
      },
      `三门峡市城乡一体化示范区大王镇${served[0]!.name}`,
      [2022, 2022],
    );
  }
  return out;
}

async function copy(tx: RawTx, sqlText: string, rows: CopyValue[][]): Promise<void> {
  if (rows.length) await tx.copyFromCsv(sqlText, rows.map((r) => copyLine(r)).join(''));
}

/** Counts of what the entities demo wrote. */
export type EntitiesDemoCounts = { entities: number; backbones: number; linkages: number; loans: number; repayments: number; projects: number };

/** The first households of each village (list order) left without linkages and loans. */
const BLANK_PER_VILLAGE = 5;

/** Below this many 脱贫户/监测户 the demo has too few households per village for its stories and writes nothing. */
export const ENTITIES_DEMO_MIN_HOUSEHOLDS = 200;

/**
 * Writes the demo zone's entities, backbones, chain placements, linkages, loans and projects (inside the demo's
 * transaction, after the industries demo). Deterministic. Returns null when the county has too few households.
 */
export async function loadEntitiesDemo(tx: RawTx, regions: DemoRegion[], countyCode: string): Promise<EntitiesDemoCounts | null> {
  const prefix = `${countyCode.slice(0, 6)}%`;
  // `blank`: the first households of each village in list order (region, id) get no linkage nor loan — the browser
  // journeys (e2e) take them as a clean slate to add their own and check the sums
  const households = await tx.query<DemoHouseholdRow>(
    `SELECT h.id::int AS id, h.region_code, h.household_type, h.is_lifted, h.monitoring_type, h.monitoring_status, h.rn <= $4 AS blank,
            (SELECT p.id::int FROM persons p WHERE p.household_id = h.id AND p.birth_date BETWEEN $2::date AND $3::date ORDER BY p.is_head DESC, p.id LIMIT 1) AS borrower_id,
            (SELECT p.birth_date::text FROM persons p WHERE p.household_id = h.id AND p.birth_date BETWEEN $2::date AND $3::date ORDER BY p.is_head DESC, p.id LIMIT 1) AS borrower_birth
     FROM (SELECT x.*, row_number() OVER (PARTITION BY substr(x.region_code, 1, 12) ORDER BY x.region_code, x.id) AS rn
           FROM households x WHERE x.region_code LIKE $1 AND x.deleted_at IS NULL) h
     WHERE h.household_type IN ('lifted', 'monitored') OR h.is_lifted OR h.monitoring_status = 'monitoring' ORDER BY h.id`,
    [prefix, '1961-01-01', '2003-12-31', BLANK_PER_VILLAGE],
  );
  if (households.length < ENTITIES_DEMO_MIN_HOUSEHOLDS) return null;
  const rng = createRng(20220210).fork('entities');
  const entities = buildDemoEntities(rng.fork('entities'), regions);
  await copy(
    tx,
    'COPY entities (region_code, entity_type, name, credit_code, level, party_led, legal_person, contact_name, contact_phone, address, established_on, served_region_codes, is_relocation_park) FROM STDIN WITH (FORMAT csv)',
    entities.map((e) => [
      e.regionCode,
      e.entityType,
      e.name,
      e.creditCode,
      e.level,
      e.partyLed,
      e.legalPerson,
      e.contactName,
      e.contactPhone,
      e.address,
      e.establishedOn,
      e.servedRegionCodes,
      e.isRelocationPark,
    ]),
  );
  const ids = new Map<string, number>();
  const names = entities.map((e) => e.name);
  for (const r of await tx.query<{ id: number | string; name: string }>('SELECT id, name FROM entities WHERE region_code LIKE $1 AND name = ANY($2::text[])', [prefix, names])) {
    ids.set(r.name, Number(r.id));
  }
  // industries and chain links of the industries demo: an entity works in its industry, at its link when the chain has it
  const industries = await tx.query<{ id: number | string; name: string; region_code: string }>(
    'SELECT id, name, region_code FROM industries WHERE region_code LIKE $1 ORDER BY id',
    [prefix],
  );
  const links = await tx.query<{ id: number | string; industry_id: number | string; link_kind: string }>(
    'SELECT l.id, c.industry_id, l.link_kind FROM chain_links l JOIN industry_chains c ON c.id = l.chain_id WHERE c.region_code LIKE $1',
    [prefix],
  );
  const industryOf = (name: string, regionCode: string) =>
    industries.find((i) => i.name === name && regionCode.startsWith(i.region_code.slice(0, 9))) ?? industries.find((i) => i.name === name);
  const ei: CopyValue[][] = [];
  const cle: CopyValue[][] = [];
  for (const e of entities) {
    const id = ids.get(e.name);
    const ind = e.industry ? industryOf(e.industry, e.regionCode) : undefined;
    if (id === undefined || !ind) continue;
    ei.push([id, Number(ind.id)]);
    const link = links.find((l) => Number(l.industry_id) === Number(ind.id) && l.link_kind === e.linkKind);
    if (link) cle.push([Number(link.id), id]);
  }
  await copy(tx, 'COPY entity_industries (entity_id, industry_id) FROM STDIN WITH (FORMAT csv)', ei);
  await copy(tx, 'COPY chain_link_entities (link_id, entity_id) FROM STDIN WITH (FORMAT csv)', cle);

  // 农业技术骨干: one serving each village but one (NO_BACKBONE), one in each cooperative but two
  const brng = rng.fork('backbones');
  const bb: CopyValue[][] = [];
  for (const v of regions.filter((r) => r.level === 'village')) {
    if (NO_BACKBONE.includes(v.name)) continue;
    const town = regions.find((t) => t.code === v.parentCode)?.name ?? '';
    const spec = SPECIALTIES[town] ?? SPECIALTIES['大王镇']!;
    const kind = brng.chance(0.35) ? 'tech_commissioner' : 'backbone';
    bb.push([null, v.code, personName(brng, brng.int(1965, 1992)), kind, brng.pick(spec), kind === 'tech_commissioner' ? '农艺师' : brng.pick(TITLES), demoPhone(brng)]);
  }
  for (const e of entities.filter((x) => x.entityType === 'cooperative')) {
    const village = regions.find((r) => r.code === e.regionCode);
    if (!village || (COOP_WITHOUT_BACKBONE.includes(village.name) && e.key.endsWith('-0'))) continue;
    const town = regions.find((t) => t.code === village.parentCode)?.name ?? '';
    bb.push([ids.get(e.name) ?? null, e.regionCode, personName(brng, brng.int(1970, 1995)), 'backbone', brng.pick(SPECIALTIES[town] ?? []), brng.pick(TITLES), demoPhone(brng)]);
  }
  await copy(tx, 'COPY entity_backbones (entity_id, region_code, name, kind, specialty, title, phone) FROM STDIN WITH (FORMAT csv)', bb);

  const rows: DemoEntityRow[] = entities
    .filter((e) => ids.has(e.name))
    .map((e) => ({ id: ids.get(e.name)!, name: e.name, entityType: e.entityType, regionCode: e.regionCode, servedRegionCodes: e.servedRegionCodes, industry: e.industry }));
  const projects = await loadProjectsDemo(tx, rng.fork('projects'), { regions, countyCode, entities: rows, households, industries, links });
  const lk = await loadLinkagesAndLoans(tx, rng.fork('linkages'), { regions, countyCode, entities: rows, households });
  return { entities: entities.length, backbones: bb.length, linkages: lk.linkages, loans: lk.loans, repayments: lk.repayments, projects };
}
