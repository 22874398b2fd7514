import { Empty } from 'antd';
import { PageHeader } from '../../../ui/PageHeader.tsx';

/** Placeholder until the page is built (issue 7). */
export function ProjectDetailPage() {
  return (
    <>
      <PageHeader title="建设中" />
      <Empty description="此功能正在建设中" />
    </>
  );
}
