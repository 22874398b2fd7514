import { SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Grid, Input, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { errorText } from '../../../lib/error-text.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import type { ImportField, ImportJob, ImportOptions } from '../../../lib/types.ts';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { IMPORT_FIELDS, useSaveMapping, useSavedMappings, useValidateImport } from '../api.ts';
import { ImportDefaults } from './ImportDefaults.tsx';

const NATIONAL = new Set(['national_roster', 'national_monitoring']);

export type MappingStepProps = { job: ImportJob; onValidating: () => void; onBack: () => void };

/**
 * Step 2: each target field → one source header, pre-filled from the server's suggestion (a national export needs no
 * manual step), the file's defaults, and the columns that are not imported.
 */
export function MappingStep({ job, onValidating, onBack }: MappingStepProps) {
  const i18n = useI18n();
  const mobile = !Grid.useBreakpoint().md;
  const [showAll, setShowAll] = useState(false);
  const [options, setOptions] = useState<ImportOptions | null>(job.options ?? null);
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
    // deliberately only job.id: a refetched job must not overwrite the officer's choices
  }, [job.id]);

  const missingPlace = !mapping.regionCode && !mapping.village;
  const missing = [
    ...fields.filter((f) => f.required && !mapping[f.key]),
    ...(missingPlace ? [{ key: 'regionCode', labelZh: '区划代码（或村）', labelEn: 'Region code (or village)', required: true }] : []),
    ...(!mapping.householdType && !mapping.monitoringType && !options?.householdType
      ? [{ key: 'householdType', labelZh: '户类型（或默认户类型）', labelEn: 'Household type (or a default)', required: true }]
      : []),
  ];
  const used = new Set(Object.values(mapping));
  const ignored = headers.filter((h, i) => h !== '' && (!used.has(h) || headers.indexOf(h) !== i));
  const shown = showAll ? fields : fields.filter((f) => !f.group || f.required || mapping[f.key]);
  const applySaved = (id: number) => {
    const m = savedList.find((s) => s.id === id);
    if (m) setMapping(Object.fromEntries(Object.entries(m.mapping).filter(([, h]) => headers.includes(h))));
  };
  const handleSave = () =>
    saveMapping.mutate({ name: name.trim(), mapping }, { onSuccess: () => message.success(t('common.saved')), onError: (e) => message.error(errorText(e, i18n)) });
  const handleValidate = () => validate.mutate({ mapping, ...(options ? { options } : {}) }, { onSuccess: onValidating });

  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 12 }} align="center">
        <span style={{ wordBreak: 'break-all' }}>
          {t('imp.file')}: <strong>{job.fileName}</strong>
        </span>
        {job.layout ? <Tag color={NATIONAL.has(job.layout) ? 'blue' : undefined}>{t(`imp.layout.${job.layout}` as 'imp.layout.other')}</Tag> : null}
        {job.headerRow !== undefined ? <span>{t('imp.headerRow', { n: job.headerRow + 1 })}</span> : null}
        <span data-testid="import-total-rows">
          {t('imp.totalRows')} <strong>{job.totalRows || '—'}</strong>
        </span>
      </Flex>
      {missing.length === 0 && job.layout && NATIONAL.has(job.layout) ? <Alert type="success" showIcon style={{ marginBottom: 12 }} title={t('imp.autoMapped')} /> : null}
      {options ? <ImportDefaults value={options} onChange={setOptions} /> : null}
      <Flex gap={12} wrap style={{ marginBottom: 12 }} align="center">
        <Select
          aria-label={t('imp.savedMapping')}
          placeholder={t('imp.savedMapping')}
          style={{ minWidth: mobile ? '100%' : 220 }}
          showSearch={{ optionFilterProp: 'label' }}
          options={savedList.map((s) => ({ value: s.id, label: s.name }))}
          onChange={applySaved}
          allowClear
        />
        <Space.Compact>
          <Input
            aria-label={t('imp.mappingName')}
            placeholder={t('imp.mappingName')}
            value={name}
            onChange={(e) => setName(e.target.value)}
            style={{ width: mobile ? 150 : 180 }}
          />
          <Button icon={<SaveOutlined />} disabled={!name.trim()} loading={saveMapping.isPending} onClick={handleSave}>
            {t('imp.saveMapping')}
          </Button>
        </Space.Compact>
        <Space>
          <Switch size="small" checked={showAll} onChange={setShowAll} aria-label={t('imp.showAllFields')} />
          <span>{t('imp.showAllFields')}</span>
        </Space>
      </Flex>
      <Table<ImportField>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={shown}
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
                style={{ width: mobile ? 170 : 280 }}
                // a county sheet may have dozens of columns: type to find the header
                showSearch={{ optionFilterProp: 'label' }}
                status={f.required && !mapping[f.key] ? 'error' : undefined}
                value={mapping[f.key] ?? ''}
                onChange={(h: string) =>
                  setMapping((m) => {
                    const n = { ...m };
                    if (h) n[f.key] = h;
                    else delete n[f.key];
                    return n;
                  })
                }
                options={[{ value: '', label: t('imp.unmapped') }, ...headers.map((h) => ({ value: h, label: h }))]}
              />
            ),
          },
        ]}
      />
      {ignored.length ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }} aria-label={t('imp.ignored', { n: ignored.length })}>
          {t('imp.ignored', { n: ignored.length })}：
          {ignored.map((h, i) => (
            <Tag key={`${h}-${i}`} style={{ marginBottom: 4 }}>
              {h}
            </Tag>
          ))}
        </Typography.Paragraph>
      ) : null}
      {missing.length ? (
        <Alert type="warning" showIcon style={{ marginTop: 12 }} title={t('imp.missingRequired', { fields: missing.map((f) => pick(f.labelZh, f.labelEn)).join('、') })} />
      ) : null}
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
