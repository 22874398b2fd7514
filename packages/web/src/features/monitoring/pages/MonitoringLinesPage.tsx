import { PlusOutlined } from '@ant-design/icons';
import type { MonitoringLineView } from '@chanbang/domain';
import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Switch, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { formatDateTime } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { withVersion } from '../../../lib/versioning.ts';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { ResponsiveTable } from '../../../ui/ResponsiveTable.tsx';
import { useStaleSave } from '../../../ui/StaleSave.tsx';
import { lineText, useLineMutations, useMonitoringLines } from '../api.ts';

const PROVINCES: Record<string, [string, string]> = { '14': ['山西省', 'Shanxi'], '41': ['河南省', 'Henan'] };
type Values = { provinceCode: string; year: number; amountYuan: number; source: string; confirmed: boolean };

/**
 * 防止返贫监测范围 per province and year (admin): the figure, its source document and whether it is confirmed. The
 * placeholders seeded from the policy packs are marked unconfirmed until replaced with the province's document.
 */
export function MonitoringLinesPage() {
  const i18n = useI18n();
  const { pick } = i18n;
  const { message } = App.useApp();
  const lines = useMonitoringLines();
  const { put, remove } = useLineMutations();
  const stale = useStaleSave();
  const [editing, setEditing] = useState<'new' | MonitoringLineView | null>(null);
  const [form] = Form.useForm<Values>();
  const province = (code: string) => (PROVINCES[code] ? pick(...PROVINCES[code]) : code);

  const open = (l: MonitoringLineView | 'new') => {
    form.resetFields();
    form.setFieldsValue(l === 'new' ? { provinceCode: '41', year: dayjs().year(), confirmed: true } : l);
    setEditing(l);
  };
  const save = async () => {
    const v = await form.validateFields();
    try {
      // a stored line is changed on the version the dialog was opened with
      await put.mutateAsync(editing === 'new' ? v : withVersion(v, editing));
      message.success(pick('已保存', 'Saved'));
      setEditing(null);
    } catch (err) {
      stale.fail(err, reloadEditing);
    }
  };
  /** 重新载入: the line as stored now, in the dialog. */
  const reloadEditing = async () => {
    const fresh = (await lines.refetch()).data?.find((l) => editing !== 'new' && l.provinceCode === editing?.provinceCode && l.year === editing.year);
    if (fresh) open(fresh);
    else setEditing(null);
  };
  const unconfirmed = (lines.data ?? []).filter((l) => !l.confirmed).length;

  return (
    <>
      <PageHeader
        title={pick('监测范围', 'Monitoring lines')}
        subtitle={pick(
          '各省每年公布的防止返贫监测范围（元/人·年），风险消除判定按审批年度的监测范围执行',
          'Per province and year; the elimination check uses the line of the decision year',
        )}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')} data-testid="line-add">
            {pick('录入监测范围', 'Add a line')}
          </Button>
        }
      />
      {lines.error ? <ErrorAlert error={lines.error} /> : null}
      {unconfirmed ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={pick(
            `${unconfirmed} 条为未确认的占位值，请按本省文件核实后修改并标记“已确认”`,
            `${unconfirmed} lines are unconfirmed placeholders: replace them with the province's figures`,
          )}
        />
      ) : null}
      <Card>
        <ResponsiveTable<MonitoringLineView>
          rowKey={(l) => `${l.provinceCode}-${l.year}`}
          loading={lines.isLoading}
          dataSource={lines.data ?? []}
          pagination={false}
          cardTitle={(l) => `${province(l.provinceCode)} ${l.year}`}
          cardActions={(l) => actions(l)}
          columns={[
            { title: pick('省份', 'Province'), dataIndex: 'provinceCode', render: (c: string) => province(c) },
            { title: pick('年度', 'Year'), dataIndex: 'year' },
            {
              title: pick('监测范围', 'Line'),
              dataIndex: 'amountYuan',
              render: (_: number, l) => <span data-testid={`line-${l.provinceCode}-${l.year}`}>{lineText(l, pick)}</span>,
            },
            {
              title: pick('状态', 'Status'),
              dataIndex: 'confirmed',
              render: (c: boolean) => (c ? <Tag color="green">{pick('已确认', 'Confirmed')}</Tag> : <Tag color="orange">{pick('占位值，未确认', 'Placeholder')}</Tag>),
            },
            { title: pick('依据文件', 'Source'), dataIndex: 'source' },
            { title: pick('更新时间', 'Updated'), dataIndex: 'updatedAt', render: (d: string) => formatDateTime(d), responsive: ['md'] },
            { title: '', key: 'actions', render: (_: unknown, l) => actions(l), responsive: ['md'] },
          ]}
        />
      </Card>
      <Modal
        open={editing !== null}
        title={editing === 'new' ? pick('录入监测范围', 'Add a line') : pick('修改监测范围', 'Edit the line')}
        onCancel={() => setEditing(null)}
        onOk={() => void save()}
        confirmLoading={put.isPending}
        okText={pick('保存', 'Save')}
        cancelText={pick('取消', 'Cancel')}
        forceRender
      >
        <Form form={form} layout="vertical">
          <Form.Item name="provinceCode" label={pick('省份', 'Province')} rules={[{ required: true }]}>
            <Select disabled={editing !== 'new'} options={Object.entries(PROVINCES).map(([value, names]) => ({ value, label: pick(...names) }))} />
          </Form.Item>
          <Form.Item name="year" label={pick('年度', 'Year')} rules={[{ required: true }]}>
            <InputNumber disabled={editing !== 'new'} min={2000} max={2100} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="amountYuan" label={pick('监测范围（元/人·年）', 'Line (yuan per person and year)')} rules={[{ required: true }]}>
            <InputNumber min={1} max={1_000_000} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="source" label={pick('依据文件（文号、标题）', 'Source document')} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
          <Form.Item name="confirmed" label={pick('已按本省文件确认', 'Confirmed by the province’s document')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );

  function actions(l: MonitoringLineView) {
    return (
      <Space>
        <Button size="small" onClick={() => open(l)}>
          {pick('修改', 'Edit')}
        </Button>
        <Popconfirm
          title={pick('删除该年度的监测范围？', 'Delete this line?')}
          onConfirm={() => remove.mutate(withVersion({ provinceCode: l.provinceCode, year: l.year }, l), { onError: (err) => stale.fail(err, lines.refetch) })}
          okText={pick('删除', 'Delete')}
          cancelText={pick('取消', 'Cancel')}
        >
          <Button size="small" danger>
            {pick('删除', 'Delete')}
          </Button>
        </Popconfirm>
      </Space>
    );
  }
}
