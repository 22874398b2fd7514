import { industryDictLabel } from './industry-checks.ts';

/** A chain link as the gap check needs it: what works there and the 短板 recorded. */
export type GapLinkInput = { id: number; linkKind: string; name?: string | null; entityCount: number; projectCount: number; shortfall?: string | null };

export type GapReason = 'no_entity_no_project' | 'shortfall';

export type ChainGap = { linkId: number; linkKind: string; label: string; reasons: GapReason[]; reasonZh: string; reasonEn: string };

/** The name of a link on screens: its own name, else its 环节 label. */
export function linkLabel(l: { linkKind: string; name?: string | null }): string {
  return l.name?.trim() || industryDictLabel('chain_link_kind', l.linkKind);
}

/**
 * The gaps (短板) of a chain: a link with neither an entity nor a project working at it, or one whose 短板 is
 * recorded. 000 §四(一)3: 全面梳理每条产业链上下游各环节资源要素，查找存在的短板、弱项、难点、堵点；通过企业带动和项目带动，
 * 把农户嵌在产业链各个环节 — a link no entity and no project drives embeds no farmer. 000 §五(一): 聚焦补齐重点产业链短板.
 * @returns the gaps in the links' order, each with its reasons in Chinese and English
 */
export function chainGaps(links: readonly GapLinkInput[]): ChainGap[] {
  const out: ChainGap[] = [];
  for (const l of links) {
    const reasons: GapReason[] = [];
    const zh: string[] = [];
    const en: string[] = [];
    if (l.entityCount === 0 && l.projectCount === 0) {
      reasons.push('no_entity_no_project');
      zh.push('无经营主体、无项目');
      en.push('no entity and no project');
    }
    const sf = l.shortfall?.trim();
    if (sf) {
      reasons.push('shortfall');
      zh.push(`短板：${sf}`);
      en.push(`shortfall: ${sf}`);
    }
    if (reasons.length) out.push({ linkId: l.id, linkKind: l.linkKind, label: linkLabel(l), reasons, reasonZh: zh.join('；'), reasonEn: en.join('; ') });
  }
  return out;
}
