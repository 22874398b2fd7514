import { PlusOutlined } from '@ant-design/icons';
import type { BackboneView, EntityView } from '@chanbang/domain';
import { Button, Flex, Tag } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../lib/i18n.tsx';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { ResponsiveTable } from '../../../ui/ResponsiveTable.tsx';
import { useDict } from '../../dictionaries/api.ts';
import { useEntityBackbones } from '../api.ts';
import { BackboneModal, seatIsVillage } from './BackboneModal.tsx';
import { RemoveBackboneButton } from './RemoveBackboneButton.tsx';

/** 技术骨干 of an entity (000 §五(二): every cooperative has at least one): list, add, edit with versions. */
export function BackbonesTab({ entity, writable }: { entity: EntityView; writable: boolean }) {
  const { t } = useI18n();
  const dict = useDict();
  const list = useEntityBackbones(entity.id);
  const [editing, setEditing] = useState<BackboneView | 'new' | null>(null);
  if (list.error) return <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <Flex vertical gap={12}>
      {writable && (
        <div>
          <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="backbone-add">
            {t('entities.backbone.add')}
          </Button>
        </div>
      )}
      <ResponsiveTable<BackboneView>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('entities.backbone.empty') }}
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
        columns={[
          { title: t('entities.backbone.name'), dataIndex: 'name' },
          { title: t('entities.backbone.kind'), dataIndex: 'kind', render: (_, b) => dict.label('backbone_kind', b.kind) },
          { title: t('entities.backbone.specialty'), dataIndex: 'specialty' },
          { title: t('entities.backbone.title'), dataIndex: 'title' },
          { title: t('entities.backbone.village'), dataIndex: 'regionName', render: (_, b) => b.regionName ?? b.regionCode },
          { title: t('entities.backbone.phone'), dataIndex: 'phone' },
          { title: t('entities.backbone.active'), dataIndex: 'active', render: (_, b) => (b.active ? t('entities.yes') : <Tag>{t('entities.no')}</Tag>) },
          ...(writable
            ? [
                {
                  title: '',
                  key: 'edit',
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
      <BackboneModal
        entityId={entity.id}
        defaultVillage={seatIsVillage(entity.regionCode) ? entity.regionCode : undefined}
        backbone={editing}
        onClose={() => setEditing(null)}
        reload={async () => (await list.refetch()).data?.items.find((b) => editing !== 'new' && b.id === editing?.id)}
      />
    </Flex>
  );
}
