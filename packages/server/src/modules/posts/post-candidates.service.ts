import { hirePriority, maskIdNumber, type PostCandidateQuery } from '@chanbang/domain';
import type { Actor, Deps } from '../../deps.ts';
import { seesPii } from '../auth/auth.guard.ts';
import { resolvePrefix } from '../regions/regions.service.ts';
import * as repo from './posts.repo.ts';

/**
 * 聘任: persons of households under the post's region (within the actor's scope) whose name contains `q`, in the
 * registry, with the 优先安置 flag (003 §二(二)4: 脱贫人口和监测对象) and whether they already hold a post.
 */
export async function searchCandidates(deps: Deps, actor: Actor, q: PostCandidateQuery) {
  const prefix = await resolvePrefix(deps.db.db, actor, q.regionCode);
  const pii = seesPii(actor);
  const rows = await repo.searchCandidates(deps.db.db, prefix, q.q);
  return {
    items: rows.map((r) => ({
      ...r,
      idNumber: pii ? r.idNumber : maskIdNumber(r.idNumber),
      priority: hirePriority(r.householdType),
      onPost: r.onPost === true || String(r.onPost) === 'true',
    })),
  };
}
