import { UploadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../lib/i18n.tsx';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { useImportRegions, useLoadRegionDataset, type RegionLoadReport } from '../api.ts';
import { RegionChangeReport } from './RegionChangeReport.tsx';

/** Admin only: import the statistics bureau's region list, or load the county from the public dataset; shows what changed. */
export function RegionAdminPanel() {
  const { t } = useI18n();
  const upload = useImportRegions();
  const dataset = useLoadRegionDataset();
  const [county, setCounty] = useState('');
  const [report, setReport] = useState<RegionLoadReport | null>(null);
  const error = upload.error ?? dataset.error;
  return (
    <Card size="small" title={t('regions.admin')} style={{ marginBottom: 16 }}>
      <Flex wrap gap={12} align="flex-start" style={{ marginBottom: 8 }}>
        <Upload
          accept=".xlsx,.csv"
          multiple={false}
          showUploadList={false}
          disabled={upload.isPending}
          customRequest={({ file }) => {
            dataset.reset();
            setReport(null);
            upload.mutate(file as File, { onSuccess: setReport });
          }}
        >
          <Button icon={<UploadOutlined />} loading={upload.isPending}>
            {t('regions.import')}
          </Button>
        </Upload>
        <Flex gap={8} style={{ flex: '1 1 260px', maxWidth: 420 }}>
          <Input
            aria-label={t('regions.dataset')}
            placeholder={t('regions.datasetHint')}
            value={county}
            onChange={(e) => setCounty(e.target.value)}
            onPressEnter={() => county.trim() && dataset.mutate(county.trim(), { onSuccess: setReport })}
          />
          <Button
            disabled={!county.trim()}
            loading={dataset.isPending}
            onClick={() => {
              upload.reset();
              setReport(null);
              dataset.mutate(county.trim(), { onSuccess: setReport });
            }}
          >
            {t('regions.datasetLoad')}
          </Button>
        </Flex>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('regions.importHint')}；{t('regions.dataset')}：{t('regions.datasetHint')}
      </Typography.Paragraph>
      <ErrorAlert error={error} />
      {report ? <RegionChangeReport report={report} /> : null}
    </Card>
  );
}
