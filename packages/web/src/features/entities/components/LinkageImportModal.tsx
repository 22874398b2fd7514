import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Modal, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ApiError, downloadUrl, type ApiIssue } from '../../../lib/api-client.ts';
import { errorText } from '../../../lib/error-text.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { ResponsiveTable } from '../../../ui/ResponsiveTable.tsx';
import { useLinkageMutations } from '../linkages-api.ts';

/**
 * 导入带动记录 (联农带农 file): all rows or none. Row errors (行, 列, 原因) come back as a 422 and are listed; nothing
 * was written, the officer corrects the file and uploads it again. The export has the same columns.
 */
export function LinkageImportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const i18n = useI18n();
  const { pick } = i18n;
  const { message } = App.useApp();
  const m = useLinkageMutations();
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
      message.success(pick(`已导入：新增 ${r.added} 条，更新 ${r.updated} 条`, `Imported: ${r.added} added, ${r.updated} updated`));
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
      title={pick('导入带动记录', 'Import linkages')}
      onCancel={close}
      onOk={() => void start()}
      okText={pick('开始导入', 'Import')}
      okButtonProps={{ disabled: !file }}
      confirmLoading={m.importFile.isPending}
      cancelText={pick('取消', 'Cancel')}
      width={760}
    >
      <Flex vertical gap={12}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {pick(
            '每行一条：年度、带动主体、户编号、联农带农方式、收入（元）必填；同一主体、农户、方式和年度的记录将被更新（已计入收入的除外）。有任何错误时不导入任何记录。',
            'One row per linkage; year, entity, household number, mode and income are required. A row with the same entity, household, mode and year updates that record (unless carried). Nothing is imported while any row has an error.',
          )}{' '}
          <a href={downloadUrl('/linkages/template.xlsx')} download>
            {pick('下载导入模板', 'Download the template')}
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
          <Button icon={<UploadOutlined />}>{pick('选择文件', 'Choose a file')}</Button>
        </Upload>
        {failure && <Alert type="error" showIcon message={failure} />}
        {issues && (
          <>
            <Alert type="error" showIcon message={pick(`文件中有 ${issues.length} 处错误，未导入任何记录`, `${issues.length} error(s); nothing was imported`)} />
            <ResponsiveTable<ApiIssue>
              size="small"
              rowKey={(_, i) => String(i)}
              dataSource={issues}
              pagination={issues.length > 10 ? { pageSize: 10 } : false}
              cardTitle={(i) => `${pick('第', 'Row ')}${i.row ?? '—'}${pick(' 行', '')} · ${i.path ?? ''}`}
              columns={[
                { title: pick('行', 'Row'), dataIndex: 'row', width: 64 },
                { title: pick('列', 'Column'), dataIndex: 'path', width: 140 },
                { title: pick('原因', 'Reason'), key: 'reason', render: (_, i) => pick(i.messageZh, i.messageEn) },
              ]}
            />
          </>
        )}
      </Flex>
    </Modal>
  );
}
