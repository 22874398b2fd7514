import { STAGE_LABELS, type CaseTodoItem } from '@chanbang/domain';
import { List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { DICT, useDict } from '../../dictionaries/api.ts';

/** The monitoring cases of the 待办, each linking to the household's 监测 tab. */
export function CaseTodoList({ items }: { items: CaseTodoItem[] }) {
  const { pick } = useI18n();
  const dict = useDict();
  return (
    <List
      data-testid="todo-list"
      dataSource={items}
      renderItem={(i) => (
        <List.Item key={i.caseId} data-testid={`todo-${i.caseId}`}>
          <List.Item.Meta
            title={
              <Link to={`/households/${i.householdId}?tab=monitoring`}>
                {i.headName ?? pick('（未登记户主）', '(no head recorded)')} · {i.householdNo}
              </Link>
            }
            description={
              <Space direction="vertical" size={2} style={{ width: '100%' }}>
                <Space wrap size={4}>
                  <Tag color="blue">{pick(STAGE_LABELS[i.stage].zh, STAGE_LABELS[i.stage].en)}</Tag>
                  <Tag>{dict.label(DICT.monitoringType, i.monitoringType)}</Tag>
                  <Typography.Text type="secondary">{[i.townshipName, i.villageName].filter(Boolean).join(' ')}</Typography.Text>
                </Space>
                {i.returnReason ? <Typography.Text type="danger">{pick(`退回原因：${i.returnReason}`, `Returned: ${i.returnReason}`)}</Typography.Text> : null}
                <Typography.Text type="secondary">{pick(`等待自 ${formatDateTime(i.waitingSince)}`, `Waiting since ${formatDateTime(i.waitingSince)}`)}</Typography.Text>
              </Space>
            }
          />
        </List.Item>
      )}
    />
  );
}
