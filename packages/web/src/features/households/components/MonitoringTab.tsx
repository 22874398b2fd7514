import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Form, Modal, Space, Steps, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { errorText } from '../../../lib/error-text.ts';
import { daysBetween, formatDate } from '../../../lib/format.ts';
import { useI18n, type MessageKey } from '../../../lib/i18n.tsx';
import type { HouseholdDetail, MonitoringCase } from '../../../lib/types.ts';
import { usePackFacts } from '../../admin/api.ts';
import { DICT, useDict } from '../../dictionaries/api.ts';
import { useMonitoringMutations, type MonitoringInput } from '../api.ts';
import { EliminateModal } from './EliminateModal.tsx';
import { MonitoringCaseForm, STEP_FIELDS } from './MonitoringCaseForm.tsx';

export type MonitoringTabProps = { household: HouseholdDetail; writable: boolean };

type FormValues = Omit<MonitoringInput, (typeof STEP_FIELDS)[number]> & Partial<Record<(typeof STEP_FIELDS)[number], Dayjs | null>>;

const STATUS_COLOR: Record<string, string> = { identifying: 'blue', monitoring: 'orange', eliminated: 'green' };

function toForm(c: MonitoringCase): FormValues {
  const out: Record<string, unknown> = { ...c };
  for (const k of STEP_FIELDS) out[k] = c[k] ? dayjs(c[k]) : null;
  return out as FormValues;
}

function fromForm(v: FormValues): MonitoringInput {
  const out: Record<string, unknown> = { ...v };
  for (const k of STEP_FIELDS) out[k] = v[k] ? v[k].format('YYYY-MM-DD') : null;
  return out as MonitoringInput;
}

/** 监测: identification steps with dates, publicity and 15-day hints, 风险消除 with the server's reasons. */
export function MonitoringTab({ household, writable }: MonitoringTabProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const dict = useDict();
  const mutations = useMonitoringMutations(household.id);
  const [editing, setEditing] = useState<MonitoringCase | 'new' | null>(null);
  const [eliminating, setEliminating] = useState<MonitoringCase | null>(null);
  const [form] = Form.useForm<FormValues>();
  const facts = usePackFacts();

  const open = (c: MonitoringCase | 'new') => {
    form.resetFields();
    form.setFieldsValue(c === 'new' ? { monitoringType: household.monitoringType ?? undefined, leadDate: dayjs() } : toForm(c));
    setEditing(c);
  };
  const handleSave = async () => {
    const v = await form.validateFields();
    try {
      if (editing === 'new') await mutations.add.mutateAsync(fromForm(v));
      else if (editing) await mutations.update.mutateAsync({ id: editing.id, ...fromForm(v) });
      message.success(t('common.saved'));
      setEditing(null);
    } catch (err) {
      message.error(errorText(err, i18n));
    }
  };

  return (
    <>
      {writable ? (
        <Button icon={<PlusOutlined />} onClick={() => open('new')} style={{ marginBottom: 12 }}>
          {t('mon.add')}
        </Button>
      ) : null}
      {household.monitoringCases.length === 0 ? <Empty description={t('common.empty')} /> : null}
      {household.monitoringCases.map((c) => {
        const publicity = daysBetween(c.publicityStart, c.publicityEnd);
        const publicityDays = publicity === null ? null : publicity + 1;
        const leadToDecision = daysBetween(c.leadDate, c.countyApprovalDate);
        const current = STEP_FIELDS.filter((k) => c[k]).length;
        return (
          <Card
            key={c.id}
            size="small"
            style={{ marginBottom: 12 }}
            title={
              <Space>
                {dict.label(DICT.monitoringType, c.monitoringType)}
                <Tag color={STATUS_COLOR[c.status] ?? 'default'}>{t(`hh.status.${c.status}` as MessageKey)}</Tag>
                {c.leadSource ? <Typography.Text type="secondary">{dict.label(DICT.leadSource, c.leadSource)}</Typography.Text> : null}
              </Space>
            }
            extra={
              writable ? (
                <Space>
                  <Button size="small" onClick={() => open(c)}>{t('common.edit')}</Button>
                  {c.status === 'monitoring' ? (
                    <Button size="small" danger onClick={() => setEliminating(c)}>{t('mon.eliminate')}</Button>
                  ) : null}
                </Space>
              ) : null
            }
          >
            <Typography.Text strong>{t('mon.steps')}</Typography.Text>
            <Steps
              size="small"
              current={current - 1}
              style={{ margin: '12px 0' }}
              items={STEP_FIELDS.map((k) => ({ title: t(`mon.${k}` as MessageKey), content: formatDate(c[k]), status: c[k] ? 'finish' : 'wait' }))}
            />
            <Space wrap>
              {publicityDays !== null ? (
                <Tag color={publicityDays >= facts.publicityMinDays ? 'green' : 'red'}>{publicityDays >= facts.publicityMinDays ? t('mon.publicityDays', { n: publicityDays }) : t('mon.publicityShort', { n: publicityDays, min: facts.publicityMinDays })}</Tag>
              ) : (
                <Typography.Text type="secondary">{t('mon.publicityHint', { min: facts.publicityMinDays })}</Typography.Text>
              )}
              {leadToDecision !== null ? <Tag color={leadToDecision <= facts.identificationMaxDays ? 'green' : 'orange'}>{t('mon.leadToDecision', { n: leadToDecision, max: facts.identificationMaxDays })}</Tag> : null}
              {c.status === 'eliminated' ? (
                <Tag color="green">
                  {dict.label(DICT.eliminationMethod, c.eliminationMethod)} · {formatDate(c.eliminationDate)}
                </Tag>
              ) : null}
            </Space>
          </Card>
        );
      })}
      <Modal open={editing !== null} title={editing === 'new' ? t('mon.add') : t('mon.edit')} onCancel={() => setEditing(null)} onOk={() => void handleSave()} confirmLoading={mutations.add.isPending || mutations.update.isPending} okText={t('common.save')} cancelText={t('common.cancel')} forceRender width={900}>
        <Form form={form} layout="vertical">
          <MonitoringCaseForm />
        </Form>
      </Modal>
      <EliminateModal householdId={household.id} monitoringCase={eliminating} onClose={() => setEliminating(null)} />
    </>
  );
}
