import type { MatrixArea } from './area.types.ts';

// 产业谱系 / 产业链图谱 (modules/industries): one industry of the village with a chain of two links (all version 1, so
// the matrix's If-Match "1" fits). Scope (a county industry read by a township officer, edited only by the county),
// versions, gaps and the 409s: modules/industries/industries.test.ts.
export const industriesArea: MatrixArea = {
  async seed(t, regionCode, label, marks) {
    const name = `${label}矩阵产业`;
    const [i] = await t.db.query<{ id: number }>(
      `INSERT INTO industries (region_code, name, category, kind, tier, scale_note) VALUES ($1, $2, 'fruit', 'leading', 'village_one', $3) RETURNING id`,
      [regionCode, name, `${label}产业规模`],
    );
    const [c] = await t.db.query<{ id: number }>(`INSERT INTO industry_chains (industry_id, region_code, name, leader_name, shortfalls) VALUES ($1, $2, $3, $4, $5) RETURNING id`, [
      i!.id,
      regionCode,
      `${label}矩阵产业链`,
      `${label}链长`,
      `${label}全链短板`,
    ]);
    const [l] = await t.db.query<{ id: number }>(
      `INSERT INTO chain_links (chain_id, link_kind, name, sort, shortfall) VALUES ($1, 'base', $2, 10, $3), ($1, 'sales', NULL, 20, NULL) RETURNING id`,
      [c!.id, `${label}基地环节`, `${label}环节短板`],
    );
    marks.push(name, `${label}产业规模`, `${label}矩阵产业链`, `${label}链长`, `${label}全链短板`, `${label}基地环节`, `${label}环节短板`);
    return { industries: Number(i!.id), chains: Number(c!.id), 'chain-links': Number(l!.id) };
  },
  bodies: {
    'POST /api/v1/industries': (c) => ({ regionCode: c.region, name: '矩阵新产业', category: 'vegetable', kind: 'emerging', tier: 'village_one' }),
    'PATCH /api/v1/industries/{id}': () => ({ scaleNote: '矩阵改过的规模' }),
    'POST /api/v1/industries/{id}/chains': () => ({ name: '矩阵新产业链', leaderName: '矩阵链长', useTemplate: false }),
    'PATCH /api/v1/chains/{id}': () => ({ leaderName: '矩阵改过的链长' }),
    'POST /api/v1/chains/{id}/links': () => ({ linkKind: 'training', name: '矩阵培训环节' }),
    'PATCH /api/v1/chain-links/{id}': () => ({ shortfall: '矩阵改过的短板' }),
    'PUT /api/v1/chain-links/{id}/entities': () => ({ entityIds: [] }),
  },
  regionBodies: ['POST /api/v1/industries'],
};
