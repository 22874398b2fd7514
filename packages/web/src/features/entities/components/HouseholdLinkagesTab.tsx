import { Empty } from 'antd';
import type { HouseholdDetail } from '../../../lib/types.ts';

export type HouseholdLinkagesTabProps = { household: HouseholdDetail; writable: boolean };

/** 带动主体 (联农带农) of the household: every entity that drives it and what it earned (placeholder until built, issue 7). */
export function HouseholdLinkagesTab(_props: HouseholdLinkagesTabProps) {
  return <Empty description="此功能正在建设中" />;
}
