import { Alert, Button, Card, Col, Descriptions, Flex, Row, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { formatYuan } from '../../../lib/format.ts';
import { useI18n, type MessageKey } from '../../../lib/i18n.tsx';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useIsMobile } from '../../../ui/use-is-mobile.ts';
import { canWrite, useCurrentUser } from '../../auth/api.ts';
import { useDict } from '../../dictionaries/api.ts';
import { useProject } from '../api.ts';
import { BeneficiariesCard } from '../components/BeneficiariesCard.tsx';
import { BudgetsCard } from '../components/BudgetsCard.tsx';
import { SubsidiesCard } from '../../calculators/components/SubsidiesCard.tsx';
import { ProjectActions } from '../components/ProjectActions.tsx';
import { ProjectAssetsButtons } from '../../assets/components/ProjectAssetsButtons.tsx';
import { ProjectFormModal } from '../components/ProjectForm.tsx';
import { StageTag } from '../components/StageTag.tsx';
import { StepsTimeline } from '../components/StepsTimeline.tsx';

const CLOSED = ['rejected', 'withdrawn', 'evaluated'];

/**
 * A project of the library: where it is, why it came back (退回/不予入库 in an Alert), the buttons of the steps this
 * user may take, its details, the 入库审核 checks, the steps timeline (who, when, what, why), budget rows and
 * beneficiary households. Saves carry the version the page was read at.
 */
export function ProjectDetailPage() {
  const { t, lang, pick } = useI18n();
  const dict = useDict();
  const user = useCurrentUser();
  const mobile = useIsMobile();
  const id = Number(useParams().id);
  const { data: p, error, refetch, isLoading } = useProject(id);
  const [editing, setEditing] = useState(false);
  if (isLoading) return <Spin />;
  if (error || !p) return <ErrorAlert error={error} onRetry={() => void refetch()} />;
  const writable = canWrite(user);
  const draft = p.stage === 'draft';
  const yuan = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${formatYuan(v, lang)} 元`);
  const checkWord = (v: boolean | null | undefined) => (v === true ? <Tag color="green">{t('projects.check.yes')}</Tag> : <Tag>{t('projects.check.no')}</Tag>);
  const showReason = p.returnReason && (p.stage === 'draft' || p.stage === 'rejected');
  return (
    <>
      <PageHeader
        title={
          <Space wrap>
            <span>{p.name}</span>
            <StageTag stage={p.stage} />
          </Space>
        }
        subtitle={`${p.projectNo} · ${p.regionName ?? p.regionCode} · ${p.year}`}
        extra={writable && draft ? <Button onClick={() => setEditing(true)}>{t('projects.detail.edit')}</Button> : null}
      />
      {showReason ? (
        <Alert
          type={p.stage === 'rejected' ? 'error' : 'warning'}
          showIcon
          style={{ marginBottom: 16 }}
          message={p.stage === 'rejected' ? t('projects.detail.rejected') : t('projects.detail.returned')}
          description={t('projects.detail.reason', { reason: p.returnReason! })}
        />
      ) : null}
      {writable ? (
        <div style={{ marginBottom: 16 }}>
          <ProjectActions project={p} reload={refetch} />
        </div>
      ) : null}
      <ProjectAssetsButtons project={p} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <Flex vertical gap={16}>
            <Card title={t('projects.detail.basic')}>
              <Descriptions column={mobile ? 1 : 2} size="small">
                <Descriptions.Item label={t('projects.field.type')}>
                  {dict.label('project_type', p.projectType)}
                  {p.projectSubtype ? ` / ${dict.label('project_type', p.projectSubtype)}` : ''}
                </Descriptions.Item>
                <Descriptions.Item label={t('projects.field.budget')}>{yuan(p.budgetYuan)}</Descriptions.Item>
                <Descriptions.Item label={t('projects.detail.allocated')}>{yuan(p.allocatedYuan)}</Descriptions.Item>
                <Descriptions.Item label={t('projects.field.linkageModes')}>{p.linkageModes.map((m) => dict.label('linkage_mode', m)).join('、') || '—'}</Descriptions.Item>
                <Descriptions.Item label={t('projects.field.drivenHouseholds')}>{p.drivenHouseholds ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('projects.field.drivenPersons')}>{p.drivenPersons ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('projects.detail.publicity')}>{p.publicityStart ? `${p.publicityStart} 至 ${p.publicityEnd ?? ''}` : '—'}</Descriptions.Item>
                <Descriptions.Item label={t('projects.detail.entered')}>{p.enteredLibraryOn ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('projects.detail.started')}>{p.startedOn ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('projects.detail.accepted')}>{p.acceptedOn ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('projects.detail.evaluation')}>{p.evaluationGrade ? `${p.evaluationGrade}（${p.evaluatedOn ?? ''}）` : '—'}</Descriptions.Item>
                {p.isClusterProject ? <Descriptions.Item label={t('projects.field.cluster')}>是</Descriptions.Item> : null}
              </Descriptions>
              {p.constructionContent ? (
                <Typography.Paragraph style={{ marginTop: 12 }}>
                  <Typography.Text strong>{t('projects.field.content')}：</Typography.Text>
                  {p.constructionContent}
                </Typography.Paragraph>
              ) : null}
              {p.performanceTarget ? (
                <Typography.Paragraph>
                  <Typography.Text strong>{t('projects.field.target')}：</Typography.Text>
                  {p.performanceTarget}
                </Typography.Paragraph>
              ) : null}
            </Card>
            <Card title={t('projects.detail.review')}>
              {p.entryPolicy.checksRequired ? (
                <Typography.Paragraph type="secondary">{t('projects.check.hint', { clause: p.entryPolicy.reviewClause })}</Typography.Paragraph>
              ) : null}
              {p.entryPolicy.noteZh ? <Typography.Paragraph type="secondary">{pick(p.entryPolicy.noteZh, p.entryPolicy.noteEn)}</Typography.Paragraph> : null}
              <Descriptions column={mobile ? 1 : 2} size="small">
                {p.entryPolicy.reviewChecks.map((c) => (
                  <Descriptions.Item key={c} label={t(`projects.check.${c}` as MessageKey)}>
                    {checkWord(p.reviewChecks[c])}
                  </Descriptions.Item>
                ))}
              </Descriptions>
              {p.reviewNote ? <Typography.Paragraph>{p.reviewNote}</Typography.Paragraph> : null}
            </Card>
            <BudgetsCard project={p} editable={writable && draft} reload={refetch} />
            <BeneficiariesCard project={p} editable={writable && !CLOSED.includes(p.stage)} reload={refetch} />
            <SubsidiesCard owner={{ projectId: p.id }} writable={writable && !CLOSED.includes(p.stage)} />
          </Flex>
        </Col>
        <Col xs={24} lg={9}>
          <Card title={t('projects.detail.steps')}>
            <StepsTimeline steps={p.steps} />
          </Card>
        </Col>
      </Row>
      <ProjectFormModal open={editing} onClose={() => setEditing(false)} project={p} />
    </>
  );
}
