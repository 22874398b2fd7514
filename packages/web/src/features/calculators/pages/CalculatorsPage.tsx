import { Alert, Button, Card, Col, Flex, Form, InputNumber, Row, Select, Switch, Tag, Typography } from 'antd';
import { POLICY_PACKS, S1_KINDS, type S1Kind } from '@chanbang/domain';
import { useEffect, useMemo } from 'react';
import { errorText } from '../../../lib/error-text.ts';
import { useI18n, type MessageKey } from '../../../lib/i18n.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useActivePack } from '../../admin/api.ts';
import { useC1Calc, useS1Calc } from '../api.ts';
import { AmountText } from '../components/AmountText.tsx';
import { NoticeList } from '../components/NoticeList.tsx';

/** Packs that set a rule, the county's active one first. */
function usePacksWith(ruleId: 'S1' | 'C1') {
  const active = useActivePack();
  return useMemo(() => {
    const packs = POLICY_PACKS.filter((p) => p.rules.some((r) => r.ruleId === ruleId));
    const first = packs.find((p) => p.id === active.data) ?? packs[0];
    return { packs, defaultId: first?.id };
  }, [active.data, ruleId]);
}

function PackSelect({ ruleId }: { ruleId: 'S1' | 'C1' }) {
  const { pick, t } = useI18n();
  const { packs } = usePacksWith(ruleId);
  return (
    <Form.Item name="packId" label={t('calculators.pack')} rules={[{ required: true }]}>
      <Select options={packs.map((p) => ({ value: p.id, label: pick(p.nameZh, p.nameEn) }))} aria-label={t('calculators.pack')} />
    </Form.Item>
  );
}

type S1Values = { packId: string; kind: S1Kind; areaMu: number; claimedYuanPerMu?: number | null };

/** S1 设施农业补助: kind, 亩 and (for renovation) the claim per 亩 → eligible, amount, working and clause. */
function S1Card() {
  const i18n = useI18n();
  const { t, pick } = i18n;
  const [form] = Form.useForm<S1Values>();
  const { defaultId } = usePacksWith('S1');
  const calc = useS1Calc();
  const kind = Form.useWatch('kind', form);
  useEffect(() => {
    if (defaultId && !form.getFieldValue('packId')) form.setFieldValue('packId', defaultId);
  }, [defaultId, form]);
  const submit = (v: S1Values) => calc.mutate({ ...v, claimedYuanPerMu: v.kind === 'greenhouse_renovation' ? (v.claimedYuanPerMu ?? null) : null });
  const r = calc.data;
  return (
    <Card title={t('calculators.s1.title')} aria-label={t('calculators.s1.title')}>
      {defaultId ? null : <Alert type="info" title={t('calculators.noRule')} />}
      <Form form={form} layout="vertical" initialValues={{ kind: 'solar_greenhouse' }} onFinish={submit} onValuesChange={() => calc.reset()}>
        <PackSelect ruleId="S1" />
        <Form.Item name="kind" label={t('calculators.s1.kind')} rules={[{ required: true }]}>
          <Select options={S1_KINDS.map((k) => ({ value: k, label: t(`calculators.kind.${k}` as MessageKey) }))} aria-label={t('calculators.s1.kind')} />
        </Form.Item>
        <Form.Item
          name="areaMu"
          label={t('calculators.s1.area')}
          rules={[{ required: true }]}
          extra={kind === 'cool_season_vegetables' ? t('calculators.s1.areaHelpCold') : undefined}
        >
          <InputNumber min={0} max={100_000} precision={2} style={{ width: '100%' }} aria-label={t('calculators.s1.area')} />
        </Form.Item>
        {kind === 'greenhouse_renovation' ? (
          <Form.Item name="claimedYuanPerMu" label={t('calculators.s1.claimed')} extra={t('calculators.s1.claimedHelp')}>
            <InputNumber min={0} precision={2} style={{ width: '100%' }} aria-label={t('calculators.s1.claimed')} />
          </Form.Item>
        ) : null}
        <Button type="primary" htmlType="submit" loading={calc.isPending} disabled={!defaultId}>
          {t('calculators.calculate')}
        </Button>
      </Form>
      {calc.error ? <Alert type="error" title={errorText(calc.error, i18n)} style={{ marginTop: 12 }} /> : null}
      {r ? (
        <Flex vertical gap={8} style={{ marginTop: 16 }} aria-label={t('calculators.s1.amount')} role="region">
          <Flex gap={8} align="center" wrap>
            <Tag color={r.eligible ? 'green' : 'red'}>{r.eligible ? t('calculators.s1.eligible') : t('calculators.s1.ineligible')}</Tag>
            <AmountText yuan={r.amountYuan} strong />
          </Flex>
          {r.eligible ? null : <Typography.Text type="danger">{pick(r.reasonZh, r.reasonEn)}</Typography.Text>}
          {r.steps.length ? (
            <div>
              <Typography.Text type="secondary">{t('calculators.steps')}</Typography.Text>
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {(i18n.lang === 'zh' ? r.steps : r.stepsEn).map((s) => (
                  <li key={s}>{s}</li>
                ))}
              </ul>
            </div>
          ) : null}
          <Typography.Text type="secondary">{t('calculators.clause', { clause: r.clause })}</Typography.Text>
        </Flex>
      ) : null}
    </Card>
  );
}

