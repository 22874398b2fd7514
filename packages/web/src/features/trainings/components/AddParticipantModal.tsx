import type { TrainingCandidateList, TrainingDetail } from '@chanbang/domain';
import { Alert, App, Checkbox, Input, List, Modal, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../../lib/i18n.tsx';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { useTrainingCandidates, useTrainingMutations } from '../api.ts';

type Candidate = TrainingCandidateList['items'][number];

/**
 * 添加参训人员: search the persons of the user's area (and of the organiser's region) by name or ID number, tick 已结业
 * and give the 证书编号; the answer says when the course's skill was added to the person's 掌握技能.
 */
export function AddParticipantModal({ training, open, onClose }: { training: TrainingDetail; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const [typed, setTyped] = useState('');
  const [chosen, setChosen] = useState<Candidate | null>(null);
  const [completed, setCompleted] = useState(true);
  const [certificateNo, setCertificateNo] = useState('');
  const candidates = useTrainingCandidates(open ? training.id : 0, q);
  const m = useTrainingMutations();
  useEffect(() => {
    if (!open) return;
    setQ('');
    setTyped('');
    setChosen(null);
    setCompleted(true);
    setCertificateNo('');
    m.addParticipant.reset();
    // reset on open only (the mutation object changes on every render)
  }, [open]);

  const add = async () => {
    if (!chosen) return;
    const r = await m.addParticipant.mutateAsync({ trainingId: training.id, personId: chosen.personId, completed, certificateNo: certificateNo.trim() || null });
    message.success(r.skillAdded ? t('trainings.p.skillAdded', { name: chosen.name, skill: r.skillAdded }) : t('trainings.p.added', { name: chosen.name }));
    setChosen(null);
    setCertificateNo('');
  };

  return (
    <Modal
      open={open}
      title={t('trainings.p.add')}
      onCancel={onClose}
      onOk={() => void add().catch(() => undefined)}
      okButtonProps={{ disabled: !chosen, id: 'participant-save' }}
      confirmLoading={m.addParticipant.isPending}
      okText={t('trainings.p.add')}
      cancelText={t('common.close')}
      width={640}
      destroyOnHidden
    >
      <Input.Search
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
        onSearch={(v) => setQ(v.trim())}
        placeholder={t('trainings.p.search')}
        aria-label={t('trainings.p.search')}
        data-testid="participant-search"
        allowClear
      />
      {candidates.error ? <ErrorAlert error={candidates.error} /> : null}
      <List
        size="small"
        style={{ margin: '8px 0', maxHeight: 260, overflowY: 'auto' }}
        loading={candidates.isFetching}
        dataSource={candidates.data?.items ?? []}
        renderItem={(c) => (
          <List.Item
            data-testid="participant-candidate"
            style={{ cursor: c.already ? 'default' : 'pointer', background: chosen?.personId === c.personId ? '#e6f4ff' : undefined }}
            onClick={() => (c.already ? undefined : setChosen(c))}
          >
            <Space wrap size={4}>
              <b>{c.name}</b>
              <span style={{ fontFamily: 'monospace' }}>{c.idNumber}</span>
              <Typography.Text type="secondary">
                {c.regionName ?? ''} {c.householdNo}
              </Typography.Text>
              {c.skills.map((s) => (
                <Tag key={s}>{s}</Tag>
              ))}
              {c.already ? <Tag color="default">{t('trainings.p.already')}</Tag> : null}
            </Space>
          </List.Item>
        )}
      />
      {chosen ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text strong>{chosen.name}</Typography.Text>
          <Checkbox checked={completed} onChange={(e) => setCompleted(e.target.checked)} data-testid="participant-completed">
            {t('trainings.p.completed')}
          </Checkbox>
          <Input
            value={certificateNo}
            onChange={(e) => setCertificateNo(e.target.value)}
            placeholder={t('trainings.p.certificateNo')}
            aria-label={t('trainings.p.certificateNo')}
            maxLength={60}
          />
          {training.skill ? <Alert type="info" showIcon message={t('trainings.p.skillNote', { skill: training.skill })} /> : null}
          {m.addParticipant.error ? <ErrorAlert error={m.addParticipant.error} /> : null}
        </Space>
      ) : null}
    </Modal>
  );
}
