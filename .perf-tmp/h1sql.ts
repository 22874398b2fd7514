import { PgDialect } from 'drizzle-orm/pg-core';
import { h1FactsQuery } from '../packages/server/src/modules/rules/rules.repo.ts';
const q = new PgDialect({ casing: 'snake_case' }).sqlToQuery(h1FactsQuery(process.argv[2] ?? '411272', 2026, { householdTypes: ['monitored'], excludedMonitoringStatuses: ['eliminated'] }));
let text = q.sql; q.params.forEach((p, i) => { text = text.replace(new RegExp(`\\$${i + 1}(?!\\d)`), typeof p === 'number' ? String(p) : `'${p}'`); });
console.log(text);
