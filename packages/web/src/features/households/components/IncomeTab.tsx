import { PlusOutlined } from '@ant-design/icons';
import { computeIncome, incomeTrend } from '@chanbang/domain';
import { App, Button, Col, Form, InputNumber, Modal, Row, Select, Statistic, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { formatChange, formatYuan } from '../../../lib/format.ts';
import { useI18n, type MessageKey } from '../../../lib/i18n.tsx';
import type { HouseholdDetail, Income } from '../../../lib/types.ts';
import { withVersion } from '../../../lib/versioning.ts';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { ResponsiveTable } from '../../../ui/ResponsiveTable.tsx';
import { useStaleSave } from '../../../ui/StaleSave.tsx';
import { useReloadHousehold, useSaveIncome } from '../api.ts';
import { IncomeLineTag } from '../../monitoring/components/IncomeLineTag.tsx';

export type IncomeTabProps = { household: HouseholdDetail; writable: boolean };

const AMOUNTS = ['wage', 'business', 'businessExpense', 'property', 'transfer'] as const;
/** 理赔收入 and 合规自付支出: outside 家庭纯收入; for 突发严重困难户 the income is judged after them. */
const CLAIMS = ['claimIncome', 'compliantSelfPaid'] as const;
type IncomeValues = Pick<Income, 'year' | 'memberCount' | (typeof AMOUNTS)[number] | (typeof CLAIMS)[number]>;
const FIRST_YEAR = 2013;

/** Server figures where given; otherwise the domain's own computation (same function the server uses). */
function withTrend(rows: Income[]): Income[] {
  let trend: ReturnType<typeof incomeTrend> = [];
  try {
    trend = incomeTrend(rows.filter((r) => r.memberCount > 0));
  } catch {
    trend = [];
  }
  return [...rows]
    .sort((a, b) => b.year - a.year)
    .map((r) => {
      const c = trend.find((x) => x.year === r.year);
      return {
        ...r,
        netIncome: r.netIncome ?? c?.netIncome,
        perCapita: r.perCapita ?? c?.perCapita,
        yoyChange: r.yoyChange ?? c?.yoyChange ?? null,
        yoyRate: r.yoyRate ?? c?.yoyRate ?? null,
      };
    });
}

/** 收入: one row per year with 人均纯收入 and its year-on-year change; edit a year in a modal. */
export function IncomeTab({ household, writable }: IncomeTabProps) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const { message } = App.useApp();
  const save = useSaveIncome(household.id);
  const stale = useStaleSave();
  const reloadHousehold = useReloadHousehold(household.id);
  /** the recorded year as its dialog was opened: its version is what the save is based on */
  const [editingRow, setEditingRow] = useState<Income | null>(null);
  const rows = useMemo(() => withTrend(household.incomes), [household.incomes]);
  const [open, setOpen] = useState(false);
  /** true: "add a year" (POST, never overwrites); false: editing the year of a row (PUT) */
  const [adding, setAdding] = useState(false);
  const recorded = useMemo(() => new Set(household.incomes.map((r) => r.year)), [household.incomes]);
  const yearOptions = useMemo(() => {
    const out = [];
    for (let y = dayjs().year(); y >= FIRST_YEAR; y--) out.push({ value: y, label: recorded.has(y) ? t('income.yearTaken', { year: y }) : String(y), disabled: recorded.has(y) });
    return out;
  }, [recorded, t]);
  const [form] = Form.useForm<IncomeValues>();
  const values = Form.useWatch([], form) as IncomeValues | undefined;
  const preview = useMemo(() => {
    try {
      return values && values.memberCount
        ? computeIncome(
            {
              wage: values.wage ?? 0,
              business: values.business ?? 0,
              businessExpense: values.businessExpense ?? 0,
              property: values.property ?? 0,
              transfer: values.transfer ?? 0,
            },
            values.memberCount,
          )
        : null;
    } catch {
      return null;
    }
  }, [values]);

  const edit = (row?: Income) => {
    save.reset();
    setAdding(!row);
    setEditingRow(row ?? null);
    const free = yearOptions.find((o) => !o.disabled && o.value < dayjs().year())?.value ?? yearOptions.find((o) => !o.disabled)?.value;
    const members = household.members.filter((m) => !m.exitReason).length || 1;
    form.resetFields();
    form.setFieldsValue(row ?? { year: free, memberCount: members, wage: 0, business: 0, businessExpense: 0, property: 0, transfer: 0, claimIncome: 0, compliantSelfPaid: 0 });
    setOpen(true);
  };
  const handleSave = async () => {
    const v = await form.validateFields();
    try {
      await save.mutateAsync(adding ? { ...v, isNew: true } : withVersion({ ...v, isNew: false }, editingRow));
      message.success(t('common.saved'));
      setOpen(false);
    } catch (err) {
      stale.fail(err, reloadEditing);
    }
  };
  /** 重新载入: the year's figures as stored now, in the dialog. */
  const reloadEditing = async () => {
    const fresh = (await reloadHousehold()).incomes.find((r) => r.year === editingRow?.year);
    if (fresh) edit(fresh);
    else setOpen(false);
  };
  const yuan = (v?: number | null) => formatYuan(v, lang);
  /** An amount, and below it what of it was carried in from 联农带农 (the source, issue 7 §3). */
  const withLinkageSource = (k: string, v: number, r: Income) => {
    const from = (r.fromLinkages as Record<string, number> | undefined)?.[k];
    // 村集体产业收益分配 carried into wage (按劳取酬) or property (基础保障) income (issue 8 §3): which village, which period
    const dist = (r.fromDistributions ?? []).filter((d) => d.incomeType === k);
    if (!from && dist.length === 0) return yuan(v);
    const period = (h: number | null) => (h === 1 ? (lang === 'zh' ? '上半年' : 'H1') : h === 2 ? (lang === 'zh' ? '下半年' : 'H2') : lang === 'zh' ? '全年' : 'year');
    return (
      <span>
        {yuan(v)}
        {from ? (
          <>
            <br />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {lang === 'zh' ? `含联农带农 ${yuan(from)}` : `incl. linkages ${yuan(from)}`}
            </Typography.Text>
          </>
        ) : null}
        {dist.map((d) => (
          <span key={d.distributionId}>
            <br />
            <Link to={`/industry/distributions/${d.distributionId}`} style={{ fontSize: 12 }} data-testid="income-from-distribution">
              {lang === 'zh'
                ? `含${d.villageName ?? ''}${period(d.half)}收益分配 ${yuan(d.amountYuan)}`
                : `incl. ${d.villageName ?? ''} ${period(d.half)} distribution ${yuan(d.amountYuan)}`}
            </Link>
          </span>
        ))}
      </span>
    );
  };

  return (
    <>
      {writable ? (
        <Button icon={<PlusOutlined />} onClick={() => edit()} style={{ marginBottom: 12 }}>
          {t('income.add')}
        </Button>
      ) : null}
      <ResponsiveTable<Income>
        size="small"
        rowKey="year"
        pagination={false}
        dataSource={rows}
        aria-label={t('hh.tab.income')}
        columns={[
          { title: t('income.year'), dataIndex: 'year' },
          ...[...AMOUNTS, ...CLAIMS].map((k) => ({
            title: t(`income.${k}` as MessageKey),
            dataIndex: k,
            align: 'right' as const,
            render: (v: number, r: Income) => withLinkageSource(k, v, r),
          })),
          { title: t('income.memberCount'), dataIndex: 'memberCount', align: 'right' },
          { title: t('income.net'), dataIndex: 'netIncome', align: 'right', render: yuan },
          { title: t('income.perCapita'), dataIndex: 'perCapita', align: 'right', render: (v?: number) => <Typography.Text strong>{yuan(v)}</Typography.Text> },
          {
            title: lang === 'zh' ? '当年监测范围' : 'Monitoring line',
            key: 'line',
            render: (_: unknown, r: Income) => <IncomeLineTag regionCode={household.regionCode} year={r.year} perCapita={r.perCapita} />,
          },
          {
            title: t('income.yoy'),
            key: 'yoy',
            align: 'right',
            render: (_, r) =>
              r.yoyChange === null || r.yoyChange === undefined ? (
                '—'
              ) : (
                <Typography.Text type={r.yoyChange < 0 ? 'danger' : 'success'}>
                  {r.yoyChange > 0 ? '+' : ''}
                  {yuan(r.yoyChange)} ({formatChange(r.yoyRate)})
                </Typography.Text>
              ),
          },
          ...(writable
            ? [
                {
                  title: t('common.actions'),
                  key: 'a',
                  render: (_: unknown, r: Income) => (
                    <Button type="link" size="small" onClick={() => edit(r)} aria-label={`${t('income.edit')} ${r.year}`}>
                      {t('common.edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={open}
        title={adding ? t('income.add') : `${t('income.edit')} · ${values?.year ?? ''}`}
        onCancel={() => setOpen(false)}
        onOk={() => void handleSave()}
        confirmLoading={save.isPending}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        forceRender
        width={720}
      >
        {save.error ? <ErrorAlert error={save.error} /> : null}
        <Form form={form} layout="vertical">
          <Row gutter={12}>
            <Col xs={12} md={8}>
              <Form.Item name="year" label={t('income.year')} rules={[{ required: true }]}>
                {/* a recorded year cannot be chosen here: it is edited from its row */}
                <Select disabled={!adding} options={yearOptions} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item name="memberCount" label={t('income.memberCount')} rules={[{ required: true }]}>
                <InputNumber min={1} max={50} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            {[...AMOUNTS, ...CLAIMS].map((k) => (
              <Col xs={12} md={8} key={k}>
                <Form.Item name={k} label={`${t(`income.${k}` as MessageKey)}（${t('income.unit')}）`} rules={[{ required: true }]}>
                  <InputNumber min={0} precision={2} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            ))}
          </Row>
          <Row gutter={12}>
            <Col xs={12}>
              <Statistic title={t('income.net')} value={preview ? yuan(preview.netIncome) : '—'} />
            </Col>
            <Col xs={12}>
              <Statistic title={t('income.perCapita')} value={preview ? yuan(preview.perCapita) : '—'} />
            </Col>
          </Row>
        </Form>
      </Modal>
    </>
  );
}
