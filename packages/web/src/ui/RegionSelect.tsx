import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useRegionTree } from '../features/regions/api.ts';
import type { RegionNode } from '../lib/types.ts';

type Option = { value: string; title: string; children?: Option[] };

function toOptions(nodes: RegionNode[]): Option[] {
  return nodes.map((n) => ({ value: n.code, title: n.name, children: n.children?.length ? toOptions(n.children) : undefined }));
}

export type RegionSelectProps = {
  value?: string;
  onChange?: (code: string | undefined) => void;
  id?: string;
  placeholder?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
  'aria-label'?: string;
};

/** Pick one region of the user's subtree (searchable by name). */
export function RegionSelect({ value, onChange, id, placeholder, allowClear = true, style, ...rest }: RegionSelectProps) {
  const { data, isLoading } = useRegionTree();
  const treeData = useMemo(() => toOptions(data ?? []), [data]);
  return (
    <TreeSelect
      id={id}
      aria-label={rest['aria-label']}
      value={value}
      onChange={(v) => onChange?.(v ?? undefined)}
      treeData={treeData}
      loading={isLoading}
      showSearch={{ treeNodeFilterProp: 'title' }}
      allowClear={allowClear}
      placeholder={placeholder}
      treeDefaultExpandedKeys={data?.map((n) => n.code)}
      style={{ minWidth: 220, ...style }}
      popupMatchSelectWidth={false}
    />
  );
}
