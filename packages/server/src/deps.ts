import type { Db, DbHandle } from '@chanbang/db';
import type { Config } from './config.ts';

/** A transaction handle of drizzle. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Either the root handle or a transaction. */
export type Conn = Db | Tx;

/** Explicit dependencies every service receives. */
export type Deps = { config: Config; db: DbHandle };

/** Role codes (same list as domain ROLES). */
export type RoleCode = 'admin' | 'county_officer' | 'township_officer' | 'village_officer' | 'viewer';

/** The logged-in user a service acts for. */
export type Actor = {
  id: number;
  username: string;
  displayName: string;
  role: RoleCode;
  regionCode: string;
  /** significant prefix of the user's region: "this region and below" is `code LIKE scopePrefix || '%'` */
  scopePrefix: string;
  requestId: string;
};
