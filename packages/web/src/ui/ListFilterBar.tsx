import { Flex, Input, Select } from 'antd';
import { DictSelect } from './DictSelect.tsx';
import { RegionSelect } from './RegionSelect.tsx';
import { useIsMobile } from './use-is-mobile.ts';

/** One control of a list's filter bar; `label` is its placeholder and accessible name, `width` its px on wide screens. */
export type ListFilter<K extends string> =
  | { kind: 'region'; key: K; label: string; width?: number }
  | { kind: 'dict'; key: K; dictCode: string; label: string; width?: number }
  /**
   * A fixed choice. With `whenEmpty` the choice shown while the URL has no value (that choice is kept out of the
   * URL: 在用, 全部, this year); without it the choice can be cleared and `label` is the placeholder.
   */
  | { kind: 'select'; key: K; label: string; options: { value: string; label: string }[]; whenEmpty?: string; width?: number; testId?: string }
  /** free text, searched on Enter (trimmed; empty removes it) */
  | { kind: 'search'; key: K; label: string; width?: number };

const WIDTH = { region: 220, dict: 150, select: 120, search: 220 } as const;

/**
 * The filter bar above a list (posts, trainings, assets, job subsidies …): region, dictionary, fixed-choice and text
 * filters whose values live in the URL (`useListQuery`); on phones every control takes the whole width.
 */
export function ListFilterBar<K extends string>({
  filters,
  values,
  set,
}: {
  filters: ListFilter<K>[];
  values: Record<K, string | undefined>;
  set: (changes: Partial<Record<K, string | undefined>>) => void;
}) {
  const mobile = useIsMobile();
  const change = (key: K, value: string | undefined) => set({ [key]: value } as Partial<Record<K, string | undefined>>);
  return (
    <Flex wrap gap={8} style={{ marginBottom: 12 }}>
      {filters.map((f) => {
        const style = { width: mobile ? '100%' : (f.width ?? WIDTH[f.kind]) };
        const value = values[f.key];
        switch (f.kind) {
          case 'region':
            return <RegionSelect key={f.key} value={value} onChange={(v) => change(f.key, v)} placeholder={f.label} aria-label={f.label} style={style} />;
          case 'dict':
            return (
              <DictSelect
                key={f.key}
                dictCode={f.dictCode}
                value={value}
                onChange={(v) => change(f.key, v as string | undefined)}
                placeholder={f.label}
                aria-label={f.label}
                style={style}
              />
            );
          case 'select':
            return f.whenEmpty === undefined ? (
              <Select
                key={f.key}
                allowClear
                value={value}
                onChange={(v?: string) => change(f.key, v)}
                placeholder={f.label}
                aria-label={f.label}
                data-testid={f.testId}
                style={style}
                options={f.options}
              />
            ) : (
              <Select
                key={f.key}
                value={value ?? f.whenEmpty}
                onChange={(v: string) => change(f.key, v === f.whenEmpty ? undefined : v)}
                aria-label={f.label}
                data-testid={f.testId}
                style={style}
                options={f.options}
              />
            );
          case 'search':
            return (
              <Input.Search
                key={f.key}
                allowClear
                defaultValue={value}
                onSearch={(v) => change(f.key, v.trim() || undefined)}
                placeholder={f.label}
                aria-label={f.label}
                style={style}
              />
            );
        }
      })}
    </Flex>
  );
}
