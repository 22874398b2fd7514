import { fenToWanYuanText, fenToYuan, sumFen, wanYuanTextToFen, type ProjectBudgetRow } from '@chanbang/domain';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, Input, InputNumber, Row, Select, Typography, type FormInstance } from 'antd';
import { formatYuan } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { useDict } from '../../dictionaries/api.ts';

/** One budget row as the 申报 form holds it: 资金来源 as "level|kind", 金额 as the 万元 text typed. */
export type BudgetFormRow = { source?: string; year?: number; amountWan?: string };

/** The form's list name. */
export const BUDGET_ROWS = 'budgetRows';

/** 分 of a row's 万元 text, or null while it is empty or not an amount. */
const fenOf = (r: BudgetFormRow | undefined): number | null => (r?.amountWan ? wanYuanTextToFen(r.amountWan) : null);

/** The rows as the API's budget rows (元 from exact 分: no float arithmetic on the typed text). */
export function budgetRowsBody(rows: BudgetFormRow[] | undefined): ProjectBudgetRow[] {
  return (rows ?? []).map((r) => {
    const [fundLevel = '', fundKind = ''] = (r.source ?? '').split('|');
    return { year: r.year as number, fundLevel, fundKind, amountYuan: fenToYuan(fenOf(r) ?? 0) };
  });
}

/** An API issue path of the create body (`budgets.2.fundKind`) as the form field it belongs to, or null. */
export function budgetFieldOf(path: string): (string | number)[] | null {
  const m = /^budgets\.(\d+)(?:\.(\w+))?$/.exec(path);
  if (!m) return null;
  const field = m[2] === 'amountYuan' ? 'amountWan' : m[2] === 'year' ? 'year' : 'source';
  return [BUDGET_ROWS, Number(m[1]), field];
}

/**
 * 分年度分来源预算 in the 申报 form (antd Form.List): 资金来源 (资金级次 × 资金性质 from the dictionaries), 年度,
 * 金额（万元） read as exact decimal text, and the live total — the project's 总投资 — in 万元 and 元.
 * Phones: the source takes a line, year and amount share the next.
 */
export function BudgetRowsField({ form }: { form: FormInstance }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const dict = useDict();
  const rows = (Form.useWatch(BUDGET_ROWS, form) as BudgetFormRow[] | undefined) ?? [];
  const levels = dict.items('fund_level');
  const options = dict.items('fund_kind').map((k) => ({
    label: i18n.pick(k.labelZh, k.labelEn),
    options: levels.map((l) => ({ value: `${l.code}|${k.code}`, label: `${i18n.pick(l.labelZh, l.labelEn)} · ${i18n.pick(k.labelZh, k.labelEn)}` })),
  }));
  const amounts = rows.map(fenOf);
  const complete = amounts.every((a) => a !== null);
  const total = sumFen(amounts.map((a) => a ?? 0));
  const unique = (index: number) => ({
    validator: async () => {
      const all = (form.getFieldValue(BUDGET_ROWS) as BudgetFormRow[] | undefined) ?? [];
      const r = all[index];
      if (r?.source && all.slice(0, index).some((o) => o?.source === r.source && o?.year === r.year)) throw new Error(t('projects.budget.repeated'));
    },
  });
  return (
    <Form.Item label={t('projects.budget.title')} required={false}>
      <Form.List name={BUDGET_ROWS}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Row key={f.key} gutter={8} wrap data-testid="budget-row">
                <Col xs={24} md={11}>
                  <Form.Item
                    name={[f.name, 'source']}
                    rules={[{ required: true, message: t('projects.budget.sourceRequired') }, unique(f.name)]}
                    dependencies={[[BUDGET_ROWS, f.name, 'year']]}
                  >
                    <Select aria-label={t('projects.budget.source')} placeholder={t('projects.budget.source')} options={options} showSearch optionFilterProp="label" />
                  </Form.Item>
                </Col>
                <Col xs={9} md={5}>
                  <Form.Item name={[f.name, 'year']} rules={[{ required: true, message: t('projects.budget.yearRequired') }]}>
                    <InputNumber aria-label={t('projects.budget.year')} placeholder={t('projects.budget.year')} min={2000} max={2100} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={13} md={7}>
                  <Form.Item
                    name={[f.name, 'amountWan']}
                    rules={[
                      { required: true, whitespace: true, message: t('projects.budget.amountRequired') },
                      { validator: async (_r, v?: string) => (!v || wanYuanTextToFen(v) !== null ? undefined : Promise.reject(new Error(t('projects.budget.amountInvalid')))) },
                    ]}
                  >
                    <Input aria-label={t('projects.budget.amountWan')} placeholder={t('projects.budget.amountWan')} inputMode="decimal" suffix={lang === 'zh' ? '万元' : '×10k'} />
                  </Form.Item>
                </Col>
                <Col xs={2} md={1} style={{ paddingTop: 6 }}>
                  <MinusCircleOutlined onClick={() => remove(f.name)} aria-label={t('projects.budget.removeRow')} role="button" />
                </Col>
              </Row>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ year: form.getFieldValue('year'), source: 'central|linkage' })} block>
              {t('projects.budget.addRow')}
            </Button>
          </>
        )}
      </Form.List>
      <Typography.Paragraph data-testid="budget-total" style={{ marginTop: 8, marginBottom: 0 }} type={complete ? undefined : 'warning'}>
        {t('projects.budget.liveTotal', { wan: fenToWanYuanText(total), yuan: formatYuan(fenToYuan(total), lang) })}
        {complete ? '' : t('projects.budget.incomplete')}
      </Typography.Paragraph>
    </Form.Item>
  );
}
