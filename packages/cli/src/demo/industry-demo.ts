import type { RawTx } from '@chanbang/db';
import { chainTemplate } from '@chanbang/domain';
import type { DemoRegion } from './demo-regions.ts';

// The demo zone's 产业谱系 and 产业链图谱 from seed 000 §四(一)2 (三示范巩固脱贫组〔2022〕4号): 阳店镇 山区果品 (健全营销体系),
// 大王镇 “灵宝大枣” 原产地和主产区 (红枣产品加工仍处于初级阶段, 推动大枣品牌化运营), 大王镇 and 禹王路街道 大棚蔬菜 (“菜篮子”
// 工程, 品牌意识), 乡村旅游 by each village's position. Each chain starts with its category's links (domain chainTemplate);
// the 短板 the seed names are recorded at their links. Entities already in the zone are placed at a link when
// their name names the product (another loader seeds them; none present → every link is a gap).

type Spec = {
  township: string | null;
  name: string;
  category: string;
  kind: 'leading' | 'emerging' | 'traditional';
  tier: string | null;
  description: string;
  chain?: { name: string; shortfalls: string; linkShortfalls: Record<string, string>; keywords: string[] };
};

const SOURCE = '（三示范巩固脱贫组〔2022〕4号 四(一)2）';

const SPECS: Spec[] = [
  {
    township: '大王镇',
    name: '灵宝大枣',
    category: 'fruit',
    kind: 'leading',
    tier: 'township_one',
    description: `大王镇是“灵宝大枣”的原产地和主产区，已形成以大枣为特色食品及地方特色文化${SOURCE}`,
    chain: {
      name: '灵宝大枣产业链',
      shortfalls: `红枣产业仍以销售红枣为主，产品加工仍处于初级阶段${SOURCE}`,
      linkShortfalls: { processing: '红枣产品加工仍处于初级阶段，深加工项目须规范化、企业化', brand: '推动大枣品牌化运营' },
      keywords: ['枣'],
    },
  },
  {
    township: '大王镇',
    name: '大棚蔬菜',
    category: 'vegetable',
    kind: 'traditional',
    tier: null,
    description: `交通便利、地势平坦、水源充足，农户已种植大棚蔬菜多年，发展壮大“菜篮子”工程${SOURCE}`,
    chain: { name: '大王镇大棚蔬菜产业链', shortfalls: '品牌意识、精品意识有待强化', linkShortfalls: { brand: '品牌意识、精品意识逐步强化中' }, keywords: ['菜', '大棚'] },
  },
  { township: '禹王路街道', name: '大棚蔬菜', category: 'vegetable', kind: 'traditional', tier: null, description: `部分自然村有大棚蔬菜种植优势${SOURCE}` },
  {
    township: '阳店镇',
    name: '山区果品',
    category: 'fruit',
    kind: 'leading',
    tier: 'township_one',
    description: `依托山区地域资源优势，以高产、优质为中心，扩大规模，采用先进栽培技术${SOURCE}`,
    chain: { name: '阳店镇果品产业链', shortfalls: '营销体系不健全', linkShortfalls: { sales: '健全营销体系，提高果品市场竞争力' }, keywords: ['果', '苹果', '桃', '核桃'] },
  },
  {
    township: null,
    name: '乡村旅游',
    category: 'tourism',
    kind: 'emerging',
    tier: null,
    description: `根据乡村所处位置和特点，开发不同定位方式的特色乡村旅游，保留特色乡村建筑，保持淳朴的乡村自然风貌${SOURCE}`,
    chain: { name: '乡村旅游产业链', shortfalls: '', linkShortfalls: {}, keywords: ['旅游', '民宿', '农家乐'] },
  },
];

/** Creates the demo zone's industries and chains (inside the demo's transaction); returns how many industries. */
export async function loadIndustryDemo(tx: RawTx, regions: DemoRegion[], countyCode: string): Promise<number> {
  const byName = new Map(regions.filter((r) => r.level === 'township').map((r) => [r.name, r]));
  let n = 0;
  for (const s of SPECS) {
    const region = s.township ? byName.get(s.township) : { code: countyCode, prefix: countyCode.slice(0, 6) };
    if (!region) continue;
    const [ind] = await tx.query<{ id: number | string }>(
      'INSERT INTO industries (region_code, name, category, kind, tier, description) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
      [region.code, s.name, s.category, s.kind, s.tier, s.description],
    );
    n++;
    if (!s.chain) continue;
    const [chain] = await tx.query<{ id: number | string }>('INSERT INTO industry_chains (industry_id, region_code, name, shortfalls) VALUES ($1, $2, $3, $4) RETURNING id', [
      ind!.id,
      region.code,
      s.chain.name,
      s.chain.shortfalls || null,
    ]);
    const links = new Map<string, number>();
    let sort = 0;
    for (const kind of chainTemplate(s.category)) {
      const [l] = await tx.query<{ id: number | string }>('INSERT INTO chain_links (chain_id, link_kind, sort, shortfall) VALUES ($1, $2, $3, $4) RETURNING id', [
        chain!.id,
        kind,
        (sort += 10),
        s.chain.linkShortfalls[kind] ?? null,
      ]);
      links.set(kind, Number(l!.id));
    }
    // entities of the area whose name names the product: enterprises at 加工, the others at 生产 (旅游: 基地)
    const like = s.chain.keywords.map((k) => `%${k}%`);
    const found = await tx.query<{ id: number | string; entity_type: string }>(
      'SELECT id, entity_type FROM entities WHERE region_code LIKE $1 AND name LIKE ANY($2::text[]) ORDER BY id LIMIT 6',
      [`${region.prefix}%`, like],
    );
    for (const e of found) {
      const kind = e.entity_type === 'leading_enterprise' && links.has('processing') ? 'processing' : links.has('production') ? 'production' : 'base';
      const linkId = links.get(kind);
      if (linkId) await tx.query('INSERT INTO chain_link_entities (link_id, entity_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [linkId, e.id]);
      await tx.query('INSERT INTO entity_industries (entity_id, industry_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [e.id, ind!.id]);
    }
  }
  return n;
}
