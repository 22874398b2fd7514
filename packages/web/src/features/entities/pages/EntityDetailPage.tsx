import { EditOutlined, StopOutlined, UndoOutlined } from '@ant-design/icons';
import type { EntityView } from '@chanbang/domain';
import { Alert, App, Button, DatePicker, Descriptions, Empty, Form, Input, List, Modal, Space, Spin, Tabs, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { useI18n, type MessageKey } from '../../../lib/i18n.tsx';
import { withVersion } from '../../../lib/versioning.ts';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useStaleSave } from '../../../ui/StaleSave.tsx';
import { useIsMobile } from '../../../ui/use-is-mobile.ts';
import { canWrite, useCurrentUser } from '../../auth/api.ts';
import { useDict } from '../../dictionaries/api.ts';
import { useEntity, useEntityHistory, useEntityMutations, type EntityHistoryEntry } from '../api.ts';
import { BackbonesTab } from '../components/BackbonesTab.tsx';
import { EntityFormModal } from '../components/EntityFormModal.tsx';
import { EntityHouseholdsTab } from '../components/EntityHouseholdsTab.tsx';

/** 经营主体 detail: 基本信息 / 技术骨干 / 带动农户 / 历史, edit, close (注销) with confirmation and reopen. */
export function EntityDetailPage() {
  const id = Number(useParams().id);
  const { t } = useI18n();
  const mobile = useIsMobile();
  const user = useCurrentUser();
  const q = useEntity(id);
  const [editing, setEditing] = useState(false);
  const [closing, setClosing] = useState(false);
  const [tab, setTab] = useState('basic');
  if (q.isLoading) return <Spin />;
  if (q.error || !q.data) return <ErrorAlert error={q.error ?? new Error(t('entities.notFound'))} onRetry={() => void q.refetch()} />;
  const e = q.data;
  const closed = e.status === 'closed';
  // a write needs the seat in the user's own area (an entity that only serves one of its villages is read-only)
  const writable = canWrite(user) && e.regionCode.startsWith(scopePrefixOf(user.regionCode));
  const reload = async () => (await q.refetch()).data;

  return (
    <>
      <PageHeader
        title={
          <Space wrap>
            {e.name}
            {closed && <Tag>{t('entities.closed')}</Tag>}
          </Space>
        }
        extra={
          writable && (
            <Space wrap>
              {!closed && (
                <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="entity-edit">
                  {t('common.edit')}
                </Button>
              )}
              {!closed ? (
                <Button danger icon={<StopOutlined />} onClick={() => setClosing(true)} data-testid="entity-close">
                  {t('entities.close')}
                </Button>
              ) : (
                <ReopenButton entity={e} reload={reload} />
              )}
            </Space>
          )
        }
      />
      {closed && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('entities.closedNote', { date: formatDate(e.closedOn), reason: e.closedReason ?? '—' })} />}
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'basic', label: t('entities.tab.basic'), children: <Basic entity={e} column={mobile ? 1 : 2} /> },
          { key: 'backbones', label: t('entities.tab.backbones'), children: <BackbonesTab entity={e} writable={writable && !closed} /> },
          { key: 'households', label: t('entities.tab.households'), children: <EntityHouseholdsTab entityId={e.id} regionCode={e.regionCode} writable={writable && !closed} /> },
          { key: 'history', label: t('entities.tab.history'), children: <History id={e.id} enabled={tab === 'history'} /> },
        ]}
      />
      <EntityFormModal open={editing} entity={e} onClose={() => setEditing(false)} reload={reload} />
      <CloseModal open={closing} entity={e} onClose={() => setClosing(false)} reload={reload} />
    </>
  );
}

/** Significant prefix of a region code (county 6, township 9, village 12). */
function scopePrefixOf(code: string): string {
  if (code.endsWith('000000')) return code.slice(0, 6);
  if (code.endsWith('000')) return code.slice(0, 9);
  return code;
}

function Basic({ entity: e, column }: { entity: EntityView; column: number }) {
  const { t } = useI18n();
  const dict = useDict();
  const row = (key: MessageKey, value: React.ReactNode) => ({ key, label: t(key), children: value === null || value === undefined || value === '' ? '—' : value });
  return (
    <Descriptions
      bordered
      size="small"
      column={column}
      items={[
        row('entities.field.entityType', dict.label('entity_type', e.entityType)),
        row('entities.field.level', e.level ? dict.label('entity_level', e.level) : null),
        row('entities.field.creditCode', e.creditCode),
        row('entities.field.partyLed', e.partyLed ? t('entities.yes') : t('entities.no')),
        row('entities.field.isRelocationPark', e.isRelocationPark ? t('entities.yes') : t('entities.no')),
        row('entities.field.employeeCount', e.employeeCount),
        row('entities.field.regionCode', e.regionName ?? e.regionCode),
        row('entities.field.servedRegionCodes', e.servedRegionCodes.join('、')),
        row('entities.field.industryIds', e.industries.map((i) => i.name).join('、')),
        row('entities.field.legalPerson', e.legalPerson),
        row('entities.field.contactName', e.contactName),
        row('entities.field.contactPhone', e.contactPhone),
        row('entities.field.address', e.address),
        row('entities.field.establishedOn', e.establishedOn ? formatDate(e.establishedOn) : null),
        row('entities.field.backboneCount', e.backboneCount),
        row('entities.field.note', e.note),
      ]}
    />
  );
}

