import { Card, Col, Row, Statistic } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../lib/i18n.tsx';
import { DICT, useDict } from '../../dictionaries/api.ts';

export type TypeCountCardsProps = { regionCode: string; counts: Record<string, number> };

/** Household counts by type; each figure links to the filtered household list. */
export function TypeCountCards({ regionCode, counts }: TypeCountCardsProps) {
  const { t } = useI18n();
  const dict = useDict();
  const types = dict.items(DICT.householdType).map((i) => i.code);
  for (const code of Object.keys(counts)) if (!types.includes(code)) types.push(code);
  const total = Object.values(counts).reduce((s, n) => s + n, 0);
  const cards = [{ code: '', title: t('dashboard.total'), value: total }, ...types.map((code) => ({ code, title: dict.label(DICT.householdType, code), value: counts[code] ?? 0 }))];
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      {cards.map((card) => {
        const qs = new URLSearchParams({ regionCode, ...(card.code ? { householdType: card.code } : {}) });
        return (
          <Col key={card.code || 'total'} xs={12} md={6}>
            <Card size="small" hoverable>
              <Link to={`/households?${qs.toString()}`} aria-label={`${card.title} ${card.value}`}>
                <Statistic title={card.title} value={card.value} />
              </Link>
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
