import { PROJECT_STAGE_LABELS, type ProjectTodoItem } from '@chanbang/domain';
import { List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';

const REASON_WORDS = {
  returned: { zh: '退回原因', en: 'Returned' },
  rejected: { zh: '不予入库原因', en: 'Rejected' },
} as const;

/** The projects of the 待办: what is asked of the user, where, since when, and a returned or rejected one's reason. */
export function ProjectTodoList({ items }: { items: ProjectTodoItem[] }) {
  const { pick } = useI18n();
  return (
    <List
      data-testid="todo-projects"
      dataSource={items}
      renderItem={(i) => (
        <List.Item key={i.projectId} data-testid={`todo-project-${i.projectId}`}>
          <List.Item.Meta
            title={
              <Link to={i.link} style={{ overflowWrap: 'anywhere' }}>
                {i.name} · {i.projectNo}
              </Link>
            }
            description={
              <Space direction="vertical" size={2} style={{ width: '100%' }}>
                <Space wrap size={4}>
                  <Tag color={i.reason === 'step' ? 'blue' : i.reason === 'returned' ? 'orange' : 'red'}>{pick(i.labelZh, i.labelEn)}</Tag>
                  {i.reason === 'step' ? null : <Tag>{pick(PROJECT_STAGE_LABELS[i.stage].zh, PROJECT_STAGE_LABELS[i.stage].en)}</Tag>}
                  <Typography.Text type="secondary">{[i.townshipName, i.villageName].filter(Boolean).join(' ')}</Typography.Text>
                </Space>
                {i.reason !== 'step' && i.returnReason ? (
                  <Typography.Text type="danger">{pick(`${REASON_WORDS[i.reason].zh}：${i.returnReason}`, `${REASON_WORDS[i.reason].en}: ${i.returnReason}`)}</Typography.Text>
                ) : null}
                <Typography.Text type="secondary">{pick(`等待自 ${formatDateTime(i.waitingSince)}`, `Waiting since ${formatDateTime(i.waitingSince)}`)}</Typography.Text>
              </Space>
            }
          />
        </List.Item>
      )}
    />
  );
}
