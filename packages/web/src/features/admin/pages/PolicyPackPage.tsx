import { CheckCircleFilled } from '@ant-design/icons';
import { App, Button, Card, Col, Empty, Popconfirm, Row, Table, Tag, Typography } from 'antd';
import { errorText } from '../../../lib/error-text.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import type { PolicyPack, PolicyRule } from '../../../lib/types.ts';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useActivePack, usePolicyPacks, useSetActivePack } from '../api.ts';

function showThreshold(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'number') return v > 0 && v <= 1 ? `${Math.round(v * 1000) / 10}%` : String(v);
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** 政策包: the region packs with their rules, thresholds and cited clauses; choose the active one. */
export function PolicyPackPage() {
  const i18n = useI18n();
  const { t, pick } = i18n;
  const { message } = App.useApp();
  const packs = usePolicyPacks();
  const active = useActivePack();
  const setActive = useSetActivePack();

  const handleActivate = (pack: PolicyPack) =>
    setActive.mutate(pack.id, { onSuccess: () => message.success(t('common.saved')), onError: (err) => message.error(errorText(err, i18n)) });

  return (
    <>
      <PageHeader title={t('policy.title')} />
      {packs.error ? <ErrorAlert error={packs.error} onRetry={() => void packs.refetch()} /> : null}
      {packs.isLoading ? <Card loading /> : null}
      {packs.data?.length === 0 ? <Empty /> : null}
      <Row gutter={[16, 16]}>
        {(packs.data ?? []).map((pack) => {
          const isActive = active.data === pack.id;
          return (
            <Col span={24} key={pack.id}>
              <Card
                size="small"
                title={
                  <span>
                    {isActive ? <CheckCircleFilled style={{ color: '#1f7a4d', marginInlineEnd: 8 }} /> : null}
                    {pick(pack.nameZh, pack.nameEn)} <Typography.Text type="secondary">({pack.id})</Typography.Text>
                  </span>
                }
                extra={
                  isActive ? (
                    <Tag color="green">{t('policy.active')}</Tag>
                  ) : (
                    <Popconfirm title={t('policy.confirmActivate')} onConfirm={() => handleActivate(pack)} okText={t('common.ok')} cancelText={t('common.cancel')}>
                      <Button size="small" type="primary" loading={setActive.isPending} aria-label={`${t('policy.activate')} ${pick(pack.nameZh, pack.nameEn)}`}>
                        {t('policy.activate')}
                      </Button>
                    </Popconfirm>
                  )
                }
              >
                <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                  {(['publicityMinDays', 'identificationMaxDays', 'incomeStableMinMonths'] as const)
                    .filter((k) => pack[k] !== undefined)
                    .map((k) => `${k}: ${String(pack[k])}`)
                    .join(' · ')}
                </Typography.Paragraph>
                <Table<PolicyRule>
                  size="small"
                  rowKey="id"
                  pagination={false}
                  dataSource={pack.rules}
                  aria-label={pick(pack.nameZh, pack.nameEn)}
                  columns={[
                    { title: t('policy.rule'), dataIndex: 'id', width: 70, render: (v: string) => <Tag color="blue">{v}</Tag> },
                    { title: t('policy.ruleTitle'), key: 'title', render: (_, r) => pick(r.titleZh, r.titleEn) || '—' },
                    {
                      title: t('policy.threshold'),
                      key: 'threshold',
                      render: (_, r) =>
                        r.threshold !== null && r.threshold !== undefined
                          ? showThreshold(r.threshold)
                          : Object.entries((r.params ?? {}) as Record<string, unknown>).map(([k, v]) => <Tag key={k}>{`${k}: ${showThreshold(v)}`}</Tag>),
                    },
                    { title: t('policy.years'), dataIndex: 'years', render: (y?: number[]) => (y?.length ? y.join('、') : '—') },
                    { title: t('policy.clause'), dataIndex: 'clause', render: (v: string) => <Tag color="gold">{v}</Tag> },
                  ]}
                />
              </Card>
            </Col>
          );
        })}
      </Row>
    </>
  );
}
