import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, List, Modal, Space, Upload } from 'antd';
import { useState } from 'react';
import { ApiError, downloadUrl } from '../../../lib/api-client.ts';
import { errorText } from '../../../lib/error-text.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { useImportProjects, type ProjectQuery } from '../api.ts';

type RowIssue = { row?: number; path: string; messageZh: string; messageEn: string };

/** 导出 (the current filter), 下载模板 and 导入 (all rows or none; the row errors listed with row, column and reason). */
export function ProjectFileButtons({ filters, writable }: { filters: ProjectQuery; writable: boolean }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const importer = useImportProjects();
  const [issues, setIssues] = useState<RowIssue[] | null>(null);
  const { page: _p, pageSize: _s, ...query } = filters;
  const upload = async (file: File) => {
    try {
      const r = await importer.mutateAsync(file);
      message.success(t('projects.import.done', { n: r.created }));
    } catch (err) {
      const list = err instanceof ApiError ? ((err.details?.issues ?? []) as RowIssue[]) : [];
      if (list.some((i) => i.row !== undefined)) setIssues(list);
      else message.error(errorText(err, i18n));
    }
  };
  return (
    <Space wrap>
      <Button icon={<DownloadOutlined />} href={downloadUrl('/projects/export.xlsx', query)}>
        {t('projects.export')}
      </Button>
      {writable ? (
        <>
          <Button href={downloadUrl('/projects/template.xlsx')}>{t('projects.template')}</Button>
          <Upload
            accept=".xlsx,.csv"
            showUploadList={false}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={importer.isPending}>
              {t('projects.import')}
            </Button>
          </Upload>
        </>
      ) : null}
      <Modal open={issues !== null} title={t('projects.import.failed')} onCancel={() => setIssues(null)} footer={null}>
        <List
          size="small"
          dataSource={issues ?? []}
          renderItem={(i) => (
            <List.Item>
              {i.row !== undefined ? `${t('projects.import.row', { row: i.row })} ` : ''}
              {i.path}：{i18n.pick(i.messageZh, i.messageEn)}
            </List.Item>
          )}
        />
      </Modal>
    </Space>
  );
}
