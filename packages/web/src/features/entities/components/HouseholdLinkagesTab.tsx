import { PlusOutlined } from '@ant-design/icons';
import type { LinkageView } from '@chanbang/domain';
import { App, Button, Card, Descriptions, Empty, Flex, Popconfirm, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { formatDate, formatYuan } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import type { HouseholdDetail } from '../../../lib/types.ts';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { ResponsiveTable } from '../../../ui/ResponsiveTable.tsx';
import { useStaleSave } from '../../../ui/StaleSave.tsx';
import { useDict } from '../../dictionaries/api.ts';
import { useHouseholdLinkages, useLinkageMutations } from '../linkages-api.ts';
import { LinkageFormModal } from './LinkageFormModal.tsx';

export type HouseholdLinkagesTabProps = { household: HouseholdDetail; writable: boolean };

const TYPES = ['wage', 'business', 'property', 'transfer'] as const;

/** 带动主体 (联农带农) of the household: per year the entities that drive it, how, and what it earned; 计入当年收入. */
export function HouseholdLinkagesTab({ household, writable }: HouseholdLinkagesTabProps) {
  const { pick, lang } = useI18n();
  const { message, modal } = App.useApp();
  const dict = useDict();
  const stale = useStaleSave();
  const q = useHouseholdLinkages(household.id);
  const mutations = useLinkageMutations(household.id);
  const [editing, setEditing] = useState<LinkageView | 'new' | null>(null);
  const yuan = (v: number) => `${formatYuan(v, lang)} ${pick('元', 'yuan')}`;
  const typeLabel = (t: string) => dict.label('income_type', t);

  const reload = async () => (await q.refetch()).data?.items.find((l) => editing !== 'new' && l.id === editing?.id);
  const remove = (l: LinkageView) =>
    mutations.remove.mutate(l, { onSuccess: () => message.success(pick('已删除', 'Deleted')), onError: (err) => stale.fail(err, () => q.refetch()) });

  const carry = (year: number, pending: Record<(typeof TYPES)[number], number>, incomeVersion: number | null) => {
    const lines = TYPES.filter((t) => pending[t] > 0).map((t) => `${typeLabel(t)} +${yuan(pending[t])}`);
    modal.confirm({
      title: pick(`将带动收入计入该户 ${year} 年收入`, `Carry the linkage income into the ${year} income`),
      content: (
        <div>
          <p>{pick(incomeVersion === null ? `该户尚未登记 ${year} 年收入，将新建该年度收入并计入：` : `将在该户 ${year} 年收入上增加：`, `The ${year} income gets:`)}</p>
          <ul>
            {lines.map((l) => (
              <li key={l}>{l}</li>
            ))}
          </ul>
          <p>{pick('计入后，这些带动记录不能再修改金额或删除。', 'Once carried, these records can no longer change their amount or be deleted.')}</p>
        </div>
      ),
      okText: pick('确认计入', 'Carry'),
      cancelText: pick('取消', 'Cancel'),
      onOk: () =>
        mutations.carry
          .mutateAsync({ householdId: household.id, year, version: incomeVersion ?? undefined })
          .then(() => void message.success(pick(`已计入 ${year} 年收入`, `Carried into ${year}`)))
          .catch((err: unknown) => stale.fail(err, () => q.refetch())),
    });
  };

  if (q.isLoading) return <Spin />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const data = q.data!;

  return (
    <>
      {writable ? (
        <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} style={{ marginBottom: 12 }}>
          {pick('新增带动记录', 'Add linkage')}
        </Button>
      ) : null}
      {data.years.length === 0 ? <Empty description={pick('暂无带动该户的经营主体', 'No entity drives this household yet')} /> : null}
      <Flex vertical gap={12}>
        {data.years.map((y) => (
          <Card
            key={y.year}
            size="small"
            title={pick(`${y.year} 年`, `${y.year}`)}
            extra={
              writable && y.pendingYuan > 0 ? (
                <Button type="primary" size="small" onClick={() => carry(y.year, y.pending, y.incomeVersion)} aria-label={pick(`计入 ${y.year} 年收入`, `Carry into ${y.year}`)}>
                  {pick('计入当年收入', 'Carry into income')}
                </Button>
              ) : null
            }
          >
            <Descriptions size="small" column={{ xs: 1, sm: 3 }} style={{ marginBottom: 8 }}>
              <Descriptions.Item label={pick('带动收入合计', 'Total')}>{yuan(y.totalYuan)}</Descriptions.Item>
              <Descriptions.Item label={pick('已计入收入', 'Carried')}>{yuan(y.carriedYuan)}</Descriptions.Item>
              <Descriptions.Item label={pick('尚未计入', 'Not yet carried')}>
                <Typography.Text type={y.pendingYuan > 0 ? 'warning' : undefined}>{yuan(y.pendingYuan)}</Typography.Text>
              </Descriptions.Item>
            </Descriptions>
            <ResponsiveTable<LinkageView>
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={data.items.filter((l) => l.year === y.year)}
              aria-label={pick(`${y.year} 年带动主体`, `Entities ${y.year}`)}
              columns={[
                { title: pick('带动主体', 'Entity'), dataIndex: 'entityName' },
                { title: pick('联农带农方式', 'Mode'), dataIndex: 'mode', render: (m: string) => dict.label('linkage_mode', m) },
                {
                  title: pick('带动期限', 'Period'),
                  key: 'period',
                  render: (_: unknown, l: LinkageView) => (l.startDate || l.endDate ? `${formatDate(l.startDate)} 至 ${formatDate(l.endDate)}` : '—'),
                },
                { title: pick('收入（元）', 'Income (yuan)'), dataIndex: 'amountYuan', align: 'right', render: (v: number) => formatYuan(v, lang) },
                { title: pick('收入类型', 'Income type'), dataIndex: 'incomeType', render: typeLabel },
                {
                  title: pick('是否已计入收入', 'Carried'),
                  dataIndex: 'carriedAt',
                  render: (v: string | null) =>
                    v ? <Tag color="green">{pick(`已计入（${formatDate(v)}）`, `Carried (${formatDate(v)})`)}</Tag> : <Tag>{pick('未计入', 'Not yet')}</Tag>,
                },
                ...(writable
                  ? [
                      {
                        title: pick('操作', 'Actions'),
                        key: 'a',
                        render: (_: unknown, l: LinkageView) => (
                          <Space>
                            <Button type="link" size="small" onClick={() => setEditing(l)} aria-label={`${pick('修改', 'Edit')} ${l.entityName}`}>
                              {pick('修改', 'Edit')}
                            </Button>
                            {l.carriedAt ? null : (
                              <Popconfirm
                                title={pick('确定删除该带动记录？', 'Delete this linkage?')}
                                onConfirm={() => remove(l)}
                                okText={pick('确定', 'OK')}
                                cancelText={pick('取消', 'Cancel')}
                              >
                                <Button type="link" size="small" danger aria-label={`${pick('删除', 'Delete')} ${l.entityName}`}>
                                  {pick('删除', 'Delete')}
                                </Button>
                              </Popconfirm>
                            )}
                          </Space>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          </Card>
        ))}
      </Flex>
      <LinkageFormModal editing={editing} householdId={household.id} onClose={() => setEditing(null)} reload={reload} />
    </>
  );
}
