import { BranchesOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { IndustryView, SpectrumGroup } from '@chanbang/domain';
import { App, Button, Card, Col, Empty, Flex, Popconfirm, Row, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../lib/i18n.tsx';
import { useSearchState } from '../../../lib/use-search-state.ts';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { RegionSelect } from '../../../ui/RegionSelect.tsx';
import { useStaleSave } from '../../../ui/StaleSave.tsx';
import { useIsMobile } from '../../../ui/use-is-mobile.ts';
import { useDict } from '../../dictionaries/api.ts';
import { useIndustryMutations, useSpectrum } from '../api.ts';
import { ChainModal, IndustryModal, type ChainEditing } from '../components/IndustryModals.tsx';

const KIND_COLOR: Record<string, string> = { leading: 'red', emerging: 'green', traditional: 'gold' };
const INDENT: Record<string, number> = { county: 0, township: 1, village: 2 };

/**
 * 产业谱系 (000 §四(一)1–2): the area's industries, 县 → 镇 → 村, each with its kind and tier, the counts of entities,
 * projects and chains, and its chains with their gaps; industries and chains are added and edited in dialogs.
 */
export function IndustrySpectrumPage() {
  const { t } = useI18n();
  const isMobile = useIsMobile();
  const [search, setSearch] = useSearchState(['regionCode']);
  const spectrum = useSpectrum(search.regionCode);
  const [industryEditing, setIndustryEditing] = useState<IndustryView | 'new' | null>(null);
  const [chainEditing, setChainEditing] = useState<ChainEditing | null>(null);
  const data = spectrum.data;

  const reloadIndustry = async () => {
    const id = industryEditing !== 'new' ? industryEditing?.id : undefined;
    const fresh = (await spectrum.refetch()).data?.groups.flatMap((g) => g.byKind.flatMap((k) => k.industries)).find((i) => i.id === id);
    if (fresh) setIndustryEditing(fresh);
    return fresh;
  };

  return (
    <>
      <PageHeader
        title={t('industries.spectrum.title')}
        subtitle={t('industries.spectrum.subtitle')}
        extra={
          <>
            <RegionSelect
              value={search.regionCode}
              onChange={(code) => setSearch({ regionCode: code })}
              placeholder={t('industries.region')}
              aria-label={t('industries.region')}
              style={{ minWidth: isMobile ? '100%' : 220 }}
            />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setIndustryEditing('new')} data-testid="industry-add">
              {t('industries.add')}
            </Button>
          </>
        }
      />
      {spectrum.error ? <ErrorAlert error={spectrum.error} /> : null}
      {data ? (
        <Typography.Paragraph type="secondary" data-testid="spectrum-totals">
          {t('industries.spectrum.totals', data.totals)}
        </Typography.Paragraph>
      ) : null}
      {data && data.groups.length === 0 ? <Empty description={t('industries.spectrum.empty')} /> : null}
      <Flex vertical gap={12}>
        {(data?.groups ?? []).map((g) => (
          <RegionGroup
            key={g.regionCode}
            group={g}
            indent={isMobile ? 0 : (INDENT[g.level] ?? 0) * 24}
            onEdit={setIndustryEditing}
            onAddChain={(id) => setChainEditing({ industryId: id })}
          />
        ))}
      </Flex>
      {spectrum.isLoading ? <Card loading /> : null}
      <IndustryModal
        open={industryEditing !== null}
        industry={industryEditing === 'new' ? null : industryEditing}
        onClose={() => setIndustryEditing(null)}
        reload={reloadIndustry}
      />
      <ChainModal editing={chainEditing} onClose={() => setChainEditing(null)} reload={async () => undefined} />
    </>
  );
}

function RegionGroup({ group, indent, onEdit, onAddChain }: { group: SpectrumGroup; indent: number; onEdit: (i: IndustryView) => void; onAddChain: (industryId: number) => void }) {
  const { t } = useI18n();
  const dict = useDict();
  const levelKey = `industries.level.${group.level}` as 'industries.level.county';
  return (
    <Card
      size="small"
      style={{ marginLeft: indent }}
      data-testid={`spectrum-group-${group.regionCode}`}
      title={
        <Flex gap={8} align="center" wrap>
          <span>{group.regionName ?? group.regionCode}</span>
          <Tag>{INDENT[group.level] !== undefined ? t(levelKey) : group.level}</Tag>
        </Flex>
      }
    >
      <Flex vertical gap={12}>
        {group.byKind.map((k) => (
          <div key={k.kind}>
            <Typography.Text strong>{dict.label('industry_kind', k.kind)}</Typography.Text>
            <Row gutter={[12, 12]} style={{ marginTop: 8 }}>
              {k.industries.map((i) => (
                <Col key={i.id} xs={24} md={12} xl={8}>
                  <IndustryCard industry={i} onEdit={() => onEdit(i)} onAddChain={() => onAddChain(i.id)} />
                </Col>
              ))}
            </Row>
          </div>
        ))}
      </Flex>
    </Card>
  );
}

function IndustryCard({ industry: i, onEdit, onAddChain }: { industry: IndustryView; onEdit: () => void; onAddChain: () => void }) {
  const { t } = useI18n();
  const dict = useDict();
  const { message } = App.useApp();
  const stale = useStaleSave();
  const m = useIndustryMutations();
  const remove = () =>
    m.deleteIndustry.mutate(i, {
      onSuccess: () => message.success(t('industries.deleted')),
      onError: (err) => stale.fail(err, () => undefined),
    });
  return (
    <Card
      size="small"
      type="inner"
      data-testid={`industry-${i.id}`}
      title={i.name}
      extra={
        i.writable ? (
          <Space size={4}>
            <Button size="small" type="text" icon={<EditOutlined />} aria-label={t('industries.edit')} onClick={onEdit} />
            <Popconfirm title={t('industries.deleteConfirm')} onConfirm={remove} okText={t('common.delete')} cancelText={t('common.cancel')}>
              <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('industries.delete')} />
            </Popconfirm>
          </Space>
        ) : null
      }
    >
      <Flex gap={4} wrap style={{ marginBottom: 8 }}>
        <Tag color={KIND_COLOR[i.kind] ?? 'default'}>{dict.label('industry_kind', i.kind)}</Tag>
        {i.tier ? <Tag color="blue">{dict.label('industry_tier', i.tier)}</Tag> : null}
        <Tag>{dict.label('industry_category', i.category)}</Tag>
        {i.writable ? null : <Tag bordered={false}>{t('industries.readOnly')}</Tag>}
      </Flex>
      {i.scaleNote ? <Typography.Paragraph style={{ marginBottom: 4 }}>{i.scaleNote}</Typography.Paragraph> : null}
      <Typography.Text type="secondary">{t('industries.counts', { entities: i.entityCount, projects: i.projectCount, chains: i.chainCount })}</Typography.Text>
      <Flex vertical gap={4} style={{ marginTop: 8 }}>
        {i.chains.length === 0 ? <Typography.Text type="secondary">{t('industries.noChain')}</Typography.Text> : null}
        {i.chains.map((c) => (
          <Link key={c.id} to={`/industry/chains/${c.id}`} data-testid={`chain-link-${c.id}`}>
            <BranchesOutlined /> {c.name}
            <Typography.Text type={c.gapCount ? 'danger' : 'secondary'} style={{ marginLeft: 8 }}>
              {t('industries.chain.summary', { links: c.linkCount, gaps: c.gapCount })}
            </Typography.Text>
          </Link>
        ))}
        {i.writable ? (
          <Button size="small" icon={<PlusOutlined />} onClick={onAddChain} style={{ alignSelf: 'flex-start' }}>
            {t('industries.chain.add')}
          </Button>
        ) : null}
      </Flex>
    </Card>
  );
}
