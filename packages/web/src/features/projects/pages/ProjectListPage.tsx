import type { ProjectListItem } from '@chanbang/domain';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Input, InputNumber, Select, Space } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useI18n } from '../../../lib/i18n.tsx';
import { useSearchState } from '../../../lib/use-search-state.ts';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { RegionSelect } from '../../../ui/RegionSelect.tsx';
import { ResponsiveTable } from '../../../ui/ResponsiveTable.tsx';
import { DictSelect } from '../../../ui/DictSelect.tsx';
import { canWrite, useCurrentUser } from '../../auth/api.ts';
import { useDict } from '../../dictionaries/api.ts';
import { useIndustryOptions, useProjects } from '../api.ts';
import { ProjectFileButtons } from '../components/ProjectFileButtons.tsx';
import { ProjectFormModal } from '../components/ProjectForm.tsx';
import { StageTag } from '../components/StageTag.tsx';

const FILTER_KEYS = ['regionCode', 'year', 'stage', 'projectType', 'industryId', 'q', 'page', 'pageSize'] as const;

/** 项目库: filters in the URL (year, stage, type, industry, region, name), stage tags, 申报 for a writing role; cards on phones. */
export function ProjectListPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const dict = useDict();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [filters, setFilters] = useSearchState(FILTER_KEYS);
  const [proposing, setProposing] = useState(false);
  const [q, setQ] = useState(filters.q ?? '');
  const { data, isFetching, error, refetch } = useProjects(filters);
  const page = Number(filters.page ?? 1);
  const pageSize = Number(filters.pageSize ?? 20);
  const wan = (yuan: number) => (yuan / 10000).toLocaleString('zh-CN', { maximumFractionDigits: 2 });
  const level1 = dict.items('project_type').filter((i) => !i.parentCode);
  const industries = useIndustryOptions(filters.regionCode);

  const columns: ColumnsType<ProjectListItem> = [
    { title: t('projects.col.name'), dataIndex: 'name', render: (v: string, r) => <Link to={`/industry/projects/${r.id}`}>{v}</Link> },
    { title: t('projects.col.no'), dataIndex: 'projectNo' },
    { title: t('projects.col.region'), dataIndex: 'regionName', render: (v: string | null, r) => v ?? r.regionCode },
    { title: t('projects.col.year'), dataIndex: 'year' },
    {
      title: t('projects.col.type'),
      dataIndex: 'projectType',
      render: (v: string, r) => `${dict.label('project_type', v)}${r.projectSubtype ? ` / ${dict.label('project_type', r.projectSubtype)}` : ''}`,
    },
    { title: t('projects.col.budget'), dataIndex: 'budgetYuan', align: 'right', render: (v: number) => wan(v) },
    { title: t('projects.col.linkage'), dataIndex: 'linkageModes', render: (v: string[]) => v.map((m) => dict.label('linkage_mode', m)).join('、') || '—' },
    { title: t('projects.col.stage'), dataIndex: 'stage', render: (v: string) => <StageTag stage={v} /> },
  ];

  return (
    <>
      <PageHeader
        title={t('projects.title')}
        subtitle={t('projects.subtitle')}
        extra={
          <Space wrap>
            {canWrite(user) ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setProposing(true)}>
                {t('projects.propose')}
              </Button>
            ) : null}
            <ProjectFileButtons filters={filters} writable={canWrite(user)} />
          </Space>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap>
          <RegionSelect
            value={filters.regionCode}
            onChange={(v) => setFilters({ regionCode: v })}
            placeholder={t('projects.filter.region')}
            aria-label={t('projects.filter.region')}
          />
          <InputNumber
            value={filters.year ? Number(filters.year) : null}
            onChange={(v) => setFilters({ year: v ?? undefined })}
            min={2000}
            max={2100}
            placeholder={t('projects.filter.year')}
            aria-label={t('projects.filter.year')}
          />
          <DictSelect
            dictCode="project_stage"
            value={filters.stage}
            onChange={(v) => setFilters({ stage: v as string | undefined })}
            placeholder={t('projects.filter.stage')}
            aria-label={t('projects.filter.stage')}
          />
          <Select
            allowClear
            style={{ minWidth: 160 }}
            value={filters.projectType}
            onChange={(v: string | undefined) => setFilters({ projectType: v })}
            placeholder={t('projects.filter.type')}
            aria-label={t('projects.filter.type')}
            options={level1.map((i) => ({ value: i.code, label: i18n.pick(i.labelZh, i.labelEn) }))}
          />
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            style={{ minWidth: 160 }}
            value={filters.industryId ? Number(filters.industryId) : undefined}
            onChange={(v: number | undefined) => setFilters({ industryId: v })}
            loading={industries.isLoading}
            placeholder={t('projects.filter.industry')}
            aria-label={t('projects.filter.industry')}
            options={(industries.data ?? []).map((i) => ({ value: i.id, label: `${i.name}${i.regionName ? `（${i.regionName}）` : ''}` }))}
          />
          <Input.Search
            value={q}
            onChange={(e) => setQ(e.target.value)}
            onSearch={(v) => setFilters({ q: v.trim() || undefined })}
            placeholder={t('projects.filter.q')}
            allowClear
            style={{ width: 220 }}
          />
        </Space>
      </Card>
      {error ? <ErrorAlert error={error} onRetry={() => void refetch()} /> : null}
      <ResponsiveTable<ProjectListItem>
        rowKey="id"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={isFetching}
        cardTitle={(r) => (
          <Space wrap>
            <Link to={`/industry/projects/${r.id}`}>{r.name}</Link>
            <StageTag stage={r.stage} />
          </Space>
        )}
        pagination={{ current: page, pageSize, total: data?.total ?? 0, showSizeChanger: true, onChange: (p, ps) => setFilters({ page: p, pageSize: ps }, { keepPage: true }) }}
      />
      <ProjectFormModal open={proposing} onClose={() => setProposing(false)} onSaved={(p) => navigate(`/industry/projects/${p.id}`)} />
    </>
  );
}
