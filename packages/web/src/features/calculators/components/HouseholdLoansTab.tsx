import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Descriptions, Empty, Flex, Form, InputNumber, List, Modal, Popconfirm, Spin, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { formatYuan } from '../../../lib/format.ts';
import { useI18n, type MessageKey } from '../../../lib/i18n.tsx';
import type { HouseholdDetail } from '../../../lib/types.ts';
import { withVersion } from '../../../lib/versioning.ts';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { useStaleSave } from '../../../ui/StaleSave.tsx';
import { useHouseholdLoans, useLoanMutations, useReloadLoans, type LoanView } from '../api.ts';
import { LoanFormModal, loanInput, type LoanFormValues } from './LoanFormModal.tsx';

export type HouseholdLoansTabProps = { household: HouseholdDetail; writable: boolean };

type RepayValues = { paidOn: Dayjs; principalYuan?: number; interestYuan?: number };
const STATUS_COLOR: Record<string, string> = { active: 'blue', repaid: 'green', overdue: 'red' };

/** 小额信贷 of the household: loans with their repayments and the subsidy from their schedule; add, edit, repay. */
export function HouseholdLoansTab({ household, writable }: HouseholdLoansTabProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const loans = useHouseholdLoans(household.id);
  const mutations = useLoanMutations(household.id);
  const reload = useReloadLoans(household.id);
  const stale = useStaleSave();
  const [editing, setEditing] = useState<LoanView | 'new' | null>(null);
  const [repaying, setRepaying] = useState<LoanView | null>(null);
  const [form] = Form.useForm<LoanFormValues>();
  const [repayForm] = Form.useForm<RepayValues>();
  const yuan = (v: number) => formatYuan(v, i18n.lang);

  /** 重新载入: the loan as stored now becomes the base of the next save (closed when it is gone). */
  const reloadEditing = async () => {
    const fresh = (await reload()).items.find((l) => editing !== 'new' && l.id === editing?.id);
    setEditing(fresh ?? null);
  };
  const save = async (v: LoanFormValues) => {
    const input = loanInput(v);
    try {
      if (editing === 'new') await mutations.add.mutateAsync(input);
      else if (editing) await mutations.update.mutateAsync(withVersion({ id: editing.id, ...input }, editing));
      message.success(t('common.saved'));
      setEditing(null);
    } catch (err) {
      stale.fail(err, reloadEditing);
    }
  };
  const repay = async () => {
    const v = await repayForm.validateFields();
    try {
      await mutations.repay.mutateAsync({ loanId: repaying!.id, paidOn: v.paidOn.format('YYYY-MM-DD'), principalYuan: v.principalYuan ?? 0, interestYuan: v.interestYuan ?? 0 });
      message.success(t('common.saved'));
      setRepaying(null);
    } catch (err) {
      stale.fail(err, reload);
    }
  };
  const openRepay = (l: LoanView) => {
    repayForm.resetFields();
    repayForm.setFieldsValue({ paidOn: dayjs() });
    setRepaying(l);
  };

  if (loans.isLoading) return <Spin />;
  if (loans.error) return <ErrorAlert error={loans.error} />;
  const items = loans.data?.items ?? [];
  return (
    <>
      {writable ? (
        <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} style={{ marginBottom: 12 }}>
          {t('calculators.loans.add')}
        </Button>
      ) : null}
      {items.length === 0 ? <Empty description={t('calculators.loans.empty')} /> : null}
      <Flex vertical gap={12}>
        {items.map((l) => (
          <Card
            key={l.id}
            size="small"
            aria-label={`${t('calculators.loans.amount')} ${l.amountYuan}`}
            title={
              <Flex gap={8} wrap align="center">
                <span>{l.borrowerName ? `${t('calculators.loans.borrower')}：${l.borrowerName}` : t('calculators.loans.noBorrower')}</span>
                <span>{t('calculators.yuan', { amount: yuan(l.amountYuan) })}</span>
                <Tag color={STATUS_COLOR[l.status] ?? 'default'}>{t(`calculators.status.${l.status}` as MessageKey)}</Tag>
              </Flex>
            }
            extra={
              writable ? (
                <Flex gap={4} wrap>
                  <Button size="small" type="link" onClick={() => setEditing(l)}>
                    {t('common.edit')}
                  </Button>
                  <Button size="small" type="link" onClick={() => openRepay(l)}>
                    {t('calculators.loans.repay')}
                  </Button>
                </Flex>
              ) : null
            }
          >
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 2, lg: 3 }}
              items={[
                { key: 'subsidy', label: t('calculators.loans.subsidy'), children: <Typography.Text strong>{yuan(l.interestSubsidyYuan)}</Typography.Text> },
                { key: 'out', label: t('calculators.loans.outstanding'), children: yuan(l.outstandingYuan) },
                { key: 'term', label: t('calculators.loans.termMonths'), children: l.termMonths },
                { key: 'rate', label: t('calculators.loans.rate'), children: `${l.annualRate}%` },
                { key: 'start', label: t('calculators.loans.startDate'), children: l.startDate },
                { key: 'mat', label: t('calculators.loans.maturityDate'), children: l.maturityDate },
                { key: 'needs', label: t('calculators.loans.needs'), children: l.needsAndCanRepay ? t('common.yes') : t('common.no') },
                { key: 'purpose', label: t('calculators.loans.purpose'), children: l.purpose ?? '—' },
                { key: 'lender', label: t('calculators.loans.lender'), children: l.lender ?? '—' },
              ]}
            />
            {l.warnings.map((w) => (
              <Typography.Paragraph key={w.messageZh} type="warning" style={{ marginBottom: 4 }}>
                {i18n.pick(w.messageZh, w.messageEn)}
              </Typography.Paragraph>
            ))}
            <Typography.Text type="secondary">{t('calculators.loans.schedule')}</Typography.Text>
            <ul style={{ margin: '4px 0 8px', paddingInlineStart: 18 }}>
              {l.schedule.map((s) => (
                <li key={s.from}>
                  {t('calculators.loans.segment', { from: s.from, to: s.to, principal: yuan(s.subsidisedYuan), months: s.months, days: s.days, interest: yuan(s.interestYuan) })}
                </li>
              ))}
            </ul>
            <Typography.Text type="secondary">{t('calculators.loans.repayments')}</Typography.Text>
            <List
              size="small"
              dataSource={l.repayments}
              locale={{ emptyText: t('calculators.loans.noRepayments') }}
              renderItem={(r) => (
                <List.Item
                  actions={
                    writable
                      ? [
                          <Popconfirm
                            key="d"
                            title={t('common.confirmDelete')}
                            okText={t('common.ok')}
                            cancelText={t('common.cancel')}
                            onConfirm={() =>
                              mutations.removeRepayment.mutate(r, { onSuccess: () => message.success(t('common.deleted')), onError: (err) => stale.fail(err, reload) })
                            }
                          >
                            <Button size="small" type="link" danger aria-label={`${t('common.delete')} ${r.paidOn}`}>
                              {t('common.delete')}
                            </Button>
                          </Popconfirm>,
                        ]
                      : []
                  }
                >
                  <Flex gap={12} wrap>
                    <span>{r.paidOn}</span>
                    <span>
                      {t('calculators.loans.principal')} {yuan(r.principalYuan)}
                    </span>
                    <span>
                      {t('calculators.loans.interest')} {yuan(r.interestYuan)}
                    </span>
                  </Flex>
                </List.Item>
              )}
            />
            {l.clause ? <Typography.Text type="secondary">{t('calculators.clause', { clause: l.clause })}</Typography.Text> : null}
          </Card>
        ))}
      </Flex>
      <LoanFormModal
        household={household}
        editing={editing}
        saving={mutations.add.isPending || mutations.update.isPending}
        onCancel={() => setEditing(null)}
        onSave={(v) => void save(v)}
        form={form}
      />
      <Modal
        open={repaying !== null}
        title={t('calculators.loans.repay')}
        onCancel={() => setRepaying(null)}
        onOk={() => void repay()}
        confirmLoading={mutations.repay.isPending}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        forceRender
      >
        <Form form={repayForm} layout="vertical">
          <Form.Item name="paidOn" label={t('calculators.loans.paidOn')} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="principalYuan" label={t('calculators.loans.principal')}>
            <InputNumber min={0} precision={2} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="interestYuan" label={t('calculators.loans.interest')}>
            <InputNumber min={0} precision={2} style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
