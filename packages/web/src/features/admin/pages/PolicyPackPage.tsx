import { CalculatorOutlined, CheckCircleFilled } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { App, Button, Card, Col, Collapse, Empty, Popconfirm, Row, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { PolicyDocument } from '@chanbang/domain';
import { api } from '../../../lib/api-client.ts';
import { formatYuan } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import type { PolicyPack } from '../../../lib/types.ts';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { ResponsiveTable } from '../../../ui/ResponsiveTable.tsx';
import { useStaleSave } from '../../../ui/StaleSave.tsx';
import { useActiveChoice, useActivePack, usePolicyPacks, useSetActivePack } from '../api.ts';
import { PackRules } from '../components/PackRules.tsx';

type Line = { provinceCode: string; year: number; amountYuan: number; source: string; confirmed: boolean };
type Pack = PolicyPack & {
  documents?: PolicyDocument[];
  monitoringLines?: Line[];
  provinceCode?: string;
  publicityMinDays?: number;
  identificationMaxDays?: number;
  incomeStableMinMonths?: number;
};

const PROVINCES: Record<string, [string, string]> = { '14': ['山西省', 'Shanxi'], '41': ['河南省', 'Henan'] };

/** The monitoring lines in force (the administrator's table), else the pack's own. */
function useLines(provinceCode: string | undefined, fallback: Line[]) {
  const q = useQuery({
    queryKey: ['monitoring-lines', provinceCode],
    queryFn: () => api.get<{ items: Line[] }>('/monitoring-lines', { provinceCode }),
    enabled: !!provinceCode,
    retry: false,
  });
  return q.data?.items?.length ? q.data.items : fallback;
}

function MonitoringLines({ pack }: { pack: Pack }) {
  const { t, pick, lang } = useI18n();
  const lines = useLines(pack.provinceCode, pack.monitoringLines ?? []);
  const province = PROVINCES[pack.provinceCode ?? ''];
  return (
    <ResponsiveTable<Line>
      size="small"
      rowKey={(l) => `${l.provinceCode}-${l.year}`}
      pagination={false}
      dataSource={lines}
      aria-label={t('policy.lines')}
      cardTitle={(l) => `${l.year} 年`}
      columns={[
        { title: t('policy.lineYear'), dataIndex: 'year', render: (y: number) => `${y} 年` },
        { title: t('policy.lineProvince'), dataIndex: 'provinceCode', render: (c: string) => (PROVINCES[c] ? pick(...PROVINCES[c]) : province ? pick(...province) : c) },
        { title: t('policy.lineAmount'), dataIndex: 'amountYuan', render: (v: number) => t('policy.lineAmountText', { amount: formatYuan(v, lang) }) },
        {
          title: t('policy.lineStatus'),
          dataIndex: 'confirmed',
          render: (c: boolean) => (c ? <Tag color="green">{t('policy.lineConfirmed')}</Tag> : <Tag color="orange">{t('policy.lineUnconfirmed')}</Tag>),
        },
        { title: t('policy.lineSource'), dataIndex: 'source', render: (s: string) => <span style={{ overflowWrap: 'anywhere' }}>{s}</span> },
      ]}
    />
  );
}

/** 政策包: each region's pack with its rules in words, the documents it cites and the monitoring lines; choose the active one. */
export function PolicyPackPage() {
  const i18n = useI18n();
  const { t, pick } = i18n;
  const { message } = App.useApp();
  const packs = usePolicyPacks();
  const active = useActivePack();
  const choice = useActiveChoice();
  const setActive = useSetActivePack();
  const stale = useStaleSave();

  // based on the choice this page shows; a stale one (another admin chose meanwhile) reloads it
  const handleActivate = (pack: PolicyPack) =>
    setActive.mutate({ packId: pack.id, basedOn: choice.data }, { onSuccess: () => message.success(t('common.saved')), onError: (err) => stale.fail(err, () => choice.refetch()) });

  return (
    <>
      <PageHeader
        title={t('policy.title')}
        extra={
          <Link to="/rules?tab=sandbox">
            <Button icon={<CalculatorOutlined />}>{t('rules.sandbox.title')}</Button>
          </Link>
        }
      />
      {packs.error ? <ErrorAlert error={packs.error} onRetry={() => void packs.refetch()} /> : null}
      {packs.isLoading ? <Card loading /> : null}
      {packs.data?.length === 0 ? <Empty /> : null}
      <Row gutter={[16, 16]}>
        {((packs.data ?? []) as Pack[]).map((pack) => {
          const isActive = active.data === pack.id;
          const facts = [
            pack.publicityMinDays !== undefined ? t('policy.publicityMinDays', { n: pack.publicityMinDays }) : null,
            pack.identificationMaxDays !== undefined ? t('policy.identificationMaxDays', { n: pack.identificationMaxDays }) : null,
            pack.incomeStableMinMonths !== undefined ? t('policy.incomeStableMinMonths', { n: pack.incomeStableMinMonths }) : null,
          ].filter(Boolean);
          return (
            <Col span={24} key={pack.id}>
              <Card
                size="small"
                title={
                  <span style={{ whiteSpace: 'normal' }}>
                    {isActive ? <CheckCircleFilled style={{ color: '#1f7a4d', marginInlineEnd: 8 }} /> : null}
                    {pick(pack.nameZh, pack.nameEn)}
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
                {pack.documents?.length ? (
                  <Typography.Paragraph style={{ marginBottom: 8 }}>
                    <Typography.Text type="secondary">{t('policy.documents')}：</Typography.Text>
                    {pack.documents.map((d, i) => (
                      <span key={d.ref}>
                        {i ? '；' : ''}
                        {d.docNo ? `${d.docNo} ` : ''}《{d.titleZh}》
                      </span>
                    ))}
                  </Typography.Paragraph>
                ) : null}
                {facts.length ? (
                  <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                    {facts.join('；')}
                  </Typography.Paragraph>
                ) : null}
                <PackRules pack={pack} />
                <Collapse ghost size="small" style={{ marginTop: 8 }} items={[{ key: 'lines', label: t('policy.lines'), children: <MonitoringLines pack={pack} /> }]} />
              </Card>
            </Col>
          );
        })}
      </Row>
    </>
  );
}
