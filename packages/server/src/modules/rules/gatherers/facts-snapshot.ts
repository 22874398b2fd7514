import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';

const dialect = new PgDialect({ casing: 'snake_case' });

/**
 * Test helper for a gatherer's statement snapshot (recipe "a new rule", 3): the statement as PostgreSQL gets it, headed
 * by `-- <title>` and its parameters, trailing blanks trimmed — `expect(text).toMatchFileSnapshot('./__snapshots__/<kind>-facts.sql')`.
 */
export function factsSnapshot(title: string, query: SQL): { sql: string; params: unknown[]; text: string } {
  const { sql, params } = dialect.sqlToQuery(query);
  return { sql, params, text: `-- ${title}\n-- params: ${JSON.stringify(params)}\n${sql.replace(/^\n/, '').replace(/[ \t]+$/gm, '')}\n` };
}
