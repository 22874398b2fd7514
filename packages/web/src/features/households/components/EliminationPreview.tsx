import { Alert, Descriptions, Skeleton } from 'antd';
import { useI18n } from '../../../lib/i18n.tsx';
import { lineText, useEliminationCheck } from '../../monitoring/api.ts';

export type EliminationPreviewProps = { caseId: number; date: string; method?: string | undefined };

/**
 * The national 风险消除 conditions on `date`, as the county will check them at 县级审批: income against the decision
 * year's monitoring line (shown as a placeholder when unconfirmed), months of stable income from the recorded
 * incomes, and every condition that fails, in officer language.
 */
export function EliminationPreview({ caseId, date, method }: EliminationPreviewProps) {
  const i18n = useI18n();
  const { pick } = i18n;
  const check = useEliminationCheck(caseId, date, method);
  if (check.isLoading || !check.data) return <Skeleton active paragraph={{ rows: 2 }} />;
  const c = check.data;
  return (
    <div data-testid="elimination-check">
      <Descriptions size="small" column={1} style={{ marginBottom: 8 }}>
        <Descriptions.Item label={pick(`${c.asOf.slice(0, 4)} 年监测范围`, `Monitoring line ${c.asOf.slice(0, 4)}`)}>
          {c.line ? lineText(c.line, pick) : pick('未设置', 'not recorded')}
        </Descriptions.Item>
        <Descriptions.Item label={pick('判定收入', 'Income judged')}>
          {c.judged ? pick(`${c.judged.year} 年人均 ${c.judged.perCapita} 元`, `${c.judged.year}: ${c.judged.perCapita} yuan per person`) : pick('未录入', 'not recorded')}
        </Descriptions.Item>
        <Descriptions.Item label={pick('收入稳定', 'Stable income')}>
          {pick(`${c.stableMonths} 个月（要求不少于 ${c.requiredMonths} 个月）`, `${c.stableMonths} months (at least ${c.requiredMonths})`)}
        </Descriptions.Item>
      </Descriptions>
      {c.ok ? (
        <Alert type="success" showIcon title={pick(`按 ${c.asOf} 审批：符合风险消除条件`, `Approval on ${c.asOf}: the conditions hold`)} />
      ) : (
        <Alert
          type="warning"
          showIcon
          title={pick(`按 ${c.asOf} 审批：尚不符合风险消除条件`, `Approval on ${c.asOf}: conditions not met`)}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {c.issues.map((i, n) => (
                <li key={n}>{pick(i.messageZh, i.messageEn)}</li>
              ))}
            </ul>
          }
        />
      )}
    </div>
  );
}
