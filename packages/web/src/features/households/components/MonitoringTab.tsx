import { PlusOutlined } from '@ant-design/icons';
import { actionsForStage, isCaseStage, levelOfRole, STAGE_LABELS, type CaseAction } from '@chanbang/domain';
import { Alert, App, Button, Card, Collapse, Descriptions, Empty, Form, Modal, Space, Tag, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { daysBetween, formatDate } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import type { HouseholdDetail, MonitoringCase } from '../../../lib/types.ts';
import { withVersion } from '../../../lib/versioning.ts';
import { useStaleSave } from '../../../ui/StaleSave.tsx';
import { useCurrentUser } from '../../auth/api.ts';
import { usePackFacts } from '../../admin/api.ts';
import { DICT, useDict } from '../../dictionaries/api.ts';
import { useMonitoringMutations, useReloadHousehold, type MonitoringInput } from '../api.ts';
import { CaseActionModal } from './CaseActionModal.tsx';
import { CaseStageSteps } from './CaseStageSteps.tsx';
import { EliminationPreview } from './EliminationPreview.tsx';
import { MonitoringCaseForm, type CaseFormValues } from './MonitoringCaseForm.tsx';

export type MonitoringTabProps = { household: HouseholdDetail; writable: boolean };

const STAGE_COLOR: Record<string, string> = {
  approved: 'orange',
  eliminated: 'green',
  township_review: 'blue',
  county_approval: 'blue',
  elim_township_review: 'blue',
  elim_county_approval: 'blue',
};
const RETURNS = new Set<CaseAction>(['township_return', 'county_return', 'elim_township_return', 'elim_county_return']);

function toForm(c: MonitoringCase): CaseFormValues {
  return {
    monitoringType: c.monitoringType,
    leadSource: c.leadSource ?? undefined,
    leadDate: c.leadDate ? dayjs(c.leadDate) : undefined,
    riskTypes: c.riskTypes,
    note: c.note ?? undefined,
  };
}

function fromForm(v: CaseFormValues): Partial<MonitoringInput> {
  return {
    monitoringType: v.monitoringType,
    leadSource: v.leadSource ?? null,
    leadDate: v.leadDate ? (v.leadDate as Dayjs).format('YYYY-MM-DD') : null,
    riskTypes: v.riskTypes ?? [],
    note: v.note ?? null,
  };
}

/**
 * 监测: each case's stage as a step bar, the steps the current user may take (the others disabled with the
 * reason), the return reason, the dates recorded, and the 风险消除 conditions as a preview.
 */
export function MonitoringTab({ household, writable }: MonitoringTabProps) {
  const i18n = useI18n();
  const { t, pick } = i18n;
  const { message } = App.useApp();
  const dict = useDict();
  const user = useCurrentUser();
  const level = levelOfRole(user.role);
  const facts = usePackFacts();
  const mutations = useMonitoringMutations(household.id);
  const stale = useStaleSave();
  const reloadHousehold = useReloadHousehold(household.id);
  const [editing, setEditing] = useState<MonitoringCase | 'new' | null>(null);
  const [acting, setActing] = useState<{ c: MonitoringCase; action: CaseAction } | null>(null);
  const [form] = Form.useForm<CaseFormValues>();
  const hasOpen = household.monitoringCases.some((c) => c.status !== 'eliminated');

  const open = (c: MonitoringCase | 'new') => {
    form.resetFields();
    form.setFieldsValue(c === 'new' ? { monitoringType: household.monitoringType ?? undefined, leadDate: dayjs(), riskTypes: household.riskTypes } : toForm(c));
    setEditing(c);
  };
  const handleSave = async () => {
    const v = await form.validateFields();
    try {
      if (editing === 'new') await mutations.add.mutateAsync(fromForm(v) as MonitoringInput);
      // the version of the case as the dialog was opened with
      else if (editing) await mutations.update.mutateAsync(withVersion({ id: editing.id, ...fromForm(v) }, editing));
      message.success(t('common.saved'));
      setEditing(null);
    } catch (err) {
      stale.fail(err, reloadEditing);
    }
  };
  /** 重新载入: the case as stored now, in the dialog (closed when it left the village stage). */
  const reloadEditing = async () => {
    const fresh = (await reloadHousehold()).monitoringCases.find((c) => editing !== 'new' && c.id === editing?.id);
    if (fresh && fresh.stage === 'village') open(fresh);
    else setEditing(null);
  };
  /** 重新载入 after a stale step: the case as stored now; the step's dialog stays open only if the case is still at that stage. */
  const reloadActing = async () => {
    const fresh = (await reloadHousehold()).monitoringCases.find((c) => c.id === acting?.c.id);
    setActing(fresh && acting && fresh.stage === acting.c.stage ? { c: fresh, action: acting.action } : null);
  };

  const dated = (label: string, v: string | null) =>
    v ? (
      <Descriptions.Item key={label} label={label}>
        {formatDate(v)}
      </Descriptions.Item>
    ) : null;

  return (
    <>
      {writable && !hasOpen ? (
        <Button icon={<PlusOutlined />} onClick={() => open('new')} style={{ marginBottom: 12 }} data-testid="case-add">
          {pick('发现线索，新增监测识别', 'New lead: start identification')}
        </Button>
      ) : null}
      {household.monitoringCases.length === 0 ? <Empty description={t('common.empty')} /> : null}
      {household.monitoringCases.map((c) => {
        const stage = isCaseStage(c.stage) ? c.stage : 'village';
        const returned = !!c.returnReason && (stage === 'village' || stage === 'elim_village');
        const offered = writable ? actionsForStage(stage, level) : [];
        const pubDays = daysBetween(c.publicityStart, c.publicityEnd);
        const showCheck = stage === 'approved' || stage.startsWith('elim_');
        return (
          <Card
            key={c.id}
            size="small"
            style={{ marginBottom: 12 }}
            data-testid={`case-${c.id}`}
            title={
              <Space wrap>
                {dict.label(DICT.monitoringType, c.monitoringType)}
                <Tag color={STAGE_COLOR[stage] ?? 'default'} data-testid="case-stage">
                  {pick(STAGE_LABELS[stage].zh, STAGE_LABELS[stage].en)}
                </Tag>
              </Space>
            }
            extra={
              writable && stage === 'village' ? (
                <Button size="small" onClick={() => open(c)}>
                  {t('common.edit')}
                </Button>
              ) : null
            }
          >
            <CaseStageSteps stage={stage} returned={returned} />
            {returned ? (
              <Alert
                type="error"
                showIcon
                style={{ marginBottom: 12 }}
                data-testid="return-reason"
                title={pick(`已退回，退回原因：${c.returnReason}`, `Returned: ${c.returnReason}`)}
              />
            ) : null}
            {offered.length ? (
              <Space wrap style={{ marginBottom: 12 }} data-testid="case-actions">
                {offered.map((o) => {
                  const btn = (
                    <Button
                      key={o.action}
                      type={RETURNS.has(o.action) ? 'default' : 'primary'}
                      danger={RETURNS.has(o.action)}
                      disabled={!!o.refusal}
                      onClick={() => setActing({ c, action: o.action })}
                      data-testid={`action-${o.action}`}
                    >
                      {pick(o.labelZh, o.labelEn)}
                    </Button>
                  );
                  return o.refusal ? (
                    <Tooltip key={o.action} title={pick(o.refusal.messageZh, o.refusal.messageEn)}>
                      <span>{btn}</span>
                    </Tooltip>
                  ) : (
                    btn
                  );
                })}
              </Space>
            ) : null}
            {offered.length && offered.every((o) => o.refusal) ? (
              <Typography.Paragraph type="secondary" data-testid="waiting-for">
                {pick(offered[0]!.refusal!.messageZh, offered[0]!.refusal!.messageEn)}
              </Typography.Paragraph>
            ) : null}
            <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }}>
              {c.leadSource ? <Descriptions.Item label={pick('线索来源', 'Lead source')}>{dict.label(DICT.leadSource, c.leadSource)}</Descriptions.Item> : null}
              {c.riskTypes.length ? (
                <Descriptions.Item label={pick('风险类型', 'Risk types')}>{c.riskTypes.map((r) => dict.label(DICT.riskType, r)).join('、')}</Descriptions.Item>
              ) : null}
              {[
                dated(pick('线索日期', 'Lead'), c.leadDate),
                dated(pick('入户核实', 'Home visit'), c.homeVisitDate),
                dated(pick('承诺授权书', 'Commitment signed'), c.commitmentDate),
                dated(pick('信息比对', 'Cross-check'), c.infoCheckDate),
                dated(pick('民主评议', 'Deliberation'), c.villageReviewDate),
              ]}
              {c.publicityStart ? (
                <Descriptions.Item label={pick('村内公示', 'Publicity')}>
                  {formatDate(c.publicityStart)} – {formatDate(c.publicityEnd)}
                  {pubDays !== null ? (
                    <Tag style={{ marginInlineStart: 6 }} color={pubDays + 1 >= facts.publicityMinDays ? 'green' : 'red'}>
                      {pick(`${pubDays + 1} 天`, `${pubDays + 1} days`)}
                    </Tag>
                  ) : null}
                </Descriptions.Item>
              ) : null}
              {[
                dated(pick('乡镇审核', 'Township review'), c.townshipReviewDate),
                dated(pick('县级审批', 'County approval'), c.countyApprovalDate),
                dated(pick('消除入户核实', 'Elimination home visit'), c.elimHomeVisitDate),
                dated(pick('消除公示开始', 'Elimination publicity from'), c.elimPublicityStart),
                dated(pick('消除公示结束', 'Elimination publicity to'), c.elimPublicityEnd),
                dated(pick('消除乡镇审核', 'Elimination township review'), c.elimTownshipReviewDate),
                dated(pick('消除县级审批', 'Elimination county approval'), c.elimCountyApprovalDate),
              ]}
              {c.eliminationMethod ? <Descriptions.Item label={pick('消除方式', 'Method')}>{dict.label(DICT.eliminationMethod, c.eliminationMethod)}</Descriptions.Item> : null}
              {c.note ? <Descriptions.Item label={t('mon.note')}>{c.note}</Descriptions.Item> : null}
            </Descriptions>
            {showCheck ? (
              <Collapse
                size="small"
                style={{ marginTop: 8 }}
                defaultActiveKey={stage === 'elim_county_approval' ? ['check'] : []}
                items={[
                  {
                    key: 'check',
                    label: pick('风险消除条件预检（按今日审批）', 'Risk elimination conditions (approval today)'),
                    children: <EliminationPreview caseId={c.id} date={dayjs().format('YYYY-MM-DD')} />,
                  },
                ]}
              />
            ) : null}
          </Card>
        );
      })}
      <Modal
        open={editing !== null}
        title={editing === 'new' ? pick('新增监测识别', 'New identification') : pick('编辑村级识别信息', 'Edit village facts')}
        onCancel={() => setEditing(null)}
        onOk={() => void handleSave()}
        confirmLoading={mutations.add.isPending || mutations.update.isPending}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        forceRender
      >
        <Form form={form} layout="vertical">
          <MonitoringCaseForm />
        </Form>
      </Modal>
      {acting ? (
        <CaseActionModal
          householdId={household.id}
          monitoringCase={acting.c}
          action={acting.action}
          onClose={() => setActing(null)}
          reload={reloadActing}
          flags={{ housingSecure: household.housingSecure, waterSecure: household.waterSecure, educationSecure: household.educationSecure, medicalSecure: household.medicalSecure }}
        />
      ) : null}
    </>
  );
}
