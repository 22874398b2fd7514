import type { DistributionView } from '@chanbang/domain';
import { Alert, App, Form, InputNumber, Modal, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { errorText } from '../../../lib/error-text.ts';
import { formatPercent, formatYuan } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { RegionSelect } from '../../../ui/RegionSelect.tsx';
import { useDistributionBasis, useDistributionMutations } from '../api.ts';

type Values = { regionCode?: string; year?: number; half: 1 | 2 | 0; collectiveIncomeYuan?: number | null; amountYuan?: number | null };

/**
 * 拟定分配: village, year and period; the basis (the income of the collective's assets in the period, the 脱贫/监测
 * households, the pack's share) is shown before the officer proposes; income and amount default from it.
 */
export function ProposeModal({ open, onClose, onSaved, regionCode }: { open: boolean; onClose: () => void; onSaved: (d: DistributionView) => void; regionCode?: string }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const i18n = useI18n();
  const [form] = Form.useForm<Values>();
  const lastYear = new Date().getFullYear() - (new Date().getMonth() < 6 ? 1 : 0);
  const initial: Values = { regionCode, year: lastYear, half: new Date().getMonth() < 6 ? 2 : 1 };
  const [v, setV] = useState<Values>(initial);
  const half = v.half === 0 ? null : v.half;
  const basis = useDistributionBasis(v.regionCode, v.year, half);
  const { propose } = useDistributionMutations();
  const b = basis.data;

  const submit = async () => {
    const f = await form.validateFields();
    try {
      const d = await propose.mutateAsync({
        regionCode: f.regionCode!,
        year: f.year!,
        half: f.half === 0 ? null : f.half,
        ...(f.collectiveIncomeYuan ? { collectiveIncomeYuan: f.collectiveIncomeYuan } : {}),
        ...(f.amountYuan ? { amountYuan: f.amountYuan } : {}),
      });
      form.resetFields();
      onSaved(d);
    } catch (err) {
      message.error(errorText(err, i18n));
    }
  };

  return (
    <Modal
      open={open}
      title={t('dist.propose')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('dist.propose')}
      confirmLoading={propose.isPending}
      destroyOnHidden
      width={640}
    >
      <Form form={form} layout="vertical" initialValues={initial} onValuesChange={(_, all) => setV(all)}>
        <Form.Item name="regionCode" label={t('dist.form.village')} rules={[{ required: true, message: t('dist.form.village') }]}>
          <RegionSelect aria-label={t('dist.form.village')} style={{ width: '100%' }} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="year" label={t('dist.form.year')} rules={[{ required: true }]}>
            <InputNumber min={2013} max={2100} aria-label={t('dist.form.year')} />
          </Form.Item>
          <Form.Item name="half" label={t('dist.form.half')}>
            <Select
              aria-label={t('dist.form.half')}
              style={{ width: 140 }}
              options={[
                { value: 1, label: t('dist.half.1') },
                { value: 2, label: t('dist.half.2') },
                { value: 0, label: t('dist.half.all') },
              ]}
            />
          </Form.Item>
        </Space>
        {basis.error ? <Alert type="warning" style={{ marginBottom: 12 }} message={errorText(basis.error, i18n)} /> : null}
        {b ? (
          <Alert
            type="info"
            style={{ marginBottom: 12 }}
            data-testid="dist-basis"
            message={t('dist.form.basis')}
            description={
              <>
                <div>
                  {b.assets.length ? `${t('dist.form.assets')}：${b.assets.map((a) => `${a.name} ${formatYuan(a.incomeYuan, lang)} 元`).join('；')}` : t('dist.form.noAssets')}
                </div>
                <div>
                  {t('dist.form.households', {
                    lifted: String(b.households.lifted),
                    monitored: String(b.households.monitored),
                    withLabor: String(b.households.withLabor),
                    withoutLabor: String(b.households.withoutLabor),
                  })}
                </div>
                {b.policy.noteZh ? <div>{i18n.pick(b.policy.noteZh, b.policy.noteEn ?? b.policy.noteZh)}</div> : null}
              </>
            }
          />
        ) : null}
        <Form.Item name="collectiveIncomeYuan" label={t('dist.form.income')} extra={b ? t('dist.form.incomeHint', { basis: formatYuan(b.collectiveIncomeYuan, lang) }) : undefined}>
          <InputNumber min={0.01} precision={2} style={{ width: '100%' }} aria-label={t('dist.form.income')} placeholder={b ? String(b.collectiveIncomeYuan) : undefined} />
        </Form.Item>
        <Form.Item
          name="amountYuan"
          label={t('dist.form.amount')}
          extra={b ? (b.policy.minShare === null ? t('dist.form.amountHintNoA2') : t('dist.form.amountHint', { share: formatPercent(b.policy.minShare) })) : undefined}
        >
          <InputNumber min={0} precision={2} style={{ width: '100%' }} aria-label={t('dist.form.amount')} />
        </Form.Item>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('dist.form.method')}
        </Typography.Paragraph>
      </Form>
    </Modal>
  );
}
