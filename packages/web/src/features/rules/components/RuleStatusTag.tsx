import { Tag } from 'antd';
import { useI18n, type MessageKey } from '../../../lib/i18n.tsx';
import { STATUS_COLOR } from '../rule-format.ts';

/** 达标 / 未达标 / 不适用 / 不在适用年度 / 暂未实现 as a coloured tag. */
export function RuleStatusTag({ status }: { status: string }) {
  const { t } = useI18n();
  const known = status in STATUS_COLOR;
  return (
    <Tag color={STATUS_COLOR[status] ?? 'default'} data-status={status} style={{ marginInlineEnd: 0 }}>
      {known ? t(`rules.status.${status}` as MessageKey) : t('rules.status.unknown')}
    </Tag>
  );
}
