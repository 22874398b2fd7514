import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Col, DatePicker, Form, Input, InputNumber, Modal, Popconfirm, Row, Select, Space, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { formatDate, formatYuan } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import type { HouseholdDetail, Measure } from '../../../lib/types.ts';
import { withVersion } from '../../../lib/versioning.ts';
import { useStaleSave } from '../../../ui/StaleSave.tsx';
import { DICT, isDevelopmental, useDict } from '../../dictionaries/api.ts';
import { useMeasureMutations, useReloadHousehold, type MeasureInput } from '../api.ts';

export type MeasuresTabProps = { household: HouseholdDetail; writable: boolean };

type FormValues = Omit<MeasureInput, 'startDate' | 'endDate'> & { startDate?: Dayjs | null; endDate?: Dayjs | null };

/** 帮扶措施: the 14 national categories; development-type ones (开发式) are tagged from dictionary attrs. */
export function MeasuresTab({ household, writable }: MeasuresTabProps) {
  const i18n = useI18n();
  const { t, pick } = i18n;
  const { message } = App.useApp();
  const dict = useDict();
  const mutations = useMeasureMutations(household.id);
  const stale = useStaleSave();
  const reloadHousehold = useReloadHousehold(household.id);
  const [editing, setEditing] = useState<Measure | 'new' | null>(null);
  const [form] = Form.useForm<FormValues>();
  const categories = dict.items(DICT.measureCategory, true);
  const devTag = (code: string) => (isDevelopmental(categories.find((c) => c.code === code)) ? <Tag color="green">{t('measure.developmental')}</Tag> : null);

  const open = (m: Measure | 'new') => {
    form.resetFields();
    form.setFieldsValue(m === 'new' ? { year: dayjs().year() } : { ...m, startDate: m.startDate ? dayjs(m.startDate) : null, endDate: m.endDate ? dayjs(m.endDate) : null });
    setEditing(m);
  };
  const handleSave = async () => {
    const v = await form.validateFields();
    const input: MeasureInput = { ...v, startDate: v.startDate?.format('YYYY-MM-DD') ?? null, endDate: v.endDate?.format('YYYY-MM-DD') ?? null };
    try {
      if (editing === 'new') await mutations.add.mutateAsync(input);
      // the version of the measure as the dialog was opened with
      else if (editing) await mutations.update.mutateAsync(withVersion({ id: editing.id, ...input }, editing));
      message.success(t('common.saved'));
      setEditing(null);
    } catch (err) {
      stale.fail(err, reloadEditing);
    }
  };
  /** 重新载入: the measure as stored now, in the dialog (closed when it was deleted meanwhile). */
  const reloadEditing = async () => {
    const fresh = (await reloadHousehold()).measures.find((m) => editing !== 'new' && m.id === editing?.id);
    if (fresh) open(fresh);
    else setEditing(null);
  };
  // DELETE sends the row's version as If-Match
  const handleDelete = (m: Measure) =>
    mutations.remove.mutate(withVersion({ id: m.id }, m), { onSuccess: () => message.success(t('common.deleted')), onError: (err) => stale.fail(err, reloadHousehold) });

  return (
    <>
      {writable ? (
        <Button icon={<PlusOutlined />} onClick={() => open('new')} style={{ marginBottom: 12 }}>
          {t('measure.add')}
        </Button>
      ) : null}
      <Table<Measure>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={household.measures}
        aria-label={t('hh.tab.measures')}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: t('measure.category'),
            dataIndex: 'category',
            render: (c: string) => (
              <Space>
                {dict.label(DICT.measureCategory, c)}
                {devTag(c)}
              </Space>
            ),
          },
          { title: t('measure.description'), dataIndex: 'description', render: (v?: string | null) => v ?? '—' },
          { title: t('measure.year'), dataIndex: 'year' },
          { title: t('measure.startDate'), dataIndex: 'startDate', render: (v?: string | null) => formatDate(v) },
          { title: t('measure.endDate'), dataIndex: 'endDate', render: (v?: string | null) => formatDate(v) },
          { title: t('measure.amount'), dataIndex: 'amountYuan', align: 'right', render: (v?: number | null) => formatYuan(v, i18n.lang) },
          ...(writable
            ? [
                {
                  title: t('common.actions'),
                  key: 'a',
                  render: (_: unknown, m: Measure) => (
                    <Space>
                      <Button type="link" size="small" onClick={() => open(m)} aria-label={`${t('measure.edit')} ${m.id}`}>
                        {t('common.edit')}
                      </Button>
                      <Popconfirm title={t('common.confirmDelete')} onConfirm={() => handleDelete(m)} okText={t('common.ok')} cancelText={t('common.cancel')}>
                        <Button type="link" size="small" danger aria-label={`${t('common.delete')} ${m.id}`}>
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
        title={editing === 'new' ? t('measure.add') : t('measure.edit')}
        onCancel={() => setEditing(null)}
        onOk={() => void handleSave()}
        confirmLoading={mutations.add.isPending || mutations.update.isPending}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        forceRender
        width={720}
      >
        <Form form={form} layout="vertical">
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item name="category" label={t('measure.category')} rules={[{ required: true }]}>
                <Select
                  showSearch={{ optionFilterProp: 'title' }}
                  options={categories
                    .filter((c) => c.active !== false)
                    .map((c) => ({
                      value: c.code,
                      title: pick(c.labelZh, c.labelEn),
                      label: (
                        <Space>
                          {pick(c.labelZh, c.labelEn)}
                          {isDevelopmental(c) ? <Tag color="green">{t('measure.developmental')}</Tag> : null}
                        </Space>
                      ),
                    }))}
                />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="year" label={t('measure.year')} rules={[{ required: true }]}>
                <InputNumber min={2013} max={2100} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="amountYuan" label={t('measure.amount')}>
                <InputNumber min={0} precision={2} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="description" label={t('measure.description')}>
                <Input.TextArea rows={2} maxLength={500} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="startDate" label={t('measure.startDate')}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item
                name="endDate"
                label={t('measure.endDate')}
                dependencies={['startDate']}
                rules={[
                  ({ getFieldValue }) => ({
                    validator: async (_, v?: Dayjs) => {
                      const s = getFieldValue('startDate') as Dayjs | undefined;
                      if (v && s && v.isBefore(s)) throw new Error(`${t('measure.endDate')} < ${t('measure.startDate')}`);
                    },
                  }),
                ]}
              >
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Modal>
    </>
  );
}
