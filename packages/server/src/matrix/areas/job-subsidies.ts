import { buildHousehold, makeTestIdNumber } from '../../test/factories.ts';
import type { MatrixArea } from './area.types.ts';

// 就业补助 (modules/job-subsidies): one 脱贫户 of the village whose member works 省外 (J1-eligible) and a J1 payment of 2025
// (version 1, so the matrix's If-Match "1" fits). Eligibility, the second payment refused (and under a race), J2/J3,
// batch, 撤销 with versions, scope and roles: modules/job-subsidies/job-subsidies.test.ts.
export const jobSubsidiesArea: MatrixArea = {
  async seed(t, regionCode, label, marks, secrets) {
    const name = `${label}矩阵省外务工`;
    const idNumber = makeTestIdNumber();
    const h = await buildHousehold(t, { regionCode, householdType: 'lifted', members: [{ name, idNumber, employmentStatus: 'out_province' }] });
    const person = h.members[0]!;
    marks.push(name, h.householdNo);
    secrets.idNumbers.push(idNumber);
    const [pay] = await t.db.query<{ id: number }>(
      `INSERT INTO subsidy_payments (kind, year, person_id, household_id, region_code, amount_fen, paid_on, note) VALUES ('travel', 2025, $1, $2, $3, 30000, '2025-03-01', $4) RETURNING id`,
      [person.id, h.id, regionCode, `${label}矩阵补助备注`],
    );
    marks.push(`${label}矩阵补助备注`);
    return { 'job-subsidies': Number(pay!.id), jobSubsidyPerson: person.id };
  },
  bodies: {
    'POST /api/v1/job-subsidies/payments': (c) => ({ kind: 'travel', personId: c.rec.extra.jobSubsidyPerson, year: 2026, amountYuan: 300, paidOn: '2026-03-01' }),
    'POST /api/v1/job-subsidies/payments/batch': (c) => ({ kind: 'travel', personIds: [c.rec.extra.jobSubsidyPerson], year: 2024, paidOn: '2024-03-01' }),
  },
};
