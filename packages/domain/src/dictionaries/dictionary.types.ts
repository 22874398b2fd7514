/**
 * 字典项: one value of a controlled vocabulary. `code` is stable, short ASCII and is what the database stores;
 * labels are for display and import matching. `attrs.aliases` (string[]) lists other spellings accepted on
 * input (e.g. 建档立卡脱贫户 for 脱贫户).
 */
export type DictItem = {
  code: string;
  labelZh: string;
  labelEn: string;
  parentCode?: string;
  attrs?: Record<string, unknown>;
  sort: number;
};

/** 字典: a controlled vocabulary with its items. */
export type Dictionary = { code: string; nameZh: string; nameEn: string; items: DictItem[] };

/** Shorthand used by the data files: sort order is the position in the list (1-based). */
export type ItemSpec = [code: string, labelZh: string, labelEn: string, extra?: Pick<DictItem, 'parentCode' | 'attrs'>];

/**
 * Builds dictionary items from compact specs, numbering `sort` from 1.
 * @param specs `[code, labelZh, labelEn, { parentCode?, attrs? }?]`
 */
export function makeItems(specs: readonly ItemSpec[]): DictItem[] {
  return specs.map(([code, labelZh, labelEn, extra], i) => ({ code, labelZh, labelEn, ...extra, sort: i + 1 }));
}
