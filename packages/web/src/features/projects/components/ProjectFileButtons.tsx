import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { downloadUrl } from '../../../lib/api-client.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { RecordImportModal } from '../../../ui/RecordImportModal.tsx';
import type { ProjectQuery } from '../api.ts';

/** 导出 (the current filter), 下载模板 and 导入 (RecordImportModal: all rows or none; row errors with row, column and reason). */
export function ProjectFileButtons({ filters, writable }: { filters: ProjectQuery; writable: boolean }) {
  const { t, pick } = useI18n();
  const qc = useQueryClient();
  const [importing, setImporting] = useState(false);
  const { page: _p, pageSize: _s, ...query } = filters;
  return (
    <Space wrap>
      <Button icon={<DownloadOutlined />} href={downloadUrl('/projects/export.xlsx', query)}>
        {t('projects.export')}
      </Button>
      {writable ? (
        <>
          <Button href={downloadUrl('/projects/template.xlsx')}>{t('projects.template')}</Button>
          <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="project-import">
            {t('projects.import')}
          </Button>
          <RecordImportModal<{ created: number; updated: number; unchanged: number }>
            open={importing}
            onClose={() => setImporting(false)}
            title={pick('导入项目', 'Import projects')}
            hint={pick(
              '每行一个项目：项目名称、实施地点代码、计划年度、项目类型必填；未填项目编号的新建为谋划阶段，填写已登记编号的更新该项目（仅谋划或退回修改阶段）。有任何错误时不导入任何记录。',
              'One row per project; name, place code, year and type are required. A row without a project number creates a planned project; a known number updates that project (planned or returned only). Nothing is imported while any row has an error.',
            )}
            uploadUrl="/projects/import"
            templateUrl="/projects/template.xlsx"
            doneText={(r) =>
              pick(
                `导入完成：新增 ${r.created} 个项目（谋划阶段），更新 ${r.updated} 个，未变动 ${r.unchanged} 个`,
                `Imported: ${r.created} added (planned), ${r.updated} updated, ${r.unchanged} unchanged`,
              )
            }
            onDone={() => void qc.invalidateQueries({ queryKey: ['projects'] })}
            testId="project-import"
          />
        </>
      ) : null}
    </Space>
  );
}
