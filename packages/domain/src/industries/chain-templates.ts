/**
 * Default 环节 of a new chain by industry category (dict chain_link_kind codes, upstream → downstream). Sources:
 * 000 §四(一)3 (产业链上下游各环节), 003 §二(四)1 (布局食品加工、产品包装、冷链物流等配套产业), 003 §二(二)2 (产前、产中、产后
 * 全链条服务), 001 §二 (全链条); 000 §四(一)2: 大枣 深加工、品牌化运营, 大棚蔬菜 品牌, 果品 营销体系.
 */
export const CHAIN_TEMPLATES: Record<string, readonly string[]> = {
  fruit: ['breeding', 'base', 'production', 'processing', 'cold_chain', 'brand', 'sales', 'tech_service'],
  vegetable: ['breeding', 'base', 'production', 'pest_control', 'cold_chain', 'brand', 'sales', 'tech_service'],
  grain_oil: ['breeding', 'base', 'production', 'processing', 'cold_chain', 'brand', 'sales', 'tech_service'],
  edible_fungi: ['breeding', 'base', 'production', 'processing', 'cold_chain', 'brand', 'sales', 'tech_service'],
  herb: ['breeding', 'base', 'production', 'processing', 'brand', 'sales', 'tech_service'],
  livestock: ['breeding', 'base', 'production', 'processing', 'cold_chain', 'brand', 'sales', 'tech_service'],
  processing: ['base', 'processing', 'cold_chain', 'brand', 'sales', 'training'],
  tourism: ['base', 'brand', 'sales', 'training'],
  ecommerce: ['base', 'cold_chain', 'brand', 'sales', 'training'],
  handicraft: ['production', 'processing', 'brand', 'sales', 'training'],
};

/** Links of the 果品 template, used for a category without its own. */
export const DEFAULT_CHAIN_TEMPLATE: readonly string[] = ['base', 'production', 'processing', 'cold_chain', 'brand', 'sales', 'tech_service'];

/** The link kinds a chain of an industry of `category` starts with (in order; sort = index × 10). */
export function chainTemplate(category: string): readonly string[] {
  return CHAIN_TEMPLATES[category] ?? DEFAULT_CHAIN_TEMPLATE;
}
