import { WarningOutlined } from '@ant-design/icons';
import { Card, Empty, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n, type MessageKey } from '../../../lib/i18n.tsx';
import { useIsMobile } from '../../../ui/use-is-mobile.ts';
import type { Dashboard } from '../../../lib/types.ts';
import { householdsLink } from '../api.ts';

export type WarningListProps = {
  regionCode: string;
  warnings: Dashboard['warnings'];
  totals?: Dashboard['warningTotals'];
  /** names of the county's rules by id: a rule's warning shows its title, never its code */
  ruleTitles?: Record<string, string>;
};

const OWN_WORDS = new Set(['H1', 'identification_overdue']);

/** Warnings (H1, overdue identification): each opens the household; the totals open the filtered list. */
export function WarningList({ regionCode, warnings, totals, ruleTitles = {} }: WarningListProps) {
  const { t, pick } = useI18n();
  const mobile = useIsMobile();
  const label = (code: string) => (OWN_WORDS.has(code) ? t(`hh.warning.${code}` as MessageKey) : (ruleTitles[code] ?? t('hh.warning')));
  const totalTags = totals ? (
    <Space wrap>
      {(Object.entries(totals) as [string, number][]).map(([code, n]) => (
        <Link key={code} to={householdsLink(undefined, { regionCode, warning: code })}>
          <Tag color={n ? 'red' : 'default'}>
            {label(code)}: {n}
          </Tag>
        </Link>
      ))}
    </Space>
  ) : null;
  return (
    <Card
      size="small"
      title={
        <span>
          <WarningOutlined style={{ color: '#d4380d' }} /> {t('dashboard.warnings')}
        </span>
      }
      extra={mobile ? null : totalTags}
    >
      {mobile && totalTags ? <div style={{ marginBottom: 8 }}>{totalTags}</div> : null}
      {warnings.length === 0 ? (
        <Empty description={t('dashboard.noWarnings')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <List
          size="small"
          aria-label={t('dashboard.warnings')}
          dataSource={warnings}
          pagination={warnings.length > 10 ? { pageSize: 10, size: 'small' } : false}
          renderItem={(w) => (
            <List.Item key={`${w.code}-${w.householdId}`}>
              <Link to={`/households/${w.householdId}`}>
                <Tag color="red">{label(w.code)}</Tag>
                <Typography.Text>{[w.headName, w.householdNo].filter(Boolean).join(' · ')} </Typography.Text>
                <Typography.Text type="secondary">{pick(w.messageZh, w.messageEn)}</Typography.Text>
              </Link>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
