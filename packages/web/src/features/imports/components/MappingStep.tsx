import { SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Input, Select, Space, Table, Tag } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { errorText } from '../../../lib/error-text.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import type { ImportField, ImportJob } from '../../../lib/types.ts';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { IMPORT_FIELDS, useSaveMapping, useSavedMappings, useValidateImport } from '../api.ts';

export type MappingStepProps = { job: ImportJob; onValidating: () => void; onBack: () => void };

/** Step 2: each target field → one source header, pre-filled from the server's suggestion. */
export function MappingStep({ job, onValidating, onBack }: MappingStepProps) {
  const i18n = useI18n();
  const { t, pick } = i18n;
  const { message } = App.useApp();
  const headers = job.headers ?? [];
  const fields = useMemo(() => {
    const list = job.fields?.length ? [...job.fields] : [...IMPORT_FIELDS];
    for (const key of Object.keys(job.suggestedMapping ?? {})) if (!list.some((f) => f.key === key)) list.push({ key, labelZh: key, labelEn: key, required: false });
    return list;
  }, [job.fields, job.suggestedMapping]);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [name, setName] = useState('');
  const saved = useSavedMappings();
  const saveMapping = useSaveMapping();
  const validate = useValidateImport(job.id);
  const savedList = job.savedMappings?.length ? job.savedMappings : (saved.data ?? []);

  // Initialise once per job: the server's suggestion (upload answer), else the last mapping used, else
  // headers that equal a field's label.
  useEffect(() => {
    const byLabel = Object.fromEntries(fields.filter((f) => headers.includes(f.labelZh)).map((f) => [f.key, f.labelZh]));
    setMapping({ ...byLabel, ...(job.suggestedMapping ?? {}), ...(job.mapping ?? {}) });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [job.id]);

  const missing = fields.filter((f) => f.required && !mapping[f.key]);
  const applySaved = (id: number) => {
    const m = savedList.find((s) => s.id === id);
    if (m) setMapping(Object.fromEntries(Object.entries(m.mapping).filter(([, h]) => headers.includes(h))));
  };
  const handleSave = () =>
    saveMapping.mutate({ name: name.trim(), mapping }, { onSuccess: () => message.success(t('common.saved')), onError: (e) => message.error(errorText(e, i18n)) });
  const handleValidate = () => validate.mutate(mapping, { onSuccess: onValidating });

  return (
    <>
      <Flex gap={12} wrap style={{ marginBottom: 12 }} align="center">
        <span>
          {t('imp.file')}: <strong>{job.fileName}</strong> · {t('imp.totalRows')} {job.totalRows || '—'}
        </span>
        <Select
          aria-label={t('imp.savedMapping')}
          placeholder={t('imp.savedMapping')}
          style={{ minWidth: 220 }}
          showSearch={{ optionFilterProp: 'label' }}
          options={savedList.map((s) => ({ value: s.id, label: s.name }))}
          onChange={applySaved}
          allowClear
        />
        <Space.Compact>
          <Input aria-label={t('imp.mappingName')} placeholder={t('imp.mappingName')} value={name} onChange={(e) => setName(e.target.value)} style={{ width: 180 }} />
          <Button icon={<SaveOutlined />} disabled={!name.trim()} loading={saveMapping.isPending} onClick={handleSave}>
            {t('imp.saveMapping')}
          </Button>
        </Space.Compact>
      </Flex>
      <Table<ImportField>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={fields}
        aria-label={t('imp.step.mapping')}
        columns={[
          {
            title: t('imp.target'),
            key: 'target',
            render: (_, f) => (
              <Space>
                <span id={`map-label-${f.key}`}>{pick(f.labelZh, f.labelEn)}</span>
                {f.required ? <Tag color="red">{t('common.required')}</Tag> : null}
              </Space>
            ),
          },
          {
            title: t('imp.source'),
            key: 'source',
            render: (_, f) => (
              <Select
                aria-labelledby={`map-label-${f.key}`}
                style={{ width: 280 }}
                // a county sheet may have dozens of columns: type to find the header
                showSearch={{ optionFilterProp: 'label' }}
                status={f.required && !mapping[f.key] ? 'error' : undefined}
                value={mapping[f.key] ?? ''}
                onChange={(h: string) => setMapping((m) => { const n = { ...m }; if (h) n[f.key] = h; else delete n[f.key]; return n; })}
                options={[{ value: '', label: t('imp.unmapped') }, ...headers.map((h) => ({ value: h, label: h }))]}
              />
            ),
          },
        ]}
      />
      {missing.length ? <Alert type="warning" showIcon style={{ marginTop: 12 }} title={t('imp.missingRequired', { fields: missing.map((f) => pick(f.labelZh, f.labelEn)).join('、') })} /> : null}
      <ErrorAlert error={validate.error} />
      <Space style={{ marginTop: 16 }}>
        <Button onClick={onBack}>{t('imp.reupload')}</Button>
        <Button type="primary" disabled={missing.length > 0} loading={validate.isPending} onClick={handleValidate}>
          {t('imp.startValidate')}
        </Button>
      </Space>
    </>
  );
}
