import { AppError } from '../../errors.ts';
import type { PolicyPack } from '../policy.types.ts';
import { JINCHENG_PACK } from './jincheng.pack.ts';
import { SANMENXIA_PACK } from './sanmenxia.pack.ts';
import { XINXIANG_PACK } from './xinxiang.pack.ts';
import { XUCHANG_PACK } from './xuchang.pack.ts';

export * from './common-rules.ts';
export * from './monitoring-lines.ts';
export { JINCHENG_PACK, SANMENXIA_PACK, XINXIANG_PACK, XUCHANG_PACK };

/** The built-in policy packs of the four seed regions. */
export const POLICY_PACKS: PolicyPack[] = [SANMENXIA_PACK, XUCHANG_PACK, JINCHENG_PACK, XINXIANG_PACK];

/**
 * Finds a built-in pack by id.
 * @param id e.g. `jincheng`
 */
export function findPack(id: string): PolicyPack | undefined {
  return POLICY_PACKS.find((p) => p.id === id);
}

/**
 * A built-in pack by id.
 * @throws AppError NOT_FOUND when no pack has this id
 */
export function getPack(id: string): PolicyPack {
  const pack = findPack(id);
  if (!pack) throw new AppError('NOT_FOUND', `no policy pack ${id}`, { packId: id });
  return pack;
}