type C1Values = { packId: string; amountYuan: number; termYears: number; annualRate: number; needsAndCanRepay: boolean };

/** C1 小额信贷: amount, term, rate, 有需求能还款 → accepted or refused with the reasons, warnings, subsidy. */
function C1Card() {
  const i18n = useI18n();
  const { t } = i18n;
  const [form] = Form.useForm<C1Values>();
  const { defaultId } = usePacksWith('C1');
  const calc = useC1Calc();
  useEffect(() => {
    if (defaultId && !form.getFieldValue('packId')) form.setFieldValue('packId', defaultId);
  }, [defaultId, form]);
  const r = calc.data;
  return (
    <Card title={t('calculators.c1.title')} aria-label={t('calculators.c1.title')}>
      {defaultId ? null : <Alert type="info" title={t('calculators.noRule')} />}
      <Form form={form} layout="vertical" initialValues={{ termYears: 3, needsAndCanRepay: false }} onFinish={(v) => calc.mutate(v)} onValuesChange={() => calc.reset()}>
        <PackSelect ruleId="C1" />
        <Form.Item name="amountYuan" label={t('calculators.c1.amount')} rules={[{ required: true }]}>
          <InputNumber min={0} precision={2} style={{ width: '100%' }} aria-label={t('calculators.c1.amount')} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="termYears" label={t('calculators.c1.termYears')} rules={[{ required: true }]}>
              <InputNumber min={0.25} max={30} step={0.5} precision={2} style={{ width: '100%' }} aria-label={t('calculators.c1.termYears')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="annualRate" label={t('calculators.c1.rate')} rules={[{ required: true }]} extra={t('calculators.c1.rateHelp')}>
              <InputNumber min={0.01} max={99.99} step={0.05} precision={2} style={{ width: '100%' }} aria-label={t('calculators.c1.rate')} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="needsAndCanRepay" label={t('calculators.c1.needs')} valuePropName="checked">
          <Switch aria-label={t('calculators.c1.needs')} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={calc.isPending} disabled={!defaultId}>
          {t('calculators.calculate')}
        </Button>
      </Form>
      {calc.error ? <Alert type="error" title={errorText(calc.error, i18n)} style={{ marginTop: 12 }} /> : null}
      {r ? (
        <Flex vertical gap={8} style={{ marginTop: 16 }} role="region" aria-label={t('calculators.c1.subsidy')}>
          <Flex gap={8} align="center" wrap>
            <Tag color={r.accepted ? 'green' : 'red'}>{r.accepted ? t('calculators.c1.accepted') : t('calculators.c1.refused')}</Tag>
          </Flex>
          <NoticeList items={r.refusals} type="error" />
          <NoticeList items={r.warnings} type="warning" />
          {r.accepted ? (
            <div>
              <Typography.Text type="secondary">{t('calculators.c1.subsidy')}：</Typography.Text>
              <AmountText yuan={r.interestSubsidyYuan} strong />
              <div>
                <Typography.Text type="secondary">{t('calculators.c1.subsidyNote')}</Typography.Text>
              </div>
              {(i18n.lang === 'zh' ? r.steps : r.stepsEn).map((s) => (
                <div key={s}>{s}</div>
              ))}
            </div>
          ) : null}
          <Typography.Text type="secondary">{t('calculators.clause', { clause: r.clause })}</Typography.Text>
        </Flex>
      ) : null}
    </Card>
  );
}

/** 测算工具 (/industry/calculators): the S1 and C1 calculators side by side, stacked on phones. */
export function CalculatorsPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('calculators.title')} subtitle={t('calculators.subtitle')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <S1Card />
        </Col>
        <Col xs={24} lg={12}>
          <C1Card />
        </Col>
      </Row>
    </>
  );
}
