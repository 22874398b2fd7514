import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Input, InputNumber, Select, Switch } from 'antd';
import { useI18n } from '../../../../lib/i18n.tsx';
import { ResponsiveTable } from '../../../../ui/ResponsiveTable.tsx';
import { fieldChoices, fieldWords, isRecord, shapeOf, type FieldShape } from '../../sandbox-facts.ts';

type Props = { name: string; shape: FieldShape; value: unknown; onChange: (v: unknown) => void; template: unknown };

/** A year map (`{ "2022": { a, b } }`) as a table: one row per year, a number box per column. */
function YearMapField({ name, columns, value, onChange }: { name: string; columns: string[]; value: unknown; onChange: (v: unknown) => void }) {
  const { t, pick } = useI18n();
  const map = (isRecord(value) ? value : {}) as Record<string, Record<string, unknown>>;
  const years = Object.keys(map).sort();
  const rows = years.map((y) => ({ year: y, ...map[y] }));
  const set = (y: string, col: string, v: number | null) => onChange({ ...map, [y]: { ...map[y], [col]: v } });
  const add = () => {
    const first = years.length ? Number(years[0]) - 1 : new Date().getFullYear();
    onChange({ [String(first)]: Object.fromEntries(columns.map((c) => [c, null])), ...map });
  };
  return (
    <>
      <ResponsiveTable<{ year: string }>
        size="small"
        rowKey="year"
        pagination={false}
        dataSource={rows}
        aria-label={pick(...fieldWords(name))}
        cardTitle={(r) => t('rules.sandbox.yearRow', { year: r.year })}
        columns={[
          { title: t('rules.sandbox.year'), key: 'year', responsive: ['md'], render: (_: unknown, r) => t('rules.sandbox.yearRow', { year: r.year }) },
          ...columns.map((c) => ({
            title: pick(...fieldWords(c)),
            key: c,
            render: (_: unknown, r: { year: string }) => (
              <InputNumber<number>
                aria-label={`${r.year} 年 ${pick(...fieldWords(c))}`}
                value={typeof map[r.year]?.[c] === 'number' ? (map[r.year]![c] as number) : null}
                min={0}
                style={{ width: '100%', minWidth: 120 }}
                onChange={(v) => set(r.year, c, v ?? null)}
              />
            ),
          })),
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, r) => (
              <Button
                size="small"
                type="text"
                icon={<DeleteOutlined />}
                aria-label={t('rules.sandbox.removeYear', { year: r.year })}
                onClick={() => onChange(Object.fromEntries(Object.entries(map).filter(([y]) => y !== r.year)))}
              />
            ),
          },
        ]}
      />
      <Button size="small" icon={<PlusOutlined />} style={{ marginTop: 8 }} onClick={add}>
        {t('rules.sandbox.addYear')}
      </Button>
    </>
  );
}

