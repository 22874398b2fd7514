import type { ProjectBudgetRow, ProjectView } from '@chanbang/domain';
import { yuanToFen, fenToYuan, sumFen } from '@chanbang/domain';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, InputNumber, Modal, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { formatYuan } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { withVersion } from '../../../lib/versioning.ts';
import { DictSelect } from '../../../ui/DictSelect.tsx';
import { ResponsiveTable } from '../../../ui/ResponsiveTable.tsx';
import { useStaleSave } from '../../../ui/StaleSave.tsx';
import { useDict } from '../../dictionaries/api.ts';
import { usePutBudgets } from '../api.ts';

/** Sum of 元 amounts done in 分 (never float 元 arithmetic). */
function totalYuan(rows: { amountYuan?: number | null }[]): number {
  try {
    return fenToYuan(sumFen(rows.map((r) => yuanToFen(r.amountYuan ?? 0))));
  } catch {
    return NaN;
  }
}

/** 分年度分来源预算: the rows, and (while the project is planned) an editor whose total must equal 总投资. */
export function BudgetsCard({ project, editable, reload }: { project: ProjectView; editable: boolean; reload: () => unknown }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const dict = useDict();
  const put = usePutBudgets(project.id);
  const stale = useStaleSave();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ rows: ProjectBudgetRow[] }>();
  const rows = Form.useWatch('rows', form) ?? [];
  const columns: ColumnsType<ProjectBudgetRow> = [
    { title: t('projects.budget.year'), dataIndex: 'year' },
    { title: t('projects.budget.level'), dataIndex: 'fundLevel', render: (v: string) => dict.label('fund_level', v) },
    { title: t('projects.budget.kind'), dataIndex: 'fundKind', render: (v: string) => dict.label('fund_kind', v) },
    { title: t('projects.budget.amount'), dataIndex: 'amountYuan', align: 'right', render: (v: number) => formatYuan(v, lang) },
  ];
  const save = async () => {
    const v = await form.validateFields();
    try {
      await put.mutateAsync(withVersion({ rows: v.rows ?? [] }, project));
      message.success(t('projects.saved'));
      setOpen(false);
    } catch (err) {
      stale.fail(err, () => {
        setOpen(false);
        return reload();
      });
    }
  };
  return (
    <Card
      title={t('projects.detail.budgets')}
      extra={
        editable ? (
          <Button
            onClick={() => {
              form.setFieldsValue({
                rows: project.budgets.length ? project.budgets : [{ year: project.year, fundLevel: 'central', fundKind: 'linkage', amountYuan: project.budgetYuan }],
              });
              setOpen(true);
            }}
          >
            {t('projects.detail.editBudgets')}
          </Button>
        ) : null
      }
    >
      <ResponsiveTable<ProjectBudgetRow>
        rowKey={(r) => `${r.year}-${r.fundLevel}-${r.fundKind}`}
        columns={columns}
        dataSource={project.budgets}
        pagination={false}
        locale={{ emptyText: t('projects.detail.noBudgets') }}
      />
      <Modal
        open={open}
        title={t('projects.detail.budgets')}
        onCancel={() => setOpen(false)}
        onOk={() => void save()}
        confirmLoading={put.isPending}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        width={760}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.List name="rows">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} wrap align="baseline">
                    <Form.Item name={[f.name, 'year']} rules={[{ required: true }]}>
                      <InputNumber min={2000} max={2100} placeholder={t('projects.budget.year')} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'fundLevel']} rules={[{ required: true }]}>
                      <DictSelect dictCode="fund_level" placeholder={t('projects.budget.level')} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'fundKind']} rules={[{ required: true }]}>
                      <DictSelect dictCode="fund_kind" placeholder={t('projects.budget.kind')} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'amountYuan']} rules={[{ required: true }]}>
                      <InputNumber min={0} precision={2} placeholder={t('projects.budget.amount')} style={{ width: 160 }} />
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(f.name)} aria-label={t('common.delete')} />
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ year: project.year })} block>
                  {t('projects.budget.addRow')}
                </Button>
              </>
            )}
          </Form.List>
          <Typography.Paragraph style={{ marginTop: 12 }} type={totalYuan(rows) === project.budgetYuan ? 'secondary' : 'danger'}>
            {t('projects.budget.total', { sum: formatYuan(totalYuan(rows), lang), budget: formatYuan(project.budgetYuan, lang) })}
          </Typography.Paragraph>
        </Form>
      </Modal>
    </Card>
  );
}
