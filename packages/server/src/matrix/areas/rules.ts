import type { MatrixArea } from './area.types.ts';

// The rule layer (modules/rules, ADR 0004): GET /rules, /rules/{ruleId}/evaluate and /results read stored results
// of the world's households (no records of its own); the sandbox judges facts given by value. Outcomes, paging,
// 404/409 cases and the refresh are tested in modules/rules/rules.test.ts and rule-store.test.ts.
export const rulesArea: MatrixArea = {
  async seed() {
    return {};
  },
  bodies: {
    'POST /api/v1/rules/{ruleId}/check': () => ({
      packId: 'jincheng',
      year: 2023,
      facts: { householdType: 'monitored', monitoringStatus: 'monitoring', laborCapacities: ['ordinary'], measureCategories: ['industry'] },
    }),
  },
};
