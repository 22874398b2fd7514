import { Tag, Tooltip } from 'antd';
import { useI18n } from '../../../lib/i18n.tsx';
import { lineText, useMonitoringLines } from '../api.ts';

export type IncomeLineTagProps = { regionCode: string; year: number; perCapita: number | null | undefined };

/** A year's 人均纯收入 against that year's monitoring line of the province (placeholder lines say so). */
export function IncomeLineTag({ regionCode, year, perCapita }: IncomeLineTagProps) {
  const { pick } = useI18n();
  const lines = useMonitoringLines();
  const line = lines.data?.find((l) => l.provinceCode === regionCode.slice(0, 2) && l.year === year);
  if (!lines.data) return null;
  if (!line) return <Tag data-testid={`income-line-${year}`}>{pick(`未设置 ${year} 年监测范围`, `no ${year} line recorded`)}</Tag>;
  const above = typeof perCapita === 'number' && perCapita > line.amountYuan;
  return (
    <Tooltip title={line.source}>
      <Tag color={above ? 'green' : 'red'} data-testid={`income-line-${year}`}>
        {above ? pick('高于', 'above') : pick('未超过', 'not above')} {lineText(line, pick)}
      </Tag>
    </Tooltip>
  );
}
