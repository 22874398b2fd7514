import { regionPrefix } from '@chanbang/domain';
import type { DbHandle } from '@chanbang/db';
import { loadConfig, openAppDb, type Actor, type Config, type Deps } from '@chanbang/server';

/** Config from the environment through the server's parser, with CLI overrides. */
export function cliConfig(overrides: Partial<Config> = {}): Config {
  return Object.freeze({ ...loadConfig(process.env), ...overrides });
}

/** Opens (and migrates, per config) the platform database. */
export async function openDeps(config: Config): Promise<Deps> {
  return { config, db: await openAppDb(config) };
}

/**
 * The user the CLI acts as (default `admin`): the same Actor the HTTP session would give.
 * @throws Error when the user does not exist or is disabled
 */
export async function cliActor(db: DbHandle, username: string): Promise<Actor> {
  const [u] = await db.query<{ id: number; username: string; display_name: string; role: Actor['role']; region_code: string; disabled: boolean }>(
    'SELECT id, username, display_name, role, region_code, disabled FROM users WHERE username = $1',
    [username],
  );
  if (!u || u.disabled) throw new Error(`user ${username} not found (load the demo with "chanbang demo", or pass --user)`);
  return {
    id: Number(u.id),
    username: u.username,
    displayName: u.display_name,
    role: u.role,
    regionCode: u.region_code,
    scopePrefix: regionPrefix(u.region_code),
    requestId: `cli-${process.pid}`,
  };
}

/** Prints a result: JSON with --json, otherwise the human lines. */
export function report(json: boolean, data: unknown, lines: string[]): void {
  if (json) console.log(JSON.stringify(data, null, 2));
  else for (const l of lines) console.log(l);
}
