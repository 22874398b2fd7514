import type { MatrixArea } from './area.types.ts';

// 当地农民人均可支配收入 (modules/local-incomes): figures of a county or township, entered by county staff only (every
// masked role is refused: 403). Versions, refusals, the growth: modules/local-incomes/local-incomes.test.ts; H6 on them:
// modules/rules/gatherers/coverage.gatherer.test.ts.
export const localIncomesArea: MatrixArea = {
  async seed() {
    return {};
  },
  bodies: {
    'PUT /api/v1/local-incomes/{year}': (c) => ({ regionCode: c.county, perCapitaIncomeYuan: 16200, source: '矩阵统计公报' }),
  },
  regionBodies: ['PUT /api/v1/local-incomes/{year}'],
};
