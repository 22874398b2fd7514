import { PlusOutlined } from '@ant-design/icons';
import { findDictionary } from '@chanbang/domain';
import { App, Button, Card, Col, Form, Input, InputNumber, Menu, Modal, Popconfirm, Row, Select, Space, Switch, Tag } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../lib/i18n.tsx';
import type { DictItem } from '../../../lib/types.ts';
import { withVersion } from '../../../lib/versioning.ts';
import { useStaleSave } from '../../../ui/StaleSave.tsx';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { ResponsiveTable } from '../../../ui/ResponsiveTable.tsx';
import { useIsMobile } from '../../../ui/use-is-mobile.ts';
import { useDictionaries, useSaveDictItem } from '../../dictionaries/api.ts';

type ItemValues = { code: string; labelZh: string; labelEn: string; sort?: number; attrsText?: string };

/** 字典: pick a vocabulary on the left, add/edit its items, deactivate with confirmation. */
export function DictionariesPage() {
  const i18n = useI18n();
  const { t, pick } = i18n;
  const { message } = App.useApp();
  const mobile = useIsMobile();
  // the vocabulary's name (built-in dictionaries carry one); its code is the menu item's tooltip
  const dictName = (code: string) => {
    const d = findDictionary(code);
    return d ? pick(d.nameZh, d.nameEn) : code;
  };
  const { data, isLoading, error, refetch } = useDictionaries();
  const save = useSaveDictItem();
  const stale = useStaleSave();
  const codes = Object.keys(data ?? {}).sort();
  const [selected, setSelected] = useState<string | undefined>();
  const dictCode = selected ?? codes[0];
  const [editing, setEditing] = useState<DictItem | 'new' | null>(null);
  const [form] = Form.useForm<ItemValues>();

  const open = (item: DictItem | 'new') => {
    form.resetFields();
    if (item !== 'new') form.setFieldsValue({ ...item, attrsText: JSON.stringify(item.attrs ?? {}, null, 2) });
    setEditing(item);
  };
  const handleSave = async () => {
    const v = await form.validateFields();
    if (!dictCode) return;
    const attrs = v.attrsText?.trim() ? (JSON.parse(v.attrsText) as Record<string, unknown>) : {};
    try {
      const item = { code: v.code, labelZh: v.labelZh, labelEn: v.labelEn, sort: v.sort, attrs };
      // an edit is based on the item as the dialog was opened with
      await save.mutateAsync({ dictCode, isNew: editing === 'new', item: editing === 'new' ? item : withVersion(item, editing) });
      message.success(t('common.saved'));
      setEditing(null);
    } catch (err) {
      stale.fail(err, reloadEditing);
    }
  };
  /** 重新载入: the item as stored now, in the dialog. */
  const reloadEditing = async () => {
    const fresh = dictCode ? (await refetch()).data?.[dictCode]?.find((i) => editing !== 'new' && i.code === editing?.code) : undefined;
    if (fresh) open(fresh);
    else setEditing(null);
  };
  const setActive = (item: DictItem, active: boolean) =>
    save.mutate({ dictCode: item.dictCode, isNew: false, item: withVersion({ code: item.code, active }, item) }, { onError: (err) => stale.fail(err, refetch) });

  return (
    <>
      <PageHeader
        title={t('dict.title')}
        extra={
          dictCode ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')}>
              {t('dict.addItem')}
            </Button>
          ) : null
        }
      />
      {error ? <ErrorAlert error={error} onRetry={() => void refetch()} /> : null}
      <Row gutter={16}>
        <Col xs={24} md={6}>
          {mobile ? (
            <Select
              aria-label={t('dict.dict')}
              value={dictCode}
              onChange={setSelected}
              options={codes.map((c) => ({ value: c, label: dictName(c) }))}
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: '100%', marginBottom: 12 }}
            />
          ) : (
            <Card size="small" title={t('dict.dict')} loading={isLoading}>
              <Menu
                aria-label={t('dict.dict')}
                selectedKeys={dictCode ? [dictCode] : []}
                items={codes.map((c) => ({ key: c, title: c, label: dictName(c) }))}
                onClick={({ key }) => setSelected(key)}
                style={{ borderInlineEnd: 0 }}
              />
            </Card>
          )}
        </Col>
        <Col xs={24} md={18}>
          <ResponsiveTable<DictItem>
            rowKey="code"
            size="small"
            pagination={false}
            aria-label={dictCode ? dictName(dictCode) : undefined}
            dataSource={dictCode ? (data?.[dictCode] ?? []) : []}
            columns={[
              { title: t('dict.code'), dataIndex: 'code' },
              { title: t('dict.labelZh'), dataIndex: 'labelZh' },
              { title: t('dict.labelEn'), dataIndex: 'labelEn' },
              { title: t('dict.sort'), dataIndex: 'sort' },
              {
                title: t('dict.attrs'),
                dataIndex: 'attrs',
                render: (a?: Record<string, unknown>) =>
                  Object.entries(a ?? {})
                    .filter(([k]) => k !== 'aliases')
                    .map(([k, v]) => <Tag key={k}>{`${k}: ${JSON.stringify(v)}`}</Tag>),
              },
              {
                title: t('dict.active'),
                dataIndex: 'active',
                render: (active: boolean | undefined, item) =>
                  active === false ? (
                    <Switch aria-label={`${t('dict.active')} ${item.code}`} checked={false} onChange={() => setActive(item, true)} />
                  ) : (
                    <Popconfirm title={t('dict.confirmDeactivate')} onConfirm={() => setActive(item, false)} okText={t('common.ok')} cancelText={t('common.cancel')}>
                      <Switch aria-label={`${t('dict.active')} ${item.code}`} checked />
                    </Popconfirm>
                  ),
              },
              {
                title: t('common.actions'),
                key: 'a',
                render: (_, item) => (
                  <Space>
                    <Button type="link" size="small" onClick={() => open(item)} aria-label={`${t('dict.editItem')} ${item.code}`}>
                      {t('common.edit')}
                    </Button>
                  </Space>
                ),
              },
            ]}
          />
        </Col>
      </Row>
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('dict.addItem') : t('dict.editItem')}
        onCancel={() => setEditing(null)}
        onOk={() => void handleSave()}
        confirmLoading={save.isPending}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        forceRender
      >
        <Form form={form} layout="vertical">
          <Form.Item name="code" label={t('dict.code')} rules={[{ required: true, pattern: /^[A-Za-z0-9_.-]{1,48}$/ }]}>
            <Input disabled={editing !== 'new'} />
          </Form.Item>
          <Form.Item name="labelZh" label={t('dict.labelZh')} rules={[{ required: true, whitespace: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="labelEn" label={t('dict.labelEn')} rules={[{ required: true, whitespace: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="sort" label={t('dict.sort')}>
            <InputNumber min={0} max={999} />
          </Form.Item>
          <Form.Item
            name="attrsText"
            label={t('dict.attrs')}
            rules={[
              {
                validator: async (_, v?: string) => {
                  if (v?.trim()) {
                    const parsed: unknown = JSON.parse(v);
                    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('JSON object');
                  }
                },
              },
            ]}
          >
            <Input.TextArea rows={4} style={{ fontFamily: 'monospace' }} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
