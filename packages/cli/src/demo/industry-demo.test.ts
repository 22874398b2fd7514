import { describe, expect, it } from 'vitest';
import { useDemoDb } from './demo-test-db.ts';
import type { DbHandle } from '@chanbang/db';
import { buildDemoCounty } from './demo-county.ts';
import { DEMO_COUNTY } from './demo-regions.ts';
import { loadIndustryDemo } from './industry-demo.ts';

// The demo zone's 产业谱系 from seed 000 §四(一)2: 灵宝大枣 (大王镇, 主导, 一镇一特), 大棚蔬菜 (大王镇 and 禹王路街道), 果品
// (阳店镇), 乡村旅游; chains with their category's links and the 短板 the seed names; entities naming the product
// are placed at a link.
let db: DbHandle;
useDemoDb('industry', 40, (d) => (db = d), 120_000);

describe('industry demo', () => {
  it('creates the four industries of the seed in their townships, with chains and the named 短板', async () => {
    const rows = await db.query<{ name: string; township: string; kind: string; tier: string | null }>(
      `SELECT i.name, r.name AS township, i.kind, i.tier FROM industries i JOIN regions r ON r.code = i.region_code WHERE i.region_code LIKE $1 ORDER BY i.id`,
      [`${DEMO_COUNTY.prefix}%`],
    );
    expect(rows).toEqual([
      { name: '灵宝大枣', township: '大王镇', kind: 'leading', tier: 'township_one' },
      { name: '大棚蔬菜', township: '大王镇', kind: 'traditional', tier: null },
      { name: '大棚蔬菜', township: '禹王路街道', kind: 'traditional', tier: null },
      { name: '山区果品', township: '阳店镇', kind: 'leading', tier: 'township_one' },
      { name: '乡村旅游', township: DEMO_COUNTY.name, kind: 'emerging', tier: null },
    ]);
    const links = await db.query<{ link_kind: string; shortfall: string | null }>(
      `SELECT l.link_kind, l.shortfall FROM chain_links l JOIN industry_chains c ON c.id = l.chain_id WHERE c.name = '灵宝大枣产业链' ORDER BY l.sort`,
    );
    expect(links.map((l) => l.link_kind)).toEqual(['breeding', 'base', 'production', 'processing', 'cold_chain', 'brand', 'sales', 'tech_service']);
    expect(links.find((l) => l.link_kind === 'processing')?.shortfall).toContain('红枣产品加工仍处于初级阶段');
    const [c] = await db.query<{ n: number | string }>('SELECT count(*) AS n FROM industry_chains WHERE region_code LIKE $1', [`${DEMO_COUNTY.prefix}%`]);
    expect(Number(c!.n)).toBe(4);
  });

  it('an entity naming 枣 in 大王镇 is placed at 生产 of the 灵宝大枣 chain (加工 for a 龙头企业)', async () => {
    const regions = buildDemoCounty({ households: 1 }).regions;
    const village = regions.find((r) => r.level === 'village' && r.code.startsWith('411272100'))!;
    await db.rawTransaction(async (tx) => {
      await tx.query('DELETE FROM industries WHERE region_code LIKE $1', [`${DEMO_COUNTY.prefix}%`]);
      await tx.query("INSERT INTO entities (region_code, entity_type, name) VALUES ($1, 'cooperative', '枣园红枣专业合作社'), ($1, 'leading_enterprise', '灵宝大枣食品有限公司')", [
        village.code,
      ]);
      expect(await loadIndustryDemo(tx, regions, DEMO_COUNTY.code)).toBe(5);
    });
    const placed = await db.query<{ name: string; link_kind: string }>(
      `SELECT e.name, l.link_kind FROM chain_link_entities x JOIN entities e ON e.id = x.entity_id JOIN chain_links l ON l.id = x.link_id
       JOIN industry_chains c ON c.id = l.chain_id WHERE c.name = '灵宝大枣产业链' ORDER BY e.name`,
    );
    expect(placed).toEqual([
      { name: '枣园红枣专业合作社', link_kind: 'production' },
      { name: '灵宝大枣食品有限公司', link_kind: 'processing' },
    ]);
  });
});
