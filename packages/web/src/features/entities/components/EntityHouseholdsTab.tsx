import { Empty } from 'antd';

export type EntityHouseholdsTabProps = {
  /** the entity shown on the detail page */
  entityId: number;
  /** the entity's seat (county, township or village code) */
  regionCode: string;
  /** whether the current user may edit this entity's linkages (in scope, not read-only, entity not closed) */
  writable: boolean;
};

/** 带动农户 (联农带农) of an entity: the households it drives (placeholder filled by the linkages feature, issue 7). */
export function EntityHouseholdsTab(_props: EntityHouseholdsTabProps) {
  return <Empty description="此功能正在建设中" />;
}
