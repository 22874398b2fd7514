import { App, Button, Card, Form, Input, InputNumber, Modal, Popconfirm, Select, Space } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { errorText } from '../../../lib/error-text.ts';
import { formatYuan } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { withVersion } from '../../../lib/versioning.ts';
import { RegionSelect } from '../../../ui/RegionSelect.tsx';
import { ResponsiveTable } from '../../../ui/ResponsiveTable.tsx';
import { useStaleSave } from '../../../ui/StaleSave.tsx';
import { useIsMobile } from '../../../ui/use-is-mobile.ts';
import { useDict } from '../../dictionaries/api.ts';
import { api } from '../../../lib/api-client.ts';
import { useFundSources, useFundWrites, type FundSourceView } from '../api.ts';

type FormValues = { regionCode: string; year: number; fundLevel: string; fundKind: string; name: string; documentNo?: string; amountYuan: number; note?: string };

/** 资金来源 of the region and year; county roles add, edit (with the version read) and delete them. */
export function FundSourcesCard({ regionCode, year, writable }: { regionCode: string; year: number; writable: boolean }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const dict = useDict();
  const mobile = useIsMobile();
  const { message } = App.useApp();
  const stale = useStaleSave();
  const { data, isLoading } = useFundSources({ regionCode, year });
  const writes = useFundWrites();
  const [editing, setEditing] = useState<FundSourceView | 'new' | null>(null);
  const [form] = Form.useForm<FormValues>();

  const open = (s: FundSourceView | 'new') => {
    setEditing(s);
    form.setFieldsValue(
      s === 'new'
        ? { regionCode, year, fundLevel: 'central', fundKind: 'linkage', name: '', documentNo: '', amountYuan: undefined as unknown as number, note: '' }
        : { ...s, documentNo: s.documentNo ?? '', note: s.note ?? '' },
    );
  };
  const save = async () => {
    const v = await form.validateFields();
    try {
      if (editing === 'new') await writes.createSource.mutateAsync({ ...v, documentNo: v.documentNo || null, note: v.note || null });
      else if (editing) {
        const { regionCode: _r, ...body } = v;
        await writes.updateSource.mutateAsync({ id: editing.id, body: withVersion({ ...body, documentNo: v.documentNo || null, note: v.note || null }, editing) });
      }
      message.success(t('funds.saved'));
      setEditing(null);
    } catch (err) {
      if (editing && editing !== 'new')
        stale.fail(err, async () => {
          const fresh = (await api.get<{ items: FundSourceView[] }>('/fund-sources', { regionCode, year })).items.find((x) => x.id === editing.id);
          if (fresh) open(fresh);
        });
      else message.error(errorText(err, i18n));
    }
  };
  const remove = async (s: FundSourceView) => {
    try {
      await writes.deleteSource.mutateAsync(s);
    } catch (err) {
      message.error(errorText(err, i18n));
    }
  };

  return (
    <Card
      size="small"
      title={t('funds.sources')}
      extra={
        writable ? (
          <Button icon={<PlusOutlined />} onClick={() => open('new')} data-testid="fund-source-add">
            {t('funds.addSource')}
          </Button>
        ) : null
      }
    >
      <ResponsiveTable<FundSourceView>
        rowKey="id"
        size="small"
        loading={isLoading}
        dataSource={data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('funds.col.name'), dataIndex: 'name' },
          { title: t('funds.col.level'), dataIndex: 'fundLevel', render: (c: string) => dict.label('fund_level', c) },
          { title: t('funds.col.kind'), dataIndex: 'fundKind', render: (c: string) => dict.label('fund_kind', c) },
          { title: t('funds.col.documentNo'), dataIndex: 'documentNo' },
          { title: t('funds.col.amount'), dataIndex: 'amountYuan', align: 'right', render: (v: number) => formatYuan(v, lang) },
          { title: t('funds.col.balance'), dataIndex: 'balanceYuan', align: 'right', render: (v: number) => formatYuan(v, lang) },
          ...(writable
            ? [
                {
                  title: t('funds.col.actions'),
                  key: 'actions',
                  render: (_: unknown, s: FundSourceView) => (
                    <Space>
                      <Button size="small" onClick={() => open(s)}>
                        {t('funds.edit')}
                      </Button>
                      <Popconfirm title={t('funds.deleteConfirm')} onConfirm={() => void remove(s)}>
                        <Button size="small" danger>
                          {t('funds.delete')}
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
        title={editing === 'new' ? t('funds.addSource') : t('funds.editSource')}
        onCancel={() => setEditing(null)}
        onOk={() => void save()}
        confirmLoading={writes.createSource.isPending || writes.updateSource.isPending}
        width={mobile ? '100%' : 560}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="regionCode" label={t('funds.region')} rules={[{ required: true }]}>
            <RegionSelect allowClear={false} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="year" label={t('funds.year')} rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="fundLevel" label={t('funds.col.level')} rules={[{ required: true }]}>
            <Select options={dict.options('fund_level')} />
          </Form.Item>
          <Form.Item name="fundKind" label={t('funds.col.kind')} rules={[{ required: true }]}>
            <Select options={dict.options('fund_kind')} />
          </Form.Item>
          <Form.Item name="name" label={t('funds.col.name')} rules={[{ required: true }]}>
            <Input maxLength={128} />
          </Form.Item>
          <Form.Item name="documentNo" label={t('funds.col.documentNo')}>
            <Input maxLength={128} />
          </Form.Item>
          <Form.Item name="amountYuan" label={t('funds.col.amount')} rules={[{ required: true }]}>
            <InputNumber min={0.01} precision={2} style={{ width: '100%' }} data-testid="fund-source-amount" />
          </Form.Item>
          <Form.Item name="note" label={t('funds.form.note')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
