/** User roles (ARCHITECTURE.md "Roles"), narrowest scope last. */
export const ROLES = ['admin', 'county_officer', 'township_officer', 'village_officer', 'viewer'] as const;

/** A role code. */
export type Role = (typeof ROLES)[number];

/** Display labels and the region level each role is normally scoped to. */
export const ROLE_INFO: Record<Role, { labelZh: string; labelEn: string; scopeLevel: 'county' | 'township' | 'village' | 'any' }> = {
  admin: { labelZh: '县级管理员', labelEn: 'County administrator', scopeLevel: 'county' },
  county_officer: { labelZh: '县级业务员', labelEn: 'County officer', scopeLevel: 'county' },
  township_officer: { labelZh: '乡镇业务员', labelEn: 'Township officer', scopeLevel: 'township' },
  village_officer: { labelZh: '村级信息员', labelEn: 'Village information officer', scopeLevel: 'village' },
  viewer: { labelZh: '查看', labelEn: 'Viewer', scopeLevel: 'any' },
};

/** True when `x` is a role code. */
export function isRole(x: unknown): x is Role {
  return typeof x === 'string' && (ROLES as readonly string[]).includes(x);
}

/** True for admin: users, dictionaries, policy pack, audit log. */
export function isAdmin(role: Role | string): boolean {
  return role === 'admin';
}

/** True when the role sees full ID numbers and phones (admin, county officer); others get masked values. */
export function canSeePii(role: Role | string): boolean {
  return role === 'admin' || role === 'county_officer';
}

/** True when the role may create, change or delete household data in its scope (everyone but viewer). */
export function canWrite(role: Role | string): boolean {
  return role === 'admin' || role === 'county_officer' || role === 'township_officer' || role === 'village_officer';
}
