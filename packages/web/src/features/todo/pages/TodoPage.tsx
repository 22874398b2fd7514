import type { CaseTodoItem, ProjectTodoItem } from '@chanbang/domain';
import { Alert, Card, Empty, Skeleton, Space, Typography } from 'antd';
import { useI18n } from '../../../lib/i18n.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useTodo } from '../api.ts';
import { CaseTodoList } from '../components/CaseTodoList.tsx';
import { ProjectTodoList } from '../components/ProjectTodoList.tsx';

/**
 * 待办: what waits for the user's level, in two groups — 防止返贫监测 (cases at the user's step) and 项目库 (projects at
 * the user's step, and the user's own proposals returned or rejected) — each oldest first.
 */
export function TodoPage() {
  const { pick } = useI18n();
  const todo = useTodo();
  const cases = (todo.data?.items ?? []).filter((i): i is CaseTodoItem => i.kind === 'case');
  const projects = (todo.data?.items ?? []).filter((i): i is ProjectTodoItem => i.kind === 'project');
  return (
    <>
      <PageHeader title={pick('待办', 'To do')} />
      {todo.isLoading ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : null}
      {todo.error ? <Alert type="error" showIcon title={pick('待办加载失败', 'Could not load the to-do list')} /> : null}
      {todo.data ? (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Card title={pick(`防止返贫监测（${todo.data.cases}）`, `Monitoring cases (${todo.data.cases})`)} data-testid="todo-cases-card">
            {cases.length === 0 ? <Empty description={pick('没有等待您办理的监测事项', 'No monitoring case is waiting for you')} /> : <CaseTodoList items={cases} />}
          </Card>
          <Card title={pick(`项目库（${todo.data.projects}）`, `Project library (${todo.data.projects})`)} data-testid="todo-projects-card">
            {projects.length === 0 ? <Empty description={pick('没有等待您办理的项目', 'No project is waiting for you')} /> : <ProjectTodoList items={projects} />}
            {projects.length < todo.data.projects ? (
              <Typography.Text type="secondary">
                {pick(
                  `仅列出等待最久的 ${projects.length} 个项目，共 ${todo.data.projects} 个`,
                  `The ${projects.length} longest waiting of ${todo.data.projects} projects are listed`,
                )}
              </Typography.Text>
            ) : null}
          </Card>
        </Space>
      ) : null}
    </>
  );
}
