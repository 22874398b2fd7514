import { describe, expect, it } from 'vitest';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';
import { listPageQuery } from './households.repo.ts';

// STYLE §3: the performance-critical statements are snapshotted as SQL so that changes show up in review.
const dialect = new PgDialect({ casing: 'snake_case' });
const render = (title: string, q: SQL) => {
  const { sql, params } = dialect.sqlToQuery(q);
  return `-- ${title}\n-- params: ${JSON.stringify(params)}\n${sql.replace(/^\n/, '').replace(/[ \t]+$/gm, '')}\n`;
};

describe('household list SQL', () => {
  it('one statement: the page cut on an index, per-row lookups, the capped count over households only', async () => {
    const text = [
      render(
        'GET /api/v1/households?regionCode=<township>&householdType=monitored (page 1 of 20)',
        listPageQuery({ prefix: '411272100', householdType: 'monitored' }, 20, 0, 10_000),
      ),
      render(
        'GET /api/v1/households?q=张&laborCapacity=ordinary&riskType=illness (page 3 of 50)',
        listPageQuery({ prefix: '411272', q: '张', laborCapacity: 'ordinary', riskType: 'illness' }, 50, 100, 10_000),
      ),
    ].join('\n');
    // the count never joins persons unless a person filter asks for it
    expect(text.split('matching AS')[1]!.split('SELECT matching.n')[0]).not.toContain('persons');
    await expect(text).toMatchFileSnapshot('./__snapshots__/households-list.sql');
  });
});
