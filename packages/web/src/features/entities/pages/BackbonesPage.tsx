import { PlusOutlined } from '@ant-design/icons';
import type { BackboneView } from '@chanbang/domain';
import { Button, Flex, Input, Select, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
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
import { useBackbones } from '../api.ts';
import { BackboneGapVillages } from '../components/BackboneGapVillages.tsx';
import { BackboneModal, seatIsVillage } from '../components/BackboneModal.tsx';
import { RemoveBackboneButton } from '../components/RemoveBackboneButton.tsx';

const KEYS = ['regionCode', 'owner', 'kind', 'q', 'page', 'pageSize'] as const;

/**
 * 科技人员 (技术骨干) by village (000 §五(二): at least one per village and per cooperative): the villages failing E2
 * on top, then the backbones serving villages under the chosen township or village (filters and paging in the URL),
 * with add (a village's own), edit and remove, each on the version shown. Phones come masked for masked roles.
 */
export function BackbonesPage() {
  const { t } = useI18n();
  const dict = useDict();
  const mobile = useIsMobile();
  const writable = canWrite(useCurrentUser());
  const [s, set] = useSearchState(KEYS);
  const [editing, setEditing] = useState<BackboneView | 'new' | null>(null);
  const [village, setVillage] = useState<string | undefined>();
  const query = { regionCode: s.regionCode, owner: s.owner, kind: s.kind, q: s.q, page: Number(s.page ?? 1), pageSize: Number(s.pageSize ?? 20) };
  const list = useBackbones(query);
  const half = mobile ? '100%' : 180;
  const add = (code: string | undefined) => {
    setVillage(code && seatIsVillage(code) ? code : undefined);
    setEditing('new');
  };

  return (
    <>
      <PageHeader
        title={t('entities.backbones.title')}
        subtitle={t('entities.backbones.subtitle')}
        extra={
          writable ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => add(s.regionCode)} data-testid="backbone-add">
              {t('entities.backbones.addVillage')}
            </Button>
          ) : null
        }
      />
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <RegionSelect
          value={s.regionCode}
          onChange={(v) => set({ regionCode: v })}
          placeholder={t('entities.backbones.filter.region')}
          aria-label={t('entities.backbones.filter.region')}
          style={{ width: mobile ? '100%' : 220 }}
        />
        <Select
          value={s.owner ?? 'all'}
          onChange={(v) => set({ owner: v === 'all' ? undefined : v })}
          aria-label={t('entities.backbones.filter.owner')}
          style={{ width: half }}
          options={(['all', 'village', 'entity'] as const).map((v) => ({ value: v, label: t(`entities.backbones.owner.${v}`) }))}
        />
        <DictSelect
          dictCode="backbone_kind"
          value={s.kind}
          onChange={(v) => set({ kind: v as string | undefined })}
          placeholder={t('entities.backbone.kind')}
          aria-label={t('entities.backbone.kind')}
          style={{ width: half }}
        />
        <Input.Search
          allowClear
          defaultValue={s.q}
          onSearch={(v) => set({ q: v.trim() || undefined })}
          placeholder={t('entities.backbone.name')}
          aria-label={t('entities.backbone.name')}
          style={{ width: mobile ? '100%' : 200 }}
        />
      </Flex>
      <BackboneGapVillages regionCode={s.regionCode} writable={writable} onAdd={add} />
      {list.error ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <ResponsiveTable<BackboneView>
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: t('entities.backbones.empty') }}
          aria-label={t('entities.backbones.title')}
          cardTitle={(b) => `${b.name} · ${b.regionName ?? b.regionCode}`}
          cardActions={
            writable
              ? (b) => (
                  <>
                    <Button onClick={() => setEditing(b)}>{t('common.edit')}</Button>
                    <RemoveBackboneButton backbone={b} reload={list.refetch} />
                  </>
                )
              : undefined
          }
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: !mobile,
            onChange: (page, pageSize) => set({ page, pageSize }, { keepPage: true }),
          }}
          columns={[
            { title: t('entities.backbone.village'), dataIndex: 'regionName', render: (_, b) => b.regionName ?? b.regionCode },
            { title: t('entities.backbone.name'), dataIndex: 'name' },
            { title: t('entities.backbone.kind'), dataIndex: 'kind', render: (_, b) => dict.label('backbone_kind', b.kind) },
            {
              title: t('entities.backbones.owner'),
              dataIndex: 'entityName',
              render: (_, b) => (b.entityId ? <Link to={`/industry/entities/${b.entityId}`}>{b.entityName}</Link> : t('entities.backbones.owner.village')),
            },
            { title: t('entities.backbone.specialty'), dataIndex: 'specialty' },
            { title: t('entities.backbone.title'), dataIndex: 'title', responsive: ['md'] },
            { title: t('entities.backbone.phone'), dataIndex: 'phone' },
            { title: t('entities.backbone.active'), dataIndex: 'active', render: (_, b) => (b.active ? t('entities.yes') : <Tag>{t('entities.no')}</Tag>) },
            ...(writable
              ? [
                  {
                    title: '',
                    key: 'actions',
                    responsive: ['md' as const],
                    render: (_: unknown, b: BackboneView) => (
                      <Flex gap={8}>
                        <a onClick={() => setEditing(b)}>{t('common.edit')}</a>
                        <RemoveBackboneButton backbone={b} reload={list.refetch} link />
                      </Flex>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      <BackboneModal
        backbone={editing}
        defaultVillage={village}
        onClose={() => setEditing(null)}
        reload={async () => (await list.refetch()).data?.items.find((b) => editing !== 'new' && b.id === editing?.id)}
      />
    </>
  );
}
