import type { MatrixArea } from './area.types.ts';

// 联农带农 (modules/linkages): one entity of the village and a linkage of the owner's household (the newest household
// of the region: matrix-world seeds the areas right after it). Carry, scope and versions in linkages.test.ts.
export const linkagesArea: MatrixArea = {
  async seed(t, regionCode, label, marks) {
    const [h] = await t.db.query<{ id: number }>('SELECT id FROM households WHERE region_code = $1 ORDER BY id DESC LIMIT 1', [regionCode]);
    const [e] = await t.db.query<{ id: number }>(`INSERT INTO entities (region_code, entity_type, name) VALUES ($1, 'cooperative', $2) RETURNING id`, [
      regionCode,
      `${label}带动社`,
    ]);
    const note = `${label}带动备注`;
    const [l] = await t.db.query<{ id: number }>(
      `INSERT INTO linkages (entity_id, household_id, region_code, mode, year, income_fen, income_type, note) VALUES ($1, $2, $3, 'employment', 2024, 360000, 'wage', $4) RETURNING id`,
      [e!.id, h!.id, regionCode, note],
    );
    marks.push(note);
    return { linkages: Number(l!.id), linkageEntity: Number(e!.id) };
  },
  skipped: { 'POST /api/v1/linkages/import': 'multipart upload (modules/linkages/linkages.test.ts: scope, row errors, nothing half-written)' },
  bodies: {
    'POST /api/v1/linkages': (c) => ({ entityId: c.rec.extra.linkageEntity, householdId: c.rec.household, mode: 'order_production', year: 2023, amountYuan: 1200.5 }),
    'PATCH /api/v1/linkages/{id}': () => ({ note: '矩阵改过的带动备注', amountYuan: 3700 }),
    'POST /api/v1/households/{id}/linkages/carry': () => ({ year: 2024, version: 1 }),
  },
};
