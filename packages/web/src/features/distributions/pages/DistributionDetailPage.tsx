import { App, Alert, Button, Card, Descriptions, Flex, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { errorText } from '../../../lib/error-text.ts';
import { formatDateTime, formatPercent, formatYuan } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { withVersion } from '../../../lib/versioning.ts';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useStaleSave } from '../../../ui/StaleSave.tsx';
import { useIsMobile } from '../../../ui/use-is-mobile.ts';
import { useCurrentUser } from '../../auth/api.ts';
import { distributionPeriod, useDistribution, useDistributionMutations } from '../api.ts';
import { AddHouseholdModal } from '../components/AddHouseholdModal.tsx';
import { CancelModal } from '../components/CancelModal.tsx';
import { LinesEditor, lineTotals, recomputeByWork, type EditLine } from '../components/LinesEditor.tsx';
import { STATUS_COLOR } from './DistributionListPage.tsx';
import type { DistributionView } from '@chanbang/domain';

/**
 * One 收益分配: its summary with the live share against the pack's A2 threshold, the lines (editable while a draft:
 * kind, work units, amount, remove, 添加农户; 按劳动量重算; 20 a page), 保存明细 with the version it was opened with (stale →
 * the shared dialog), 确认分配 with a confirmation dialog (the server refuses below the threshold with the reason), 撤销分配
 * (asking 冲减 / 不冲减 for incomes changed by hand after the confirmation).
 */
