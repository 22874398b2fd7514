import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

/**
 * Filters and pagination live in the URL. Returns the current params as a plain object and a setter
 * that merges changes (empty values are removed; changing a filter resets `page`).
 */
export function useSearchState<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const values = useMemo(() => {
    const out = {} as Record<K, string | undefined>;
    for (const key of keys) out[key] = params.get(key) ?? undefined;
    return out;
    // keys by value: callers pass a new array literal on every render
  }, [params, keys.join(',')]);
  const update = useCallback(
    (changes: Partial<Record<K, string | number | undefined | null>>, options?: { keepPage?: boolean }) => {
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(changes) as [string, string | number | undefined | null][]) {
          if (value === undefined || value === null || value === '') next.delete(key);
          else next.set(key, String(value));
        }
        if (!options?.keepPage && !('page' in changes)) next.delete('page');
        return next;
      });
    },
    [setParams],
  );
  return [values, update] as const;
}
