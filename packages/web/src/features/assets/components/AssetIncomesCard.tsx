import { fenToYuan, sumFen, yuanToFen, type AssetIncomeView } from '@chanbang/domain';
import { App, Button, Card, Col, Flex, Form, Input, InputNumber, Modal, Popconfirm, Row, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { formatYuan } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { withVersion } from '../../../lib/versioning.ts';
import { ResponsiveTable } from '../../../ui/ResponsiveTable.tsx';
import { useStaleSave } from '../../../ui/StaleSave.tsx';
import { useAssetIncomes, useAssetMutations } from '../api.ts';
import { periodText } from '../pages/AssetListPage.tsx';

type Values = { year: number; half: number; incomeYuan: number; stocktakeOn?: string; note?: string };

/**
 * 半年度收益 of an asset (issue 8 §2, A3): one row per half year, newest first, with the year totals (summed in 分);
 * 填报收益 adds a half year, 修改 changes one on the version shown, 删除 removes one (If-Match). Amounts are 元 with at
 * most 2 decimals, sent as typed.
 */
export function AssetIncomesCard({ assetId, writable }: { assetId: number; writable: boolean }) {
  const { t, lang, pick } = useI18n();
  const { message } = App.useApp();
  const stale = useStaleSave();
  const m = useAssetMutations();
  const incomes = useAssetIncomes(assetId);
  const [editing, setEditing] = useState<AssetIncomeView | 'new' | null>(null);
  const [form] = Form.useForm<Values>();
  const existing = editing && editing !== 'new' ? editing : null;
  useEffect(() => {
    if (!editing) return;
    form.resetFields();
    if (existing) form.setFieldsValue({ ...existing, stocktakeOn: existing.stocktakeOn ?? undefined, note: existing.note ?? undefined });
    else {
      const now = new Date();
      // the last completed half year by default (the one A3 asks for)
      const h1Done = now.getMonth() >= 6;
      form.setFieldsValue({ year: h1Done ? now.getFullYear() : now.getFullYear() - 1, half: h1Done ? 1 : 2 });
    }
  }, [editing, existing, form]);

  const items = incomes.data?.items ?? [];
  const years = [...new Set(items.map((i) => i.year))];
  const yearTotal = (y: number) => fenToYuan(sumFen(items.filter((i) => i.year === y).map((i) => yuanToFen(i.incomeYuan))));

  const save = async () => {
    const v = await form.validateFields();
    const body = { incomeYuan: v.incomeYuan, stocktakeOn: v.stocktakeOn || null, note: v.note?.trim() || null };
    try {
      await m.putIncome.mutateAsync({ id: assetId, year: v.year, half: v.half, ...(existing ? withVersion(body, existing) : body) });
      message.success(t('assets.saved'));
      setEditing(null);
    } catch (err) {
      stale.fail(err, async () => {
        const fresh = (await incomes.refetch()).data?.items.find((i) => i.year === v.year && i.half === v.half);
        if (fresh) setEditing(fresh);
      });
    }
  };

  const remove = async (r: AssetIncomeView) => {
    try {
      await m.removeIncome.mutateAsync({ assetId, year: r.year, half: r.half, version: r.version });
    } catch (err) {
      stale.fail(err, () => incomes.refetch());
    }
  };

  return (
    <Card
      title={t('assets.incomes.title')}
      extra={
        writable ? (
          <Button type="primary" onClick={() => setEditing('new')} data-testid="income-add">
            {t('assets.incomes.add')}
          </Button>
        ) : null
      }
    >
      {years.length ? (
        <Typography.Paragraph type="secondary">
          {years.map((y) => t('assets.incomes.yearTotal', { year: String(y), amount: formatYuan(yearTotal(y), lang) })).join('；')}
        </Typography.Paragraph>
      ) : null}
      <ResponsiveTable<AssetIncomeView>
        rowKey="id"
        loading={incomes.isLoading}
        dataSource={items}
        pagination={false}
        locale={{ emptyText: t('assets.incomes.empty') }}
        aria-label={t('assets.incomes.title')}
        cardActions={
          writable
            ? (r) => (
                <>
                  <Button onClick={() => setEditing(r)}>{t('assets.incomes.edit')}</Button>
                  <Popconfirm title={t('assets.incomes.removeConfirm', { period: periodText(r.year, r.half, pick) })} onConfirm={() => void remove(r)}>
                    <Button danger>{t('assets.incomes.remove')}</Button>
                  </Popconfirm>
                </>
              )
            : undefined
        }
        columns={[
          { title: t('assets.incomes.period'), key: 'period', render: (_, r) => periodText(r.year, r.half, pick) },
          { title: t('assets.incomes.amount'), dataIndex: 'incomeYuan', align: 'right', render: (v: number) => formatYuan(v, lang) },
          { title: t('assets.incomes.stocktakeOn'), dataIndex: 'stocktakeOn' },
          { title: t('assets.incomes.note'), dataIndex: 'note', responsive: ['md'] },
          ...(writable
            ? [
                {
                  title: '',
                  key: 'actions',
                  responsive: ['md' as const],
                  render: (_: unknown, r: AssetIncomeView) => (
                    <Flex gap={8}>
                      <a onClick={() => setEditing(r)}>{t('assets.incomes.edit')}</a>
                      <Popconfirm title={t('assets.incomes.removeConfirm', { period: periodText(r.year, r.half, pick) })} onConfirm={() => void remove(r)}>
                        <a>{t('assets.incomes.remove')}</a>
                      </Popconfirm>
                    </Flex>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={!!editing}
        title={existing ? periodText(existing.year, existing.half, pick) : t('assets.incomes.add')}
        onCancel={() => setEditing(null)}
        onOk={() => void save()}
        confirmLoading={m.putIncome.isPending}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        forceRender
      >
        <Form form={form} layout="vertical" name="asset-income" data-testid="income-form">
          <Row gutter={12}>
            <Col xs={12}>
              <Form.Item name="year" label={t('assets.incomes.year')} rules={[{ required: true }]}>
                <InputNumber min={2000} max={2100} precision={0} disabled={!!existing} style={{ width: '100%' }} aria-label={t('assets.incomes.year')} />
              </Form.Item>
            </Col>
            <Col xs={12}>
              <Form.Item
                name="half"
                label={t('assets.incomes.half')}
                dependencies={['year']}
                rules={[
                  { required: true },
                  {
                    validator: async (_r, half?: number) =>
                      !existing && items.some((i) => i.year === form.getFieldValue('year') && i.half === half) ? Promise.reject(new Error(t('assets.incomes.exists'))) : undefined,
                  },
                ]}
              >
                <Select
                  disabled={!!existing}
                  aria-label={t('assets.incomes.half')}
                  options={[
                    { value: 1, label: t('assets.incomes.h1') },
                    { value: 2, label: t('assets.incomes.h2') },
                  ]}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="incomeYuan" label={t('assets.incomes.amount')} rules={[{ required: true }]}>
                <InputNumber min={0} max={999_999_999_999.99} precision={2} style={{ width: '100%' }} aria-label={t('assets.incomes.amount')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="stocktakeOn" label={t('assets.incomes.stocktakeOn')}>
                <Input type="date" aria-label={t('assets.incomes.stocktakeOn')} />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="note" label={t('assets.incomes.note')}>
                <Input maxLength={500} />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Modal>
    </Card>
  );
}
