import { Empty, Input, Spin, Tag, Tree } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useEffect, useMemo, useState } from 'react';
import { regionPath, useRegionTree } from '../features/regions/api.ts';
import { useI18n } from '../lib/i18n.tsx';
import type { RegionNode } from '../lib/types.ts';
import { ErrorAlert } from './ErrorAlert.tsx';

export type RegionTreeProps = { selected?: string; onSelect: (code: string | undefined) => void; height?: number };

function toData(nodes: RegionNode[], filter: string, retiredLabel: string): DataNode[] {
  const out: DataNode[] = [];
  for (const node of nodes) {
    const children = toData(node.children ?? [], filter, retiredLabel);
    if (filter && !node.name.includes(filter) && !node.code.startsWith(filter) && children.length === 0) continue;
    const title = node.retired ? (
      <>
        {node.name} <Tag style={{ marginInlineStart: 4 }}>{retiredLabel}</Tag>
      </>
    ) : (
      node.name
    );
    out.push({ key: node.code, title, children: children.length ? children : undefined, isLeaf: !node.children?.length });
  }
  return out;
}

/** The user's region subtree; selecting a node reports its code (selecting it again clears). */
export function RegionTree({ selected, onSelect, height = 560 }: RegionTreeProps) {
  const { t } = useI18n();
  const { data, isLoading, error, refetch } = useRegionTree();
  const [filter, setFilter] = useState('');
  const [expanded, setExpanded] = useState<string[]>([]);
  const treeData = useMemo(() => toData(data ?? [], filter.trim(), t('regions.retired')), [data, filter, t]);
  // while filtering, every branch that holds a match is open
  const openWhenFiltered = useMemo(() => {
    const keys: string[] = [];
    const walk = (nodes: DataNode[]) => nodes.forEach((n) => n.children?.length && (keys.push(String(n.key)), walk(n.children)));
    walk(treeData);
    return keys;
  }, [treeData]);

  useEffect(() => {
    if (!data) return;
    const path = regionPath(data, selected);
    const roots = data.map((n) => n.code);
    setExpanded((prev) => Array.from(new Set([...prev, ...roots, ...path.slice(0, -1)])));
  }, [data, selected]);

  if (isLoading) return <Spin />;
  if (error) return <ErrorAlert error={error} onRetry={() => void refetch()} />;
  if (!treeData.length && !filter) return <Empty />;
  return (
    <nav aria-label={t('hh.regionTree')}>
      <Input.Search
        allowClear
        size="small"
        placeholder={t('regions.name')}
        aria-label={t('regions.name')}
        onChange={(e) => setFilter(e.target.value)}
        style={{ marginBottom: 8 }}
      />
      <Tree
        treeData={treeData}
        height={height}
        selectedKeys={selected ? [selected] : []}
        expandedKeys={filter ? openWhenFiltered : expanded}
        onExpand={(keys) => setExpanded(keys.map(String))}
        onSelect={(keys) => onSelect(keys.length ? String(keys[0]) : undefined)}
        blockNode
      />
    </nav>
  );
}
