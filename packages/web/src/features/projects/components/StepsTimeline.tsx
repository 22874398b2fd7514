import { PROJECT_ACTION_RULES, type ProjectView } from '@chanbang/domain';
import { Empty, Timeline, Typography } from 'antd';
import { formatDateTime } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { useDict } from '../../dictionaries/api.ts';

/** The words of a step: the workflow's action labels (domain), and the record's creation. */
function actionWords(action: string, pick: (zh: string, en: string) => string): string {
  if (action === 'create') return pick('谋划申报（录入）', 'proposal recorded');
  const rule = (PROJECT_ACTION_RULES as Record<string, { zh: string; en: string } | undefined>)[action];
  return rule ? pick(rule.zh, rule.en) : action;
}

/** 办理过程: who did what and when, with the reason of a return or rejection. */
export function StepsTimeline({ steps }: { steps: ProjectView['steps'] }) {
  const { t, pick } = useI18n();
  const dict = useDict();
  if (!steps.length) return <Empty description={t('projects.detail.noSteps')} />;
  return (
    <Timeline
      items={steps.map((s) => ({
        color: s.action === 'return' || s.action === 'reject' ? 'red' : s.toStage === 'in_library' ? 'green' : 'blue',
        children: (
          <div data-testid="project-step">
            <Typography.Text strong>{actionWords(s.action, pick)}</Typography.Text>
            <Typography.Text type="secondary">（{dict.label('project_stage', s.toStage)}）</Typography.Text>
            <div>{t('projects.detail.stepBy', { who: s.actorName ?? '—', when: formatDateTime(s.at) })}</div>
            {s.reason ? <Typography.Text type={s.action === 'return' || s.action === 'reject' ? 'danger' : undefined}>{s.reason}</Typography.Text> : null}
          </div>
        ),
      }))}
    />
  );
}
