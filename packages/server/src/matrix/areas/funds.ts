import type { MatrixArea } from './area.types.ts';

// 资金 (modules/funds): a fund source of the owner's township, a library project in the village and an allocation of
// it to the project. Writes are county roles' (403 for the masked roles); P1, balances, versions, what-if in funds.test.ts.
export const fundsArea: MatrixArea = {
  async seed(t, regionCode, label, marks) {
    const township = `${regionCode.slice(0, 9)}000`;
    const name = `${label}衔接资金`;
    const [s] = await t.db.query<{ id: number }>(
      `INSERT INTO fund_sources (region_code, year, fund_level, fund_kind, name, amount_fen) VALUES ($1, 2024, 'county', 'linkage', $2, 100000000) RETURNING id`,
      [township, name],
    );
    const projectName = `${label}资金项目`;
    const [p] = await t.db.query<{ id: number }>(
      `INSERT INTO projects (project_no, name, region_code, project_type, stage, year, budget_fen) VALUES ($1, $2, $3, 'industry', 'funded', 2024, 50000000) RETURNING id`,
      [`MXF${regionCode}${Math.floor(Math.random() * 1e6)}`, projectName, regionCode],
    );
    const note = `${label}资金安排备注`;
    const [a] = await t.db.query<{ id: number }>(
      `INSERT INTO fund_allocations (fund_source_id, project_id, region_code, year, amount_fen, note) VALUES ($1, $2, $3, 2024, 20000000, $4) RETURNING id`,
      [s!.id, p!.id, regionCode, note],
    );
    marks.push(name, projectName, note);
    return { 'fund-sources': Number(s!.id), 'fund-allocations': Number(a!.id), fundProject: Number(p!.id) };
  },
  bodies: {
    'POST /api/v1/fund-sources': (c) => ({ regionCode: c.region, year: 2024, fundLevel: 'county', fundKind: 'linkage', name: '矩阵资金', amountYuan: 1000.5 }),
    'PATCH /api/v1/fund-sources/{id}': () => ({ name: '矩阵改名资金' }),
    'POST /api/v1/fund-allocations': (c) => ({ fundSourceId: c.rec.extra['fund-sources'], projectId: c.rec.extra.fundProject, amountYuan: 1 }),
    'PATCH /api/v1/fund-allocations/{id}': () => ({ note: '矩阵改过的安排' }),
    'POST /api/v1/funds/what-if': (c) => ({ regionCode: c.region, year: 2024, categoryMoves: [{ fromType: 'industry', toType: 'rural_construction', amountYuan: 1 }] }),
    'POST /api/v1/funds/what-if/apply': (c) => ({ moves: [{ allocationId: c.rec.extra['fund-allocations'], version: 1, toProjectId: c.rec.extra.fundProject, amountYuan: 1 }] }),
  },
  regionBodies: ['POST /api/v1/fund-sources', 'POST /api/v1/funds/what-if'],
};
