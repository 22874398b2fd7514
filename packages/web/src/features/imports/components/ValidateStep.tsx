import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Grid, Modal, Row, Space, Statistic, Table } from 'antd';
import { downloadUrl } from '../../../lib/api-client.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import type { ImportError, ImportJob } from '../../../lib/types.ts';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { useCommitImport } from '../api.ts';
import { ExcludedHouseholds, ImportWarnings } from './ExcludedHouseholds.tsx';
import { IssueCards } from './IssueCards.tsx';
import { JobFailed, JobProgress } from './JobStatusViews.tsx';

export type ValidateStepProps = { job: ImportJob; onCommitting: () => void; onRestart: () => void; onRemap: () => void };

/** Step 3: validation progress, then every bad cell (row, column, value, reason) and the good counts. */
export function ValidateStep({ job, onCommitting, onRestart, onRemap }: ValidateStepProps) {
  const { t, pick } = useI18n();
  const commit = useCommitImport(job.id);
  const mobile = !Grid.useBreakpoint().md;
  const running = job.status === 'validating' || job.status === 'uploaded';
  const errors = job.errors ?? [];
  const commitFailed = !!job.commitError;
  const message = job.messageZh || job.messageEn ? pick(job.messageZh ?? '', job.messageEn ?? '') : job.message;
  const summary = job.result?.validation;
  const errorCount = summary?.errorCount ?? errors.length;

  if (running) return <JobProgress job={job} title={t('imp.validating')} />;
  if (job.status === 'failed') return <JobFailed message={message} onRestart={onRestart} />;

  const handleCommit = () =>
    Modal.confirm({
      title: t('imp.commit'),
      content: t('imp.confirmCommit', { n: job.goodRows }),
      okText: t('common.ok'),
      cancelText: t('common.cancel'),
      onOk: () => commit.mutateAsync().then(onCommitting),
    });

  return (
    <>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col xs={12} md={3}>
          <Statistic title={t('imp.totalRows')} value={job.totalRows} />
        </Col>
        <Col xs={12} md={3}>
          <Statistic title={t('imp.goodRows')} value={job.goodRows} styles={{ content: { color: '#1f7a4d' } }} />
        </Col>
        <Col xs={12} md={3}>
          <Statistic title={t('imp.badRows')} value={job.badRows} styles={{ content: { color: job.badRows ? '#d4380d' : undefined } }} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title={t('imp.excludedRows')} value={job.excludedRows ?? 0} styles={{ content: { color: job.excludedRows ? '#d46b08' : undefined } }} />
        </Col>
        <Col xs={12} md={3}>
          <Statistic title={t('imp.warningRows')} value={job.warningRows ?? 0} />
        </Col>
        {summary?.households ? (
          <Col xs={12} md={4}>
            <Statistic title={t('imp.goodHouseholds')} value={summary.households.good} styles={{ content: { color: '#1f7a4d' } }} />
          </Col>
        ) : null}
        {summary?.households ? (
          <Col xs={12} md={4}>
            <Statistic title={t('imp.badHouseholds')} value={summary.households.excluded} styles={{ content: { color: summary.households.excluded ? '#d4380d' : undefined } }} />
          </Col>
        ) : null}
      </Row>
      {message && !commitFailed ? <Alert type="warning" showIcon title={message} style={{ marginBottom: 12 }} /> : null}
      {commitFailed ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t('imp.failed')}
          description={pick(job.commitError?.messageZh ?? '', job.commitError?.messageEn ?? '')}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      {errors.length === 0 ? <Alert type="success" showIcon title={t('imp.noErrors')} style={{ marginBottom: 16 }} /> : null}
      {errors.length > 0 && errorCount > errors.length ? <Alert type="info" showIcon title={t('imp.errorsShown', { n: errors.length })} style={{ marginBottom: 12 }} /> : null}
      {errors.length > 0 && mobile ? (
        <IssueCards
          label={t('imp.badRows')}
          items={errors.map((e) => ({
            key: `${e.row}-${e.column}-${e.messageZh}`,
            title: `${t('imp.row')} ${e.row} · ${e.column}`,
            value: e.value === null || e.value === undefined ? '' : String(e.value),
            text: pick(e.messageZh, e.messageEn),
          }))}
        />
      ) : null}
      {errors.length > 0 && !mobile ? (
        <Table<ImportError>
          size="small"
          rowKey={(e) => `${e.row}-${e.column}-${e.messageZh}`}
          dataSource={errors}
          aria-label={t('imp.badRows')}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          scroll={{ x: 560 }}
          columns={[
            { title: t('imp.row'), dataIndex: 'row', width: 80 },
            { title: t('imp.column'), dataIndex: 'column', width: 160 },
            { title: t('imp.value'), dataIndex: 'value', width: 220, render: (v: unknown) => (v === null || v === undefined ? '' : String(v)) },
            { title: t('imp.reason'), key: 'reason', render: (_, e) => pick(e.messageZh, e.messageEn) },
          ]}
        />
      ) : null}
      <ExcludedHouseholds items={job.excludedHouseholds ?? summary?.excludedHouseholds ?? []} />
      <ImportWarnings items={job.warnings ?? []} />
      <ErrorAlert error={commit.error} />
      <Space style={{ marginTop: 16 }} wrap>
        {(job.badRows > 0 || (job.warningRows ?? 0) > 0) && !job.filesDeletedAt ? (
          <Button icon={<DownloadOutlined />} href={downloadUrl(`/imports/${job.id}/errors.xlsx`)}>
            {t('imp.errorReport')}
          </Button>
        ) : null}
        <Button onClick={onRemap}>{t('imp.step.mapping')}</Button>
        <Button onClick={onRestart}>{t('imp.reupload')}</Button>
        <Button type="primary" disabled={job.goodRows === 0} loading={commit.isPending} onClick={handleCommit}>
          {t('imp.commit')}
        </Button>
      </Space>
    </>
  );
}
