import { AppError, regionPrefix, type PersonCreate, type PersonUpdate } from '@chanbang/domain';
import type { Actor, Conn } from '../../deps.ts';
import { entityReadable, findEntity } from '../entities/entities.repo.ts';

/**
 * 务工企业 of a member (issue 8 §4): an entity of the registry the user may read — seated or serving under the scope,
 * or seated above it (a county enterprise employing a village's worker) — whose name becomes 务工企业名称; another
 * area's entity is refused like a missing one (400 on employerEntityId, its name never comes back). Without an
 * entity the typed 企业名称 is kept as recorded.
 * @returns the columns to write (none when the input does not touch the employer)
 * @throws AppError VALIDATION_FAILED naming employerEntityId
 */
export async function employerColumns(db: Conn, actor: Actor, input: PersonCreate | PersonUpdate): Promise<Record<string, unknown>> {
  if (input.employerEntityId === undefined) return {};
  if (input.employerEntityId === null) return { employerEntityId: null };
  const found = await findEntity(db, input.employerEntityId);
  const seatedAbove = found !== undefined && actor.scopePrefix.startsWith(regionPrefix(found.entity.regionCode));
  if (!found || !(seatedAbove || (await entityReadable(db, found.entity.id, actor.scopePrefix)))) {
    throw new AppError('VALIDATION_FAILED', 'no such entity in the scope', {
      issues: [
        {
          path: 'employerEntityId',
          value: input.employerEntityId,
          messageZh: '所选务工企业不存在或不在您的管辖范围内',
          messageEn: 'no such employer entity in your scope',
        },
      ],
    });
  }
  return { employerEntityId: found.entity.id, employerName: found.entity.name };
}
