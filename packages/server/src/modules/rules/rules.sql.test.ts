import { describe, expect, it } from 'vitest';
import { PgDialect } from 'drizzle-orm/pg-core';
import { getPack, getRuleConfig, h1HouseholdScope } from '@chanbang/domain';
import { h1FactsQuery } from './rules.repo.ts';

// STYLE §3: the performance-critical statements are snapshotted as SQL so that changes show up in review.
describe('H1 facts SQL', () => {
  it('reads only the households the pack applies H1 to, each member list and measure list by index', async () => {
    const scope = h1HouseholdScope(getRuleConfig(getPack('xuchang'), 'H1'));
    const { sql, params } = new PgDialect({ casing: 'snake_case' }).sqlToQuery(h1FactsQuery('411272', 2026, scope));
    expect(params).toContain('{"monitored"}');
    expect(params).toContain('{"eliminated"}');
    const text = `-- H1 facts over a county (pack xuchang)\n-- params: ${JSON.stringify(params)}\n${sql.replace(/^\n/, '').replace(/[ \t]+$/gm, '')}\n`;
    await expect(text).toMatchFileSnapshot('./__snapshots__/h1-facts.sql');
  });
});
