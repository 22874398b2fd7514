import type { RawTx } from '@chanbang/db';
import { yuanToFen } from '@chanbang/domain';
import type { DemoRegion } from './demo-regions.ts';

// The demo zone's 帮扶项目资产 (issue 8 §1–2; 004 §五): five assets with their 确权, management level, operator and
// 四个一批 class, and their half-year income for 2025 H1, 2025 H2 and 2026 H1, so the assets page tells a story:
// three formed by accepted projects of the library (冷库, 红枣晾晒场及加工厂房, 果品交易市场), a 光伏电站 and a 温室大棚
// without a library project; the 温室大棚 earned 9 300 元 in 2025 on a value of 680 000 元, below the 1.50 % bank
// benchmark (10 200 元, A1), and is classed 盘活一批; the 红枣 plant has no 2026 H1 stock-take yet (A3 lists it).
// Amounts in 元 here, written as 分 (yuanToFen).

type AssetSpec = {
  name: string;
  village: string;
  /** the library project (by name) that formed it, accepted or evaluated in the entities demo */
  project: string | null;
  category: 'operating';
  valueYuan: number;
  formedOn: string;
  location: string;
  ownerKind: string;
  ownerName: string;
  confirmedOn: string;
  level: string;
  /** the operating entity (by name), when another one runs it */
  operator: string | null;
  mode: string;
  classes: { cls: string; reason: string; on: string }[];
  /** [year, half, 元, stock-take date] */
  incomes: [number, 1 | 2, number, string][];
};

const ASSETS: AssetSpec[] = [
  {
    name: '北坡头村苹果冷藏库',
    village: '北坡头村',
    project: '北坡头村苹果冷藏库项目',
    category: 'operating',
    valueYuan: 1_100_000,
    formedOn: '2025-03-20',
    location: '北坡头村村委会西侧',
    ownerKind: 'village_collective',
    ownerName: '北坡头村股份经济合作社',
    confirmedOn: '2025-04-15',
    level: 'village_runs',
    operator: null,
    mode: 'leased',
    classes: [{ cls: 'consolidate', reason: '苹果错季销售需求稳定，租金按期足额收取', on: '2025-06-30' }],
    incomes: [
      [2025, 1, 38_500, '2025-07-08'],
      [2025, 2, 41_200, '2026-01-10'],
      [2026, 1, 39_800, '2026-07-06'],
    ],
  },
  {
    name: '东营村红枣晾晒场及加工厂房',
    village: '东营村',
    project: '东营村红枣晾晒场项目',
    category: 'operating',
    valueYuan: 450_000,
    formedOn: '2025-05-10',
    location: '东营村枣园路口',
    ownerKind: 'village_collective',
    ownerName: '东营村股份经济合作社',
    confirmedOn: '2025-06-01',
    level: 'village_runs',
    operator: null,
    mode: 'contracted',
    classes: [{ cls: 'upgrade', reason: '灵宝大枣原料充足，拟增设烘干线延长链条', on: '2025-09-15' }],
    incomes: [
      [2025, 1, 12_000, '2025-07-12'],
      [2025, 2, 15_600.5, '2026-01-15'],
    ],
  },
  {
    name: '阳店村果品交易市场',
    village: '阳店村',
    project: '阳店村果品交易市场项目',
    category: 'operating',
    valueYuan: 2_100_000,
    formedOn: '2024-10-30',
    location: '阳店村 310 国道北侧',
    ownerKind: 'village_collective',
    ownerName: '阳店村股份经济合作社',
    confirmedOn: '2024-12-20',
    level: 'township_governs',
    operator: '三门峡阳店果业有限公司',
    mode: 'leased',
    classes: [{ cls: 'consolidate', reason: '果品集散功能完善，市场前景广、链条较完备', on: '2025-03-01' }],
    incomes: [
      [2025, 1, 63_000, '2025-07-05'],
      [2025, 2, 71_500, '2026-01-08'],
      [2026, 1, 68_000, '2026-07-03'],
    ],
  },
  {
    name: '大王村村级光伏电站',
    village: '大王村',
    project: null,
    category: 'operating',
    valueYuan: 1_200_000,
    formedOn: '2019-06-30',
    location: '大王村北坡荒地',
    ownerKind: 'village_collective',
    ownerName: '大王村股份经济合作社',
    confirmedOn: '2020-03-10',
    level: 'county_manages',
    operator: null,
    mode: 'self_run',
    classes: [{ cls: 'consolidate', reason: '并网发电收益稳定', on: '2024-12-30' }],
    incomes: [
      [2025, 1, 42_000, '2025-07-02'],
      [2025, 2, 35_500, '2026-01-05'],
      [2026, 1, 30_100, '2026-07-02'],
    ],
  },
  {
    name: '枣园村温室大棚',
    village: '枣园村',
    project: null,
    category: 'operating',
    valueYuan: 680_000,
    formedOn: '2021-11-15',
    location: '枣园村南大棚园区',
    ownerKind: 'village_collective',
    ownerName: '枣园村股份经济合作社',
    confirmedOn: '2022-05-20',
    level: 'village_runs',
    operator: null,
    mode: 'leased',
    classes: [
      { cls: 'consolidate', reason: '大棚蔬菜租赁经营正常', on: '2024-12-30' },
      { cls: 'revitalise', reason: '原承租大户退租，2025 年收益低于同期银行基准利率，拟引入合作社经营', on: '2026-01-20' },
    ],
    incomes: [
      [2025, 1, 4_200, '2025-07-10'],
      [2025, 2, 5_100, '2026-01-12'],
      [2026, 1, 6_800, '2026-07-09'],
    ],
  },
];

