import { EditOutlined, LogoutOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Flex, Popconfirm, Skeleton, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { useI18n, type MessageKey } from '../../../lib/i18n.tsx';
import type { HouseholdDetail } from '../../../lib/types.ts';
import { withVersion } from '../../../lib/versioning.ts';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useStaleSave } from '../../../ui/StaleSave.tsx';
import { canWrite, useCurrentUser } from '../../auth/api.ts';
import { DICT, useDict } from '../../dictionaries/api.ts';
import { formatDate } from '../../../lib/format.ts';
import { useIsMobile } from '../../../ui/use-is-mobile.ts';
import { useHousehold, useHouseholdExit, useReloadHousehold } from '../api.ts';
import { ExitModal } from '../components/ExitModal.tsx';
import { SECURE_KEYS } from '../components/HouseholdFields.tsx';
import { SecureTag } from '../components/SecureState.tsx';
import { HelpersTab } from '../components/HelpersTab.tsx';
import { HouseholdLinkagesTab } from '../../entities/components/HouseholdLinkagesTab.tsx';
import { HouseholdLoansTab } from '../../calculators/components/HouseholdLoansTab.tsx';
import { SubsidiesCard } from '../../calculators/components/SubsidiesCard.tsx';
import { HistoryTab } from '../components/HistoryTab.tsx';
import { IncomeTab } from '../components/IncomeTab.tsx';
import { MeasuresTab } from '../components/MeasuresTab.tsx';
import { MembersTab } from '../components/MembersTab.tsx';
import { MonitoringTab } from '../components/MonitoringTab.tsx';

