import type { MatrixArea } from './area.types.ts';

// Calculators (modules/calculators): a loan of the owner's household (the newest household of the region, seeded
// right before the areas) with one repayment, and a facility subsidy of that household. The world's county is in
// Henan, whose packs set no S1/C1: the calculators name the Jincheng pack; loan and subsidy writes there are 409
// (the county's pack has no such rule), which the matrix accepts. C1/S1 outcomes, versions and scope are tested in
// modules/calculators/calculators.test.ts.
export const calculatorsArea: MatrixArea = {
  async seed(t, regionCode, label, marks) {
    const [h] = await t.db.query<{ id: number }>('SELECT id FROM households WHERE region_code = $1 ORDER BY id DESC LIMIT 1', [regionCode]);
    const note = `${label}贷款备注`;
    const [l] = await t.db.query<{ id: number }>(
      `INSERT INTO loans (household_id, region_code, amount_fen, term_months, annual_rate, start_date, maturity_date, interest_subsidy_fen, note, lender)
       VALUES ($1, $2, 5000000, 36, 0.0345, '2024-01-15', '2027-01-15', 517500, $3, $4) RETURNING id`,
      [h!.id, regionCode, note, `${label}放贷行`],
    );
    const [r] = await t.db.query<{ id: number }>(
      `INSERT INTO loan_repayments (loan_id, household_id, region_code, paid_on, principal_fen, interest_fen) VALUES ($1, $2, $3, '2025-01-15', 2000000, 172500) RETURNING id`,
      [l!.id, h!.id, regionCode],
    );
    const [s] = await t.db.query<{ id: number }>(
      `INSERT INTO facility_subsidies (household_id, region_code, kind, area_mu, amount_fen, pack_id, year) VALUES ($1, $2, 'solar_greenhouse', 2.5, 7500000, 'jincheng', 2023) RETURNING id`,
      [h!.id, regionCode],
    );
    marks.push(note, `${label}放贷行`);
    return { loans: Number(l!.id), 'loan-repayments': Number(r!.id), 'facility-subsidies': Number(s!.id) };
  },
  bodies: {
    'POST /api/v1/calculators/s1': () => ({ packId: 'jincheng', kind: 'solar_greenhouse', areaMu: 2.5 }),
    'POST /api/v1/calculators/c1': () => ({ packId: 'jincheng', amountYuan: 50_000, termYears: 3, annualRate: 3.45, needsAndCanRepay: false }),
    'POST /api/v1/households/{id}/loans': () => ({ amountYuan: 30_000, termMonths: 24, annualRate: 3.45, startDate: '2024-03-01', purpose: '矩阵养殖' }),
    'PATCH /api/v1/loans/{id}': () => ({ note: '矩阵改过的贷款备注' }),
    'POST /api/v1/loans/{id}/repayments': () => ({ paidOn: '2024-06-01', principalYuan: 1000, interestYuan: 50 }),
    'POST /api/v1/households/{id}/subsidies': () => ({ kind: 'herb_tea_base', areaMu: 10 }),
    'POST /api/v1/projects/{id}/subsidies': () => ({ kind: 'steel_frame_greenhouse', areaMu: 1 }),
  },
};
