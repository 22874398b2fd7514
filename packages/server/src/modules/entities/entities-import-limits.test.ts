import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_IMPORT_LIMITS } from '../imports/import-limits.ts';
import { importDir } from '../imports/import-files.ts';
import { createImportTestApp, multipart, VILLAGE, xlsxBuffer, type TestCtx } from '../imports/imports.test-support.ts';

// The entities import through record-import.ts with lowered limits (CONVENTIONS "Recipe: an import kind" step 6):
// a file over the row limit and an upload over the byte limit are refused in words with the limit, the server
// answers right after, and no upload is left in the private import folder.
let ctx: TestCtx;
beforeAll(async () => {
  ctx = await createImportTestApp({ importLimits: { ...DEFAULT_IMPORT_LIMITS, maxRows: 3, maxUploadBytes: 40_000 } });
}, 120_000);
afterAll(async () => ctx?.close());

const upload = (name: string, body: Buffer | string) => {
  const m = multipart(name, body);
  return ctx.app.inject({ method: 'POST', url: '/api/v1/entities/import', payload: m.payload, headers: { ...m.headers, ...ctx.as('dawang') } });
};
const leftovers = () => {
  try {
    return readdirSync(importDir(ctx.config.dataDir));
  } catch {
    return [];
  }
};

describe('entities import limits', () => {
  it('more rows than the limit → 422 naming the limit; nothing written; the server answers after', async () => {
    const rows = Array.from({ length: 5 }, (_, i) => [`限行农场${i}`, '家庭农场', VILLAGE]);
    const res = await upload('多行.xlsx', await xlsxBuffer(['主体名称', '主体类型', '所在地区划代码'], rows));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.limit).toBeDefined();
    expect(res.json().error.details.messageZh).toContain('3 行');
    expect((await ctx.db.query<{ n: number }>("SELECT count(*)::int AS n FROM entities WHERE name LIKE '限行农场%'"))[0]!.n).toBe(0);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    expect(leftovers()).toEqual([]);
  });

  it('an upload over the byte limit → 422 with the limit; no file left', async () => {
    const csv = `主体名称,主体类型,所在地区划代码\n${'很长的名字'.repeat(5000)},家庭农场,${VILLAGE}\n`;
    const res = await upload('大.csv', csv);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('IMPORT_REJECTED');
    expect(res.json().error.details.limit).toBeDefined();
    expect((await ctx.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    expect(leftovers()).toEqual([]);
  });

  it('a CSV within the limits goes in', async () => {
    const res = await upload('小.csv', `主体名称,主体类型,所在地区划代码\n限内农场,家庭农场,${VILLAGE}\n`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ added: 1, updated: 0 });
  });
});