export function DistributionDetailPage() {
  const { t, lang, pick } = useI18n();
  const i18n = useI18n();
  const { message, modal } = App.useApp();
  const stale = useStaleSave();
  const mobile = useIsMobile();
  const id = Number(useParams().id);
  const { data, error, refetch, isLoading } = useDistribution(id);
  const user = useCurrentUser();
  const m = useDistributionMutations();
  const [base, setBase] = useState<DistributionView | null>(null);
  const [lines, setLines] = useState<EditLine[]>([]);
  const [dirty, setDirty] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [adding, setAdding] = useState(false);
  const [focus, setFocus] = useState<number | null>(null);
  useEffect(() => {
    if (data && (!base || base.id !== data.id || (!dirty && base.version !== data.version))) {
      setBase(data);
      setLines(data.lines);
    }
  }, [data, base, dirty]);
  if (isLoading) return <Spin />;
  if (error || !data || !base) return <ErrorAlert error={error} onRetry={() => void refetch()} />;

  const d = base;
  const draft = d.status === 'draft';
  const writable = user.role !== 'viewer';
  const editable = draft && writable;
  const totals = lineTotals(lines);
  const incomeFen = Math.round(d.collectiveIncomeYuan * 100);
  const share = incomeFen > 0 ? totals.lmFen / incomeFen : null;
  const below = d.minShare !== null && share !== null && totals.lmFen * 10000 < Math.round(d.minShare * 10000) * incomeFen;
  const reload = async () => {
    const fresh = (await refetch()).data;
    if (fresh) {
      setBase(fresh);
      setLines(fresh.lines);
      setDirty(false);
    }
  };
  const change = (next: EditLine[]) => {
    setLines(next);
    setDirty(true);
  };
  const save = async () => {
    try {
      const body = withVersion(
        { lines: lines.map((l) => ({ householdId: l.householdId, kind: l.kind, workUnits: l.kind === 'work' ? (l.workUnits ?? 0) : null, amountYuan: l.amountYuan })) },
        d,
      );
      const saved = await m.update.mutateAsync({ id, ...body });
      setBase(saved);
      setLines(saved.lines);
      setDirty(false);
      message.success(t('dist.saved'));
    } catch (err) {
      stale.fail(err, reload);
    }
  };
  const confirm = () => {
    if (dirty) {
      message.warning(t('dist.unsaved'));
      return;
    }
    modal.confirm({
      title: t('dist.confirmTitle'),
      content: t('dist.confirmBody', { n: String(lines.length), year: String(d.year) }),
      okText: t('dist.confirm'),
      onOk: async () => {
        try {
          const done = await m.confirm.mutateAsync({ id, version: d.version });
          setBase(done);
          setLines(done.lines);
          message.success(t('dist.confirmed'));
        } catch (err) {
          if (!stale.handle(err, reload)) modal.error({ title: t('dist.confirm'), content: errorText(err, i18n) });
        }
      },
    });
  };
  const cancelled = (done: DistributionView) => {
    setBase(done);
    setLines(done.lines);
    setDirty(false);
    setCancelling(false);
    message.success(t('dist.cancelled'));
  };
  const add = (line: EditLine) => {
    change([...lines, line].sort((a, b) => (a.householdNo < b.householdNo ? -1 : a.householdNo > b.householdNo ? 1 : a.householdId - b.householdId)));
    setFocus(line.householdId);
    message.info(t('dist.add.added'));
  };

  return (
    <>
      <PageHeader
        title={
          <Space wrap>
            <span>{`${d.regionName ?? d.regionCode} ${distributionPeriod(d.year, d.half, pick)}${t('dist.title')}`}</span>
            <Tag color={STATUS_COLOR[d.status]} data-testid="dist-status">
              {t(`dist.status.${d.status}`)}
            </Tag>
          </Space>
        }
        extra={
          writable && d.status !== 'cancelled' ? (
            <Space wrap>
              {editable ? (
                <>
                  <Button onClick={() => void save()} disabled={!dirty} loading={m.update.isPending} data-testid="dist-save">
                    {t('dist.save')}
                  </Button>
                  <Button type="primary" onClick={confirm} data-testid="dist-confirm">
                    {t('dist.confirm')}
                  </Button>
                </>
              ) : null}
              <Button danger onClick={() => setCancelling(true)}>
                {t('dist.cancel')}
              </Button>
            </Space>
          ) : null
        }
      />
      <Flex vertical gap={16}>
        <Card title={t('dist.detail.summary')}>
          <Descriptions column={mobile ? 1 : 3} size="small">
            <Descriptions.Item label={t('dist.col.income')}>{formatYuan(d.collectiveIncomeYuan, lang)}</Descriptions.Item>
            <Descriptions.Item label={t('dist.col.total')}>{formatYuan(totals.totalFen / 100, lang)}</Descriptions.Item>
            <Descriptions.Item label={t('dist.col.share')}>
              <span data-testid="dist-share">{formatPercent(share)}</span>{' '}
              {d.minShare !== null ? <Tag color={below ? 'red' : 'green'}>{below ? t('dist.detail.notMet') : t('dist.detail.met')}</Tag> : null}
            </Descriptions.Item>
            {d.confirmedAt ? <Descriptions.Item label={t('dist.detail.confirmedAt')}>{formatDateTime(d.confirmedAt)}</Descriptions.Item> : null}
            {d.confirmedByName ? <Descriptions.Item label={t('dist.detail.confirmedBy')}>{d.confirmedByName}</Descriptions.Item> : null}
            {d.note ? <Descriptions.Item label={t('dist.detail.note')}>{d.note}</Descriptions.Item> : null}
          </Descriptions>
          {d.minShare !== null ? (
            <Typography.Text type={below ? 'danger' : 'secondary'}>{t('dist.detail.threshold', { share: formatPercent(d.minShare), clause: d.policy.clause })}</Typography.Text>
          ) : (
            <Typography.Text type="secondary">{pick(d.policy.noteZh ?? '', d.policy.noteEn ?? '')}</Typography.Text>
          )}
          {d.status === 'confirmed' ? <Alert style={{ marginTop: 12 }} type="success" showIcon message={t('dist.detail.carried', { year: String(d.year) })} /> : null}
        </Card>
        <Card
          title={t('dist.detail.lines')}
          extra={
            editable ? (
              <Space wrap size={4}>
                <Button size="small" onClick={() => setAdding(true)} data-testid="dist-add">
                  {t('dist.add')}
                </Button>
                <Button size="small" onClick={() => change(recomputeByWork(lines))} title={t('dist.recomputeHint', { work: formatYuan(totals.workFen / 100, lang) })}>
                  {t('dist.recompute')}
                </Button>
              </Space>
            ) : null
          }
        >
          <Typography.Paragraph data-testid="dist-totals">
            {t('dist.totals', { total: formatYuan(totals.totalFen / 100, lang), lm: formatYuan(totals.lmFen / 100, lang), share: formatPercent(share) })}
          </Typography.Paragraph>
          {editable ? (
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              {t('dist.form.method')}
            </Typography.Paragraph>
          ) : null}
          <LinesEditor lines={lines} editable={editable} onChange={change} focus={focus} />
        </Card>
      </Flex>
      <CancelModal open={cancelling} d={d} onClose={() => setCancelling(false)} onDone={cancelled} reload={reload} />
      {editable ? <AddHouseholdModal open={adding} village={d.regionCode} lines={lines} onClose={() => setAdding(false)} onAdd={add} /> : null}
    </>
  );
}
