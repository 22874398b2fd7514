import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { canWrite, regionPrefix, type ParticipantView } from '@chanbang/domain';
import { Alert, App, Button, Card, Descriptions, Popconfirm, Space, Spin, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { downloadUrl } from '../../../lib/api-client.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { withVersion } from '../../../lib/versioning.ts';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { RecordImportModal } from '../../../ui/RecordImportModal.tsx';
import { ResponsiveTable } from '../../../ui/ResponsiveTable.tsx';
import { useStaleSave } from '../../../ui/StaleSave.tsx';
import { useIsMobile } from '../../../ui/use-is-mobile.ts';
import { useCurrentUser } from '../../auth/api.ts';
import { useDict } from '../../dictionaries/api.ts';
import { useTraining, useTrainingMutations } from '../api.ts';
import { AddParticipantModal } from '../components/AddParticipantModal.tsx';
import { TrainingFormModal } from '../components/TrainingFormModal.tsx';
import { datesText } from './TrainingListPage.tsx';

type ImportResult = { added: number; updated: number; skillsAdded: number };

/**
 * One 技能培训: its facts, 修改 / 删除 for its organiser, and its participants in the user's area: 添加 by search, 移出
 * with a confirmation, 记为结业, 导入 (record import with row errors) and 导出 of the list.
 */
export function TrainingDetailPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const dict = useDict();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const { data: tr, error, refetch, isLoading } = useTraining(id);
  const user = useCurrentUser();
  const stale = useStaleSave();
  const m = useTrainingMutations();
  const [dialog, setDialog] = useState<'edit' | 'add' | 'import' | null>(null);
  if (isLoading) return <Spin />;
  if (error || !tr) return <ErrorAlert error={error} onRetry={() => void refetch()} />;
  const mayWrite = canWrite(user.role);
  const organiser = mayWrite && tr.regionCode.startsWith(regionPrefix(user.regionCode));
  const reload = async () => (await refetch()).data;

  const remove = () =>
    m.remove.mutate(
      { id: tr.id, version: tr.version },
      { onSuccess: () => (message.success(t('trainings.deleted')), navigate('/trainings')), onError: (err) => stale.fail(err, reload) },
    );
  const removeParticipant = (p: ParticipantView) =>
    m.removeParticipant.mutate({ id: p.id, version: p.version }, { onSuccess: () => message.success(t('trainings.p.removed')), onError: (err) => stale.fail(err, reload) });
  const markDone = (p: ParticipantView) =>
    m.patchParticipant.mutate(withVersion({ id: p.id, completed: true }, p), {
      onSuccess: (r) => message.success(r.skillAdded ? t('trainings.p.skillAdded', { name: p.name, skill: r.skillAdded }) : t('common.saved')),
      onError: (err) => stale.fail(err, reload),
    });
  const actions = (p: ParticipantView) =>
    mayWrite ? (
      <Space size={4} wrap>
        {p.completed ? null : (
          <Button type="link" size="small" onClick={() => markDone(p)}>
            {t('trainings.p.markDone')}
          </Button>
        )}
        <Popconfirm title={t('trainings.p.remove.confirm', { name: p.name })} onConfirm={() => removeParticipant(p)} okText={t('common.ok')} cancelText={t('common.cancel')}>
          <Button type="link" size="small" danger aria-label={`${t('trainings.p.remove')} ${p.name}`}>
            {t('trainings.p.remove')}
          </Button>
        </Popconfirm>
      </Space>
    ) : null;

  return (
    <>
      <PageHeader
        title={tr.course}
        subtitle={`${tr.regionName ?? tr.regionCode} · ${datesText(tr)}`}
        extra={
          <Space wrap>
            <Link to="/trainings">{t('trainings.detail.back')}</Link>
            {organiser ? (
              <>
                <Button onClick={() => setDialog('edit')} data-testid="training-edit">
                  {t('trainings.edit')}
                </Button>
                <Popconfirm title={t('trainings.delete.confirm', { name: tr.course })} onConfirm={remove} okText={t('common.ok')} cancelText={t('common.cancel')}>
                  <Button danger>{t('trainings.delete')}</Button>
                </Popconfirm>
              </>
            ) : null}
          </Space>
        }
      />
      {mayWrite && !organiser ? <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('trainings.detail.above')} /> : null}
      <Card title={t('trainings.detail.info')} style={{ marginBottom: 16 }}>
        <Descriptions column={mobile ? 1 : 2} size="small">
          <Descriptions.Item label={t('trainings.field.provider')}>{tr.provider ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('trainings.col.dates')}>{datesText(tr)}</Descriptions.Item>
          <Descriptions.Item label={t('trainings.field.skill')}>{tr.skill ? <Tag color="green">{tr.skill}</Tag> : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('trainings.field.certificate')}>{dict.label('training_certificate', tr.certificate)}</Descriptions.Item>
          {tr.note ? <Descriptions.Item label={t('trainings.field.note')}>{tr.note}</Descriptions.Item> : null}
        </Descriptions>
      </Card>
      <Card
        title={t('trainings.detail.participants', { n: String(tr.participants), done: String(tr.completed) })}
        extra={
          <Space wrap>
            {mayWrite ? (
              <>
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('add')} data-testid="participant-add">
                  {t('trainings.p.add')}
                </Button>
                <Button icon={<UploadOutlined />} onClick={() => setDialog('import')} data-testid="participant-import">
                  {t('trainings.import')}
                </Button>
              </>
            ) : null}
            <Button icon={<DownloadOutlined />} href={downloadUrl(`/trainings/${tr.id}/export.xlsx`)}>
              {t('trainings.export')}
            </Button>
          </Space>
        }
      >
        <ResponsiveTable<ParticipantView>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={tr.participantList}
          locale={{ emptyText: t('trainings.p.empty') }}
          aria-label={t('trainings.detail.participants', { n: String(tr.participants), done: String(tr.completed) })}
          cardTitle={(p) => (
            <Link to={`/households/${p.householdId}`} data-testid="participant-row">
              {p.name}
            </Link>
          )}
          cardActions={actions}
          columns={[
            {
              title: t('trainings.p.col.name'),
              dataIndex: 'name',
              responsive: ['md'],
              render: (_, p) => (
                <Link to={`/households/${p.householdId}`} data-testid="participant-row">
                  {p.name}
                </Link>
              ),
            },
            { title: t('trainings.p.col.id'), dataIndex: 'idNumber', render: (v: string) => <span style={{ fontFamily: 'monospace' }}>{v}</span> },
            { title: t('trainings.p.col.village'), dataIndex: 'regionName', render: (_, p) => p.regionName ?? p.regionCode },
            { title: t('trainings.p.col.household'), dataIndex: 'householdNo', responsive: ['lg'] },
            {
              title: t('trainings.p.col.completed'),
              dataIndex: 'completed',
              render: (v: boolean) => (v ? <Tag color="green">{t('trainings.p.yes')}</Tag> : <Tag>{t('trainings.p.no')}</Tag>),
            },
            { title: t('trainings.p.certificateNo'), dataIndex: 'certificateNo', render: (v: string | null) => v ?? '—' },
            ...(mayWrite ? [{ title: t('common.actions'), key: 'actions', responsive: ['md' as const], render: (_: unknown, p: ParticipantView) => actions(p) }] : []),
          ]}
        />
      </Card>
      <TrainingFormModal open={dialog === 'edit'} training={tr} onClose={() => setDialog(null)} reload={reload} />
      <AddParticipantModal training={tr} open={dialog === 'add'} onClose={() => setDialog(null)} />
      <RecordImportModal<ImportResult>
        open={dialog === 'import'}
        onClose={() => setDialog(null)}
        title={t('trainings.import')}
        hint={t('trainings.import.hint')}
        uploadUrl={`/trainings/${tr.id}/participants/import`}
        templateUrl="/trainings/participants-template.xlsx"
        doneText={(r) => t('trainings.import.done', { added: String(r.added), updated: String(r.updated), skillsAdded: String(r.skillsAdded) })}
        onDone={() => void refetch()}
        testId="participant-import"
      />
    </>
  );
}
