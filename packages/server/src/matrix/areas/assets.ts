import type { MatrixArea } from './area.types.ts';

// 帮扶项目资产 (modules/assets): one operating asset of the village (version 1, so the matrix's If-Match "1" fits).
// Roles (a village officer reads only), versions, class history, disposal, incomes and A3: modules/assets/assets.test.ts.
// The income routes are walked on its 2024 上半年 income ({year} 2024, {half} 1).
let seq = 0;

export const assetsArea: MatrixArea = {
  async seed(t, regionCode, label, marks) {
    const name = `${label}矩阵光伏电站`;
    const [a] = await t.db.query<{ id: number }>(
      `INSERT INTO assets (asset_no, name, region_code, category, value_fen, location, owner_kind, owner_name) VALUES ($1, $2, $3, 'operating', 120000000, $4, 'village_collective', $5) RETURNING id`,
      [`MXZC${regionCode}${String(++seq).padStart(3, '0')}`, name, regionCode, `${label}村东坡`, `${label}股份经济合作社`],
    );
    marks.push(name, `${label}村东坡`, `${label}股份经济合作社`);
    // its income of 2024 上半年 (version 1): the income routes are walked on it
    await t.db.query(`INSERT INTO asset_incomes (asset_id, region_code, year, half, income_fen, note) VALUES ($1, $2, 2024, 1, 900000, $3)`, [
      a!.id,
      regionCode,
      `${label}矩阵收益备注`,
    ]);
    marks.push(`${label}矩阵收益备注`);
    return { assets: Number(a!.id) };
  },
  bodies: {
    'POST /api/v1/assets': (c) => ({ name: `矩阵冷库${++seq}`, regionCode: c.region, category: 'operating', valueYuan: 50000 }),
    'PATCH /api/v1/assets/{id}': () => ({ note: '矩阵备注' }),
    'POST /api/v1/assets/{id}/class': () => ({ assetClass: 'upgrade', reason: '矩阵调整理由' }),
    'POST /api/v1/assets/{id}/dispose': () => ({ reason: '矩阵处置', disposedOn: '2026-01-01' }),
    'PUT /api/v1/assets/{id}/incomes/{year}/{half}': () => ({ incomeYuan: 1000, stocktakeOn: '2024-07-10' }),
  },
  regionBodies: ['POST /api/v1/assets'],
};
