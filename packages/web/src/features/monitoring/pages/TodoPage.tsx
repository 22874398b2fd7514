import { STAGE_LABELS } from '@chanbang/domain';
import { Alert, Card, Empty, List, Skeleton, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { DICT, useDict } from '../../dictionaries/api.ts';
import { useTodo } from '../api.ts';

/** 待办: the monitoring cases waiting for the user's level, oldest first, each linking to the household's 监测 tab. */
export function TodoPage() {
  const { pick } = useI18n();
  const dict = useDict();
  const todo = useTodo();
  return (
    <>
      <PageHeader title={pick('待办', 'To do')} />
      <Card>
        {todo.isLoading ? <Skeleton active /> : null}
        {todo.error ? <Alert type="error" showIcon title={pick('待办加载失败', 'Could not load the to-do list')} /> : null}
        {todo.data && todo.data.items.length === 0 ? <Empty description={pick('没有等待您办理的监测事项', 'Nothing is waiting for you')} /> : null}
        {todo.data && todo.data.items.length > 0 ? (
          <List
            data-testid="todo-list"
            dataSource={todo.data.items}
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
        ) : null}
      </Card>
    </>
  );
}
