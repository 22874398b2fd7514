import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Modal, Popconfirm, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { errorText } from '../../../lib/error-text.ts';
import { formatDate } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import type { HouseholdDetail, Person } from '../../../lib/types.ts';
import { DICT, useDict } from '../../dictionaries/api.ts';
import { useMemberMutations, type PersonInput } from '../api.ts';
import { headRelationCode, isMaskedIdNumber } from '../id-check.ts';
import { MemberFields } from './MemberFields.tsx';

export type MembersTabProps = { household: HouseholdDetail; writable: boolean };

/** 家庭成员: table with add/edit in a modal and delete with confirmation. */
export function MembersTab({ household, writable }: MembersTabProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const dict = useDict();
  const mutations = useMemberMutations(household.id);
  const [editing, setEditing] = useState<Person | 'new' | null>(null);
  const [form] = Form.useForm<PersonInput>();
  const headCode = headRelationCode(dict.items(DICT.relation, true));

  const open = (p: Person | 'new') => {
    setEditing(p);
    form.resetFields();
    if (p !== 'new') form.setFieldsValue(p);
  };
  const handleSave = async () => {
    const values = await form.validateFields();
    const input: Partial<PersonInput> = { ...values, isHead: values.relation === headCode };
    if (isMaskedIdNumber(input.idNumber)) delete input.idNumber;
    try {
      if (editing === 'new') await mutations.add.mutateAsync(input as PersonInput);
      else if (editing) await mutations.update.mutateAsync({ id: editing.id, ...input });
      message.success(t('common.saved'));
      setEditing(null);
    } catch (err) {
      message.error(errorText(err, i18n));
    }
  };
  const handleDelete = (p: Person) =>
    mutations.remove.mutate(p.id, { onSuccess: () => message.success(t('common.deleted')), onError: (err) => message.error(errorText(err, i18n)) });

  return (
    <>
      {writable ? (
        <Button icon={<PlusOutlined />} onClick={() => open('new')} style={{ marginBottom: 12 }}>
          {t('member.add')}
        </Button>
      ) : null}
      <Table<Person>
        size="small"
        rowKey="id"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={household.members}
        aria-label={t('hh.tab.members')}
        columns={[
          { title: t('member.name'), dataIndex: 'name', render: (v: string, p) => (p.isHead ? <Space>{v}<Tag color="blue">{t('hh.head')}</Tag></Space> : v) },
          { title: t('member.idNumber'), dataIndex: 'idNumber', render: (v: string) => <span style={{ fontFamily: 'monospace' }}>{v}</span> },
          { title: t('member.gender'), dataIndex: 'gender', render: (v?: string) => dict.label(DICT.gender, v) },
          { title: t('member.birthDate'), dataIndex: 'birthDate', render: (v?: string) => formatDate(v) },
          { title: t('member.relation'), dataIndex: 'relation', render: (v: string) => dict.label(DICT.relation, v) },
          { title: t('member.laborCapacity'), dataIndex: 'laborCapacity', render: (v?: string) => dict.label(DICT.laborCapacity, v) },
          { title: t('member.health'), dataIndex: 'healthStatus', render: (v?: string) => dict.label(DICT.healthStatus, v) },
          { title: t('member.education'), dataIndex: 'education', render: (v?: string) => dict.label(DICT.education, v) },
          { title: t('member.employment'), dataIndex: 'employmentStatus', render: (v?: string) => dict.label(DICT.employmentStatus, v) },
          { title: t('member.phone'), dataIndex: 'phone', render: (v?: string | null) => v ?? '—' },
          ...(writable
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, p: Person) => (
                    <Space>
                      <Button type="link" size="small" onClick={() => open(p)} aria-label={`${t('member.edit')} ${p.name}`}>
                        {t('common.edit')}
                      </Button>
                      <Popconfirm title={t('common.confirmDelete')} onConfirm={() => handleDelete(p)} okText={t('common.ok')} cancelText={t('common.cancel')}>
                        <Button type="link" size="small" danger aria-label={`${t('member.remove')} ${p.name}`}>
                          {t('common.delete')}
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
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
        </Form>
      </Modal>
    </>
  );
}
