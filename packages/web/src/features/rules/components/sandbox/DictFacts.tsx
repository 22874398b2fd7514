import { Form, InputNumber } from 'antd';
import { useI18n } from '../../../../lib/i18n.tsx';
import { DictSelect } from '../../../../ui/DictSelect.tsx';
import { DICT } from '../../../dictionaries/api.ts';
import { fieldWords } from '../../sandbox-facts.ts';

type Facts = Record<string, unknown>;
/** A dictionary select (one or many codes), or a count (`dictCode` absent). */
type FieldDef = { key: string; dictCode?: string; multiple?: boolean };

/** P3: an industry project's type and its farmer-linkage modes (004 §六). */
export const P3_FIELDS: FieldDef[] = [
  { key: 'projectType', dictCode: 'project_type' },
  { key: 'linkageModes', dictCode: 'linkage_mode', multiple: true },
];

/** H1: a household's type, monitoring status, members' labour capacity and the measures in place (002 §二(一)1). */
export const H1_FIELDS: FieldDef[] = [
  { key: 'householdType', dictCode: DICT.householdType },
  { key: 'monitoringStatus', dictCode: DICT.monitoringStatus },
  { key: 'laborCapacities', dictCode: DICT.laborCapacity, multiple: true },
  { key: 'unrecordedLabour' },
  { key: 'measureCategories', dictCode: DICT.measureCategory, multiple: true },
];

/** 试算 form of facts that are dictionary codes: one select per field (labels, never codes, on screen). */
export function DictFacts({ fields, value, onChange }: { fields: FieldDef[]; value: Facts; onChange: (v: Facts) => void }) {
  const { pick } = useI18n();
  return (
    <Form layout="vertical" component="div">
      {fields.map((f) => {
        const label = pick(...fieldWords(f.key));
        const v = value[f.key];
        if (!f.dictCode)
          return (
            <Form.Item key={f.key} label={label} style={{ marginBottom: 12 }}>
              <InputNumber<number>
                aria-label={label}
                min={0}
                max={30}
                precision={0}
                value={typeof v === 'number' ? v : null}
                onChange={(n) => onChange({ ...value, [f.key]: n ?? undefined })}
                style={{ width: 160 }}
              />
            </Form.Item>
          );
        return (
          <Form.Item key={f.key} label={label} style={{ marginBottom: 12 }}>
            <DictSelect
              aria-label={label}
              dictCode={f.dictCode}
              multiple={f.multiple}
              value={f.multiple ? (Array.isArray(v) ? (v as string[]) : []) : typeof v === 'string' ? v : undefined}
              onChange={(next) => onChange({ ...value, [f.key]: f.multiple ? (next ?? []) : (next ?? null) })}
              style={{ width: '100%', maxWidth: 480 }}
            />
          </Form.Item>
        );
      })}
    </Form>
  );
}

/** Empty facts of a dictionary form (multi-selects start empty, the others unset). */
export function emptyDictFacts(fields: FieldDef[], example?: unknown): Facts {
  const ex = (example && typeof example === 'object' ? example : {}) as Facts;
  return Object.fromEntries(fields.filter((f) => f.dictCode || ex[f.key] !== undefined).map((f) => [f.key, ex[f.key] ?? (f.multiple ? [] : null)]));
}
