import type { MatrixArea } from './area.types.ts';

// 村集体产业收益分配 (modules/distributions): one draft distribution of the village (version 1, so the matrix's If-Match
// "1" fits) with the seeded village's note. Proposal from the registry, confirmation into incomes, A2 refusal, cancel,
// versions, scope and roles: modules/distributions/distributions.test.ts.
export const distributionsArea: MatrixArea = {
  async seed(t, regionCode, label, marks) {
    const note = `${label}矩阵收益分配备注`;
    const [d] = await t.db.query<{ id: number }>(
      `INSERT INTO income_distributions (region_code, year, half, collective_income_fen, note) VALUES ($1, 2024, 1, 1000000, $2) RETURNING id`,
      [regionCode, note],
    );
    marks.push(note);
    return { distributions: Number(d!.id) };
  },
  bodies: {
    'POST /api/v1/distributions/propose': (c) => ({ regionCode: c.region, year: 2023, collectiveIncomeYuan: 1000 }),
    'PATCH /api/v1/distributions/{id}': () => ({ note: '矩阵备注' }),
    'POST /api/v1/distributions/{id}/confirm': () => ({}),
    'POST /api/v1/distributions/{id}/cancel': () => ({ reason: '矩阵撤销' }),
  },
  skipped: {
    'GET /api/v1/distributions/basis': 'needs a village code and a year (the walk sends neither): basis, scope and roles in modules/distributions/distributions.test.ts',
  },
  regionBodies: ['POST /api/v1/distributions/propose'],
};
