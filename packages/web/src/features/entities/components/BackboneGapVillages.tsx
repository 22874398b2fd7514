import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Typography } from 'antd';
import { useI18n } from '../../../lib/i18n.tsx';
import { defaultRuleYear, useRuleResults } from '../../rules/api.ts';

/**
 * The villages under the region failing E2 每村每社有农业技术骨干 (000 §五(二)) this year, from the stored rule
 * results: each with the reason in words and, for a writer, 添加 pre-filled with that village. Nothing is shown
 * when the county's pack does not set E2 (the results answer an error) or every village meets it.
 */
export function BackboneGapVillages({ regionCode, writable, onAdd }: { regionCode: string | undefined; writable: boolean; onAdd: (village: string) => void }) {
  const { t, pick } = useI18n();
  const year = defaultRuleYear();
  const res = useRuleResults('E2', { regionCode, year, status: 'not_met', page: 1, pageSize: 100 });
  if (res.error || !res.data || res.data.total === 0) return null;
  const items = res.data.items;
  return (
    <Card
      size="small"
      style={{ marginBottom: 12, borderColor: '#ffa39e' }}
      styles={{ title: { whiteSpace: 'normal' } }}
      title={t('entities.backbones.gapTitle', { year, n: res.data.total })}
      data-testid="backbone-gaps"
    >
      <Flex vertical gap={6}>
        {items.map((v) => (
          <Flex key={v.key} justify="space-between" align="center" wrap gap={8} data-testid={`backbone-gap-${v.regionCode}`}>
            <Typography.Text>
              <Typography.Text strong>{v.regionName ?? v.label ?? v.regionCode}</Typography.Text>
              {'：'}
              <Typography.Text type="danger">{pick(v.reasonZh, v.reasonEn)}</Typography.Text>
            </Typography.Text>
            {writable ? (
              <Button size="small" icon={<PlusOutlined />} onClick={() => onAdd(v.regionCode)}>
                {t('entities.backbones.addVillage')}
              </Button>
            ) : null}
          </Flex>
        ))}
        {res.data.total > items.length ? <Typography.Text type="secondary">{t('entities.backbones.gapMore', { n: res.data.total - items.length })}</Typography.Text> : null}
      </Flex>
    </Card>
  );
}
