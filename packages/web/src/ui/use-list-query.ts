import type { TablePaginationConfig } from 'antd';
import { useSearchState } from '../lib/use-search-state.ts';
import { useIsMobile } from './use-is-mobile.ts';

export type ListQuery<K extends string> = {
  /** the filters as the URL has them (absent = not filtered) */
  filters: Record<K, string | undefined>;
  /** merge filter changes into the URL (an empty value removes the key; a filter change goes back to page 1) */
  set: (changes: Partial<Record<K, string | number | undefined | null>>) => void;
  page: number;
  pageSize: number;
  /** the filters and the page, as the list endpoint takes them */
  query: Record<K, string | undefined> & { page: number; pageSize: number };
  /** the table's paging for a list of `total` rows: the page and its size in the URL, no size changer on phones */
  pagination: (total: number | undefined) => TablePaginationConfig;
};

/**
 * A list page's state in the URL (recipe "a new server module", 6: filters and paging in the URL): the filter keys
 * given, `page` (default 1) and `pageSize` (default 20). Use with `ListFilterBar` and `ListTable`.
 */
export function useListQuery<K extends string>(keys: readonly K[]): ListQuery<K> {
  const mobile = useIsMobile();
  const [s, setSearch] = useSearchState<K | 'page' | 'pageSize'>([...keys, 'page', 'pageSize']);
  const page = Number(s.page ?? 1);
  const pageSize = Number(s.pageSize ?? 20);
  const filters = {} as Record<K, string | undefined>;
  for (const k of keys) filters[k] = s[k];
  return {
    filters,
    set: (changes) => setSearch(changes as Partial<Record<K | 'page' | 'pageSize', string | number | undefined | null>>),
    page,
    pageSize,
    query: { ...filters, page, pageSize },
    pagination: (total) => ({
      current: page,
      pageSize,
      total: total ?? 0,
      showSizeChanger: !mobile,
      onChange: (p, size) => setSearch({ page: p, pageSize: size } as Partial<Record<K | 'page' | 'pageSize', number>>, { keepPage: true }),
    }),
  };
}
