import { Tag } from 'antd';
import { useDict } from '../../dictionaries/api.ts';

const COLOR: Record<string, string> = {
  draft: 'default',
  submitted: 'processing',
  reviewed: 'cyan',
  publicised: 'geekblue',
  in_library: 'green',
  funded: 'lime',
  implementing: 'gold',
  accepted: 'purple',
  evaluated: 'magenta',
  rejected: 'red',
  withdrawn: 'default',
};

/** 项目阶段 as a coloured tag with the dictionary label (已入库, 公示中 …). */
export function StageTag({ stage }: { stage: string }) {
  const dict = useDict();
  return <Tag color={COLOR[stage] ?? 'default'}>{dict.label('project_stage', stage)}</Tag>;
}
