import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Modal, Popconfirm, Space, Tag } from 'antd';
import { useState } from 'react';
import { formatDate } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import type { HouseholdDetail, Person } from '../../../lib/types.ts';
import { withVersion } from '../../../lib/versioning.ts';
import { ResponsiveTable } from '../../../ui/ResponsiveTable.tsx';
import { useStaleSave } from '../../../ui/StaleSave.tsx';
import { useCurrentUser } from '../../auth/api.ts';
import { DICT, useDict } from '../../dictionaries/api.ts';
import { useMemberMutations, useReloadHousehold, type PersonInput } from '../api.ts';
import { CITIZEN_ID_TYPE, headRelationCode, isMaskedIdNumber } from '../id-check.ts';
import { canSeePii } from '@chanbang/domain';
import { ExitModal } from './ExitModal.tsx';
import { UnmaskAction } from './UnmaskAction.tsx';
import { MemberFields } from './MemberFields.tsx';
import { EmploymentSummary, MemberEmploymentFields } from './MemberEmploymentFields.tsx';

export type MembersTabProps = { household: HouseholdDetail; writable: boolean };

const READ_ONLY = ['id', 'version', 'householdId', 'regionCode', 'personNo', 'exitReason', 'exitDate', 'exitNote', 'isHead'] as const;

/**
 * 家庭成员: the national roster's person fields; add/edit in a modal (full screen on phones), 自然减少 of a member
 * with a confirmation form instead of a delete; members who left stay listed, read-only, and an admin restores them.
 */
