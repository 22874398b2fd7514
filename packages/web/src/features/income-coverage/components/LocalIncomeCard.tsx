import type { LocalIncomeView } from '@chanbang/domain';
import { App, Button, Card, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { formatChange, formatYuan } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { withVersion } from '../../../lib/versioning.ts';
import { RegionSelect } from '../../../ui/RegionSelect.tsx';
import { ResponsiveTable } from '../../../ui/ResponsiveTable.tsx';
import { useStaleSave } from '../../../ui/StaleSave.tsx';
import { RULE_YEARS } from '../../rules/api.ts';
import { useLocalIncomes, usePutLocalIncome } from '../api.ts';

type Values = { regionCode: string; year: number; perCapitaIncomeYuan: number; source: string };

/**
 * 当地农民人均可支配收入 by year (H6 compares each village with it): the figures of the region and the regions above it;
 * county staff enter or change one (a figure that exists is saved on the version shown; 409 opens the reload dialog).
 */
export function LocalIncomeCard({ regionCode, defaultRegion, year }: { regionCode: string; defaultRegion: string; year: number }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const stale = useStaleSave();
  const list = useLocalIncomes(regionCode);
  const put = usePutLocalIncome();
  const [open, setOpen] = useState<Partial<Values> | null>(null);
  const [form] = Form.useForm<Values>();
  const items = list.data?.items ?? [];
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(open);
  }, [open, form]);

  const existing = (v: Pick<Values, 'regionCode' | 'year'>) => items.find((i) => i.regionCode === v.regionCode && i.year === v.year);
  const save = async () => {
    const v = await form.validateFields();
    const body = { regionCode: v.regionCode, perCapitaIncomeYuan: v.perCapitaIncomeYuan, source: v.source.trim() };
    const base = existing(v);
    try {
      await put.mutateAsync({ year: v.year, body: base ? withVersion(body, base) : body });
      message.success(t('coverage.local.saved'));
      setOpen(null);
    } catch (err) {
      stale.fail(err, () => list.refetch());
    }
  };
  const edit = (r: LocalIncomeView) => setOpen({ regionCode: r.regionCode, year: r.year, perCapitaIncomeYuan: r.perCapitaIncomeYuan, source: r.source ?? '' });

  return (
    <Card
      size="small"
      title={t('coverage.local.title')}
      extra={
        list.data?.writable ? (
          <Button type="primary" size="small" data-testid="local-income-add" onClick={() => setOpen({ regionCode: defaultRegion, year: year })}>
            {t('coverage.local.add')}
          </Button>
        ) : (
          <Typography.Text type="secondary">{t('coverage.local.readOnly')}</Typography.Text>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('coverage.local.hint')}</Typography.Paragraph>
      <ResponsiveTable<LocalIncomeView>
        size="small"
        rowKey="id"
        loading={list.isFetching}
        pagination={false}
        dataSource={items}
        aria-label={t('coverage.local.title')}
        locale={{ emptyText: t('coverage.local.empty') }}
        cardTitle={(r) => `${r.regionName ?? r.regionCode} ${t('rules.yearOption', { year: r.year })}`}
        cardActions={(r) => (list.data?.writable ? <Button onClick={() => edit(r)}>{t('coverage.local.edit')}</Button> : null)}
        columns={[
          { title: t('coverage.local.col.region'), key: 'region', responsive: ['md'], render: (_: unknown, r) => r.regionName ?? r.regionCode },
          { title: t('coverage.local.col.year'), key: 'year', responsive: ['md'], render: (_: unknown, r) => t('rules.yearOption', { year: r.year }) },
          { title: t('coverage.local.col.amount'), key: 'amount', render: (_: unknown, r) => formatYuan(r.perCapitaIncomeYuan, lang) },
          { title: t('coverage.local.col.growth'), key: 'growth', render: (_: unknown, r) => (r.growth === null ? '—' : formatChange(r.growth)) },
          { title: t('coverage.local.col.source'), key: 'source', render: (_: unknown, r) => r.source ?? '—' },
          ...(list.data?.writable
            ? [
                {
                  title: '',
                  key: 'edit',
                  responsive: ['md' as const],
                  render: (_: unknown, r: LocalIncomeView) => (
                    <Button size="small" onClick={() => edit(r)}>
                      {t('coverage.local.edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal open={!!open} title={t('coverage.local.form.title')} onCancel={() => setOpen(null)} onOk={() => void save()} confirmLoading={put.isPending} destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item name="regionCode" label={t('coverage.local.form.region')} rules={[{ required: true }]}>
            <RegionSelect aria-label={t('coverage.local.form.region')} allowClear={false} />
          </Form.Item>
          <Form.Item name="year" label={t('coverage.local.form.year')} rules={[{ required: true }]}>
            <Select aria-label={t('coverage.local.form.year')} options={RULE_YEARS.map((y) => ({ value: y, label: t('rules.yearOption', { year: y }) }))} />
          </Form.Item>
          <Form.Item name="perCapitaIncomeYuan" label={t('coverage.local.form.amount')} rules={[{ required: true }]}>
            <InputNumber min={0.01} max={10_000_000} precision={2} style={{ width: '100%' }} aria-label={t('coverage.local.form.amount')} />
          </Form.Item>
          <Form.Item name="source" label={t('coverage.local.form.source')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={200} placeholder={t('coverage.local.form.sourcePlaceholder')} aria-label={t('coverage.local.form.source')} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
