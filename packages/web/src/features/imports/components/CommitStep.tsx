import { Alert, Button, Descriptions, Result, Space } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../../../lib/i18n.tsx';
import type { ImportCommit, ImportJob } from '../../../lib/types.ts';
import { ExcludedHouseholds } from './ExcludedHouseholds.tsx';
import { JobFailed, JobProgress } from './JobStatusViews.tsx';

export type CommitStepProps = { job: ImportJob; onRestart: () => void; onBackToValidation: () => void };

const COUNT_LABELS: [keyof ImportCommit, string, string][] = [
  ['householdsCreated', '新增户', 'Households created'],
  ['householdsUpdated', '更新户', 'Households updated'],
  ['householdsUnchanged', '未变化户', 'Households unchanged'],
  ['personsCreated', '新增人员', 'Persons created'],
  ['personsUpdated', '更新人员', 'Persons updated'],
  ['personsMoved', '迁移人员', 'Persons moved'],
  ['incomesWritten', '写入收入记录', 'Income records written'],
  ['measuresCreated', '新增帮扶措施', 'Support measures added'],
  ['casesCreated', '新建监测记录', 'Monitoring cases recorded'],
];

/** Step 4: commit progress (household batches on the server, ADR 0003), then the result summary. */
export function CommitStep({ job, onRestart, onBackToValidation }: CommitStepProps) {
  const { t, pick } = useI18n();
  const navigate = useNavigate();
  const commit = job.result?.commit;
  // A failed commit rolls back and returns the job to `validated` with a message.
  if (job.status === 'validated' && job.commitError) {
    return (
      <>
        <Alert type="error" showIcon role="alert" title={t('imp.failed')} description={pick(job.commitError.messageZh, job.commitError.messageEn)} style={{ marginBottom: 16 }} />
        <Space>
          <Button onClick={onBackToValidation}>{t('imp.step.validate')}</Button>
          <Button onClick={onRestart}>{t('imp.reupload')}</Button>
        </Space>
      </>
    );
  }
  if (job.status === 'importing' || job.status === 'validated') return <JobProgress job={job} title={t('imp.committing')} cap={99} />;
  if (job.status === 'failed') return <JobFailed message={pick(job.messageZh ?? job.message ?? '', job.messageEn ?? job.message ?? '')} onRestart={onRestart} />;
  return (
    <Result
      status="success"
      title={t('imp.done')}
      subTitle={job.fileName}
      extra={
        <Space>
          <Button type="primary" onClick={() => navigate('/households')}>
            {t('imp.toList')}
          </Button>
          <Button onClick={onRestart}>{t('imp.another')}</Button>
        </Space>
      }
    >
      <Descriptions bordered size="small" column={{ xs: 1, sm: 2 }}>
        <Descriptions.Item label={t('imp.goodRows')}>{job.goodRows}</Descriptions.Item>
        <Descriptions.Item label={t('imp.badRows')}>{job.badRows}</Descriptions.Item>
        <Descriptions.Item label={t('imp.excludedRows')}>{job.excludedRows ?? 0}</Descriptions.Item>
        {COUNT_LABELS.filter(([key]) => typeof commit?.[key] === 'number').map(([key, zh, en]) => (
          <Descriptions.Item key={key} label={pick(zh, en)}>
            {String(commit?.[key])}
          </Descriptions.Item>
        ))}
      </Descriptions>
      {commit?.excluded?.length ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 16 }}
          title={t('imp.badHouseholds')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {commit.excluded.slice(0, 20).map((e) => (
                <li key={e.householdNo}>
                  {e.householdNo}: {pick(e.messageZh, e.messageEn)}
                </li>
              ))}
            </ul>
          }
        />
      ) : null}
      <ExcludedHouseholds items={job.excludedHouseholds ?? []} />
      {job.filesDeletedAt && (job.badRows > 0 || (job.excludedRows ?? 0) > 0) ? <Alert type="info" showIcon style={{ marginTop: 16 }} title={t('imp.filesRemoved')} /> : null}
    </Result>
  );
}
