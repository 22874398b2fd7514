import { PlusOutlined } from '@ant-design/icons';
import { canWrite } from '@chanbang/domain';
import { Button, Card, Flex, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useI18n } from '../../../lib/i18n.tsx';
import { ListFilterBar } from '../../../ui/ListFilterBar.tsx';
import { ListTable } from '../../../ui/ListTable.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useListQuery } from '../../../ui/use-list-query.ts';
import { useCurrentUser } from '../../auth/api.ts';
import { useRules } from '../../rules/api.ts';
import { useTrainings } from '../api.ts';
import { TrainingFormModal } from '../components/TrainingFormModal.tsx';

const KEYS = ['regionCode', 'year', 'q'] as const;

/** 2025-04-10 至 2025-04-12, or the start alone. */
export const datesText = (t: { startsOn: string; endsOn: string | null }) => (t.endsOn && t.endsOn !== t.startsOn ? `${t.startsOn} 至 ${t.endsOn}` : t.startsOn);

/**
 * 技能培训 (issue 8 §6): the trainings organised under a region (and those above it, open to its villages), filters
 * and paging in the URL; the workers H7 / H4 find lacking are the rules' drill-down lists, linked on top.
 */
export function TrainingListPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const writable = canWrite(user.role);
  const lq = useListQuery(KEYS);
  const s = lq.filters;
  const [adding, setAdding] = useState(false);
  const list = useTrainings(lq.query);
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
      <ListFilterBar
        values={s}
        set={lq.set}
        filters={[
          { kind: 'region', key: 'regionCode', label: t('trainings.filter.region') },
          {
            kind: 'select',
            key: 'year',
            label: t('trainings.filter.year'),
            options: Array.from({ length: 6 }, (_, i) => String(thisYear - i)).map((y) => ({ value: y, label: `${y}年` })),
          },
          { kind: 'search', key: 'q', label: t('trainings.filter.q'), width: 240 },
        ]}
      />
      <ListTable
        list={list}
        rowKey="id"
        locale={{ emptyText: t('trainings.empty') }}
        aria-label={t('trainings.title')}
        cardTitle={(r) => <Link to={`/trainings/${r.id}`}>{r.course}</Link>}
        pagination={lq.pagination}
        columns={[
          { title: t('trainings.col.course'), dataIndex: 'course', responsive: ['md'], render: (_, r) => <Link to={`/trainings/${r.id}`}>{r.course}</Link> },
          { title: t('trainings.col.region'), dataIndex: 'regionName', render: (_, r) => r.regionName ?? r.regionCode },
          { title: t('trainings.col.dates'), dataIndex: 'startsOn', render: (_, r) => datesText(r) },
          { title: t('trainings.col.skill'), dataIndex: 'skill', render: (v: string | null) => (v ? <Tag color="green">{v}</Tag> : '—') },
          { title: t('trainings.col.provider'), dataIndex: 'provider', responsive: ['lg'], render: (v: string | null) => v ?? '—' },
          { title: t('trainings.col.participants'), dataIndex: 'participants', align: 'right', render: (_, r) => `${r.participants} / ${r.completed}` },
        ]}
      />
      <TrainingFormModal open={adding} onClose={() => setAdding(false)} onSaved={(r) => navigate(`/trainings/${r.id}`)} />
    </>
  );
}
