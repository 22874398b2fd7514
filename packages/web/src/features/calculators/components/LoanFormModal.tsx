import { Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select, Switch, Typography } from 'antd';
import { addMonths, checkC1, findPack, type LoanCreate } from '@chanbang/domain';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo } from 'react';
import { formatYuan } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import type { HouseholdDetail } from '../../../lib/types.ts';
import { useActivePack } from '../../admin/api.ts';
import type { LoanView } from '../api.ts';
import { NoticeList } from './NoticeList.tsx';

export type LoanFormValues = Omit<LoanCreate, 'startDate' | 'maturityDate'> & { startDate?: Dayjs | null; maturityDate?: Dayjs | null };

/** The form values as the API takes them. */
export function loanInput(v: LoanFormValues): LoanCreate {
  return {
    ...v,
    personId: v.personId ?? null,
    startDate: v.startDate!.format('YYYY-MM-DD'),
    ...(v.maturityDate ? { maturityDate: v.maturityDate.format('YYYY-MM-DD') } : { maturityDate: undefined }),
  };
}

type Props = {
  household: HouseholdDetail;
  /** 'new' or the loan being edited */
  editing: LoanView | 'new' | null;
  saving: boolean;
  onCancel: () => void;
  onSave: (v: LoanFormValues) => void;
  form: ReturnType<typeof Form.useForm<LoanFormValues>>[0];
};

/**
 * Add or edit a loan. As the officer types, the domain's C1 check (002 §二(四)2, the county's active pack) shows
 * the refusals in red, the warnings in orange and the subsidy of the usual schedule — the same rules the server
 * applies on save.
 */
export function LoanFormModal({ household, editing, saving, onCancel, onSave, form }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const active = useActivePack();
  const cfg = useMemo(() => findPack(active.data ?? '')?.rules.find((r) => r.ruleId === 'C1'), [active.data]);
  const values = Form.useWatch([], form) as LoanFormValues | undefined;
  const members = household.members.filter((m) => !m.exitReason);

  useEffect(() => {
    if (editing === null) return;
    form.resetFields();
    if (editing === 'new') form.setFieldsValue({ termMonths: 36, needsAndCanRepay: false, startDate: dayjs() });
    else form.setFieldsValue({ ...editing, startDate: dayjs(editing.startDate), maturityDate: dayjs(editing.maturityDate) });
  }, [editing, form]);

  const check = useMemo(() => {
    if (!cfg || !values || typeof values.amountYuan !== 'number' || typeof values.termMonths !== 'number' || typeof values.annualRate !== 'number') return null;
    const borrower = members.find((m) => m.id === values.personId);
    return checkC1(cfg, {
      amountFen: Math.round(values.amountYuan * 100),
      termMonths: values.termMonths,
      rateBp: Math.round(values.annualRate * 100),
      needsAndCanRepay: !!values.needsAndCanRepay,
      borrowerBirthDate: borrower?.birthDate ?? null,
      onDate: values.startDate ? values.startDate.format('YYYY-MM-DD') : null,
      household: { isLifted: household.isLifted, monitoringType: household.monitoringType ?? null, householdType: household.householdType },
    });
  }, [cfg, values, members, household]);
  const maturityPlaceholder = values?.startDate && values.termMonths ? addMonths(values.startDate.format('YYYY-MM-DD'), values.termMonths) : undefined;

  return (
    <Modal
      open={editing !== null}
      title={editing === 'new' ? t('calculators.loans.add') : t('calculators.loans.edit')}
      onCancel={onCancel}
      onOk={() => void form.validateFields().then(onSave)}
      confirmLoading={saving}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: check !== null && !check.accepted }}
      forceRender
      width={720}
    >
      {cfg ? null : <Typography.Text type="warning">{t('calculators.loans.noPack')}</Typography.Text>}
      <Form form={form} layout="vertical">
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="personId" label={t('calculators.loans.borrower')}>
              <Select allowClear options={members.map((m) => ({ value: m.id, label: m.name }))} aria-label={t('calculators.loans.borrower')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="amountYuan" label={t('calculators.loans.amount')} rules={[{ required: true }]}>
              <InputNumber min={0} precision={2} style={{ width: '100%' }} aria-label={t('calculators.loans.amount')} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item name="termMonths" label={t('calculators.loans.termMonths')} rules={[{ required: true }]}>
              <InputNumber min={1} max={360} precision={0} style={{ width: '100%' }} aria-label={t('calculators.loans.termMonths')} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item name="annualRate" label={t('calculators.loans.rate')} rules={[{ required: true }]}>
              <InputNumber min={0.01} max={99.99} step={0.05} precision={2} style={{ width: '100%' }} aria-label={t('calculators.loans.rate')} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item name="startDate" label={t('calculators.loans.startDate')} rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} aria-label={t('calculators.loans.startDate')} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item name="maturityDate" label={t('calculators.loans.maturityDate')} tooltip={t('calculators.loans.maturityHelp')}>
              <DatePicker style={{ width: '100%' }} placeholder={maturityPlaceholder} aria-label={t('calculators.loans.maturityDate')} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="needsAndCanRepay" label={t('calculators.loans.needs')} valuePropName="checked">
              <Switch aria-label={t('calculators.loans.needs')} />
            </Form.Item>
          </Col>
          {check ? (
            <Col span={24} style={{ marginBottom: 12 }}>
              <NoticeList items={check.refusals} type="error" title={t('calculators.loans.refusedTitle')} />
              <NoticeList items={check.warnings} type="warning" />
              {check.accepted ? (
                <Typography.Paragraph style={{ marginTop: 8 }} aria-live="polite">
                  {t('calculators.loans.preview', { amount: formatYuan(check.interestSubsidyFen / 100, i18n.lang) })}
                </Typography.Paragraph>
              ) : null}
            </Col>
          ) : null}
          <Col xs={24} sm={12}>
            <Form.Item name="purpose" label={t('calculators.loans.purpose')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="lender" label={t('calculators.loans.lender')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="note" label={t('calculators.loans.note')}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