/** Writes the demo zone's assets, their class history and incomes (inside the demo's transaction); returns the assets made. */
export async function loadAssetsDemo(tx: RawTx, regions: DemoRegion[], countyCode: string): Promise<number> {
  const like = `${countyCode.slice(0, 6)}%`;
  const villages = new Map(regions.filter((r) => r.level === 'village').map((r) => [r.name, r.code]));
  const projects = new Map(
    (await tx.query<{ id: number | string; name: string }>('SELECT id, name FROM projects WHERE region_code LIKE $1', [like])).map((r) => [r.name, Number(r.id)]),
  );
  const entities = new Map(
    (await tx.query<{ id: number | string; name: string }>('SELECT id, name FROM entities WHERE region_code LIKE $1', [like])).map((r) => [r.name, Number(r.id)]),
  );
  let n = 0;
  for (const a of ASSETS) {
    const region = villages.get(a.village);
    if (!region) continue;
    const last = a.classes[a.classes.length - 1]!;
    const [row] = await tx.query<{ id: number | string }>(
      `INSERT INTO assets (asset_no, name, project_id, region_code, category, value_fen, formed_on, location, owner_kind, owner_name, confirmed_on,
         management_level, operator_entity_id, operating_mode, asset_class, class_reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id`,
      [
        `ZC${region.slice(0, 9)}${String(++n).padStart(4, '0')}`,
        a.name,
        a.project ? (projects.get(a.project) ?? null) : null,
        region,
        a.category,
        yuanToFen(a.valueYuan),
        a.formedOn,
        a.location,
        a.ownerKind,
        a.ownerName,
        a.confirmedOn,
        a.level,
        a.operator ? (entities.get(a.operator) ?? null) : null,
        a.mode,
        last.cls,
        last.reason,
      ],
    );
    const id = Number(row!.id);
    let from: string | null = null;
    for (const c of a.classes) {
      await tx.query(`INSERT INTO asset_class_changes (asset_id, region_code, from_class, to_class, reason, changed_at) VALUES ($1, $2, $3, $4, $5, $6)`, [
        id,
        region,
        from,
        c.cls,
        c.reason,
        `${c.on}T09:00:00+08:00`,
      ]);
      from = c.cls;
    }
    for (const [year, half, yuan, on] of a.incomes) {
      await tx.query(`INSERT INTO asset_incomes (asset_id, region_code, year, half, income_fen, stocktake_on) VALUES ($1, $2, $3, $4, $5, $6)`, [
        id,
        region,
        year,
        half,
        yuanToFen(yuan),
        on,
      ]);
    }
  }
  return n;
}
