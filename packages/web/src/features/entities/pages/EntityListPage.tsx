import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import type { EntityView } from '@chanbang/domain';
import { Button, Flex, Input, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { downloadUrl } from '../../../lib/api-client.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { useSearchState } from '../../../lib/use-search-state.ts';
import { DictSelect } from '../../../ui/DictSelect.tsx';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { RegionSelect } from '../../../ui/RegionSelect.tsx';
import { ResponsiveTable } from '../../../ui/ResponsiveTable.tsx';
import { useIsMobile } from '../../../ui/use-is-mobile.ts';
import { canWrite, useCurrentUser } from '../../auth/api.ts';
import { useDict } from '../../dictionaries/api.ts';
import { useEntities, useIndustryOptions } from '../api.ts';
import { EntityFormModal } from '../components/EntityFormModal.tsx';
import { EntityImportModal } from '../components/EntityImportModal.tsx';

const KEYS = ['entityType', 'level', 'partyLed', 'industryId', 'industryKind', 'regionCode', 'q', 'status', 'page', 'pageSize'] as const;

/** 经营主体 list: filters in the URL (type, grade, 党支部领办, industry or industry kind, region, name, status), cards on phones, import and export. */
export function EntityListPage() {
  const { t } = useI18n();
  const dict = useDict();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const writable = canWrite(useCurrentUser());
  const [s, set] = useSearchState(KEYS);
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  const filters = {
    entityType: s.entityType,
    level: s.level,
    partyLed: s.partyLed,
    industryId: s.industryId,
    industryKind: s.industryKind,
    regionCode: s.regionCode,
    q: s.q,
    status: s.status,
  };
  const query = { ...filters, page: Number(s.page ?? 1), pageSize: Number(s.pageSize ?? 20) };
  const list = useEntities(query);
  const industries = useIndustryOptions();
  const half = mobile ? '100%' : 180;

  return (
    <>
      <PageHeader
        title={t('entities.title')}
        subtitle={t('entities.subtitle')}
        extra={
          <Space wrap>
            {writable && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="entity-add">
                {t('entities.add')}
              </Button>
            )}
            {writable && (
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="entity-import">
                {t('entities.import')}
              </Button>
            )}
            <Button icon={<DownloadOutlined />} href={downloadUrl('/entities/export.xlsx', filters)}>
              {t('entities.export')}
            </Button>
          </Space>
        }
      />
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <DictSelect
          dictCode="entity_type"
          value={s.entityType}
          onChange={(v) => set({ entityType: v as string | undefined })}
          placeholder={t('entities.filter.type')}
          aria-label={t('entities.filter.type')}
          style={{ width: half }}
        />
        <DictSelect
          dictCode="entity_level"
          value={s.level}
          onChange={(v) => set({ level: v as string | undefined })}
          placeholder={t('entities.filter.level')}
          aria-label={t('entities.filter.level')}
          style={{ width: half }}
        />
        <Select
          allowClear
          value={s.partyLed}
          onChange={(v) => set({ partyLed: v })}
          placeholder={t('entities.filter.partyLed')}
          aria-label={t('entities.filter.partyLed')}
          style={{ width: half }}
          options={[
            { value: 'true', label: t('entities.yes') },
            { value: 'false', label: t('entities.no') },
          ]}
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          value={s.industryId ? Number(s.industryId) : undefined}
          onChange={(v: number | undefined) => set({ industryId: v })}
          placeholder={t('entities.filter.industry')}
          aria-label={t('entities.filter.industry')}
          loading={industries.isLoading}
          options={industries.data ?? []}
          style={{ width: half }}
          data-testid="entity-filter-industry"
        />
        <DictSelect
          dictCode="industry_kind"
          value={s.industryKind}
          onChange={(v) => set({ industryKind: v as string | undefined })}
          placeholder={t('entities.filter.industryKind')}
          aria-label={t('entities.filter.industryKind')}
          style={{ width: half }}
        />
        <RegionSelect
          value={s.regionCode}
          onChange={(v) => set({ regionCode: v })}
          placeholder={t('entities.filter.region')}
          aria-label={t('entities.filter.region')}
          style={{ width: mobile ? '100%' : 220 }}
        />
        <Select
          value={s.status ?? 'active'}
          onChange={(v) => set({ status: v === 'active' ? undefined : v })}
          aria-label={t('entities.filter.status')}
          style={{ width: half }}
          options={(['active', 'closed', 'all'] as const).map((v) => ({ value: v, label: t(`entities.status.${v}`) }))}
        />
        <Input.Search
          allowClear
          defaultValue={s.q}
          onSearch={(v) => set({ q: v.trim() || undefined })}
          placeholder={t('entities.filter.q')}
          aria-label={t('entities.filter.q')}
          style={{ width: mobile ? '100%' : 240 }}
        />
      </Flex>
      {list.error ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <ResponsiveTable<EntityView>
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: t('entities.empty') }}
          onRow={(e) => ({ onClick: () => navigate(`/industry/entities/${e.id}`), style: { cursor: 'pointer' } })}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: !mobile,
            onChange: (page, pageSize) => set({ page, pageSize }, { keepPage: true }),
          }}
          columns={[
            { title: t('entities.field.name'), dataIndex: 'name', render: (_, e) => <Link to={`/industry/entities/${e.id}`}>{e.name}</Link> },
            {
              title: t('entities.field.entityType'),
              dataIndex: 'entityType',
              render: (_, e) => (
                <>
                  {dict.label('entity_type', e.entityType)}
                  {e.status === 'closed' && (
                    <Tag color="default" style={{ marginInlineStart: 6 }}>
                      {t('entities.closed')}
                    </Tag>
                  )}
                </>
              ),
            },
            { title: t('entities.field.level'), dataIndex: 'level', render: (_, e) => (e.level ? dict.label('entity_level', e.level) : '—') },
            { title: t('entities.field.partyLed'), dataIndex: 'partyLed', render: (_, e) => (e.partyLed ? <Tag color="red">{t('entities.yes')}</Tag> : '—') },
            { title: t('entities.field.regionCode'), dataIndex: 'regionName', render: (_, e) => e.regionName ?? e.regionCode },
            { title: t('entities.field.creditCode'), dataIndex: 'creditCode', responsive: ['md'] },
            { title: t('entities.field.contactName'), dataIndex: 'contactName', responsive: ['lg'] },
            { title: t('entities.field.contactPhone'), dataIndex: 'contactPhone' },
            { title: t('entities.field.backboneCount'), dataIndex: 'backboneCount' },
          ]}
        />
      )}
      <EntityFormModal open={adding} entity={null} onClose={() => setAdding(false)} onSaved={(e) => navigate(`/industry/entities/${e.id}`)} />
      <EntityImportModal open={importing} onClose={() => setImporting(false)} />
    </>
  );
}
