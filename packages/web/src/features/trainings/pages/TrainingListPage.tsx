import { PlusOutlined } from '@ant-design/icons';
import { canWrite, type TrainingView } from '@chanbang/domain';
import { Button, Card, Flex, Input, Select, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useI18n } from '../../../lib/i18n.tsx';
import { useSearchState } from '../../../lib/use-search-state.ts';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { RegionSelect } from '../../../ui/RegionSelect.tsx';
import { ResponsiveTable } from '../../../ui/ResponsiveTable.tsx';
import { useIsMobile } from '../../../ui/use-is-mobile.ts';
import { useCurrentUser } from '../../auth/api.ts';
import { useRules } from '../../rules/api.ts';
import { useTrainings } from '../api.ts';
import { TrainingFormModal } from '../components/TrainingFormModal.tsx';

const KEYS = ['regionCode', 'year', 'q', 'page', 'pageSize'] as const;

/** 2025-04-10 至 2025-04-12, or the start alone. */
export const datesText = (t: { startsOn: string; endsOn: string | null }) => (t.endsOn && t.endsOn !== t.startsOn ? `${t.startsOn} 至 ${t.endsOn}` : t.startsOn);

/**
 * 技能培训 (issue 8 §6): the trainings organised under a region (and those above it, open to its villages), filters
 * and paging in the URL; the workers H7 / H4 find lacking are the rules' drill-down lists, linked on top.
 */
export function TrainingListPage() {
  const { t } = useI18n();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const writable = canWrite(user.role);
  const [s, set] = useSearchState(KEYS);
  const [adding, setAdding] = useState(false);
  const query = { regionCode: s.regionCode, year: s.year, q: s.q, page: Number(s.page ?? 1), pageSize: Number(s.pageSize ?? 20) };
  const list = useTrainings(query);
  const w = (n: number) => (mobile ? '100%' : n);
  const thisYear = new Date().getFullYear();
  // the worker rules the county's pack sets (H4 三门峡, H7 晋城): how many fall short, linked to the rule's list
  const rules = useRules(s.regionCode, Number(s.year ?? thisYear));
  const worker = (rules.data?.rules ?? []).filter((r) => (r.ruleId === 'H4' || r.ruleId === 'H7') && r.implemented);
  const ruleLink = (id: string) => `/rules/${id}?${new URLSearchParams({ ...(s.regionCode ? { regionCode: s.regionCode } : {}), year: s.year ?? String(thisYear) }).toString()}`;

  return (
    <>
      <PageHeader
        title={t('trainings.title')}
        subtitle={t('trainings.subtitle')}
        extra={
          writable ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="training-add">
              {t('trainings.add')}
            </Button>
          ) : null
        }
      />
      {worker.length ? (
        <Card size="small" title={t('trainings.rules.title')} style={{ marginBottom: 12 }}>
          <Flex vertical gap={4}>
            {worker.map((r) => (
              <Link key={r.ruleId} to={ruleLink(r.ruleId)} data-testid={`training-${r.ruleId.toLowerCase()}`}>
                {t(r.ruleId === 'H7' ? 'trainings.rules.h7' : 'trainings.rules.h4')}
                {r.status === 'met' || r.status === 'not_met' ? t('trainings.rules.figure', { n: String(r.total - r.met), total: String(r.total) }) : ''}
              </Link>
            ))}
          </Flex>
        </Card>
      ) : null}
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <RegionSelect
          value={s.regionCode}
          onChange={(v) => set({ regionCode: v })}
          placeholder={t('trainings.filter.region')}
          aria-label={t('trainings.filter.region')}
          style={{ width: w(220) }}
        />
        <Select
          allowClear
          value={s.year}
          onChange={(v?: string) => set({ year: v })}
          placeholder={t('trainings.filter.year')}
          aria-label={t('trainings.filter.year')}
          style={{ width: w(120) }}
          options={Array.from({ length: 6 }, (_, i) => String(thisYear - i)).map((y) => ({ value: y, label: `${y}年` }))}
        />
        <Input.Search
          allowClear
          defaultValue={s.q}
          onSearch={(v) => set({ q: v.trim() || undefined })}
          placeholder={t('trainings.filter.q')}
          aria-label={t('trainings.filter.q')}
          style={{ width: w(240) }}
        />
      </Flex>
      {list.error ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <ResponsiveTable<TrainingView>
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: t('trainings.empty') }}
          aria-label={t('trainings.title')}
          cardTitle={(r) => <Link to={`/trainings/${r.id}`}>{r.course}</Link>}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: !mobile,
            onChange: (page, pageSize) => set({ page, pageSize }, { keepPage: true }),
          }}
          columns={[
            { title: t('trainings.col.course'), dataIndex: 'course', responsive: ['md'], render: (_, r) => <Link to={`/trainings/${r.id}`}>{r.course}</Link> },
            { title: t('trainings.col.region'), dataIndex: 'regionName', render: (_, r) => r.regionName ?? r.regionCode },
            { title: t('trainings.col.dates'), dataIndex: 'startsOn', render: (_, r) => datesText(r) },
            { title: t('trainings.col.skill'), dataIndex: 'skill', render: (v: string | null) => (v ? <Tag color="green">{v}</Tag> : '—') },
            { title: t('trainings.col.provider'), dataIndex: 'provider', responsive: ['lg'], render: (v: string | null) => v ?? '—' },
            { title: t('trainings.col.participants'), dataIndex: 'participants', align: 'right', render: (_, r) => `${r.participants} / ${r.completed}` },
          ]}
        />
      )}
      <TrainingFormModal open={adding} onClose={() => setAdding(false)} onSaved={(r) => navigate(`/trainings/${r.id}`)} />
    </>
  );
}
