import { describe, expect, it } from 'vitest';
import { factsSnapshot } from './facts-snapshot.ts';
import { householdFactsQuery } from './household-facts.repo.ts';

// STYLE §3: the performance-critical statements are snapshotted as SQL so that changes show up in review.
describe('household facts SQL', () => {
  it('reads every household of the region once, its members, measures in force and monitoring periods by index', async () => {
    const { params, text } = factsSnapshot('household facts over a county, year 2024', householdFactsQuery({ prefix: '411272', year: 2024 }));
    expect(params).toContain('411272%');
    expect(params.filter((p) => p === 2024)).toHaveLength(2);
    await expect(text).toMatchFileSnapshot('./__snapshots__/household-facts.sql');
  });

  it('narrowed to the household types a rule asks for (H1: monitored), children aggregated for those only', async () => {
    const { params, text } = factsSnapshot(
      "household facts of monitored households over a county, year 2024 (H1's factsFilter)",
      householdFactsQuery({ prefix: '411272', year: 2024, filter: { householdTypes: ['monitored'] } }),
    );
    expect(params.filter((p) => p === '{"monitored"}')).toHaveLength(4);
    await expect(text).toMatchFileSnapshot('./__snapshots__/household-facts-typed.sql');
  });
});
