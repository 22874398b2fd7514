import { ArrowLeftOutlined, ArrowRightOutlined, DeleteOutlined, EditOutlined, PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { levelOfRole, type ChainLinkView, type ChainView, type GraphNode } from '@chanbang/domain';
import { Alert, App, Button, Card, Descriptions, Empty, Flex, List, Popconfirm, Space, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useI18n } from '../../../lib/i18n.tsx';
import { withVersion } from '../../../lib/versioning.ts';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useStaleSave } from '../../../ui/StaleSave.tsx';
import { useCurrentUser } from '../../auth/api.ts';
import { useDict } from '../../dictionaries/api.ts';
import { useChainGraph, useIndustryMutations } from '../api.ts';
import { ChainGraphChart } from '../components/ChainGraphChart.tsx';
import { ChainModal, type ChainEditing } from '../components/IndustryModals.tsx';
import { LinkEntitiesModal, LinkModal } from '../components/LinkModals.tsx';

/**
 * 产业链图谱 of one chain (000 §四(一)3 建立各类产业链“图谱”, §五(一) 链长制、产业链图): the 链长 and the chain's 短板
 * above, the graph (links left → right, entities and projects under them, gaps red and dashed), the gaps listed
 * ("短板：冷链物流 — 无经营主体、无项目"), and the links with their entities and projects, edited in place.
 */