export function MembersTab({ household, writable }: MembersTabProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const dict = useDict();
  const user = useCurrentUser();
  const isAdmin = user.role === 'admin';
  const householdOpen = !household.exitReason;
  const canEdit = writable && householdOpen;
  const mutations = useMemberMutations(household.id);
  const stale = useStaleSave();
  const reloadHousehold = useReloadHousehold(household.id);
  const [editing, setEditing] = useState<Person | 'new' | null>(null);
  const [leaving, setLeaving] = useState<Person | null>(null);
  const [form] = Form.useForm<PersonInput & { personNo?: string | null }>();
  const headCode = headRelationCode(dict.items(DICT.relation, true));

  const open = (p: Person | 'new') => {
    setEditing(p);
    form.resetFields();
    if (p !== 'new') form.setFieldsValue(p);
  };
  const handleSave = async () => {
    const values = await form.validateFields();
    const input: Record<string, unknown> = { ...values, isHead: values.relation === headCode };
    for (const k of READ_ONLY) if (k !== 'isHead') delete input[k];
    if (isMaskedIdNumber(input.idNumber as string)) delete input.idNumber;
    if (isMaskedIdNumber(input.phone as string | null)) delete input.phone;
    try {
      if (editing === 'new') await mutations.add.mutateAsync(input as PersonInput);
      // the version of the member as the dialog was opened with
      else if (editing) await mutations.update.mutateAsync(withVersion({ id: editing.id, ...(input as Partial<PersonInput>) }, editing));
      message.success(t('common.saved'));
      setEditing(null);
    } catch (err) {
      stale.fail(err, reloadEditing);
    }
  };
  /** 重新载入: the member as stored now, in the dialog (closed when the member is gone). */
  const reloadEditing = async () => {
    const fresh = (await reloadHousehold()).members.find((p) => editing !== 'new' && p.id === editing?.id);
    mutations.update.reset();
    if (fresh && !fresh.exitReason) open(fresh);
    else setEditing(null);
  };
  const reloadLeaving = async () => {
    const fresh = (await reloadHousehold()).members.find((p) => p.id === leaving?.id);
    setLeaving(fresh && !fresh.exitReason ? fresh : null);
  };
  const handleRestore = (p: Person) =>
    mutations.restore.mutate(withVersion({ id: p.id }, p), { onSuccess: () => message.success(t('hh.restore.done')), onError: (err: unknown) => stale.fail(err, reloadHousehold) });
  const exitedText = (p: Person) => t('member.exited', { reason: dict.label(DICT.exitReason, p.exitReason), date: formatDate(p.exitDate) });

  return (
    <>
      {canEdit ? (
        <Button icon={<PlusOutlined />} onClick={() => open('new')} style={{ marginBottom: 12 }}>
          {t('member.add')}
        </Button>
      ) : null}
      <ResponsiveTable<Person>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={household.members}
        aria-label={t('hh.tab.members')}
        rowClassName={(p) => (p.exitReason ? 'member-exited' : '')}
        cardTitle={(p) => (
          <Space wrap>
            {p.name}
            {p.isHead ? <Tag color="blue">{t('hh.head')}</Tag> : null}
            {p.exitReason ? <Tag>{exitedText(p)}</Tag> : null}
          </Space>
        )}
        cardActions={(p) => actions(p)}
        columns={[
          {
            title: t('member.name'),
            dataIndex: 'name',
            render: (v: string, p) => (
              <Space wrap>
                {v}
                {p.isHead ? <Tag color="blue">{t('hh.head')}</Tag> : null}
                {p.exitReason ? <Tag>{exitedText(p)}</Tag> : null}
              </Space>
            ),
          },
          { title: t('member.relation'), dataIndex: 'relation', render: (v: string) => dict.label(DICT.relation, v) },
          {
            title: t('member.idNumber'),
            dataIndex: 'idNumber',
            // the document type is named only when it is not the 居民身份证
            render: (v: string, p) => (
              <Space size={4} wrap>
                <span style={{ fontFamily: 'monospace' }}>{v}</span>
                {p.idType && p.idType !== CITIZEN_ID_TYPE ? <Tag>{dict.label(DICT.idType, p.idType)}</Tag> : null}
              </Space>
            ),
          },
          { title: t('member.personNo'), dataIndex: 'personNo', render: (v?: string | null) => v ?? '—' },
          { title: t('member.gender'), dataIndex: 'gender', render: (v?: string) => dict.label(DICT.gender, v) },
          { title: t('member.birthDate'), dataIndex: 'birthDate', render: (v?: string) => formatDate(v) },
          { title: t('member.ethnicity'), dataIndex: 'ethnicity', render: (v?: string | null) => dict.label(DICT.ethnicity, v) },
          { title: t('member.laborCapacity'), dataIndex: 'laborCapacity', render: (v?: string) => dict.label(DICT.laborCapacity, v) },
          {
            title: t('member.health'),
            dataIndex: 'healthStatuses',
            render: (v: string[] | undefined, p) => {
              const list = (v ?? []).map((c) => dict.label(DICT.healthStatus, c)).join('、') || '—';
              const dis =
                p.disabilityType || p.disabilityGrade
                  ? `（${[dict.label(DICT.disabilityType, p.disabilityType), p.disabilityGrade ? t('member.grade', { n: p.disabilityGrade }) : ''].filter((x) => x && x !== '—').join(' ')}）`
                  : '';
              return `${list}${dis}`;
            },
          },
          {
            title: `${t('member.education')} / ${t('member.schoolStatus')}`,
            key: 'edu',
            render: (_: unknown, p) => (p.schoolStatus ? `${t('member.schoolStatus')}：${dict.label(DICT.schoolStatus, p.schoolStatus)}` : dict.label(DICT.education, p.education)),
          },
          { title: t('member.employment'), dataIndex: 'employmentStatus', render: (v?: string) => dict.label(DICT.employmentStatus, v) },
          { title: t('member.workMonths'), dataIndex: 'workMonths', render: (v?: number | null) => v ?? '—' },
          { title: t('trainings.emp.summary'), key: 'employment', render: (_: unknown, p: Person) => <EmploymentSummary person={p} /> },
          { title: t('member.phone'), dataIndex: 'phone', render: (v?: string | null) => v ?? '—' },
          ...(writable ? [{ title: t('common.actions'), key: 'actions', responsive: ['md' as const], render: (_: unknown, p: Person) => actions(p) }] : []),
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('member.add') : t('member.edit')}
        onCancel={() => setEditing(null)}
        onOk={() => void handleSave()}
        confirmLoading={mutations.add.isPending || mutations.update.isPending}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        width={960}
        forceRender
      >
        <Form form={form} layout="vertical">
          <MemberFields />
          <MemberEmploymentFields />
        </Form>
      </Modal>
      <ExitModal
        open={leaving !== null}
        kind="person"
        name={leaving?.name ?? ''}
        onCancel={() => setLeaving(null)}
        pending={mutations.exit.isPending}
        onSubmit={async (input) => {
          await mutations.exit.mutateAsync(withVersion({ id: leaving!.id, ...input }, leaving));
          setLeaving(null);
        }}
        reload={reloadLeaving}
      />
    </>
  );

  function actions(p: Person) {
    if (!writable) return null;
    // officers who see masked values may ask for the full ones, with a reason (audited)
    const reveal = canSeePii(user.role) ? null : <UnmaskAction person={p} />;
    if (p.exitReason) {
      return isAdmin && householdOpen ? (
        <Popconfirm title={t('member.restore.confirm')} onConfirm={() => handleRestore(p)} okText={t('common.ok')} cancelText={t('common.cancel')}>
          <Button type="link" size="small" aria-label={`${t('hh.restore')} ${p.name}`}>
            {t('hh.restore')}
          </Button>
        </Popconfirm>
      ) : (
        reveal
      );
    }
    if (!canEdit) return reveal;
    return (
      <Space>
        {reveal}
        <Button type="link" size="small" onClick={() => open(p)} aria-label={`${t('member.edit')} ${p.name}`}>
          {t('common.edit')}
        </Button>
        {p.isHead ? null : (
          <Button type="link" size="small" danger onClick={() => setLeaving(p)} aria-label={`${t('hh.exit')} ${p.name}`}>
            {t('hh.exit')}
          </Button>
        )}
      </Space>
    );
  }
}
