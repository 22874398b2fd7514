import { WarningOutlined } from '@ant-design/icons';
import { Card, Empty, List, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../lib/i18n.tsx';
import type { DashboardWarning } from '../../../lib/types.ts';

export type WarningListProps = { regionCode: string; warnings: DashboardWarning[] };

function linkOf(w: DashboardWarning, regionCode: string): string {
  if (w.householdId) return `/households/${w.householdId}`;
  const qs = new URLSearchParams({ regionCode: w.regionCode ?? regionCode });
  if (w.ruleId) qs.set('warning', w.ruleId);
  return `/households?${qs.toString()}`;
}

/** Warnings from the active policy pack; each opens the household or the filtered list. */
export function WarningList({ regionCode, warnings }: WarningListProps) {
  const { t, pick } = useI18n();
  return (
    <Card size="small" title={<span><WarningOutlined style={{ color: '#d4380d' }} /> {t('dashboard.warnings')}</span>}>
      {warnings.length === 0 ? (
        <Empty description={t('dashboard.noWarnings')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <List
          size="small"
          aria-label={t('dashboard.warnings')}
          dataSource={warnings.slice(0, 50)}
          pagination={warnings.length > 10 ? { pageSize: 10, size: 'small' } : false}
          renderItem={(w, idx) => (
            <List.Item key={`${w.ruleId}-${w.householdId ?? w.regionCode}-${idx}`}>
              <Link to={linkOf(w, regionCode)}>
                {w.ruleId ? <Tag color="red">{w.ruleId}</Tag> : null}
                <Typography.Text>{[w.regionName, w.headName ?? w.householdNo].filter(Boolean).join(' · ')} </Typography.Text>
                <Typography.Text type="secondary">{pick(w.messageZh, w.messageEn)}</Typography.Text>
                {w.count ? <Tag style={{ marginInlineStart: 8 }}>{w.count}</Tag> : null}
              </Link>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
