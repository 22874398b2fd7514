import type { User } from '../../lib/types.ts';

/** County and township staff register and change assets; a village officer and a viewer read (the server decides too). */
export function canWriteAssets(user: Pick<User, 'role'> | null | undefined): boolean {
  return !!user && ['admin', 'county_officer', 'township_officer'].includes(user.role);
}
