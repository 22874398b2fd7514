import { PgDialect } from 'drizzle-orm/pg-core';
import { listPageQuery } from '../packages/server/src/modules/households/households.repo.ts';
const q = new PgDialect({ casing: 'snake_case' }).sqlToQuery(listPageQuery({ prefix: '411272100', householdType: 'monitored' }, 20, 0));
let text = q.sql; q.params.forEach((p, i) => { text = text.replace(new RegExp(`\\$${i + 1}(?!\\d)`), typeof p === 'number' ? String(p) : `'${p}'`); });
console.log(text);
