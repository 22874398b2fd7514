import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgDialect } from 'drizzle-orm/pg-core';
import { facilitySubsidies, households, loans } from '@chanbang/db';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { buildHousehold, buildRegionTree, type RegionTree } from '../../../test/factories.ts';
import { LOAN_GATHERER, SUBSIDY_GATHERER } from './calculator.gatherers.ts';
import { loanFactsQuery, subsidyFactsQuery } from './calculator-facts.repo.ts';

const dialect = new PgDialect({ casing: 'snake_case' });
const snap = (title: string, q: ReturnType<typeof loanFactsQuery>) => {
  const { sql, params } = dialect.sqlToQuery(q);
  return { params, text: `-- ${title}\n-- params: ${JSON.stringify(params)}\n${sql.replace(/^\n/, '').replace(/[ \t]+$/gm, '')}\n` };
};

describe('loan and subsidy facts SQL', () => {
  it('loans granted in the year under the prefix, with household and borrower birth date', async () => {
    const s = snap('loan facts over a county, year 2023', loanFactsQuery({ prefix: '140525', year: 2023 }));
    expect(s.params).toEqual(['140525%', 2023, 2023]);
    await expect(s.text).toMatchFileSnapshot('./__snapshots__/loan-facts.sql');
  });
  it('subsidies of the year under the prefix', async () => {
    const s = snap('subsidy facts over a county, year 2023', subsidyFactsQuery({ prefix: '140525', year: 2023 }));
    expect(s.params).toEqual(['140525%', 2023]);
    await expect(s.text).toMatchFileSnapshot('./__snapshots__/subsidy-facts.sql');
  });
});

describe('loan and subsidy facts on rows', () => {
  let t: TestApp;
  let tree: RegionTree;
  beforeAll(async () => {
    t = await createTestApp();
    tree = await buildRegionTree(t);
  });
  afterAll(async () => t?.close());

  it('maps the loans of the year in the prefix (rate → basis points, the household, the borrower) and leaves the rest out', async () => {
    const v = tree.townships[0]!.villages[0]!.code;
    const h = await buildHousehold(t, { regionCode: v, householdType: 'monitored', isLifted: false, monitoringType: 'marginal' });
    const gone = await buildHousehold(t, { regionCode: v });
    const far = await buildHousehold(t, { regionCode: tree.townships[1]!.villages[0]!.code });
    const base = { amountFen: 50_000_00, termMonths: 36, annualRate: 0.0345, startDate: '2023-03-01', maturityDate: '2026-03-01' };
    const [a] = await t.db.db
      .insert(loans)
      .values([
        { ...base, householdId: h.id, regionCode: v, personId: h.members[0]!.id, needsAndCanRepay: true, amountFen: 80_000_00 },
        { ...base, householdId: h.id, regionCode: v, startDate: '2022-12-31' },
        { ...base, householdId: gone.id, regionCode: v },
        { ...base, householdId: far.id, regionCode: far.regionCode },
      ])
      .returning();
    await t.db.db.update(households).set({ deletedAt: new Date(), exitReason: 'death', exitDate: '2023-05-01' }).where(eq(households.id, gone.id));
    const facts = await LOAN_GATHERER.gather(t.db.db, { prefix: tree.townships[0]!.prefix, year: 2023 });
    expect(facts).toEqual([
      {
        loanId: a!.id,
        regionCode: v,
        amountFen: 80_000_00,
        termMonths: 36,
        rateBp: 345,
        needsAndCanRepay: true,
        startDate: '2023-03-01',
        borrowerBirthDate: h.members[0]!.birthDate,
        household: { isLifted: false, householdType: 'monitored', monitoringType: 'marginal' },
      },
    ]);
  });

  it('maps the subsidies of the year in the prefix', async () => {
    const v = tree.townships[0]!.villages[1]!.code;
    const h = await buildHousehold(t, { regionCode: v });
    const [s] = await t.db.db
      .insert(facilitySubsidies)
      .values([
        { householdId: h.id, regionCode: v, kind: 'solar_greenhouse', areaMu: 2.5, amountFen: 75_000_00, packId: 'jincheng', year: 2023 },
        { householdId: h.id, regionCode: v, kind: 'solar_greenhouse', areaMu: 1, amountFen: 30_000_00, packId: 'jincheng', year: 2024 },
      ])
      .returning();
    const facts = await SUBSIDY_GATHERER.gather(t.db.db, { prefix: v, year: 2023 });
    expect(facts).toEqual([{ subsidyId: s!.id, regionCode: v, kind: 'solar_greenhouse', areaMu: 2.5, amountFen: 75_000_00 }]);
  });
});
