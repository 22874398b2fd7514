import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Popconfirm, Skeleton, Tabs, Tag } from 'antd';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { errorText } from '../../../lib/error-text.ts';
import { useI18n, type MessageKey } from '../../../lib/i18n.tsx';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { canWrite, useCurrentUser } from '../../auth/api.ts';
import { DICT, useDict } from '../../dictionaries/api.ts';
import { useDeleteHousehold, useHousehold } from '../api.ts';
import { HelpersTab } from '../components/HelpersTab.tsx';
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
  const writable = canWrite(user);
  const dict = useDict();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const { data: h, isLoading, error, refetch } = useHousehold(id);
  const remove = useDeleteHousehold();

  if (isLoading) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (error || !h) return <ErrorAlert error={error} onRetry={() => void refetch()} />;

  const head = h.members.find((m) => m.isHead) ?? h.members[0];
  const handleDelete = () =>
    remove.mutate(id, {
      onSuccess: () => {
        message.success(t('common.deleted'));
        navigate('/households');
      },
      onError: (err) => message.error(errorText(err, i18n)),
    });
  const secure = (key: 'housingSecure' | 'waterSecure' | 'educationSecure' | 'medicalSecure') =>
    h[key] === false ? <Tag color="red">{t(`hh.${key}` as MessageKey)} ✗</Tag> : <Tag color="green">{t(`hh.${key}` as MessageKey)} ✓</Tag>;

  return (
    <>
      <PageHeader
        title={`${head?.name ?? h.headName ?? ''} · ${h.householdNo}`}
        subtitle={h.regionName ?? h.regionCode}
        extra={
          writable ? (
            <>
              <Button icon={<EditOutlined />} onClick={() => navigate(`/households/${id}/edit`)}>
                {t('hh.edit')}
              </Button>
              <Popconfirm title={t('common.confirmDelete')} onConfirm={handleDelete} okText={t('common.ok')} cancelText={t('common.cancel')} okButtonProps={{ danger: true }}>
                <Button danger icon={<DeleteOutlined />} loading={remove.isPending}>
                  {t('hh.delete')}
                </Button>
              </Popconfirm>
            </>
          ) : null
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 4 }}>
          <Descriptions.Item label={t('hh.type')}>{dict.label(DICT.householdType, h.householdType)}</Descriptions.Item>
          <Descriptions.Item label={t('hh.monitoringType')}>{dict.label(DICT.monitoringType, h.monitoringType)}</Descriptions.Item>
          <Descriptions.Item label={t('hh.monitoringStatus')}>{h.monitoringStatus ? t(`hh.status.${h.monitoringStatus}` as MessageKey) : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('hh.liftedYear')}>{h.liftedYear ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('hh.riskType')}>{h.riskTypes?.length ? h.riskTypes.map((c) => <Tag key={c}>{dict.label(DICT.riskType, c)}</Tag>) : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('hh.phone')}>{h.phone ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('hh.address')} span={2}>{h.address ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('hh.security')} span={4}>
            {secure('housingSecure')}
            {secure('waterSecure')}
            {secure('educationSecure')}
            {secure('medicalSecure')}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small">
        <Tabs
          activeKey={params.get('tab') ?? 'members'}
          onChange={(tab) => setParams((p) => { const n = new URLSearchParams(p); n.set('tab', tab); return n; }, { replace: true })}
          destroyOnHidden
          items={[
            { key: 'members', label: t('hh.tab.members'), children: <MembersTab household={h} writable={writable} /> },
            { key: 'income', label: t('hh.tab.income'), children: <IncomeTab household={h} writable={writable} /> },
            { key: 'measures', label: t('hh.tab.measures'), children: <MeasuresTab household={h} writable={writable} /> },
            { key: 'monitoring', label: t('hh.tab.monitoring'), children: <MonitoringTab household={h} writable={writable} /> },
            { key: 'helpers', label: t('hh.tab.helpers'), children: <HelpersTab household={h} writable={writable} /> },
            { key: 'history', label: t('hh.tab.history'), children: <HistoryTab householdId={h.id} /> },
          ]}
        />
      </Card>
    </>
  );
}
