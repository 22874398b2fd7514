import { DownloadOutlined, PlusOutlined, WalletOutlined } from '@ant-design/icons';
import type { PostView } from '@chanbang/domain';
import { App, Button, Form, Input, Modal, Space, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { downloadUrl } from '../../../lib/api-client.ts';
import { formatYuan } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { ListFilterBar } from '../../../ui/ListFilterBar.tsx';
import { ListTable } from '../../../ui/ListTable.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { RegionSelect } from '../../../ui/RegionSelect.tsx';
import { useStaleSave } from '../../../ui/StaleSave.tsx';
import { useListQuery } from '../../../ui/use-list-query.ts';
import { canWrite, useCurrentUser } from '../../auth/api.ts';
import { useDict } from '../../dictionaries/api.ts';
import { usePostMutations, usePosts } from '../api.ts';
import { monthText, todayText } from '../components/PostActionModals.tsx';
import { PostFormModal } from '../components/PostFormModal.tsx';

const KEYS = ['regionCode', 'postType', 'status', 'q'] as const;
const STATUS_COLOR: Record<string, string> = { open: 'orange', filled: 'green', closed: 'default' };

/** 按月批量发放: one month to every holder of the filled posts under a region, after a confirmation. */
function BatchPayModal({ open, regionCode, onClose }: { open: boolean; regionCode: string; onClose: () => void }) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const stale = useStaleSave();
  const m = usePostMutations();
  const [form] = Form.useForm<{ regionCode: string; month: string }>();
  useEffect(() => {
    if (open) form.setFieldsValue({ regionCode, month: todayText().slice(0, 7) });
  }, [open, form, regionCode]);
  const save = async () => {
    const v = await form.validateFields();
    modal.confirm({
      content: t('posts.batch.confirm', { month: monthText(v.month) }),
      okText: '确定',
      cancelText: '取消',
      onOk: async () => {
        try {
          const r = await m.payBatch.mutateAsync({ regionCode: v.regionCode, month: v.month });
          message.success(t('posts.batch.done', { paid: String(r.paid), total: formatYuan(r.totalYuan, 'zh'), already: String(r.alreadyPaid) }));
          if (r.holderExited.length) message.warning(t('posts.batch.exited', { names: r.holderExited.map((h) => `${h.personName}（${h.postName}，${h.exitZh}）`).join('、') }), 8);
          onClose();
        } catch (err) {
          stale.fail(err, () => undefined);
        }
      },
    });
  };
  return (
    <Modal open={open} title={t('posts.batch.title')} onCancel={onClose} onOk={() => void save()} okText={t('posts.pay')} cancelText={t('common.cancel')} forceRender>
      <Form form={form} layout="vertical" name="post-batch">
        <Form.Item name="regionCode" label={t('posts.batch.region')} rules={[{ required: true }]}>
          <RegionSelect aria-label={t('posts.batch.region')} />
        </Form.Item>
        <Form.Item name="month" label={t('posts.batch.month')} rules={[{ required: true }]}>
          <Input type="month" max={todayText().slice(0, 7)} aria-label={t('posts.batch.month')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 公益性岗位 (issue 8 §4, J5): the posts under a region with their holders, filters and paging in the URL; 设岗 and 按月发放 for writers. */
export function PostListPage() {
  const { t, lang } = useI18n();
  const dict = useDict();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const writable = canWrite(user);
  const lq = useListQuery(KEYS);
  const s = lq.filters;
  const [dialog, setDialog] = useState<'add' | 'batch' | null>(null);
  const query = lq.query;
  const list = usePosts(query);
  const statusTag = (p: PostView) => <Tag color={STATUS_COLOR[p.status]}>{t(`posts.status.${p.status}`)}</Tag>;

  return (
    <>
      <PageHeader
        title={t('posts.title')}
        subtitle={t('posts.subtitle')}
        extra={
          <Space wrap>
            <Button icon={<DownloadOutlined />} href={downloadUrl('/posts/export.xlsx', { ...query, page: undefined, pageSize: undefined })}>
              {t('posts.export')}
            </Button>
            {writable ? (
              <>
                <Button icon={<WalletOutlined />} onClick={() => setDialog('batch')} data-testid="post-batch">
                  {t('posts.batch')}
                </Button>
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('add')} data-testid="post-add">
                  {t('posts.add')}
                </Button>
              </>
            ) : null}
          </Space>
        }
      />
      <ListFilterBar
        values={s}
        set={lq.set}
        filters={[
          { kind: 'region', key: 'regionCode', label: t('posts.filter.region') },
          { kind: 'dict', key: 'postType', dictCode: 'public_post_type', label: t('posts.col.type') },
          {
            kind: 'select',
            key: 'status',
            label: t('posts.filter.status'),
            whenEmpty: 'active',
            width: 140,
            options: (['active', 'open', 'filled', 'closed', 'all'] as const).map((v) => ({ value: v, label: t(`posts.status.${v}`) })),
          },
          { kind: 'search', key: 'q', label: t('posts.filter.q') },
        ]}
      />
      <ListTable
        list={list}
        totals={(d) => t('posts.total', { n: String(d.total) })}
        totalsTestId="post-total"
        rowKey="id"
        locale={{ emptyText: t('posts.empty') }}
        aria-label={t('posts.title')}
        cardTitle={(p) => (
          <Space wrap>
            <Link to={`/industry/posts/${p.id}`}>{p.name}</Link>
            {statusTag(p)}
          </Space>
        )}
        pagination={lq.pagination}
        columns={[
          { title: t('posts.col.name'), dataIndex: 'name', responsive: ['md'], render: (_, p) => <Link to={`/industry/posts/${p.id}`}>{p.name}</Link> },
          { title: t('posts.col.type'), dataIndex: 'postType', render: (_, p) => dict.label('public_post_type', p.postType) },
          { title: t('posts.col.region'), dataIndex: 'regionName', render: (_, p) => p.regionName ?? p.regionCode },
          { title: t('posts.col.subsidy'), dataIndex: 'monthlySubsidyYuan', align: 'right', render: (v: number) => formatYuan(v, lang) },
          { title: t('posts.col.status'), dataIndex: 'status', responsive: ['md'], render: (_, p) => statusTag(p) },
          {
            title: t('posts.col.holder'),
            dataIndex: 'holderName',
            render: (_, p) => (p.holderName ? `${p.holderName}（${t('posts.detail.since', { from: p.holderSince ?? '' })}）` : '—'),
          },
        ]}
      />
      <PostFormModal
        open={dialog === 'add'}
        defaultRegion={user?.role === 'village_officer' ? user.regionCode : undefined}
        onClose={() => setDialog(null)}
        onSaved={(p) => navigate(`/industry/posts/${p.id}`)}
      />
      <BatchPayModal open={dialog === 'batch'} regionCode={s.regionCode ?? user?.regionCode ?? ''} onClose={() => setDialog(null)} />
    </>
  );
}