export function ChainMapPage() {
  const { t } = useI18n();
  const dict = useDict();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const stale = useStaleSave();
  const countyStaff = levelOfRole(useCurrentUser().role) === 'county';
  const id = Number(useParams().id);
  const graph = useChainGraph(Number.isInteger(id) ? id : 0);
  const m = useIndustryMutations();
  const [chainEditing, setChainEditing] = useState<ChainEditing | null>(null);
  const [linkEditing, setLinkEditing] = useState<ChainLinkView | 'new' | null>(null);
  const [entitiesEditing, setEntitiesEditing] = useState<ChainLinkView | null>(null);
  const g = graph.data;
  const chain = g?.chain;

  /** 重新载入 of a link dialog: the link as stored now becomes the base of the next save. */
  const reloadLink = (which: 'link' | 'entities') => async () => {
    const fresh = (await graph.refetch()).data?.chain;
    const current = which === 'link' ? (linkEditing !== 'new' ? linkEditing : null) : entitiesEditing;
    const link = fresh?.links.find((l) => l.id === current?.id) ?? null;
    if (which === 'link') setLinkEditing(link);
    else setEntitiesEditing(link);
  };
  const reloadChain = async () => {
    const fresh = (await graph.refetch()).data?.chain;
    if (fresh) setChainEditing({ industryId: fresh.industryId, chain: fresh });
    return fresh;
  };
  /** Swaps the order of two neighbouring links (each saved on its own version). */
  const move = async (a: ChainLinkView, b: ChainLinkView) => {
    const [sa, sb] = a.sort === b.sort ? [b.sort + 1, a.sort] : [b.sort, a.sort];
    try {
      await m.updateLink.mutateAsync({ id: a.id, ...withVersion({ sort: sa }, a) });
      await m.updateLink.mutateAsync({ id: b.id, ...withVersion({ sort: sb }, b) });
    } catch (err) {
      stale.fail(err, graph.refetch);
    }
  };
  const remove = (l: ChainLinkView) => m.deleteLink.mutate(l, { onSuccess: () => message.success(t('industries.deleted')), onError: (err) => stale.fail(err, graph.refetch) });

  /** 删除产业链 (county staff): the dialog says what goes with it; the delete carries the version the page shows. */
  const removeChain = (c: ChainView) => {
    const entities = new Set(c.links.flatMap((l) => l.entityIds)).size;
    const projects = c.links.reduce((n, l) => n + l.projectCount, 0);
    modal.confirm({
      title: t('industries.chain.deleteTitle', { name: c.name }),
      content: t('industries.chain.deleteConfirm', { links: c.links.length, entities, projects }),
      okText: t('common.delete'),
      okButtonProps: { danger: true, id: 'chain-delete-ok' },
      cancelText: t('common.cancel'),
      onOk: () =>
        m.deleteChain
          .mutateAsync(c)
          .then(() => {
            message.success(t('industries.deleted'));
            void navigate('/industry/spectrum');
          })
          .catch((err: unknown) => stale.fail(err, graph.refetch)),
    });
  };

  if (graph.error) return <ErrorAlert error={graph.error} />;
  if (!g || !chain) return <Card loading />;
  const hanging = (linkId: number) => g.nodes.filter((n) => (n.kind === 'entity' || n.kind === 'project') && n.linkId === linkId);

  return (
    <>
      <PageHeader
        title={`${t('industries.map.title')} · ${chain.name}`}
        subtitle={`${chain.regionName ?? chain.regionCode} · ${chain.industryName}`}
        extra={
          <>
            <Link to="/industry/spectrum">
              <Button>{t('industries.map.back')}</Button>
            </Link>
            {chain.writable ? (
              <Button icon={<EditOutlined />} onClick={() => setChainEditing({ industryId: chain.industryId, chain })} data-testid="chain-edit">
                {t('industries.chain.edit')}
              </Button>
            ) : null}
            {chain.writable && countyStaff ? (
              <Button danger icon={<DeleteOutlined />} onClick={() => removeChain(chain)} data-testid="chain-delete">
                {t('industries.chain.delete')}
              </Button>
            ) : null}
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }} data-testid="chain-leaders">
          <Descriptions.Item label={t('industries.chain.leader')}>
            {chain.leaderName ? `${chain.leaderName}${chain.leaderTitle ? `（${chain.leaderTitle}）` : ''}` : t('industries.map.noLeader')}
          </Descriptions.Item>
          <Descriptions.Item label={t('industries.chain.deputy')}>{chain.deputyLeaderName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('industries.chain.shortfalls')}>{chain.shortfalls ?? '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={t('industries.map.graph')} style={{ marginBottom: 12 }} styles={{ body: { padding: 8 } }}>
        {chain.links.length ? (
          <ChainGraphChart graph={g} onOpen={(path) => void navigate(path)} ariaLabel={t('industries.map.graphAria')} />
        ) : (
          <Empty description={t('industries.noChain')} />
        )}
        <Typography.Text type="secondary">{t('industries.map.legend')}</Typography.Text>
      </Card>
      <Card size="small" title={t('industries.map.gaps')} style={{ marginBottom: 12 }} data-testid="chain-gaps">
        {g.gaps.length === 0 ? <Alert type="success" showIcon title={t('industries.map.noGap')} /> : null}
        <Flex vertical gap={4}>
          {g.gaps.map((x) => (
            <Typography.Text key={x.linkId} type="danger" data-testid={`gap-${x.linkId}`}>
              {t('industries.map.gaps')}：{x.label} — {x.reasonZh}
            </Typography.Text>
          ))}
        </Flex>
      </Card>
      <Card
        size="small"
        title={t('industries.map.links')}
        extra={
          chain.writable ? (
            <Button size="small" icon={<PlusOutlined />} onClick={() => setLinkEditing('new')} data-testid="link-add">
              {t('industries.link.add')}
            </Button>
          ) : null
        }
      >
        <List
          dataSource={chain.links}
          renderItem={(l, i) => (
            <List.Item data-testid={`link-row-${l.id}`} style={{ display: 'block' }}>
              <Flex justify="space-between" align="center" wrap gap={8}>
                <Space wrap size={4}>
                  <Typography.Text strong>{l.name || dict.label('chain_link_kind', l.linkKind)}</Typography.Text>
                  {l.name ? <Tag>{dict.label('chain_link_kind', l.linkKind)}</Tag> : null}
                  {l.gap ? (
                    <Tooltip title={l.gapReasonZh}>
                      <Tag color="red">{t('industries.map.gaps')}</Tag>
                    </Tooltip>
                  ) : null}
                </Space>
                {chain.writable ? (
                  <Space size={2} wrap>
                    <Button
                      size="small"
                      type="text"
                      icon={<ArrowLeftOutlined />}
                      aria-label={t('industries.link.up')}
                      disabled={i === 0}
                      onClick={() => void move(l, chain.links[i - 1]!)}
                    />
                    <Button
                      size="small"
                      type="text"
                      icon={<ArrowRightOutlined />}
                      aria-label={t('industries.link.down')}
                      disabled={i === chain.links.length - 1}
                      onClick={() => void move(l, chain.links[i + 1]!)}
                    />
                    <Button size="small" type="text" icon={<TeamOutlined />} aria-label={t('industries.link.assign')} onClick={() => setEntitiesEditing(l)} />
                    <Button size="small" type="text" icon={<EditOutlined />} aria-label={t('industries.link.edit')} onClick={() => setLinkEditing(l)} />
                    <Popconfirm title={t('industries.link.deleteConfirm')} onConfirm={() => remove(l)} okText={t('common.delete')} cancelText={t('common.cancel')}>
                      <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('industries.link.delete')} />
                    </Popconfirm>
                  </Space>
                ) : null}
              </Flex>
              {l.shortfall ? <Typography.Paragraph type="danger" style={{ margin: '4px 0 0' }}>{`${t('industries.link.shortfall')}：${l.shortfall}`}</Typography.Paragraph> : null}
              <Flex gap={8} wrap style={{ marginTop: 4 }}>
                {hanging(l.id).length === 0 ? <Typography.Text type="secondary">{t('industries.map.noRecord')}</Typography.Text> : null}
                {hanging(l.id).map((n: GraphNode) => (
                  <Link key={n.id} to={n.link ?? '#'} data-testid={`node-${n.id}`}>
                    <Tag color={n.kind === 'entity' ? 'green' : 'orange'}>
                      {n.kind === 'entity' ? t('industries.map.entity') : t('industries.map.project')}：{n.label}
                    </Tag>
                  </Link>
                ))}
              </Flex>
            </List.Item>
          )}
        />
      </Card>
      <ChainModal editing={chainEditing} onClose={() => setChainEditing(null)} reload={reloadChain} />
      <LinkModal
        open={linkEditing !== null}
        chainId={chain.id}
        link={linkEditing === 'new' ? null : linkEditing}
        onClose={() => setLinkEditing(null)}
        reload={reloadLink('link')}
      />
      <LinkEntitiesModal link={entitiesEditing} onClose={() => setEntitiesEditing(null)} reload={reloadLink('entities')} />
    </>
  );
}
