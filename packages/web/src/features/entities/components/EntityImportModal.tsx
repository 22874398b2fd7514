import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Modal, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ApiError, downloadUrl, type ApiIssue } from '../../../lib/api-client.ts';
import { errorText } from '../../../lib/error-text.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { ResponsiveTable } from '../../../ui/ResponsiveTable.tsx';
import { useEntityMutations } from '../api.ts';

/**
 * 导入经营主体: one file, all rows or none. Row errors (行, 列, 原因) come back from the server as a 422 and are
 * shown in a table; nothing was written, the officer fixes the file and uploads again.
 */
export function EntityImportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const i18n = useI18n();
  const { t, pick } = i18n;
  const { message } = App.useApp();
  const m = useEntityMutations();
  const [file, setFile] = useState<File | null>(null);
  const [issues, setIssues] = useState<ApiIssue[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const close = () => {
    setFile(null);
    setIssues(null);
    setFailure(null);
    onClose();
  };

  const start = async () => {
    if (!file) return;
    setIssues(null);
    setFailure(null);
    try {
      const r = await m.importFile.mutateAsync(file);
      message.success(t('entities.import.done', { added: r.added, updated: r.updated }));
      close();
    } catch (err) {
      const rows = err instanceof ApiError && err.code === 'IMPORT_REJECTED' ? (err.details?.issues ?? []) : [];
      if (rows.some((i) => i.row)) setIssues(rows);
      else setFailure(errorText(err, i18n));
    }
  };

  return (
    <Modal
      open={open}
      title={t('entities.import.title')}
      onCancel={close}
      onOk={() => void start()}
      okText={t('entities.import.start')}
      okButtonProps={{ disabled: !file, ...({ 'data-testid': 'entity-import-start' } as object) }}
      confirmLoading={m.importFile.isPending}
      cancelText={t('common.cancel')}
      width={760}
    >
      <Flex vertical gap={12}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('entities.import.hint')}{' '}
          <a href={downloadUrl('/entities/template.xlsx')} download>
            {t('entities.template')}
          </a>
        </Typography.Paragraph>
        <Upload
          accept=".xlsx,.csv"
          maxCount={1}
          beforeUpload={(f) => {
            setFile(f);
            setIssues(null);
            setFailure(null);
            return false;
          }}
          onRemove={() => setFile(null)}
          fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
        >
          <Button icon={<UploadOutlined />} data-testid="entity-import-pick">
            {t('entities.import.pick')}
          </Button>
        </Upload>
        {failure && <Alert type="error" showIcon message={failure} />}
        {issues && (
          <>
            <Alert type="error" showIcon message={t('entities.import.failed', { n: issues.length })} />
            <ResponsiveTable<ApiIssue>
              data-testid="entity-import-issues"
              size="small"
              rowKey={(_, i) => String(i)}
              dataSource={issues}
              pagination={issues.length > 10 ? { pageSize: 10 } : false}
              cardTitle={(i) => `${t('entities.import.row')} ${i.row ?? '—'} · ${i.path ?? ''}`}
              columns={[
                { title: t('entities.import.row'), dataIndex: 'row', width: 64 },
                { title: t('entities.import.column'), dataIndex: 'path', width: 140 },
                { title: t('entities.import.reason'), key: 'reason', render: (_, i) => pick(i.messageZh, i.messageEn) },
              ]}
            />
          </>
        )}
      </Flex>
    </Modal>
  );
}
