import { Card, Skeleton, Steps } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../lib/i18n.tsx';
import { useSearchState } from '../../../lib/use-search-state.ts';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useImportJob } from '../api.ts';
import { CommitStep } from '../components/CommitStep.tsx';
import { MappingStep } from '../components/MappingStep.tsx';
import { UploadStep } from '../components/UploadStep.tsx';
import { ValidateStep } from '../components/ValidateStep.tsx';

const KEYS = ['job', 'step'] as const;

/** Step shown for a job status when the URL does not say otherwise. */
function stepOf(status: string | undefined): number {
  if (!status) return 0;
  if (status === 'uploaded') return 1;
  if (status === 'validating' || status === 'validated' || status === 'failed') return 2;
  return 3;
}

/** 数据导入: upload → column mapping → validation → commit; the job id and step live in the URL. */
export function ImportWizardPage() {
  const { t } = useI18n();
  const [search, setSearch] = useSearchState(KEYS);
  const jobId = search.job ? Number(search.job) : undefined;
  const [committing, setCommitting] = useState(false);
  const urlStep = search.step !== undefined ? Number(search.step) : undefined;
  const { data: job, isLoading, error, refetch } = useImportJob(jobId, urlStep);
  const step = urlStep ?? (committing ? 3 : stepOf(job?.status));

  const restart = () => {
    setCommitting(false);
    setSearch({ job: undefined, step: undefined });
  };

  return (
    <>
      <PageHeader title={t('imp.title')} />
      <Card>
        <Steps
          current={jobId ? step : 0}
          style={{ marginBottom: 24 }}
          items={[{ title: t('imp.step.upload') }, { title: t('imp.step.mapping') }, { title: t('imp.step.validate') }, { title: t('imp.step.commit') }]}
        />
        {error ? <ErrorAlert error={error} onRetry={() => void refetch()} /> : null}
        {!jobId ? <UploadStep onUploaded={(j) => setSearch({ job: j.id, step: 1 })} /> : null}
        {jobId && isLoading ? <Skeleton active /> : null}
        {job && step === 1 ? <MappingStep job={job} onBack={restart} onValidating={() => setSearch({ step: 2 })} /> : null}
        {job && step === 2 ? (
          <ValidateStep
            job={job}
            onRestart={restart}
            onRemap={() => setSearch({ step: 1 })}
            onCommitting={() => {
              setCommitting(true);
              setSearch({ step: 3 });
              void refetch();
            }}
          />
        ) : null}
        {job && step === 3 ? (
          <CommitStep
            job={job}
            onRestart={restart}
            onBackToValidation={() => {
              setCommitting(false);
              setSearch({ step: 2 });
            }}
          />
        ) : null}
      </Card>
    </>
  );
}
