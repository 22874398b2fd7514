import { Typography } from 'antd';
import { formatYuan } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';

/** An amount in 元, with 万元 beside it from 10 000 元 up. */
export function AmountText({ yuan, strong }: { yuan: number; strong?: boolean }) {
  const i18n = useI18n();
  const { t } = i18n;
  const text = t('calculators.yuan', { amount: formatYuan(yuan, i18n.lang) });
  const wan = yuan >= 10_000 ? t('calculators.wan', { amount: Number((yuan / 10_000).toFixed(4)) }) : '';
  return (
    <Typography.Text strong={strong} style={strong ? { fontSize: 20 } : undefined}>
      {text}
      {wan ? <Typography.Text type="secondary">{wan}</Typography.Text> : null}
    </Typography.Text>
  );
}
