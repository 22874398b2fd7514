import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Popconfirm, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { useI18n, type MessageKey } from '../../../lib/i18n.tsx';
import type { Role, User } from '../../../lib/types.ts';
import { withVersion } from '../../../lib/versioning.ts';
import { useStaleSave } from '../../../ui/StaleSave.tsx';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { ResponsiveTable } from '../../../ui/ResponsiveTable.tsx';
import { RegionSelect } from '../../../ui/RegionSelect.tsx';
import { useSaveUser, useUsers, type UserInput } from '../api.ts';

const ROLE_CODES: Role[] = ['admin', 'county_officer', 'township_officer', 'village_officer', 'viewer'];

/** 用户管理: create, change role/region, disable/enable (with confirmation). */
export function UsersPage() {
  const i18n = useI18n();
  const { t, pick } = i18n;
  const { message } = App.useApp();
  const { data, isLoading, error, refetch } = useUsers();
  const save = useSaveUser();
  const stale = useStaleSave();
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [form] = Form.useForm<UserInput>();
  const roleOptions = ROLE_CODES.map((r) => ({ value: r, label: t(`role.${r}` as MessageKey) }));

  const open = (u: User | 'new') => {
    form.resetFields();
    if (u !== 'new') form.setFieldsValue(u);
    setEditing(u);
  };
  const handleSave = async () => {
    const v = await form.validateFields();
    try {
      // an edit is based on the user as the dialog was opened with
      await save.mutateAsync(
        editing === 'new' ? v : withVersion({ id: (editing as User).id, displayName: v.displayName, role: v.role, regionCode: v.regionCode, phone: v.phone }, editing),
      );
      message.success(t('common.saved'));
      setEditing(null);
    } catch (err) {
      stale.fail(err, reloadEditing);
    }
  };
  /** 重新载入: the user as stored now, in the dialog. */
  const reloadEditing = async () => {
    const fresh = (await refetch()).data?.find((u) => editing !== 'new' && u.id === editing?.id);
    if (fresh) open(fresh);
    else setEditing(null);
  };
  const toggle = (u: User) =>
    save.mutate(withVersion({ id: u.id, disabled: !u.disabled }, u), { onSuccess: () => message.success(t('common.saved')), onError: (err) => stale.fail(err, refetch) });

  return (
    <>
      <PageHeader
        title={t('users.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')}>
            {t('users.create')}
          </Button>
        }
      />
      {error ? <ErrorAlert error={error} onRetry={() => void refetch()} /> : null}
      <ResponsiveTable<User>
        rowKey="id"
        size="middle"
        loading={isLoading}
        dataSource={data ?? []}
        aria-label={t('users.title')}
        columns={[
          { title: t('users.username'), dataIndex: 'username' },
          { title: t('users.displayName'), dataIndex: 'displayName' },
          { title: t('users.role'), dataIndex: 'role', render: (r: Role) => t(`role.${r}` as MessageKey) },
          { title: t('users.region'), dataIndex: 'regionName', render: (v: string | undefined, u) => v ?? u.regionCode },
          {
            title: t('users.status'),
            dataIndex: 'disabled',
            render: (d?: boolean) => (d ? <Tag color="red">{t('users.disabled')}</Tag> : <Tag color="green">{t('users.active')}</Tag>),
          },
          {
            title: t('common.actions'),
            key: 'a',
            render: (_, u) => (
              <Space>
                <Button type="link" size="small" onClick={() => open(u)} aria-label={`${t('users.edit')} ${u.username}`}>
                  {t('common.edit')}
                </Button>
                {u.disabled ? (
                  <Button type="link" size="small" onClick={() => toggle(u)}>
                    {t('users.enable')}
                  </Button>
                ) : (
                  <Popconfirm title={t('users.confirmDisable')} onConfirm={() => toggle(u)} okText={t('common.ok')} cancelText={t('common.cancel')}>
                    <Button type="link" size="small" danger aria-label={`${t('users.disable')} ${u.username}`}>
                      {t('users.disable')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('users.create') : t('users.edit')}
        onCancel={() => setEditing(null)}
        onOk={() => void handleSave()}
        confirmLoading={save.isPending}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        forceRender
      >
        <Form form={form} layout="vertical">
          <Form.Item name="username" label={t('users.username')} rules={[{ required: true, pattern: /^[a-zA-Z0-9_.-]{2,64}$/ }]}>
            <Input disabled={editing !== 'new'} autoComplete="off" />
          </Form.Item>
          <Form.Item name="displayName" label={t('users.displayName')} rules={[{ required: true, whitespace: true }]}>
            <Input />
          </Form.Item>
          {editing === 'new' ? (
            <Form.Item
              name="password"
              label={t('users.password')}
              rules={[{ required: true, min: 10 }]}
              extra={pick('至少 10 个字符，不能包含用户名，不能是常见密码', 'At least 10 characters, not containing the user name, not a common password')}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          ) : null}
          <Form.Item name="role" label={t('users.role')} rules={[{ required: true }]}>
            <Select options={roleOptions} />
          </Form.Item>
          <Form.Item name="regionCode" label={t('users.region')} rules={[{ required: true }]}>
            <RegionSelect style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
