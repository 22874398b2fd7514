import { FilterOutlined } from '@ant-design/icons';
import { Badge, Button, Card, DatePicker, Flex, Input, Select, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ACTION_LABELS, ENTITY_LABELS, HOUSEHOLD_ENTITY_TYPES, type Label } from '../../../lib/field-labels.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import type { AuditEntry } from '../../../lib/types.ts';
import { useSearchState } from '../../../lib/use-search-state.ts';
import { AuditChanges, useChangeRows } from '../../../ui/AuditChanges.tsx';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { ResponsiveTable } from '../../../ui/ResponsiveTable.tsx';
import { useIsMobile } from '../../../ui/use-is-mobile.ts';
import { AUDIT_FILTER_KEYS, useAuditLog } from '../api.ts';

const ACTION_COLOR: Record<string, string> = { create: 'green', update: 'blue', delete: 'red', import: 'purple', eliminate: 'gold', export: 'cyan', login: 'default' };

/** 审计日志: who did what to which household, in words; filters in the URL; each row expands to its changes. */
export function AuditLogPage() {
  const { t, pick } = useI18n();
  const mobile = useIsMobile();
  const rowsOf = useChangeRows();
  const [filtersOpen, setFiltersOpen] = useState(false);
  const words = (map: Record<string, Label>, code: string) => {
    const l = map[code];
    return l ? pick(l[0], l[1]) : pick('其他', 'Other');
  };
  const [filters, setFilters] = useSearchState(AUDIT_FILTER_KEYS);
  const { data, isFetching, error, refetch } = useAuditLog(filters);
  const page = Number(filters.page ?? 1);
  const pageSize = Number(filters.pageSize ?? 20);
  const width = mobile ? '100%' : 180;
  const search = (key: 'actor' | 'householdNo', label: string) => (
    <Input.Search
      key={`${key}-${filters[key] ?? ''}`}
      aria-label={label}
      placeholder={label}
      allowClear
      defaultValue={filters[key]}
      onSearch={(v) => setFilters({ [key]: v.trim() || undefined })}
      style={{ width }}
    />
  );
  const options = (map: Record<string, Label>) => Object.entries(map).map(([value, l]) => ({ value, label: pick(l[0], l[1]) }));

  const householdCell = (e: AuditEntry) => {
    if (!e.householdId && !e.householdNo) return HOUSEHOLD_ENTITY_TYPES.includes(e.entityType) ? '—' : null;
    const text = [e.householdHeadName, e.householdNo].filter(Boolean).join(' · ') || '—';
    return e.householdId ? <Link to={`/households/${e.householdId}`}>{text}</Link> : text;
  };

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        extra={
          mobile ? (
            <Badge dot={['action', 'entityType', 'actor', 'householdNo', 'from'].some((k) => filters[k as keyof typeof filters])}>
              <Button icon={<FilterOutlined />} aria-expanded={filtersOpen} onClick={() => setFiltersOpen((o) => !o)}>
                {t('hh.filters')}
              </Button>
            </Badge>
          ) : null
        }
      />
      <Card size="small">
        <Flex gap={8} wrap vertical={mobile} style={{ marginBottom: 12, display: mobile && !filtersOpen ? 'none' : undefined }} role="search">
          <Select
            aria-label={t('audit.action')}
            placeholder={t('audit.action')}
            allowClear
            value={filters.action}
            onChange={(v?: string) => setFilters({ action: v })}
            options={options(ACTION_LABELS)}
            style={{ width }}
          />
          <Select
            aria-label={t('audit.entityType')}
            placeholder={t('audit.entityType')}
            allowClear
            value={filters.entityType}
            onChange={(v?: string) => setFilters({ entityType: v, entityId: undefined })}
            options={options(ENTITY_LABELS)}
            style={{ width }}
          />
          {search('actor', t('audit.actorName'))}
          {search('householdNo', t('hh.no'))}
          <DatePicker.RangePicker
            aria-label={t('audit.range')}
            value={filters.from && filters.to ? [dayjs(filters.from), dayjs(filters.to)] : null}
            onChange={(r) => setFilters({ from: r?.[0]?.format('YYYY-MM-DD'), to: r?.[1]?.format('YYYY-MM-DD') })}
            style={mobile ? { width: '100%' } : undefined}
          />
          <Button onClick={() => setFilters(Object.fromEntries(AUDIT_FILTER_KEYS.map((k) => [k, undefined])))}>{t('common.reset')}</Button>
        </Flex>
        {error ? <ErrorAlert error={error} onRetry={() => void refetch()} /> : null}
        <ResponsiveTable<AuditEntry>
          rowKey="id"
          size="small"
          loading={isFetching}
          dataSource={data?.items ?? []}
          aria-label={t('audit.title')}
          cardTitle={(e) => (
            <Flex gap={8} align="center" wrap>
              <Tag color={ACTION_COLOR[e.action] ?? 'default'}>{words(ACTION_LABELS, e.action)}</Tag>
              <span>{words(ENTITY_LABELS, e.entityType)}</span>
            </Flex>
          )}
          expandable={{
            expandedRowRender: (e) => <AuditChanges entityType={e.entityType} before={e.before} after={e.after} />,
            rowExpandable: (e) => rowsOf(e.entityType, e.before, e.after).length > 0,
          }}
          pagination={{
            current: page,
            pageSize,
            total: data?.total ?? 0,
            showTotal: (n) => t('common.total', { n }),
            onChange: (p, ps) => setFilters({ page: p === 1 ? undefined : String(p), pageSize: ps === 20 ? undefined : String(ps) }, { keepPage: true }),
          }}
          columns={[
            { title: t('audit.at'), dataIndex: 'at', render: (v: string) => formatDateTime(v) },
            { title: t('audit.actorName'), dataIndex: 'actorName', render: (v: string | null | undefined) => v ?? pick('系统', 'System') },
            ...(mobile
              ? []
              : [
                  { title: t('audit.action'), dataIndex: 'action', render: (v: string) => <Tag color={ACTION_COLOR[v] ?? 'default'}>{words(ACTION_LABELS, v)}</Tag> },
                  { title: t('audit.entityType'), dataIndex: 'entityType', render: (v: string) => words(ENTITY_LABELS, v) },
                ]),
            { title: t('audit.household'), key: 'household', render: (_: unknown, e: AuditEntry) => householdCell(e) ?? <Typography.Text type="secondary">—</Typography.Text> },
          ]}
        />
      </Card>
    </>
  );
}
