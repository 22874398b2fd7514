import type { PostAppointmentView } from '@chanbang/domain';
import { Alert, Button, Card, Col, Descriptions, Empty, Flex, Row, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { formatYuan } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useIsMobile } from '../../../ui/use-is-mobile.ts';
import { canWrite, useCurrentUser } from '../../auth/api.ts';
import { useDict } from '../../dictionaries/api.ts';
import { usePost } from '../api.ts';
import { ClosePostModal, ExitModal, HireModal, PayModal, monthText } from '../components/PostActionModals.tsx';
import { PostFormModal } from '../components/PostFormModal.tsx';

const STATUS_COLOR: Record<string, string> = { open: 'orange', filled: 'green', closed: 'default' };

/**
 * One 公益性岗位: its need and subsidy, the holder history (newest first) with the months paid and the exit reasons,
 * and, for writers, 聘任 (open post), 发放补贴 and 退岗 (the holder), 修改, 撤岗 (open post). A closed post is read-only.
 */
export function PostDetailPage() {
  const { t, lang } = useI18n();
  const dict = useDict();
  const mobile = useIsMobile();
  const id = Number(useParams().id);
  const { data: p, error, refetch, isLoading } = usePost(id);
  const user = useCurrentUser();
  const [dialog, setDialog] = useState<'edit' | 'hire' | 'pay' | 'exit' | 'close' | null>(null);
  const [holding, setHolding] = useState<PostAppointmentView | null>(null);
  if (isLoading) return <Spin />;
  if (error || !p) return <ErrorAlert error={error} onRetry={() => void refetch()} />;
  const writable = canWrite(user) && p.status !== 'closed';
  const reload = async () => (await refetch()).data;
  const act = (what: 'pay' | 'exit', h: PostAppointmentView) => {
    setHolding(h);
    setDialog(what);
  };

  return (
    <>
      <PageHeader
        title={
          <Space wrap>
            <span>{p.name}</span>
            <Tag color={STATUS_COLOR[p.status]} data-testid="post-status">
              {t(`posts.status.${p.status}`)}
            </Tag>
          </Space>
        }
        subtitle={`${dict.label('public_post_type', p.postType)} · ${p.regionName ?? p.regionCode}`}
        extra={
          writable ? (
            <Space wrap>
              {p.status === 'open' ? (
                <Button type="primary" onClick={() => setDialog('hire')} data-testid="post-hire">
                  {t('posts.hire')}
                </Button>
              ) : null}
              <Button onClick={() => setDialog('edit')}>{t('posts.edit')}</Button>
              {p.status === 'open' ? (
                <Button danger onClick={() => setDialog('close')}>
                  {t('posts.close')}
                </Button>
              ) : null}
            </Space>
          ) : null
        }
      />
      {p.status === 'closed' ? (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('posts.detail.closed', { date: p.closedOn ?? '—', reason: p.closedReason ?? '—' })} />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card title={t('posts.detail.basic')}>
            <Descriptions column={1} size="small" layout={mobile ? 'vertical' : 'horizontal'}>
              <Descriptions.Item label={t('posts.detail.need')}>{p.needReason}</Descriptions.Item>
              <Descriptions.Item label={t('posts.field.subsidy')}>{`${formatYuan(p.monthlySubsidyYuan, lang)} 元`}</Descriptions.Item>
              <Descriptions.Item label={t('posts.col.holder')}>{p.holderName ?? '—'}</Descriptions.Item>
              {p.note ? <Descriptions.Item label={t('posts.field.note')}>{p.note}</Descriptions.Item> : null}
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card title={t('posts.detail.holders')}>
            {p.appointments.length ? (
              <Timeline
                items={p.appointments.map((h) => ({
                  key: h.id,
                  color: h.endedOn ? 'gray' : 'green',
                  children: (
                    <Flex vertical gap={4} data-testid={`post-holding-${h.id}`}>
                      <Space wrap size={4}>
                        <Typography.Text strong>{h.personName}</Typography.Text>
                        <Typography.Text type="secondary">{h.idNumber}</Typography.Text>
                        <Tag>{dict.label('household_type', h.householdType)}</Tag>
                      </Space>
                      <span>{h.endedOn ? t('posts.detail.period', { from: h.startedOn, to: h.endedOn }) : t('posts.detail.since', { from: h.startedOn })}</span>
                      {h.exitReason ? (
                        <span>
                          {t('posts.detail.exitReason', { reason: dict.label('post_exit_reason', h.exitReason) })}
                          {h.exitNote ? `（${h.exitNote}）` : ''}
                        </span>
                      ) : null}
                      <Typography.Text type="secondary" data-testid="post-paid">
                        {h.payments.length
                          ? t('posts.detail.paid', { n: String(h.payments.length), months: h.payments.map((x) => monthText(x.month)).join('、') })
                          : t('posts.detail.unpaid')}
                      </Typography.Text>
                      {writable ? (
                        <Space wrap style={mobile ? { width: '100%' } : undefined}>
                          <Button size="small" onClick={() => act('pay', h)} data-testid="post-pay">
                            {t('posts.pay')}
                          </Button>
                          {h.endedOn ? null : (
                            <Button size="small" danger onClick={() => act('exit', h)} data-testid="post-exit">
                              {t('posts.exit')}
                            </Button>
                          )}
                        </Space>
                      ) : null}
                    </Flex>
                  ),
                }))}
              />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('posts.detail.noHolders')} />
            )}
          </Card>
        </Col>
      </Row>
      <PostFormModal open={dialog === 'edit'} post={p} onClose={() => setDialog(null)} reload={reload} />
      <HireModal post={p} open={dialog === 'hire'} onClose={() => setDialog(null)} reload={reload} />
      <PayModal post={p} holding={holding} open={dialog === 'pay'} onClose={() => setDialog(null)} />
      <ExitModal post={p} holding={holding} open={dialog === 'exit'} onClose={() => setDialog(null)} reload={reload} />
      <ClosePostModal post={p} open={dialog === 'close'} onClose={() => setDialog(null)} reload={reload} />
    </>
  );
}