/** Household detail with tabs; the active tab is in the URL (?tab=). */
export function HouseholdDetailPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const { id: idParam } = useParams();
  const id = Number(idParam);
  const user = useCurrentUser();
  const isAdmin = user.role === 'admin';
  const dict = useDict();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const { data: h, isLoading, error, refetch } = useHousehold(id);
  const exits = useHouseholdExit(id);
  const mobile = useIsMobile();
  const stale = useStaleSave();
  const reload = useReloadHousehold(id);
  /** the household as the 自然减少 dialog was opened: its version is what the exit is based on */
  const [leaving, setLeaving] = useState<HouseholdDetail | null>(null);

  if (isLoading) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (error || !h) return <ErrorAlert error={error} onRetry={() => void refetch()} />;

  const head = h.members.find((m) => m.isHead) ?? h.members[0];
  const exited = !!h.exitReason;
  // a household that left by 自然减少 is read-only: no edits, no member or income changes
  const writable = canWrite(user) && !exited;
  const handleRestore = () =>
    exits.restore.mutate(withVersion({}, h), {
      onSuccess: () => message.success(t('hh.restore.done')),
      onError: (err: unknown) => stale.fail(err, reload),
    });
  const regionPath = [h.townshipName, h.villageName, h.groupName].filter(Boolean).join(' / ') || h.regionName || h.regionCode;

  return (
    <>
      <PageHeader
        title={`${head?.name ?? h.headName ?? ''} · ${h.householdNo}`}
        subtitle={regionPath}
        extra={
          writable ? (
            <>
              <Button icon={<EditOutlined />} onClick={() => navigate(`/households/${id}/edit`)}>
                {t('hh.edit')}
              </Button>
              <Button danger icon={<LogoutOutlined />} onClick={() => setLeaving(h)}>
                {t('hh.exit')}
              </Button>
            </>
          ) : exited && isAdmin ? (
            <Popconfirm title={t('hh.restore.confirm')} onConfirm={handleRestore} okText={t('common.ok')} cancelText={t('common.cancel')}>
              <Button icon={<UndoOutlined />} loading={exits.restore.isPending}>
                {t('hh.restore')}
              </Button>
            </Popconfirm>
          ) : null
        }
      />
      {exited ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('hh.exited.banner', { reason: dict.label(DICT.exitReason, h.exitReason), date: formatDate(h.exitDate) })}
          description={h.exitNote ?? undefined}
        />
      ) : null}
      <ExitModal
        open={leaving !== null}
        kind="household"
        name={`${head?.name ?? h.headName ?? ''} · ${h.householdNo}`}
        onCancel={() => setLeaving(null)}
        pending={exits.exit.isPending}
        onSubmit={async (input) => {
          await exits.exit.mutateAsync(withVersion(input, leaving));
          setLeaving(null);
          navigate('/households');
        }}
        reload={async () => {
          const fresh = await reload();
          setLeaving(fresh.exitReason ? null : fresh);
        }}
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 4 }} layout={mobile ? 'vertical' : 'horizontal'}>
          <Descriptions.Item label={t('hh.type')}>{dict.label(DICT.householdType, h.householdType)}</Descriptions.Item>
          <Descriptions.Item label={t('hh.isLifted')}>
            {h.isLifted ? `${t('common.yes')}${h.liftedCategory ? `（${dict.label(DICT.liftedCategory, h.liftedCategory)}）` : ''}` : t('common.no')}
          </Descriptions.Item>
          <Descriptions.Item label={t('hh.monitoringType')}>{dict.label(DICT.monitoringType, h.monitoringType)}</Descriptions.Item>
          <Descriptions.Item label={t('hh.monitoringStatus')}>{h.monitoringStatus ? t(`hh.status.${h.monitoringStatus}` as MessageKey) : '—'}</Descriptions.Item>
          {h.monitoringSince ? <Descriptions.Item label={t('hh.monitoringSince')}>{formatDate(h.monitoringSince)}</Descriptions.Item> : null}
          {h.monitoringStatus === 'eliminated' ? (
            <Descriptions.Item label={t('hh.eliminatedAt')}>
              {formatDate(h.eliminatedAt)}
              {h.eliminationMethod ? `（${dict.label(DICT.eliminationMethod, h.eliminationMethod)}）` : ''}
            </Descriptions.Item>
          ) : null}
          <Descriptions.Item label={t('hh.liftedYear')}>{h.liftedYear ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('hh.riskType')}>{h.riskTypes?.length ? h.riskTypes.map((c) => <Tag key={c}>{dict.label(DICT.riskType, c)}</Tag>) : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('hh.phone')}>{h.phone ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('hh.address')} span={{ xs: 1, md: 2 }}>
            {h.address ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('hh.security')} span="filled">
            <Flex wrap gap={4}>
              {SECURE_KEYS.map((k) => (
                <SecureTag key={k} label={t(`hh.${k}` as MessageKey)} value={h[k]} />
              ))}
            </Flex>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small">
        <Tabs
          activeKey={params.get('tab') ?? 'members'}
          onChange={(tab) =>
            setParams(
              (p) => {
                const n = new URLSearchParams(p);
                n.set('tab', tab);
                return n;
              },
              { replace: true },
            )
          }
          destroyOnHidden
          items={[
            { key: 'members', label: t('hh.tab.members'), children: <MembersTab household={h} writable={writable} /> },
            { key: 'income', label: t('hh.tab.income'), children: <IncomeTab household={h} writable={writable} /> },
            { key: 'measures', label: t('hh.tab.measures'), children: <MeasuresTab household={h} writable={writable} /> },
            { key: 'monitoring', label: t('hh.tab.monitoring'), children: <MonitoringTab household={h} writable={writable} /> },
            { key: 'helpers', label: t('hh.tab.helpers'), children: <HelpersTab household={h} writable={writable} /> },
            { key: 'linkages', label: t('hh.tab.linkages'), children: <HouseholdLinkagesTab household={h} writable={writable} /> },
            { key: 'loans', label: t('hh.tab.loans'), children: <HouseholdLoansTab household={h} writable={writable} /> },
            { key: 'subsidies', label: t('hh.tab.subsidies'), children: <SubsidiesCard owner={{ householdId: h.id }} writable={writable} /> },
            { key: 'history', label: t('hh.tab.history'), children: <HistoryTab householdId={h.id} /> },
          ]}
        />
      </Card>
    </>
  );
}
