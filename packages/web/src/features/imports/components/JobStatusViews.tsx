import { Alert, Button, Progress, Typography } from 'antd';
import { useI18n } from '../../../lib/i18n.tsx';
import type { ImportJob } from '../../../lib/types.ts';

/** Progress of the running phase (0–100), from the live progress when the server reports one. */
export function jobPercent(job: ImportJob): number {
  const done = job.progress?.processed ?? job.processedRows;
  const total = job.progress?.total ?? job.totalRows;
  return total ? Math.min(100, Math.round((done / total) * 100)) : 0;
}

export type JobProgressProps = { job: ImportJob; title: string; cap?: number };

/** The running phase of a job (validation or commit): a title, a progress bar and rows done of total. */
export function JobProgress({ job, title, cap = 100 }: JobProgressProps) {
  const { t } = useI18n();
  return (
    <div style={{ maxWidth: 560, margin: '32px auto', textAlign: 'center' }}>
      <Typography.Title level={5}>{title}</Typography.Title>
      <Progress percent={Math.min(cap, jobPercent(job))} status="active" aria-label={title} />
      <Typography.Text type="secondary">
        {t('imp.processed', { done: job.progress?.processed ?? job.processedRows, total: job.progress?.total ?? (job.totalRows || '…') })}
      </Typography.Text>
    </div>
  );
}

export type JobFailedProps = { message: string | null | undefined; onRestart: () => void };

/** A job that failed for good: the server's message and the way back to a new upload. */
export function JobFailed({ message, onRestart }: JobFailedProps) {
  const { t } = useI18n();
  return (
    <>
      <Alert type="error" showIcon role="alert" title={t('imp.failed')} description={message ?? undefined} style={{ marginBottom: 16 }} />
      <Button onClick={onRestart}>{t('imp.reupload')}</Button>
    </>
  );
}
