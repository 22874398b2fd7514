import { Card, Col, Row, Statistic } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../lib/i18n.tsx';
import { DICT, useDict } from '../../dictionaries/api.ts';
import { householdsLink } from '../api.ts';

export type TypeCountCardsProps = { regionCode: string; counts: Record<string, number>; drill?: Record<string, string> };

/** Household counts by type; each figure links to the filtered household list. */
export function TypeCountCards({ regionCode, counts, drill }: TypeCountCardsProps) {
  const { t } = useI18n();
  const dict = useDict();
  const types = dict.items(DICT.householdType).map((i) => i.code);
  for (const code of Object.keys(counts)) if (code !== 'total' && !types.includes(code)) types.push(code);
  const total = counts.total ?? types.reduce((s, code) => s + (counts[code] ?? 0), 0);
  const base = drill ?? { regionCode };
  const cards = [
    { code: '', title: t('dashboard.total'), value: total },
    ...types.map((code) => ({ code, title: dict.label(DICT.householdType, code), value: counts[code] ?? 0 })),
  ];
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      {cards.map((card) => (
        <Col key={card.code || 'total'} xs={12} md={6}>
          <Link to={householdsLink(undefined, card.code ? { ...base, householdType: card.code } : base)} aria-label={`${card.title} ${card.value}`}>
            <Card size="small" hoverable>
              <Statistic title={card.title} value={card.value} />
            </Card>
          </Link>
        </Col>
      ))}
    </Row>
  );
}
