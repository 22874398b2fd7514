import type { ChainGraph, GraphNode } from '@chanbang/domain';
import { GraphChart, type GraphSeriesOption } from 'echarts/charts';
import { TooltipComponent, type TooltipComponentOption } from 'echarts/components';
import { init, use, type ComposeOption, type EChartsType } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef } from 'react';

use([GraphChart, TooltipComponent, CanvasRenderer]);

type Option = ComposeOption<GraphSeriesOption | TooltipComponentOption>;
type NodeItem = Exclude<NonNullable<GraphSeriesOption['data']>[number], number | string | unknown[] | null | undefined>;

const STEP_X = 150;
const STEP_Y = 64;
const PAD = 56;
const COLORS = { chain: '#722ed1', link: '#1677ff', gap: '#cf1322', entity: '#389e0d', project: '#d46b08' } as const;

/** Where each node sits: the chain at the left, the links left → right in order, their entities and projects below. */
export function layoutGraph(g: Pick<ChainGraph, 'nodes'>): { positions: Map<string, { x: number; y: number }>; width: number; height: number } {
  const positions = new Map<string, { x: number; y: number }>();
  let col = 0;
  const below = new Map<number, number>();
  const linkCol = new Map<number, number>();
  for (const n of g.nodes) {
    if (n.kind === 'chain') positions.set(n.id, { x: 0, y: 0 });
    if (n.kind === 'link') {
      col++;
      linkCol.set(n.linkId!, col);
      positions.set(n.id, { x: col * STEP_X, y: 0 });
    }
  }
  let rows = 0;
  for (const n of g.nodes) {
    if (n.kind !== 'entity' && n.kind !== 'project') continue;
    const c = linkCol.get(n.linkId!) ?? 0;
    const r = (below.get(c) ?? 0) + 1;
    below.set(c, r);
    rows = Math.max(rows, r);
    positions.set(n.id, { x: c * STEP_X, y: r * STEP_Y });
  }
  // the box the nodes span (plus room for the last column's labels); the canvas adds PAD on every side, so one data
  // unit is one pixel in both directions
  return { positions, width: col * STEP_X + 110, height: Math.max(1, rows) * STEP_Y + 16 };
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function short(s: string, n = 8): string {
  return s.length > n ? `${s.slice(0, n)}…` : s;
}

/**
 * 产业链图 as an ECharts graph: links in a row (gaps red and dashed, the reason in the tooltip), entities (green) and
 * projects (orange) hanging under their link. Clicking an entity or a project calls `onOpen` with its web path. The
 * canvas keeps its natural width; the card around it scrolls on a phone.
 */
export function ChainGraphChart({ graph, onOpen, ariaLabel }: { graph: ChainGraph; onOpen: (path: string) => void; ariaLabel: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<EChartsType | null>(null);
  const openRef = useRef(onOpen);
  openRef.current = onOpen;
  const { option, width, height } = useMemo(() => {
    const { positions, width, height } = layoutGraph(graph);
    const index = new Map(graph.nodes.map((n, i) => [n.id, i]));
    const byId = new Map(graph.nodes.map((n) => [n.id, n]));
    const data: NodeItem[] = graph.nodes.map((n: GraphNode): NodeItem => {
      const p = positions.get(n.id) ?? { x: 0, y: 0 };
      const gap = n.kind === 'link' && n.gap;
      const color = gap ? COLORS.gap : COLORS[n.kind];
      return {
        id: n.id,
        name: n.label,
        x: p.x,
        y: p.y,
        symbol: n.kind === 'link' || n.kind === 'chain' ? 'roundRect' : 'circle',
        symbolSize: n.kind === 'link' || n.kind === 'chain' ? [96, 34] : 16,
        itemStyle: gap ? { color: '#fff1f0', borderColor: color, borderType: 'dashed' as const, borderWidth: 2 } : { color },
        label: {
          show: true,
          position: n.kind === 'link' || n.kind === 'chain' ? ('inside' as const) : ('right' as const),
          color: n.kind === 'link' || n.kind === 'chain' ? (gap ? COLORS.gap : '#fff') : '#262626',
          formatter: short(n.label, n.kind === 'link' || n.kind === 'chain' ? 7 : 9),
        },
        value: n.link ?? '',
      };
    });
    // an invisible corner node: the graph view maps the nodes' bounding box onto the canvas, and a single row of
    // links (no entity yet) has a zero height that would blow the scale up
    data.push({
      id: '__corner',
      name: '',
      x: width,
      y: height,
      symbol: 'none',
      symbolSize: 0,
      label: { show: false },
      value: '',
    });
    const links = graph.edges.map((e) => {
      const target = byId.get(e.target);
      const gap = target?.kind === 'link' && target.gap;
      return {
        source: index.get(e.source) ?? 0,
        target: index.get(e.target) ?? 0,
        lineStyle: gap ? { color: COLORS.gap, type: 'dashed' as const, width: 2 } : { color: '#8c8c8c', width: target?.kind === 'link' ? 2 : 1 },
      };
    });
    const option: Option = {
      tooltip: {
        trigger: 'item',
        confine: true,
        // the node's full name, and a gap's reason (短板：无经营主体、无项目); edges and the corner say nothing
        formatter: (p) => {
          const item = Array.isArray(p) ? p[0] : p;
          const n = item?.dataType === 'node' ? graph.nodes[item.dataIndex] : undefined;
          return n ? (n.gapReasonZh ? `${escapeHtml(n.label)}<br/>短板：${escapeHtml(n.gapReasonZh)}` : escapeHtml(n.label)) : '';
        },
      },
      animation: false,
      series: [
        {
          type: 'graph',
          layout: 'none',
          roam: false,
          left: PAD,
          right: PAD,
          top: PAD,
          bottom: PAD,
          edgeSymbol: ['none', 'arrow'],
          edgeSymbolSize: 6,
          data,
          links,
          emphasis: { focus: 'adjacency' },
        },
      ],
    };
    return { option, width: width + 2 * PAD, height: height + 2 * PAD };
  }, [graph]);

  useEffect(() => {
    if (!ref.current) return;
    const chart = init(ref.current, undefined, { renderer: 'canvas' });
    chartRef.current = chart;
    chart.on('click', (e) => {
      const path = (e.data as { value?: string } | undefined)?.value;
      if (e.dataType === 'node' && path) openRef.current(path);
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);
  useEffect(() => {
    chartRef.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div style={{ overflowX: 'auto', maxWidth: '100%' }} data-testid="chain-graph-scroll">
      <div ref={ref} role="img" aria-label={ariaLabel} data-testid="chain-graph" style={{ width, height, cursor: 'pointer' }} />
    </div>
  );
}
