import { AppError, DICTIONARIES, type DictItemCreate, type DictItemUpdate, type DictItemView, type Issue } from '@chanbang/domain';
import { announceCacheChange, onCacheEvent } from '../../cluster/cache-events.ts';
import type { Actor, Conn, Deps } from '../../deps.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { assertAdmin } from '../auth/auth.guard.ts';
import { checkVersion } from '../../versioning.ts';
import * as repo from './dictionaries.repo.ts';

/** Dictionary items by dictionary code, then item code (active items only). */
export type DictIndex = Map<string, Map<string, repo.DictItemRow>>;

/**
 * How long a loaded index is used at most. Edits are announced (this process at once, other servers on the same
 * PostgreSQL by NOTIFY when the edit commits); the TTL only bounds what a silently broken listener could miss.
 */
export const DICT_CACHE_TTL_MS = 30_000;
let cache = new WeakMap<object, { index: Promise<DictIndex>; until: number }>();
onCacheEvent((e) => {
  if (e.kind === 'dictionaries' || e.kind === 'all') cache = new WeakMap();
});

function toView(r: repo.DictItemRow): DictItemView {
  return {
    dictCode: r.dictCode,
    code: r.code,
    labelZh: r.labelZh,
    labelEn: r.labelEn,
    parentCode: r.parentCode,
    attrs: r.attrs,
    sort: r.sort,
    active: r.active,
    version: r.version,
  };
}

/** The active items of every dictionary, cached per database until an admin edits one (or DICT_CACHE_TTL_MS). */
export function loadDictIndex(deps: Deps): Promise<DictIndex> {
  const hit = cache.get(deps.db);
  if (hit && hit.until > Date.now()) return hit.index;
  const index = repo.listDictItems(deps.db.db).then((rows) => {
    const idx: DictIndex = new Map();
    for (const r of rows) {
      if (!r.active) continue;
      let m = idx.get(r.dictCode);
      if (!m) idx.set(r.dictCode, (m = new Map()));
      m.set(r.code, r);
    }
    return idx;
  });
  const entries = cache;
  index.catch(() => entries.delete(deps.db));
  entries.set(deps.db, { index, until: Date.now() + DICT_CACHE_TTL_MS });
  return index;
}

/**
 * Checks that a value is an active code of a dictionary and pushes an issue otherwise.
 * @param issues collector
 */
export function checkDictCode(idx: DictIndex, dictCode: string, value: string | null | undefined, path: string, issues: Issue[]): void {
  if (value === null || value === undefined) return;
  if (!idx.get(dictCode)?.has(value)) {
    issues.push({ path, value, messageZh: `${path} 的取值 “${value}” 不在字典 ${dictCode} 中`, messageEn: `${path}: "${value}" is not a code of dictionary ${dictCode}` });
  }
}

/**
 * Seeds the table from the domain's DICTIONARIES when it is empty, and adds a built-in dictionary that a later
 * version brought (e.g. 证件类型, 民族) when the table has no item of it; dictionaries an admin already has are
 * left as they are. Returns the number of items inserted.
 */
export async function seedDictionariesIfEmpty(db: Conn): Promise<number> {
  const present = (await repo.countDictItems(db)) > 0 ? await repo.listDictCodes(db) : new Set<string>();
  const rows = DICTIONARIES.filter((d) => !present.has(d.code)).flatMap((d) =>
    d.items.map((i) => ({ dictCode: d.code, code: i.code, labelZh: i.labelZh, labelEn: i.labelEn, parentCode: i.parentCode ?? null, attrs: i.attrs ?? {}, sort: i.sort })),
  );
  await repo.insertDictItems(db, rows);
  return rows.length;
}

/** Every dictionary item (including inactive ones, for the admin screens). */
export async function listDictionaries(deps: Deps): Promise<{ items: DictItemView[] }> {
  return { items: (await repo.listDictItems(deps.db.db)).map(toView) };
}

/**
 * Adds an item to a dictionary (admin).
 * @throws AppError FORBIDDEN for non-admins, CONFLICT when the code exists
 */
export async function createDictItem(deps: Deps, actor: Actor, dictCode: string, input: DictItemCreate): Promise<DictItemView> {
  assertAdmin(actor);
  const row = await deps.db.db.transaction(async (tx) => {
    const created = await repo.insertDictItem(tx, {
      dictCode,
      code: input.code,
      labelZh: input.labelZh,
      labelEn: input.labelEn,
      parentCode: input.parentCode ?? null,
      attrs: input.attrs ?? {},
      sort: input.sort ?? 0,
      active: input.active ?? true,
    });
    if (!created) throw new AppError('CONFLICT', `dictionary ${dictCode} already has code ${input.code}`, { dictCode, code: input.code });
    await recordAudit(tx, actor, { action: 'create', entityType: 'dictionary_item', entityId: `${dictCode}:${input.code}`, regionCode: null, after: created });
    await announceCacheChange(tx, { kind: 'dictionaries' });
    return created;
  });
  cache.delete(deps.db);
  return toView(row);
}

/**
 * Edits an item (admin) based on the version the admin read. The code itself never changes: data refers to it.
 * @throws AppError FORBIDDEN for non-admins, NOT_FOUND for an unknown item, VERSION_REQUIRED, STALE_VERSION (with the item as now)
 */
export async function updateDictItem(deps: Deps, actor: Actor, dictCode: string, code: string, input: DictItemUpdate, version: number | undefined): Promise<DictItemView> {
  assertAdmin(actor);
  const row = await deps.db.db.transaction(async (tx) => {
    const before = await repo.lockDictItem(tx, dictCode, code);
    if (!before) throw new AppError('NOT_FOUND', 'dictionary item not found', { dictCode, code });
    await checkVersion(before.version, version, () => toView(before));
    const { version: _v, ...fields } = input;
    const patch = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    const after = (await repo.updateDictItem(tx, dictCode, code, patch)) as repo.DictItemRow;
    await recordAudit(tx, actor, { action: 'update', entityType: 'dictionary_item', entityId: `${dictCode}:${code}`, regionCode: null, before, after });
    await announceCacheChange(tx, { kind: 'dictionaries' });
    return after;
  });
  cache.delete(deps.db);
  return toView(row);
}
