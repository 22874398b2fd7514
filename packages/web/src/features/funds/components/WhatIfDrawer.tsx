import { Alert, App, Button, Drawer, Flex, InputNumber, Select, Table, Tabs, Typography } from 'antd';
import { ArrowRightOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { errorText } from '../../../lib/error-text.ts';
import { formatYuan } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { useStaleSave } from '../../../ui/StaleSave.tsx';
import { useIsMobile } from '../../../ui/use-is-mobile.ts';
import { useDict } from '../../dictionaries/api.ts';
import { useFundAllocations, useFundWrites, useFundableProjects, whatIf, type FundRuleOutcome, type WhatIfResult } from '../api.ts';
import { StatusTag, ruleFigure } from './FundCharts.tsx';

type ProjectMove = { allocationId?: number; toProjectId?: number; amountYuan?: number | null };
type TypeMove = { fromType?: string; toType?: string; amountYuan?: number | null };
type Row = { ruleId: string; before: FundRuleOutcome; after: FundRuleOutcome };

/**
 * 资金调整试算: moves between projects (or project types) in a draft; 试算 shows each rule before → after, the ones
 * turning 未达标 in red; 放弃 drops the draft, 保存 writes the project moves as allocation edits (versions, one confirm).
 */
export function WhatIfDrawer({ open, onClose, regionCode, year, writable }: { open: boolean; onClose: () => void; regionCode: string; year: number; writable: boolean }) {
  const i18n = useI18n();
  const { t, pick, lang } = i18n;
  const dict = useDict();
  const mobile = useIsMobile();
  const { message, modal } = App.useApp();
  const stale = useStaleSave();
  const allocations = useFundAllocations({ regionCode, year });
  const projects = useFundableProjects({ regionCode, year });
  const writes = useFundWrites();
  const [tab, setTab] = useState<'project' | 'type'>('project');
  const [moves, setMoves] = useState<ProjectMove[]>([{}]);
  const [typeMoves, setTypeMoves] = useState<TypeMove[]>([{}]);
  const [result, setResult] = useState<WhatIfResult | null>(null);
  const [running, setRunning] = useState(false);

  const projectMoves = moves.filter((m): m is Required<ProjectMove> & { amountYuan: number } => !!m.allocationId && !!m.toProjectId && !!m.amountYuan);
  const categoryMoves = typeMoves.filter((m): m is Required<TypeMove> & { amountYuan: number } => !!m.fromType && !!m.toType && !!m.amountYuan);
  const reset = () => {
    setMoves([{}]);
    setTypeMoves([{}]);
    setResult(null);
  };
  const discard = () => {
    reset();
    onClose();
  };
  const run = async () => {
    setRunning(true);
    try {
      setResult(await whatIf({ regionCode, year, moves: tab === 'project' ? projectMoves : [], categoryMoves: tab === 'type' ? categoryMoves : [] }));
    } catch (err) {
      message.error(errorText(err, i18n));
    } finally {
      setRunning(false);
    }
  };
  const save = () => {
    const byId = new Map((allocations.data?.items ?? []).map((a) => [a.id, a]));
    modal.confirm({
      title: t('funds.whatIf.save'),
      content: t('funds.whatIf.saveConfirm', { n: projectMoves.length }),
      onOk: async () => {
        try {
          await writes.applyDraft.mutateAsync({
            moves: projectMoves.map((m) => ({
              allocationId: m.allocationId,
              version: byId.get(m.allocationId)?.version ?? 1,
              toProjectId: m.toProjectId,
              amountYuan: m.amountYuan,
            })),
          });
          message.success(t('funds.saved'));
          discard();
        } catch (err) {
          stale.fail(err, async () => {
            await allocations.refetch();
            setResult(null);
          });
        }
      },
    });
  };

  const rows: Row[] = result ? result.before.map((b) => ({ ruleId: b.ruleId, before: b, after: result.after.find((a) => a.ruleId === b.ruleId) ?? b })) : [];
  const turnsRed = (r: Row) => r.before.status !== 'not_met' && r.after.status === 'not_met';
  const allocationOptions = (allocations.data?.items ?? []).map((a) => ({ value: a.id, label: `${a.projectName} · ${a.fundSourceName} · ${formatYuan(a.amountYuan, lang)} 元` }));
  const projectOptions = (projects.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name}（${dict.label('project_type', p.projectType)}）` }));
  const typeOptions = dict
    .items('project_type')
    .filter((i) => !i.parentCode)
    .map((i) => ({ value: i.code, label: pick(i.labelZh, i.labelEn) }));
  const amount = (v: number | null | undefined, set: (n: number | null) => void, testId: string) => (
    <InputNumber
      min={0.01}
      precision={2}
      value={v ?? null}
      onChange={(n) => set(n)}
      placeholder={t('funds.whatIf.amount')}
      style={{ width: mobile ? '100%' : 150 }}
      data-testid={testId}
    />
  );

  return (
    <Drawer
      open={open}
      onClose={discard}
      title={t('funds.whatIf')}
      size={mobile ? '100%' : 720}
      data-testid="whatif-drawer"
      footer={
        <Flex gap={8} justify="flex-end">
          <Button onClick={discard} data-testid="whatif-discard">
            {t('funds.whatIf.discard')}
          </Button>
          {writable && tab === 'project' ? (
            <Button type="primary" disabled={!result || projectMoves.length === 0} onClick={save} data-testid="whatif-save">
              {t('funds.whatIf.save')}
            </Button>
          ) : null}
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary">{t('funds.whatIf.intro')}</Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(k) => {
          setTab(k as 'project' | 'type');
          setResult(null);
        }}
        items={[
          {
            key: 'project',
            label: t('funds.whatIf.byProject'),
            children: moves.map((m, i) => (
              <Flex key={i} gap={8} wrap vertical={mobile} style={{ marginBottom: 8 }}>
                <Select
                  placeholder={t('funds.whatIf.from')}
                  options={allocationOptions}
                  showSearch={{ optionFilterProp: 'label' }}
                  value={m.allocationId}
                  onChange={(v) => setMoves(moves.map((x, j) => (j === i ? { ...x, allocationId: v } : x)))}
                  style={{ minWidth: mobile ? undefined : 240, flex: 1 }}
                  data-testid={`whatif-from-${i}`}
                />
                {mobile ? null : <ArrowRightOutlined style={{ alignSelf: 'center' }} />}
                <Select
                  placeholder={t('funds.whatIf.to')}
                  options={projectOptions}
                  showSearch={{ optionFilterProp: 'label' }}
                  value={m.toProjectId}
                  onChange={(v) => setMoves(moves.map((x, j) => (j === i ? { ...x, toProjectId: v } : x)))}
                  style={{ minWidth: mobile ? undefined : 180, flex: 1 }}
                  data-testid={`whatif-to-${i}`}
                />
                {amount(m.amountYuan, (n) => setMoves(moves.map((x, j) => (j === i ? { ...x, amountYuan: n } : x))), `whatif-amount-${i}`)}
                <Button icon={<DeleteOutlined />} aria-label={t('funds.whatIf.remove')} onClick={() => setMoves(moves.filter((_, j) => j !== i))} />
              </Flex>
            )),
          },
          {
            key: 'type',
            label: t('funds.whatIf.byType'),
            children: (
              <>
                <Alert type="info" showIcon title={t('funds.whatIf.typeNotSaved')} style={{ marginBottom: 8 }} />
                {typeMoves.map((m, i) => (
                  <Flex key={i} gap={8} wrap vertical={mobile} style={{ marginBottom: 8 }}>
                    <Select
                      placeholder={t('funds.whatIf.fromType')}
                      options={typeOptions}
                      value={m.fromType}
                      onChange={(v) => setTypeMoves(typeMoves.map((x, j) => (j === i ? { ...x, fromType: v } : x)))}
                      style={{ minWidth: 180, flex: 1 }}
                    />
                    <Select
                      placeholder={t('funds.whatIf.toType')}
                      options={typeOptions}
                      value={m.toType}
                      onChange={(v) => setTypeMoves(typeMoves.map((x, j) => (j === i ? { ...x, toType: v } : x)))}
                      style={{ minWidth: 180, flex: 1 }}
                    />
                    {amount(m.amountYuan, (n) => setTypeMoves(typeMoves.map((x, j) => (j === i ? { ...x, amountYuan: n } : x))), `whatif-type-amount-${i}`)}
                    <Button icon={<DeleteOutlined />} aria-label={t('funds.whatIf.remove')} onClick={() => setTypeMoves(typeMoves.filter((_, j) => j !== i))} />
                  </Flex>
                ))}
              </>
            ),
          },
        ]}
      />
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Button icon={<PlusOutlined />} onClick={() => (tab === 'project' ? setMoves([...moves, {}]) : setTypeMoves([...typeMoves, {}]))}>
          {t('funds.whatIf.addMove')}
        </Button>
        <Button
          type="primary"
          loading={running}
          onClick={() => void run()}
          disabled={(tab === 'project' ? projectMoves.length : categoryMoves.length) === 0}
          data-testid="whatif-run"
        >
          {t('funds.whatIf.run')}
        </Button>
      </Flex>
      {result ? (
        <Table<Row>
          rowKey="ruleId"
          size="small"
          pagination={false}
          dataSource={rows}
          scroll={mobile ? { x: 'max-content' } : undefined}
          rowClassName={(r) => (turnsRed(r) ? 'whatif-turns-red' : '')}
          onRow={(r) => ({ style: turnsRed(r) ? { background: '#fff1f0' } : undefined, 'data-testid': `whatif-row-${r.ruleId}` }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('funds.rules'), key: 'rule', render: (_: unknown, r: Row) => `${r.ruleId} ${pick(r.before.titleZh, r.before.titleEn)}` },
            {
              title: t('funds.whatIf.before'),
              key: 'before',
              render: (_: unknown, r: Row) => (
                <Flex gap={4} wrap>
                  <StatusTag status={r.before.status} /> {ruleFigure(r.before, t)}
                </Flex>
              ),
            },
            {
              title: t('funds.whatIf.after'),
              key: 'after',
              render: (_: unknown, r: Row) => (
                <Flex gap={4} wrap>
                  <StatusTag status={r.after.status} testId={`whatif-after-${r.ruleId}`} /> {ruleFigure(r.after, t)}
                  {turnsRed(r) ? <Typography.Text type="danger">{t('funds.whatIf.turnsRed')}</Typography.Text> : null}
                  {r.before.status === 'not_met' && r.after.status === 'met' ? <Typography.Text type="success">{t('funds.whatIf.turnsGreen')}</Typography.Text> : null}
                </Flex>
              ),
            },
          ]}
        />
      ) : null}
    </Drawer>
  );
}
