import { Alert, Button, Card, Col, Descriptions, Empty, Flex, Row, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { formatDateTime, formatYuan } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useIsMobile } from '../../../ui/use-is-mobile.ts';
import { useCurrentUser } from '../../auth/api.ts';
import { useDict } from '../../dictionaries/api.ts';
import { canWriteAssets } from '../asset-access.ts';
import { useAsset } from '../api.ts';
import { AssetClassModal, AssetDisposeModal } from '../components/AssetClassModal.tsx';
import { AssetFormModal } from '../components/AssetFormModal.tsx';
import { AssetIncomesCard } from '../components/AssetIncomesCard.tsx';

/**
 * One 帮扶项目资产: its facts (category, value, 确权, management level, operator), its 四个一批 class with the history
 * of changes and 调整分类, its half-year incomes, and 修改 / 处置 for county and township staff. A disposed asset is
 * shown with its disposal and read-only.
 */
export function AssetDetailPage() {
  const { t, lang } = useI18n();
  const dict = useDict();
  const mobile = useIsMobile();
  const id = Number(useParams().id);
  const { data: a, error, refetch, isLoading } = useAsset(id);
  const user = useCurrentUser();
  const [dialog, setDialog] = useState<'edit' | 'class' | 'dispose' | null>(null);
  if (isLoading) return <Spin />;
  if (error || !a) return <ErrorAlert error={error} onRetry={() => void refetch()} />;
  const inUse = a.status === 'in_use';
  const writable = canWriteAssets(user) && inUse;
  const reload = async () => (await refetch()).data;
  const classLabel = (c: string | null) => (c ? dict.label('asset_class', c) : t('assets.class.none'));

  return (
    <>
      <PageHeader
        title={
          <Space wrap>
            <span>{a.name}</span>
            <Tag>{dict.label('asset_category', a.category)}</Tag>
            {inUse ? null : <Tag color="red">{t('assets.status.disposed')}</Tag>}
          </Space>
        }
        subtitle={`${a.assetNo} · ${a.regionName ?? a.regionCode}`}
        extra={
          writable ? (
            <Space wrap>
              {a.ownerKind === 'village_collective' ? (
                <Link to={`/industry/distributions?regionCode=${a.regionCode}`} data-testid="asset-distributions">
                  <Button>{t('dist.fromAsset')}</Button>
                </Link>
              ) : null}
              <Button onClick={() => setDialog('edit')} data-testid="asset-edit">
                {t('assets.edit')}
              </Button>
              <Button danger onClick={() => setDialog('dispose')}>
                {t('assets.dispose')}
              </Button>
            </Space>
          ) : null
        }
      />
      {inUse ? null : (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('assets.disposedAlert', { date: a.disposedOn ?? '—', reason: a.disposalReason ?? '—' })} />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <Flex vertical gap={16}>
            <Card title={t('assets.detail.basic')}>
              <Descriptions column={mobile ? 1 : 2} size="small">
                <Descriptions.Item label={t('assets.field.value')}>{`${formatYuan(a.valueYuan, lang)} 元`}</Descriptions.Item>
                <Descriptions.Item label={t('assets.field.formedOn')}>{a.formedOn ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('assets.field.project')}>{a.projectId ? <Link to={`/industry/projects/${a.projectId}`}>{a.projectName}</Link> : '—'}</Descriptions.Item>
                <Descriptions.Item label={t('assets.field.location')}>{a.location ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('assets.field.ownerKind')}>{dict.label('asset_owner_kind', a.ownerKind)}</Descriptions.Item>
                <Descriptions.Item label={t('assets.field.ownerName')}>{a.ownerName ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('assets.field.confirmedOn')}>{a.confirmedOn ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('assets.field.level')}>{dict.label('asset_management_level', a.managementLevel)}</Descriptions.Item>
                <Descriptions.Item label={t('assets.field.operator')}>
                  {a.operatorEntityId ? <Link to={`/industry/entities/${a.operatorEntityId}`}>{a.operatorName}</Link> : '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('assets.field.mode')}>{dict.label('asset_operation_mode', a.operatingMode)}</Descriptions.Item>
                {a.note ? <Descriptions.Item label={t('assets.field.note')}>{a.note}</Descriptions.Item> : null}
              </Descriptions>
            </Card>
            <AssetIncomesCard assetId={a.id} writable={writable} />
          </Flex>
        </Col>
        <Col xs={24} lg={9}>
          <Card
            title={t('assets.detail.class')}
            extra={
              writable && a.category === 'operating' ? (
                <Button onClick={() => setDialog('class')} data-testid="asset-class-change">
                  {t('assets.class.change')}
                </Button>
              ) : null
            }
          >
            <Typography.Paragraph>
              {a.assetClass ? (
                <Tag color="blue" data-testid="asset-class" style={{ marginInlineEnd: 8 }}>
                  {classLabel(a.assetClass)}
                </Tag>
              ) : (
                <Typography.Text type="secondary">{t('assets.detail.noClass')}</Typography.Text>
              )}
              {a.classReason ? <Typography.Text>{a.classReason}</Typography.Text> : null}
            </Typography.Paragraph>
            <Typography.Title level={5}>{t('assets.detail.history')}</Typography.Title>
            {a.classChanges.length ? (
              <Timeline
                items={a.classChanges.map((c) => ({
                  key: c.id,
                  children: (
                    <>
                      <div>{t('assets.detail.historyLine', { from: classLabel(c.fromClass), to: classLabel(c.toClass) })}</div>
                      <div>{c.reason}</div>
                      <Typography.Text type="secondary">
                        {c.changedByName ? t('assets.detail.changedBy', { by: c.changedByName, at: formatDateTime(c.changedAt) }) : formatDateTime(c.changedAt)}
                      </Typography.Text>
                    </>
                  ),
                }))}
              />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('assets.detail.historyEmpty')} />
            )}
          </Card>
        </Col>
      </Row>
      <AssetFormModal open={dialog === 'edit'} asset={a} onClose={() => setDialog(null)} reload={reload} />
      <AssetClassModal asset={a} open={dialog === 'class'} onClose={() => setDialog(null)} reload={reload} />
      <AssetDisposeModal asset={a} open={dialog === 'dispose'} onClose={() => setDialog(null)} reload={reload} />
    </>
  );
}
