import { Empty } from 'antd';
import type { HouseholdDetail } from '../../../lib/types.ts';

export type HouseholdLoansTabProps = { household: HouseholdDetail; writable: boolean };

/** 小额信贷 of the household: loans, repayments and interest subsidy (placeholder until built, issue 7). */
export function HouseholdLoansTab(_props: HouseholdLoansTabProps) {
  return <Empty description="此功能正在建设中" />;
}