function CloseModal({ open, entity, onClose, reload }: { open: boolean; entity: EntityView; onClose: () => void; reload: () => Promise<EntityView | undefined> }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const stale = useStaleSave();
  const m = useEntityMutations();
  const [form] = Form.useForm<{ reason: string; date: Dayjs }>();
  const save = async () => {
    const v = await form.validateFields();
    try {
      await m.close.mutateAsync({ id: entity.id, ...withVersion({ reason: v.reason.trim(), date: v.date.format('YYYY-MM-DD') }, entity) });
      message.success(t('entities.saved'));
      onClose();
    } catch (err) {
      stale.fail(err, () => reload());
    }
  };
  return (
    <Modal
      open={open}
      title={t('entities.close')}
      onCancel={onClose}
      onOk={() => void save()}
      okButtonProps={{ danger: true }}
      okText={t('entities.close')}
      cancelText={t('common.cancel')}
      confirmLoading={m.close.isPending}
      forceRender
    >
      <Typography.Paragraph>{t('entities.closeConfirm')}</Typography.Paragraph>
      <Form form={form} name="entityClose" layout="vertical" initialValues={{ date: dayjs() }}>
        <Form.Item name="reason" label={t('entities.closeReason')} rules={[{ required: true, whitespace: true, max: 500 }]}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} />
        </Form.Item>
        <Form.Item name="date" label={t('entities.closeDate')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ReopenButton({ entity, reload }: { entity: EntityView; reload: () => Promise<EntityView | undefined> }) {
  const { t } = useI18n();
  const { modal, message } = App.useApp();
  const stale = useStaleSave();
  const m = useEntityMutations();
  return (
    <Button
      icon={<UndoOutlined />}
      onClick={() =>
        modal.confirm({
          title: t('entities.reopenConfirm'),
          okText: t('entities.reopen'),
          cancelText: t('common.cancel'),
          onOk: async () => {
            try {
              await m.reopen.mutateAsync({ id: entity.id, ...withVersion({}, entity) });
              message.success(t('entities.saved'));
            } catch (err) {
              stale.fail(err, () => reload());
            }
          },
        })
      }
    >
      {t('entities.reopen')}
    </Button>
  );
}

const FIELD_KEYS = [
  'name',
  'entityType',
  'regionCode',
  'creditCode',
  'level',
  'partyLed',
  'isRelocationPark',
  'employeeCount',
  'legalPerson',
  'contactName',
  'contactPhone',
  'address',
  'establishedOn',
  'servedRegionCodes',
  'note',
  'status',
  'closedOn',
  'closedReason',
];

/** 历史: who changed what, field labels in words (never a key), dictionary codes as labels. */
function History({ id, enabled }: { id: number; enabled: boolean }) {
  const { t } = useI18n();
  const dict = useDict();
  const h = useEntityHistory(id, enabled);
  if (h.error) return <ErrorAlert error={h.error} onRetry={() => void h.refetch()} />;
  const show = (key: string, v: unknown): string => {
    if (v === null || v === undefined || v === '') return '—';
    if (key === 'entityType') return dict.label('entity_type', String(v));
    if (key === 'level') return dict.label('entity_level', String(v));
    if (key === 'partyLed' || key === 'isRelocationPark') return v ? t('entities.yes') : t('entities.no');
    if (key === 'status') return v === 'closed' ? t('entities.status.closed') : t('entities.status.active');
    if (Array.isArray(v)) return v.join('、') || '—';
    return String(v);
  };
  const changes = (x: EntityHistoryEntry) => {
    const b = (x.before ?? {}) as Record<string, unknown>;
    const a = (x.after ?? {}) as Record<string, unknown>;
    return FIELD_KEYS.filter((k) => JSON.stringify(b[k] ?? null) !== JSON.stringify(a[k] ?? null)).map(
      (k) => `${t(`entities.field.${k}` as MessageKey)}：${x.before ? `${show(k, b[k])} → ` : ''}${show(k, a[k])}`,
    );
  };
  const backboneWords = (x: EntityHistoryEntry) => {
    const a = (x.after ?? {}) as Record<string, unknown>;
    return typeof a.name === 'string' ? [`${t('entities.backbone.name')}：${a.name}`] : [];
  };
  return (
    <List
      loading={h.isLoading}
      locale={{ emptyText: <Empty description={t('entities.history.empty')} /> }}
      dataSource={h.data?.items ?? []}
      renderItem={(x) => (
        <List.Item>
          <List.Item.Meta
            title={`${formatDateTime(x.at)} · ${x.actorName ?? '—'} · ${t(`entities.history.action.${x.action}` as MessageKey)}`}
            description={(x.action.startsWith('backbone_') ? backboneWords(x) : changes(x)).join('；') || '—'}
          />
        </List.Item>
      )}
    />
  );
}
