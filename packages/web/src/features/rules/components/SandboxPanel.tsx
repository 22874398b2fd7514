import { CalculatorOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Empty, Form, Row, Select, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { findRule } from '@chanbang/domain';
import { errorIssues, errorTitle } from '../../../lib/error-text.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import type { PolicyPack } from '../../../lib/types.ts';
import { usePolicyPacks } from '../../admin/api.ts';
import { RULE_YEARS, useRuleCheck, type RuleCheckAnswer, type RuleSummary } from '../api.ts';
import { formatRuleValue } from '../rule-format.ts';
import { fundColumns, fundFacts, hasBuiltInForm, initialFundRows, sandboxIssueText, sandboxKind, type FundYearRow } from '../sandbox-facts.ts';
import { ruleName } from './RulesTable.tsx';
import { RuleStatusTag } from './RuleStatusTag.tsx';
import { DictFacts, emptyDictFacts, H1_FIELDS, P3_FIELDS } from './sandbox/DictFacts.tsx';
import { FundYearsTable } from './sandbox/FundYearsTable.tsx';
import { GenericFacts } from './sandbox/GenericFacts.tsx';

export type SandboxPanelProps = {
  /** the county's rules (titles, examples) from GET /rules */
  rules: RuleSummary[];
  /** the county's pack (default choice) */
  defaultPackId?: string;
  year: number;
  /** a pack chosen by the link from the policy page */
  initialPackId?: string;
  initialRuleId?: string;
};

type RuleChoice = { ruleId: string; titleZh?: string; titleEn?: string; example?: unknown };

/** The rules of a pack that can be tried: a form of their own (F1–F4, P3, H1) or an example to build one from. */
function choicesOf(pack: PolicyPack | undefined, rules: RuleSummary[]): RuleChoice[] {
  const known = new Map(rules.map((r) => [r.ruleId, r]));
  const ids = pack ? pack.rules.map((r) => r.id) : rules.map((r) => r.ruleId);
  const out: RuleChoice[] = [];
  for (const id of ids) {
    const summary = known.get(id);
    const packRule = pack?.rules.find((r) => r.id === id);
    // the county's GET /rules carries the example; another pack's rules take it from the domain's rule itself
    const example = summary?.sandbox?.example ?? findRule(id)?.sandbox?.example;
    if (!hasBuiltInForm(id) && example === undefined) continue;
    out.push({
      ruleId: id,
      titleZh: summary?.titleZh ?? packRule?.titleZh ?? findRule(id)?.titleZh,
      titleEn: summary?.titleEn ?? packRule?.titleEn ?? findRule(id)?.titleEn,
      example,
    });
  }
  return out;
}

function initialFacts(choice: RuleChoice | undefined): unknown {
  if (!choice) return {};
  const kind = sandboxKind(choice.ruleId);
  if (kind === 'p3') return emptyDictFacts(P3_FIELDS, choice.example);
  if (kind === 'h1') return emptyDictFacts(H1_FIELDS, choice.example);
  return choice.example && typeof choice.example === 'object' ? structuredClone(choice.example) : {};
}

function Answer({ answer, ruleId }: { answer: RuleCheckAnswer; ruleId: string }) {
  const { t, pick, lang } = useI18n();
  return (
    <Card size="small" title={t('rules.sandbox.answer')} data-testid="sandbox-answer" style={{ marginTop: 16 }}>
      <Descriptions size="small" column={1} labelStyle={{ width: 110 }}>
        <Descriptions.Item label={t('rules.col.status')}>
          <RuleStatusTag status={answer.status} />
        </Descriptions.Item>
        <Descriptions.Item label={t('rules.sandbox.valueVsTarget')}>
          {formatRuleValue(answer.value, answer.unit, lang)}
          {answer.threshold !== null ? ` / ${t('rules.target', { text: formatRuleValue(answer.threshold, answer.thresholdUnit, lang) })}` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('rules.sandbox.reason')}>
          <Typography.Text type={answer.status === 'not_met' ? 'danger' : undefined}>{pick(answer.reasonZh, answer.reasonEn)}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('rules.col.clause')}>
          <Tag color="gold" style={{ whiteSpace: 'normal' }}>
            {answer.clauseText || answer.clause}
          </Tag>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Text type="secondary">{t('rules.sandbox.notStored', { rule: ruleId })}</Typography.Text>
    </Card>
  );
}