/** One field of a facts example, as the control its value calls for. */
function Field({ name, shape, value, onChange, template }: Props) {
  const { t, pick } = useI18n();
  const label = pick(...fieldWords(name));
  switch (shape.kind) {
    case 'number':
      return (
        <Form.Item label={label} style={{ marginBottom: 12 }}>
          <InputNumber<number> aria-label={label} value={typeof value === 'number' ? value : null} onChange={(v) => onChange(v ?? null)} style={{ width: '100%', maxWidth: 280 }} />
        </Form.Item>
      );
    case 'boolean':
      return (
        <Form.Item label={label} style={{ marginBottom: 12 }}>
          <Switch aria-label={label} checked={value === true} onChange={(v) => onChange(v)} checkedChildren={t('common.yes')} unCheckedChildren={t('common.no')} />
        </Form.Item>
      );
    case 'tags':
      return (
        <Form.Item label={label} style={{ marginBottom: 12 }}>
          <Select
            aria-label={label}
            mode="tags"
            value={Array.isArray(value) ? (value as string[]).map(String) : []}
            onChange={(v) => onChange(v)}
            options={(Array.isArray(template) ? (template as unknown[]) : []).map((x) => ({ value: String(x), label: String(x) }))}
            style={{ width: '100%' }}
          />
        </Form.Item>
      );
    case 'yearMap':
      return (
        <Form.Item label={label} style={{ marginBottom: 12 }}>
          <YearMapField name={name} columns={shape.columns} value={value} onChange={onChange} />
        </Form.Item>
      );
    case 'group':
      return (
        <Card size="small" title={label} style={{ marginBottom: 12 }}>
          <GroupFields fields={shape.fields} value={value} onChange={onChange} template={template} />
        </Card>
      );
    case 'list': {
      const list = Array.isArray(value) ? (value as unknown[]) : [];
      const first = Array.isArray(template) ? (template as unknown[])[0] : undefined;
      return (
        <Card size="small" title={label} style={{ marginBottom: 12 }}>
          {list.map((item, i) => (
            <Card
              key={i}
              size="small"
              type="inner"
              style={{ marginBottom: 8 }}
              title={t('rules.sandbox.item', { n: i + 1 })}
              extra={
                <Button
                  size="small"
                  type="text"
                  icon={<DeleteOutlined />}
                  aria-label={t('rules.sandbox.removeItem', { n: i + 1 })}
                  onClick={() => onChange(list.filter((_, j) => j !== i))}
                />
              }
            >
              {shape.item.kind === 'group' ? (
                <GroupFields fields={shape.item.fields} value={item} template={first} onChange={(v) => onChange(list.map((x, j) => (j === i ? v : x)))} />
              ) : (
                <Field name={name} shape={shape.item} value={item} template={first} onChange={(v) => onChange(list.map((x, j) => (j === i ? v : x)))} />
              )}
            </Card>
          ))}
          <Button size="small" icon={<PlusOutlined />} onClick={() => onChange([...list, structuredClone(first ?? null)])}>
            {t('rules.sandbox.addItem')}
          </Button>
        </Card>
      );
    }
    default: {
      const choices = fieldChoices(template);
      if (choices)
        return (
          <Form.Item label={label} style={{ marginBottom: 12 }}>
            <Select
              aria-label={label}
              value={typeof value === 'string' ? value : undefined}
              onChange={(v) => onChange(v)}
              options={choices.map((c) => ({ value: c.value, label: pick(c.zh, c.en) }))}
              style={{ width: '100%', maxWidth: 360 }}
            />
          </Form.Item>
        );
      return (
        <Form.Item label={label} style={{ marginBottom: 12 }}>
          <Input aria-label={label} value={value === null || value === undefined ? '' : String(value)} onChange={(e) => onChange(e.target.value)} style={{ maxWidth: 360 }} />
        </Form.Item>
      );
    }
  }
}

function GroupFields({ fields, value, onChange, template }: { fields: [string, FieldShape][]; value: unknown; onChange: (v: unknown) => void; template: unknown }) {
  const obj = isRecord(value) ? value : {};
  const tpl = isRecord(template) ? template : {};
  return (
    <Flex vertical>
      {fields.map(([k, shape]) => (
        <Field key={k} name={k} shape={shape} value={obj[k]} template={tpl[k]} onChange={(v) => onChange({ ...obj, [k]: v })} />
      ))}
    </Flex>
  );
}

/** 试算 form of a rule without a form of its own: built from the fields of the rule's example facts. */
export function GenericFacts({ example, value, onChange }: { example: unknown; value: unknown; onChange: (v: unknown) => void }) {
  if (!isRecord(example)) return null;
  const fields = Object.entries(example).map(([k, v]) => [k, shapeOf(v)] as [string, FieldShape]);
  return (
    <Form layout="vertical" component="div">
      <GroupFields fields={fields} value={value} onChange={onChange} template={example} />
    </Form>
  );
}
