import type { RawTx } from '@chanbang/db';
import type { DemoRegion } from './demo-regions.ts';

// The demo zone's 衔接资金 2022–2025 (中央/省/市/县) and their allocations to four library projects, so the funds
// dashboard tells a story against the Sanmenxia pack's F1 (000 §五(二): 55% 以上投向产业发展并逐年提升): 56.0% in
// 2022 and 58.0% in 2023 (met, rising), 52.0% in 2024 (below 55% and below last year), 58.0% in 2025. Amounts in 万元
// (×1 000 000 分). The projects are created here (灵宝大枣深加工, 大棚蔬菜基地提升, 果品冷链, 乡村道路), already 实施中.

type ProjectSpec = { key: string; name: string; township: string; type: string; subtype: string | null; industry: string | null; specialty: boolean };

const PROJECTS: ProjectSpec[] = [
  { key: 'dates', name: '灵宝大枣深加工', township: '大王镇', type: 'industry', subtype: 'processing_distribution', industry: '灵宝大枣', specialty: true },
  { key: 'greenhouse', name: '大棚蔬菜基地提升', township: '大王镇', type: 'industry', subtype: 'production', industry: '大棚蔬菜', specialty: true },
  { key: 'coldchain', name: '果品冷链', township: '阳店镇', type: 'industry', subtype: 'processing_distribution', industry: '山区果品', specialty: true },
  { key: 'road', name: '乡村道路', township: '大王镇', type: 'rural_construction', subtype: 'infrastructure', industry: null, specialty: false },
];

/** Each year: the sources by level (万元) and the money (万元) each project gets; industry ÷ total is the F1 share. */
const YEARS: { year: number; sources: Record<string, number>; allocations: Record<string, number> }[] = [
  { year: 2022, sources: { central: 2800, provincial: 1100, city: 700, county: 400 }, allocations: { dates: 1400, greenhouse: 800, coldchain: 600, road: 2200 } },
  { year: 2023, sources: { central: 3000, provincial: 1200, city: 750, county: 450 }, allocations: { dates: 1600, greenhouse: 900, coldchain: 632, road: 2268 } },
  { year: 2024, sources: { central: 3100, provincial: 1250, city: 800, county: 450 }, allocations: { dates: 1500, greenhouse: 800, coldchain: 612, road: 2688 } },
  { year: 2025, sources: { central: 3200, provincial: 1300, city: 800, county: 500 }, allocations: { dates: 1700, greenhouse: 1000, coldchain: 664, road: 2436 } },
  // this year (the demo's "now" is late 2026): allocated, 59.0% to industry, above 2025's 58.0%
  { year: 2026, sources: { central: 3300, provincial: 1400, city: 800, county: 500 }, allocations: { dates: 1800, greenhouse: 1080, coldchain: 660, road: 2460 } },
];

const LEVEL_ZH: Record<string, string> = { central: '中央', provincial: '省级', city: '市级', county: '县级' };
const WAN = 1_000_000; // 分 per 万元

/** Creates the demo zone's fund sources, projects and allocations (inside the demo's transaction); returns the allocations made. */
export async function loadFundsDemo(tx: RawTx, regions: DemoRegion[], countyCode: string): Promise<number> {
  const towns = new Map(regions.filter((r) => r.level === 'township').map((r) => [r.name, r.code]));
  const industries = new Map<string, number>();
  // the first industry of a name (大棚蔬菜 of 大王镇 before 禹王路街道's)
  for (const r of await tx.query<{ id: number | string; name: string }>('SELECT id, name FROM industries WHERE region_code LIKE $1 ORDER BY id', [`${countyCode.slice(0, 6)}%`])) {
    if (!industries.has(r.name)) industries.set(r.name, Number(r.id));
  }
  const projectIds = new Map<string, { id: number; region: string }>();
  for (const [i, p] of PROJECTS.entries()) {
    const region = towns.get(p.township) ?? countyCode;
    const budget = YEARS.reduce((s, y) => s + (y.allocations[p.key] ?? 0), 0) * WAN;
    const [row] = await tx.query<{ id: number | string }>(
      `INSERT INTO projects (project_no, name, region_code, project_type, project_subtype, industry_id, is_specialty, stage, year, budget_fen, linkage_modes, entered_library_on, started_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'implementing', 2022, $8, $9, '2022-03-01', '2022-04-01') RETURNING id`,
      [
        `SMX-ZJ-${String(i + 1).padStart(3, '0')}`,
        p.name,
        region,
        p.type,
        p.subtype,
        p.industry ? (industries.get(p.industry) ?? null) : null,
        p.specialty,
        budget,
        p.type === 'industry' ? ['employment', 'order_production'] : [],
      ],
    );
    projectIds.set(p.key, { id: Number(row!.id), region });
  }
  let n = 0;
  for (const y of YEARS) {
    const sources: { id: number; left: number }[] = [];
    for (const [level, wan] of Object.entries(y.sources)) {
      const [s] = await tx.query<{ id: number | string }>(
        `INSERT INTO fund_sources (region_code, year, fund_level, fund_kind, name, document_no, amount_fen) VALUES ($1, $2, $3, 'linkage', $4, $5, $6) RETURNING id`,
        [countyCode, y.year, level, `${y.year}年${LEVEL_ZH[level]}衔接推进乡村振兴补助资金`, `示范区财〔${y.year}〕${10 + sources.length}号`, wan * WAN],
      );
      sources.push({ id: Number(s!.id), left: wan * WAN });
    }
    // each project's money is taken from the sources in order (中央 first), so some projects draw on two levels
    for (const [key, wan] of Object.entries(y.allocations)) {
      const p = projectIds.get(key)!;
      let need = wan * WAN;
      for (const s of sources) {
        if (need === 0) break;
        const take = Math.min(need, s.left);
        if (take === 0) continue;
        await tx.query('INSERT INTO fund_allocations (fund_source_id, project_id, region_code, year, amount_fen, allocated_on) VALUES ($1, $2, $3, $4, $5, $6)', [
          s.id,
          p.id,
          p.region,
          y.year,
          take,
          `${y.year}-04-15`,
        ]);
        s.left -= take;
        need -= take;
        n++;
      }
    }
  }
  return n;
}
