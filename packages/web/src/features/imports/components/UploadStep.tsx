import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Button, Space, Upload } from 'antd';
import { downloadUrl } from '../../../lib/api-client.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import type { ImportJob } from '../../../lib/types.ts';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { useUploadImport } from '../api.ts';

export type UploadStepProps = { onUploaded: (job: ImportJob) => void };

/** Step 1: template links and the file drop zone. */
export function UploadStep({ onUploaded }: UploadStepProps) {
  const { t } = useI18n();
  const upload = useUploadImport();
  return (
    <>
      <Space style={{ marginBottom: 16 }}>
        <Button icon={<DownloadOutlined />} href={downloadUrl('/imports/template.xlsx')}>
          {t('imp.templateXlsx')}
        </Button>
        <Button icon={<DownloadOutlined />} href={downloadUrl('/imports/template.csv')}>
          {t('imp.templateCsv')}
        </Button>
      </Space>
      <ErrorAlert error={upload.error} />
      <Upload.Dragger
        accept=".xlsx,.csv"
        multiple={false}
        showUploadList={false}
        disabled={upload.isPending}
        customRequest={({ file }) => {
          upload.mutate(file as File, { onSuccess: onUploaded });
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{upload.isPending ? t('imp.uploading') : t('imp.uploadHint')}</p>
        <p className="ant-upload-hint">{t('imp.uploadSub')}</p>
      </Upload.Dragger>
    </>
  );
}