/** 试算: pick a pack, a rule and a year, type the facts into a form, and read the rule's answer with its clause. */
export function SandboxPanel({ rules, defaultPackId, year: pageYear, initialPackId, initialRuleId }: SandboxPanelProps) {
  const i18n = useI18n();
  const { t, pick, lang } = i18n;
  const packs = usePolicyPacks();
  const [packId, setPackId] = useState<string | undefined>(initialPackId ?? defaultPackId);
  const [ruleId, setRuleId] = useState<string | undefined>(initialRuleId);
  const [year, setYear] = useState<number>(pageYear);
  const [facts, setFacts] = useState<unknown>({});
  const [fundRows, setFundRows] = useState<FundYearRow[]>(() => initialFundRows(pageYear));
  const check = useRuleCheck();

  useEffect(() => {
    if (!packId && defaultPackId) setPackId(defaultPackId);
  }, [packId, defaultPackId]);

  const pack = packs.data?.find((p) => p.id === packId);
  const choices = useMemo(() => choicesOf(pack, rules), [pack, rules]);
  const choice = choices.find((c) => c.ruleId === ruleId);
  const kind = ruleId ? sandboxKind(ruleId) : undefined;

  // a new rule starts from its example (or empty); a new year from empty fund rows for it and the year before
  useEffect(() => {
    setFacts(initialFacts(choice));
    check.reset();
    // choice by id: the list is rebuilt on every refetch
  }, [ruleId, choice?.example]);
  useEffect(() => {
    setFundRows(initialFundRows(year));
    check.reset();
  }, [year, ruleId]);

  const submit = () => {
    if (!ruleId || !packId) return;
    const body = { packId, year, facts: kind === 'fund_years' ? fundFacts(fundRows, fundColumns(ruleId)) : facts };
    check.mutate({ ruleId, body });
  };

  const issues = errorIssues(check.error);
  return (
    <Card size="small" title={t('rules.sandbox.title')} data-testid="sandbox">
      <Typography.Paragraph type="secondary">{t('rules.sandbox.hint')}</Typography.Paragraph>
      <Form layout="vertical" component="div">
        <Row gutter={16}>
          <Col xs={24} md={10}>
            <Form.Item label={t('rules.sandbox.pack')} style={{ marginBottom: 12 }}>
              <Select
                aria-label={t('rules.sandbox.pack')}
                value={packId}
                loading={packs.isLoading}
                onChange={(v) => {
                  setPackId(v);
                  check.reset();
                }}
                options={(packs.data ?? []).map((p) => ({ value: p.id, label: pick(p.nameZh, p.nameEn) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item label={t('rules.sandbox.rule')} style={{ marginBottom: 12 }}>
              <Select
                aria-label={t('rules.sandbox.rule')}
                value={choice ? ruleId : undefined}
                placeholder={t('rules.sandbox.rulePlaceholder')}
                onChange={(v) => setRuleId(v)}
                options={choices.map((c) => ({ value: c.ruleId, label: ruleName(c, pick) }))}
                notFoundContent={t('rules.sandbox.noRules')}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={4}>
            <Form.Item label={t('rules.year')} style={{ marginBottom: 12 }}>
              <Select
                aria-label={t('rules.sandbox.year')}
                value={year}
                onChange={(v) => setYear(v)}
                options={RULE_YEARS.map((y) => ({ value: y, label: t('rules.yearOption', { year: y }) }))}
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {!choice || !ruleId ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('rules.sandbox.pickRule')} />
      ) : (
        <>
          {kind === 'fund_years' ? <FundYearsTable ruleId={ruleId} columns={fundColumns(ruleId)} rows={fundRows} onChange={setFundRows} year={year} /> : null}
          {kind === 'p3' ? <DictFacts fields={P3_FIELDS} value={facts as Record<string, unknown>} onChange={setFacts} /> : null}
          {kind === 'h1' ? <DictFacts fields={H1_FIELDS} value={facts as Record<string, unknown>} onChange={setFacts} /> : null}
          {kind === 'generic' ? <GenericFacts example={choice.example} value={facts} onChange={setFacts} /> : null}
          <div style={{ marginTop: 16 }}>
            <Button type="primary" icon={<CalculatorOutlined />} loading={check.isPending} onClick={submit}>
              {t('rules.sandbox.run')}
            </Button>
          </div>
        </>
      )}
      {check.error ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginTop: 16 }}
          title={errorTitle(check.error, i18n)}
          description={
            issues.length ? (
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {issues.map((issue, idx) => (
                  <li key={idx}>{sandboxIssueText(issue, ruleId ?? '', lang)}</li>
                ))}
              </ul>
            ) : undefined
          }
        />
      ) : null}
      {check.data && ruleId ? <Answer answer={check.data} ruleId={ruleId} /> : null}
    </Card>
  );
}
