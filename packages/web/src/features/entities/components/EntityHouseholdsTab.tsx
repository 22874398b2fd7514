import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import type { LinkageView } from '@chanbang/domain';
import { Button, Empty, Flex, Select, Spin, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { downloadUrl } from '../../../lib/api-client.ts';
import { formatYuan } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { ResponsiveTable } from '../../../ui/ResponsiveTable.tsx';
import { useDict } from '../../dictionaries/api.ts';
import { useEntityHouseholds } from '../linkages-api.ts';
import { LinkageFormModal } from './LinkageFormModal.tsx';
import { LinkageImportModal } from './LinkageImportModal.tsx';

export type EntityHouseholdsTabProps = {
  /** the entity shown on the detail page */
  entityId: number;
  /** the entity's seat (county, township or village code) */
  regionCode: string;
  /** whether the current user may edit this entity's linkages (in scope, not read-only, entity not closed) */
  writable: boolean;
};

type Total = { year: number; mode: string; households: number; liftedHouseholds: number; monitoredHouseholds: number; amountYuan: number };

/** 带动农户 (联农带农) of an entity: totals by year and mode, the households (in the user's scope), add one by 户编号. */
export function EntityHouseholdsTab({ entityId, writable }: EntityHouseholdsTabProps) {
  const { pick, lang } = useI18n();
  const dict = useDict();
  const [year, setYear] = useState<number | undefined>(undefined);
  const q = useEntityHouseholds(entityId, year);
  const [editing, setEditing] = useState<LinkageView | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const years: number[] = [];
  for (let y = dayjs().year(); y >= 2013; y--) years.push(y);
  const reload = async () => (await q.refetch()).data?.items.find((l) => editing !== 'new' && l.id === editing?.id);

  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Select<number | undefined>
          allowClear
          placeholder={pick('全部年度', 'All years')}
          value={year}
          onChange={(v) => setYear(v ?? undefined)}
          options={years.map((y) => ({ value: y, label: pick(`${y} 年`, String(y)) }))}
          style={{ minWidth: 120 }}
          aria-label={pick('年度', 'Year')}
        />
        {writable ? (
          <Button icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {pick('添加带动农户', 'Add a household')}
          </Button>
        ) : null}
        {writable ? (
          <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
            {pick('导入', 'Import')}
          </Button>
        ) : null}
        <Button icon={<DownloadOutlined />} href={downloadUrl('/linkages/export.xlsx', { entityId, year })}>
          {pick('导出 Excel', 'Export Excel')}
        </Button>
      </Flex>
      {q.isLoading ? <Spin /> : null}
      {q.error ? <ErrorAlert error={q.error} /> : null}
      {q.data && q.data.items.length === 0 ? <Empty description={pick('本辖区内暂无该主体带动的农户', 'No household in your area is driven by this entity')} /> : null}
      {q.data && q.data.totals.length > 0 ? (
        <>
          <Typography.Title level={5}>{pick('带动情况汇总（按年度和方式）', 'Totals by year and mode')}</Typography.Title>
          <ResponsiveTable<Total>
            size="small"
            rowKey={(t) => `${t.year}-${t.mode}`}
            pagination={false}
            dataSource={q.data.totals}
            aria-label={pick('带动情况汇总', 'Totals')}
            cardTitle={(t) => `${t.year} 年 · ${dict.label('linkage_mode', t.mode)}`}
            columns={[
              { title: pick('年度', 'Year'), dataIndex: 'year' },
              { title: pick('联农带农方式', 'Mode'), dataIndex: 'mode', render: (m: string) => dict.label('linkage_mode', m) },
              { title: pick('带动农户（户）', 'Households'), dataIndex: 'households', align: 'right' },
              { title: pick('其中脱贫户', 'Lifted'), dataIndex: 'liftedHouseholds', align: 'right' },
              { title: pick('其中监测户', 'Monitored'), dataIndex: 'monitoredHouseholds', align: 'right' },
              { title: pick('收入合计（元）', 'Income (yuan)'), dataIndex: 'amountYuan', align: 'right', render: (v: number) => formatYuan(v, lang) },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {pick('带动农户', 'Households')}
          </Typography.Title>
          <ResponsiveTable<LinkageView>
            size="small"
            rowKey="id"
            pagination={q.data.items.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            dataSource={q.data.items}
            aria-label={pick('带动农户', 'Households')}
            columns={[
              { title: pick('户编号', 'Household no.'), dataIndex: 'householdNo', render: (v: string, l: LinkageView) => <Link to={`/households/${l.householdId}`}>{v}</Link> },
              { title: pick('户主', 'Head'), dataIndex: 'headName', render: (v: string | null) => v ?? '—' },
              { title: pick('户类型', 'Type'), dataIndex: 'householdType', render: (v: string) => dict.label('household_type', v) },
              { title: pick('所在村', 'Village'), dataIndex: 'villageName', render: (v: string | null) => v ?? '—' },
              { title: pick('年度', 'Year'), dataIndex: 'year' },
              { title: pick('联农带农方式', 'Mode'), dataIndex: 'mode', render: (m: string) => dict.label('linkage_mode', m) },
              { title: pick('收入（元）', 'Income (yuan)'), dataIndex: 'amountYuan', align: 'right', render: (v: number) => formatYuan(v, lang) },
              {
                title: pick('是否已计入收入', 'Carried'),
                dataIndex: 'carriedAt',
                render: (v: string | null) => (v ? <Tag color="green">{pick('已计入', 'Carried')}</Tag> : <Tag>{pick('未计入', 'Not yet')}</Tag>),
              },
              ...(writable
                ? [
                    {
                      title: pick('操作', 'Actions'),
                      key: 'a',
                      render: (_: unknown, l: LinkageView) => (
                        <Button type="link" size="small" onClick={() => setEditing(l)} aria-label={`${pick('修改', 'Edit')} ${l.householdNo}`}>
                          {pick('修改', 'Edit')}
                        </Button>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </>
      ) : null}
      <LinkageFormModal editing={editing} entityId={entityId} onClose={() => setEditing(null)} reload={reload} />
      <LinkageImportModal open={importing} onClose={() => setImporting(false)} />
    </>
  );
}
