import { DownloadOutlined } from '@ant-design/icons';
import type { JobSubsidyItem, JobSubsidyKind } from '@chanbang/domain';
import { Alert, App, Button, Modal, Popconfirm, Space, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { downloadUrl } from '../../../lib/api-client.ts';
import { errorIssues, issueText } from '../../../lib/error-text.ts';
import { formatYuan } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { ListFilterBar } from '../../../ui/ListFilterBar.tsx';
import { ListTable } from '../../../ui/ListTable.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useIsMobile } from '../../../ui/use-is-mobile.ts';
import { useListQuery } from '../../../ui/use-list-query.ts';
import { useCurrentUser } from '../../auth/api.ts';
import { useDict } from '../../dictionaries/api.ts';
import { canPaySubsidies, useJobSubsidies, useJobSubsidyMutations } from '../api.ts';
import { PaymentModal } from '../components/PaymentModal.tsx';

const KEYS = ['kind', 'year', 'regionCode', 'status', 'q'] as const;
const KINDS: JobSubsidyKind[] = ['travel', 'startup', 'hiring'];
const rowKey = (i: JobSubsidyItem) => `${i.entityId ?? 0}:${i.personId}`;

/**
 * 就业补助 (issue 8 §5): three tabs (J1 交通补助, J2 创业补助, J3 吸纳就业补贴), the year and filters in the URL, the eligible list
 * computed by the server from the person records with 已发放/未发放, 发放 (one or a batch) and 撤销 for county and township staff.
 */
export function JobSubsidiesPage() {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const { message } = App.useApp();
  const dict = useDict();
  const mobile = useIsMobile();
  const writable = canPaySubsidies(useCurrentUser());
  const lq = useListQuery(KEYS);
  const s = lq.filters;
  const thisYear = dayjs().year();
  const kind = (KINDS as string[]).includes(s.kind ?? '') ? (s.kind as JobSubsidyKind) : 'travel';
  const year = Number(s.year ?? thisYear);
  const query = { kind, year, regionCode: s.regionCode, status: s.status, q: s.q, page: lq.page, pageSize: lq.pageSize };
  const list = useJobSubsidies(query);
  const m = useJobSubsidyMutations();
  const [paying, setPaying] = useState<JobSubsidyItem | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [batchOpen, setBatchOpen] = useState(false);
  const terms = list.data?.terms;
  const yuan = (v: number) => formatYuan(v, lang);

  const revoke = async (item: JobSubsidyItem) => {
    try {
      await m.revoke.mutateAsync(item.payment!);
      message.success(t('jobSub.revoked'));
    } catch (err) {
      message.error(
        errorIssues(err)
          .map((x) => issueText(x, i18n))
          .join('；') || String(err),
      );
    }
  };

  const batchPay = async () => {
    const ids = (list.data?.items ?? []).filter((i) => selected.includes(rowKey(i))).map((i) => i.personId);
    try {
      const r = await m.batch.mutateAsync({ kind: kind as 'travel' | 'startup', personIds: ids, year, paidOn: dayjs().format('YYYY-MM-DD') });
      setBatchOpen(false);
      setSelected([]);
      if (r.refused.length) {
        Modal.warning({
          title: `${t('jobSub.batchDone', { n: String(r.created) })}，${t('jobSub.batchRefused', { n: String(r.refused.length) })}`,
          content: (
            <ul style={{ paddingInlineStart: 18 }}>
              {r.refused.map((x) => (
                <li key={x.personId}>{i18n.pick(x.reasonZh, x.reasonEn)}</li>
              ))}
            </ul>
          ),
        });
      } else message.success(t('jobSub.batchDone', { n: String(r.created) }));
    } catch (err) {
      message.error(
        errorIssues(err)
          .map((x) => issueText(x, i18n))
          .join('；') || String(err),
      );
    }
  };

  const workText = (i: JobSubsidyItem) =>
    kind === 'travel'
      ? dict.label('employment_status', i.employmentStatus)
      : kind === 'startup'
        ? i.employmentChannel
          ? dict.label('employment_channel', i.employmentChannel)
          : dict.label('employment_status', i.employmentStatus)
        : t('jobSub.months', { n: String(i.workMonths ?? 0) });

  const statusCell = (i: JobSubsidyItem) => (
    <Space direction="vertical" size={0}>
      {i.payment ? (
        <>
          <Tag color="green" data-testid="job-subsidy-paid">
            {t('jobSub.paidTag', { yuan: yuan(i.payment.amountYuan) })}
          </Tag>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('jobSub.paidOn', { date: i.payment.paidOn, year: String(i.payment.year) })}
          </Typography.Text>
        </>
      ) : (
        <Tag color="orange" data-testid="job-subsidy-unpaid">
          {t('jobSub.unpaidTag')}
        </Tag>
      )}
      {!i.eligible && i.reasonsZh.length ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('jobSub.ineligible', { reasons: i.reasonsZh.join('；') })}
        </Typography.Text>
      ) : null}
    </Space>
  );

  const actions = (i: JobSubsidyItem) =>
    writable ? (
      i.payment ? (
        <Popconfirm title={t('jobSub.revokeConfirm')} onConfirm={() => void revoke(i)} okText={t('common.ok')} cancelText={t('common.cancel')}>
          <Button size="small" danger data-testid="job-subsidy-revoke">
            {t('jobSub.revoke')}
          </Button>
        </Popconfirm>
      ) : (
        <Button size="small" type="primary" onClick={() => setPaying(i)} data-testid="job-subsidy-pay">
          {t('jobSub.pay')}
        </Button>
      )
    ) : null;

  const batchable = writable && kind !== 'hiring' && terms?.defaultAmountYuan != null;
  return (
    <>
      <PageHeader
        title={t('jobSub.title')}
        subtitle={t('jobSub.subtitle')}
        extra={
          <Space wrap>
            {batchable && selected.length ? (
              <Button type="primary" onClick={() => setBatchOpen(true)} data-testid="job-subsidy-batch">
                {t('jobSub.batch', { n: String(selected.length) })}
              </Button>
            ) : null}
            <Button icon={<DownloadOutlined />} href={downloadUrl('/job-subsidies/export.xlsx', { ...query, page: undefined, pageSize: undefined })}>
              {t('jobSub.export')}
            </Button>
          </Space>
        }
      />
      <Tabs
        activeKey={kind}
        onChange={(k) => {
          setSelected([]);
          lq.set({ kind: k === 'travel' ? undefined : k });
        }}
        items={KINDS.map((k) => ({ key: k, label: <span data-testid={`job-subsidy-tab-${k}`}>{t(`jobSub.kind.${k}`)}</span> }))}
      />
      <ListFilterBar
        values={s}
        set={lq.set}
        filters={[
          {
            kind: 'select',
            key: 'year',
            label: t('jobSub.year'),
            whenEmpty: String(thisYear),
            testId: 'job-subsidy-year',
            options: Array.from({ length: 6 }, (_, i) => String(thisYear - i)).map((y) => ({ value: y, label: t('jobSub.yearValue', { year: y }) })),
          },
          { kind: 'region', key: 'regionCode', label: t('jobSub.region') },
          {
            kind: 'select',
            key: 'status',
            label: t('jobSub.col.status'),
            whenEmpty: 'all',
            options: (['all', 'paid', 'unpaid'] as const).map((v) => ({ value: v, label: t(`jobSub.status.${v}`) })),
          },
          { kind: 'search', key: 'q', label: t('jobSub.q') },
        ]}
      />
      {terms ? (
        terms.inForce ? (
          <Alert
            style={{ marginBottom: 12 }}
            type="info"
            showIcon
            data-testid="job-subsidy-terms"
            message={
              kind === 'travel'
                ? t('jobSub.cap.travel', { yuan: String(terms.maxYuan) })
                : kind === 'startup'
                  ? t('jobSub.cap.startup', { yuan: String(terms.amountYuan) })
                  : t('jobSub.cap.hiring', { months: String(terms.minStableMonths) })
            }
            description={terms.clauseText ? t('jobSub.basis', { clause: terms.clauseText }) : undefined}
          />
        ) : (
          <Alert style={{ marginBottom: 12 }} type="warning" showIcon message={t('jobSub.notInForce', { kind: t(`jobSub.kindFull.${kind}`) })} />
        )
      ) : null}
      <ListTable
        list={list}
        totals={(d) => t('jobSub.totals', { n: String(d.total), paid: String(d.paidCount), yuan: yuan(d.paidYuan) })}
        totalsTestId="job-subsidy-totals"
        rowKey={rowKey}
        locale={{ emptyText: t('jobSub.empty') }}
        aria-label={t('jobSub.title')}
        rowSelection={
          batchable && !mobile
            ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]), getCheckboxProps: (i) => ({ disabled: !!i.payment || !i.eligible }) }
            : undefined
        }
        cardTitle={(i) => (
          <span>
            {i.name} <Typography.Text type="secondary">{i.idNumber}</Typography.Text>
          </span>
        )}
        cardActions={(i) => actions(i)}
        pagination={lq.pagination}
        columns={[
          { title: t('jobSub.col.name'), dataIndex: 'name', responsive: ['md'] },
          { title: t('jobSub.col.id'), dataIndex: 'idNumber', responsive: ['md'] },
          { title: t('jobSub.col.region'), dataIndex: 'regionName', render: (_, i) => i.regionName ?? i.regionCode },
          { title: t('jobSub.col.type'), dataIndex: 'householdType', render: (_, i) => dict.label('household_type', i.householdType) },
          { title: t('jobSub.col.work'), dataIndex: 'employmentStatus', render: (_, i) => workText(i) },
          ...(kind === 'hiring' ? [{ title: t('jobSub.col.entity'), dataIndex: 'entityName' }] : []),
          { title: t('jobSub.col.status'), dataIndex: 'payment', render: (_, i) => statusCell(i) },
          { title: t('jobSub.col.action'), key: 'action', responsive: ['md'], render: (_, i) => actions(i) },
        ]}
      />
      {terms ? <PaymentModal kind={kind} year={year} terms={terms} item={paying} onClose={() => setPaying(null)} /> : null}
      <Modal
        open={batchOpen}
        title={t('jobSub.batchTitle', { kind: t(`jobSub.kindFull.${kind}`) })}
        onCancel={() => setBatchOpen(false)}
        onOk={() => void batchPay()}
        confirmLoading={m.batch.isPending}
        okText={t('jobSub.pay')}
        cancelText={t('common.cancel')}
      >
        {t('jobSub.batchHint', { n: String(selected.length), yuan: String(terms?.defaultAmountYuan ?? ''), year: String(year) })}
      </Modal>
    </>
  );
}
