import type { ProjectView } from '@chanbang/domain';
import { Empty, Timeline, Typography } from 'antd';
import { formatDateTime } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { useDict } from '../../dictionaries/api.ts';

const ACTION_ZH: Record<string, string> = {
  create: '谋划申报（录入）',
  submit: '申报',
  withdraw: '撤回',
  township_review: '乡镇审核通过',
  return: '退回修改',
  publicise: '公示',
  approve_entry: '审定入库',
  reject: '不予入库',
  allocate_funds: '资金安排',
  start: '开工实施',
  accept: '竣工验收',
  evaluate: '绩效评价',
};

/** 办理过程: who did what and when, with the reason of a return or rejection. */
export function StepsTimeline({ steps }: { steps: ProjectView['steps'] }) {
  const { t } = useI18n();
  const dict = useDict();
  if (!steps.length) return <Empty description={t('projects.detail.noSteps')} />;
  return (
    <Timeline
      items={steps.map((s) => ({
        color: s.action === 'return' || s.action === 'reject' ? 'red' : s.toStage === 'in_library' ? 'green' : 'blue',
        children: (
          <div data-testid="project-step">
            <Typography.Text strong>{ACTION_ZH[s.action] ?? s.action}</Typography.Text>
            <Typography.Text type="secondary">（{dict.label('project_stage', s.toStage)}）</Typography.Text>
            <div>{t('projects.detail.stepBy', { who: s.actorName ?? '—', when: formatDateTime(s.at) })}</div>
            {s.reason ? <Typography.Text type={s.action === 'return' || s.action === 'reject' ? 'danger' : undefined}>{s.reason}</Typography.Text> : null}
          </div>
        ),
      }))}
    />
  );
}
