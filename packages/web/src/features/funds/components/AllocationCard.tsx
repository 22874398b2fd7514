import { App, Button, Card, Flex, Form, InputNumber, Select } from 'antd';
import { errorText } from '../../../lib/error-text.ts';
import { formatYuan } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { ResponsiveTable } from '../../../ui/ResponsiveTable.tsx';
import { useIsMobile } from '../../../ui/use-is-mobile.ts';
import { useDict } from '../../dictionaries/api.ts';
import { useFundAllocations, useFundSources, useFundWrites, useFundableProjects, type FundAllocationView } from '../api.ts';

type FormValues = { fundSourceId: number; projectId: number; amountYuan: number };

/** 安排资金: money of a source to a library project (P1 and the balance are the server's), and the year's allocations. */
export function AllocationCard({ regionCode, year, writable }: { regionCode: string; year: number; writable: boolean }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const dict = useDict();
  const mobile = useIsMobile();
  const { message } = App.useApp();
  const sources = useFundSources({ regionCode, year });
  const projects = useFundableProjects({ regionCode, year });
  const allocations = useFundAllocations({ regionCode, year });
  const writes = useFundWrites();
  const [form] = Form.useForm<FormValues>();

  const submit = async () => {
    const v = await form.validateFields();
    try {
      await writes.allocate.mutateAsync(v);
      message.success(t('funds.saved'));
      form.resetFields(['amountYuan']);
    } catch (err) {
      message.error(errorText(err, i18n));
    }
  };

  return (
    <Card size="small" title={t('funds.allocations')}>
      {writable ? (
        <Form form={form} layout={mobile ? 'vertical' : 'inline'} style={{ marginBottom: 12, rowGap: 8 }} data-testid="allocate-form">
          <Form.Item name="fundSourceId" label={t('funds.form.source')} rules={[{ required: true }]} style={{ minWidth: mobile ? undefined : 260 }}>
            <Select
              data-testid="allocate-source"
              options={(sources.data?.items ?? []).map((s) => ({ value: s.id, label: `${s.name}（${t('funds.col.balance')} ${formatYuan(s.balanceYuan, lang)} 元）` }))}
            />
          </Form.Item>
          <Form.Item name="projectId" label={t('funds.form.project')} rules={[{ required: true }]} style={{ minWidth: mobile ? undefined : 260 }}>
            <Select
              data-testid="allocate-project"
              showSearch={{ optionFilterProp: 'label' }}
              options={(projects.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name}（${dict.label('project_type', p.projectType)}）` }))}
            />
          </Form.Item>
          <Form.Item name="amountYuan" label={t('funds.form.amount')} rules={[{ required: true }]} tooltip={t('funds.form.amountHint')}>
            <InputNumber min={0.01} precision={2} style={{ width: mobile ? '100%' : 160 }} data-testid="allocate-amount" />
          </Form.Item>
          <Form.Item>
            <Button type="primary" onClick={() => void submit()} loading={writes.allocate.isPending} data-testid="allocate-submit" block={mobile}>
              {t('funds.allocate')}
            </Button>
          </Form.Item>
        </Form>
      ) : null}
      <ResponsiveTable<FundAllocationView>
        rowKey="id"
        size="small"
        loading={allocations.isLoading}
        dataSource={allocations.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('funds.col.project'), dataIndex: 'projectName' },
          { title: t('funds.col.projectType'), dataIndex: 'projectType', render: (c: string) => dict.label('project_type', c) },
          { title: t('funds.col.source'), dataIndex: 'fundSourceName' },
          { title: t('funds.col.amount'), dataIndex: 'amountYuan', align: 'right', render: (v: number) => formatYuan(v, lang) },
          { title: t('funds.col.allocatedOn'), dataIndex: 'allocatedOn' },
        ]}
      />
      <Flex />
    </Card>
  );
}
