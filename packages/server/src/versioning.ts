import type { FastifyRequest } from 'fastify';
import { AppError } from '@chanbang/domain';

/**
 * The version a save was based on: the body's `version`, else the `If-Match` header (`"3"`, `W/"3"` or `3`).
 * Routes pass it to the service; the service compares it inside its transaction with `checkVersion`.
 */
export function versionFrom(req: FastifyRequest): number | undefined {
  const body = req.body as { version?: unknown } | undefined | null;
  if (body && typeof body === 'object' && typeof body.version === 'number') return body.version;
  const header = req.headers['if-match'];
  if (typeof header !== 'string') return undefined;
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!m)
    throw new AppError('VALIDATION_FAILED', 'If-Match is not a version', {
      issues: [{ path: 'If-Match', messageZh: 'If-Match 须为记录的版本号', messageEn: 'If-Match must be the record version' }],
    });
  return Number(m[1]);
}

/**
 * THE optimistic-lock check. Call it inside the write's transaction after reading the row (`FOR UPDATE`), then
 * update with `version = version + 1`. No version sent → 428 VERSION_REQUIRED; an older one → 409 STALE_VERSION
 * with `details.current`: the record as it is now, already shaped (and masked) for this user by `current()`.
 */
export async function checkVersion(stored: number, sent: number | undefined, current: () => unknown | Promise<unknown>): Promise<void> {
  if (sent === undefined) {
    throw new AppError('VERSION_REQUIRED', 'an update must send the version it read', {
      issues: [
        { path: 'version', messageZh: '保存时须带上读取时的版本号，请刷新后重试', messageEn: 'Send the version you read (body "version" or If-Match); reload and try again' },
      ],
    });
  }
  if (sent !== stored) {
    throw new AppError('STALE_VERSION', `version ${sent} is stale, the record is at ${stored}`, {
      current: await current(),
      issues: [
        {
          path: 'version',
          messageZh: `此记录已被他人修改（您读取的是第 ${sent} 版，现为第 ${stored} 版），请重新载入后再修改`,
          messageEn: `Someone else saved this record first (you read version ${sent}, it is now ${stored}); reload and edit again`,
        },
      ],
    });
  }
}
