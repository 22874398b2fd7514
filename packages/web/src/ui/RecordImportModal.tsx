import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Modal, Typography, Upload } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { apiRequest, downloadUrl, type ApiIssue } from '../lib/api-client.ts';
import { errorText } from '../lib/error-text.ts';
import { useI18n } from '../lib/i18n.tsx';
import { issuesCsv, rowIssuesOf } from './record-import.ts';
import { ResponsiveTable } from './ResponsiveTable.tsx';
import { useIsMobile } from './use-is-mobile.ts';

/** What a record import answers: counts by name (added, updated, created …), and whatever else its report carries (ignored columns). */
export type RecordImportResult = Record<string, unknown>;

export type RecordImportModalProps<R extends RecordImportResult> = {
  open: boolean;
  onClose: () => void;
  title: string;
  /** what the file holds and how rows are matched; the template link follows it */
  hint: ReactNode;
  /** API path of the upload (POST, multipart field `file`), e.g. `/entities/import` */
  uploadUrl: string;
  /** API path of the template, e.g. `/entities/template.xlsx` */
  templateUrl: string;
  /** the counts of the answer in words, e.g. `r => t('entities.import.done', r)` (导入完成：新增 2 个，更新 0 个) */
  doneText: (result: R) => string;
  /**
   * what the officer must read after a successful import (columns read but not stored, rows not applied, with the
   * reason): the answer then stays in the dialog, each note on its own line, instead of a toast that is cut and goes
   */
  notesOf?: (result: R) => string[];
  /** after a successful import (refresh the lists) */
  onDone?: (result: R) => void;
  /** prefix of the test ids: `<p>-pick`, `<p>-start`, `<p>-issues`, `<p>-errors` */
  testId?: string;
};

/**
 * 导入 of a small record file (entities, linkages, projects; server: modules/imports/record-import.ts): one file,
 * all rows or none. A refused file's row errors (行, 列, 原因) are listed and can be downloaded as a list; nothing was
 * written, the officer corrects the file and uploads it again. Full screen on a phone.
 */
export function RecordImportModal<R extends RecordImportResult>({
  open,
  onClose,
  title,
  hint,
  uploadUrl,
  templateUrl,
  doneText,
  notesOf,
  onDone,
  testId,
}: RecordImportModalProps<R>) {
  const i18n = useI18n();
  const { t, pick } = i18n;
  const { message } = App.useApp();
  const mobile = useIsMobile();
  const [file, setFile] = useState<File | null>(null);
  const [issues, setIssues] = useState<ApiIssue[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<{ text: string; notes: string[] } | null>(null);
  const upload = useMutation({
    mutationFn: (f: File) => {
      const form = new FormData();
      form.append('file', f);
      return apiRequest<R>(uploadUrl, { method: 'POST', body: form });
    },
  });
  const id = (suffix: string) => (testId ? { 'data-testid': `${testId}-${suffix}` } : {});

  const reset = () => {
    setIssues(null);
    setFailure(null);
    setDone(null);
  };
  const close = () => {
    setFile(null);
    reset();
    onClose();
  };
  const start = async () => {
    if (!file) return;
    reset();
    try {
      const r = await upload.mutateAsync(file);
      onDone?.(r);
      const notes = notesOf?.(r) ?? [];
      if (notes.length) {
        // the file is imported: the dialog keeps the answer until the officer has read it
        setFile(null);
        setDone({ text: doneText(r), notes });
        return;
      }
      message.success(doneText(r));
      close();
    } catch (err) {
      const rows = rowIssuesOf(err);
      if (rows) setIssues(rows);
      else setFailure(errorText(err, i18n));
    }
  };
  const downloadErrors = () => {
    if (!issues) return;
    const url = URL.createObjectURL(new Blob([issuesCsv(issues)], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${title}-${t('common.import.errorsFile')}.csv`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };

  return (
    <Modal
      open={open}
      title={title}
      onCancel={close}
      onOk={() => (done ? close() : void start())}
      okText={done ? t('common.close') : t('common.import.start')}
      okButtonProps={{ disabled: !file && !done, ...(id('start') as object) }}
      confirmLoading={upload.isPending}
      cancelText={t('common.cancel')}
      // imported: nothing left to cancel, only to close
      cancelButtonProps={done ? { style: { display: 'none' } } : {}}
      {...(mobile ? { width: '100%', style: { top: 0, maxWidth: '100vw', margin: 0, paddingBottom: 0 } } : { width: 760 })}
    >
      <Flex vertical gap={12}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {hint}{' '}
          <a href={downloadUrl(templateUrl)} download>
            {t('common.import.template')}
          </a>
        </Typography.Paragraph>
        <Upload
          accept=".xlsx,.csv"
          maxCount={1}
          beforeUpload={(f) => {
            setFile(f);
            reset();
            return false;
          }}
          onRemove={() => setFile(null)}
          fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
        >
          <Button icon={<UploadOutlined />} {...id('pick')}>
            {t('common.import.pick')}
          </Button>
        </Upload>
        {failure && <Alert type="error" showIcon title={failure} />}
        {done && (
          <Alert
            type="success"
            showIcon
            title={done.text}
            {...id('done')}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {done.notes.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            }
          />
        )}
        {issues && (
          <>
            <Alert
              type="error"
              showIcon
              title={t('common.import.failed', { n: issues.length })}
              action={
                <Button size="small" icon={<DownloadOutlined />} onClick={downloadErrors} {...id('errors')}>
                  {t('common.import.downloadErrors')}
                </Button>
              }
            />
            <ResponsiveTable<ApiIssue>
              {...id('issues')}
              size="small"
              rowKey={(_, i) => String(i)}
              dataSource={issues}
              pagination={issues.length > 10 ? { pageSize: 10 } : false}
              cardTitle={(i) => `${t('common.import.rowN', { row: i.row ?? '—' })} · ${i.path ?? ''}`}
              columns={[
                { title: t('common.import.row'), dataIndex: 'row', width: 64 },
                { title: t('common.import.column'), dataIndex: 'path', width: 140 },
                { title: t('common.import.reason'), key: 'reason', render: (_, i) => pick(i.messageZh, i.messageEn) },
              ]}
            />
          </>
        )}
      </Flex>
    </Modal>
  );
}
