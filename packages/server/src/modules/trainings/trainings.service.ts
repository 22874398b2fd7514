import {
  AppError,
  API_LIMITS,
  regionPrefix,
  type Issue,
  type TrainingCreate,
  type TrainingDetail,
  type TrainingListQuery,
  type TrainingPage,
  type TrainingPatch,
} from '@chanbang/domain';
import type { Actor, Conn, Deps } from '../../deps.ts';
import { checkVersion } from '../../versioning.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { assertCanWrite, seesPii } from '../auth/auth.guard.ts';
import { checkDictCode, loadDictIndex } from '../dictionaries/dictionaries.service.ts';
import { resolvePrefix } from '../regions/regions.service.ts';
import { assertRecordInScope, assertWriteScope, isInScope } from '../regions/scope.ts';
import * as repo from './trainings.repo.ts';
import { toParticipantView, toTrainingView } from './trainings.views.ts';

// 技能培训 (issue 8 §6; H7 002 §二(三)1): a course organised by a county, township or village, scoped by that region;
// every write versioned and audited. Participants: training-participants.service.ts.

/**
 * Whether the actor may read a training: organised in the scope, or above it (a county's or township's course open
 * to the villages under it, whose officers add their own villagers).
 */
export function mayReadTraining(actor: Pick<Actor, 'scopePrefix'>, t: { regionCode: string }): boolean {
  return isInScope(actor, t.regionCode) || actor.scopePrefix.startsWith(regionPrefix(t.regionCode));
}

/** The codes of the regions above a prefix (province … township) whose trainings are readable under it. */
export function ancestorCodes(prefix: string): string[] {
  return [2, 4, 6, 9].filter((n) => n < prefix.length).map((n) => prefix.slice(0, n).padEnd(12, '0'));
}

/**
 * A training the actor may read, as a missing one otherwise.
 * @throws AppError NOT_FOUND
 */
export async function getReadableTraining(db: Conn, actor: Actor, id: number): Promise<repo.FoundTraining> {
  const found = await repo.findTraining(db, id, actor.scopePrefix);
  if (!found || !mayReadTraining(actor, found.training)) throw new AppError('NOT_FOUND', 'training not found', { id });
  return found;
}

/**
 * A training the actor may change: readable, organised in the write scope (403 for a course organised above it).
 * @throws AppError NOT_FOUND, FORBIDDEN
 */
async function getWritableTraining(db: Conn, actor: Actor, id: number): Promise<repo.FoundTraining> {
  const found = await getReadableTraining(db, actor, id);
  assertCanWrite(actor);
  if (!isInScope(actor, found.training.regionCode)) {
    throw new AppError('FORBIDDEN', 'the training is organised above the scope', {
      issues: [
        {
          path: 'regionCode',
          messageZh: '该培训由上级组织，只能由组织单位修改；您可以添加本辖区的参训人员',
          messageEn: 'the training is organised above your area: only its organiser changes it; you may add your own participants',
        },
      ],
    });
  }
  return found;
}

export async function trainingDetail(db: Conn, actor: Actor, id: number): Promise<TrainingDetail> {
  const found = await getReadableTraining(db, actor, id);
  const list = await repo.listParticipants(db, id, actor.scopePrefix);
  return { ...toTrainingView(found), participantList: list.map((p) => toParticipantView(p, seesPii(actor))) };
}

export async function getTraining(deps: Deps, actor: Actor, id: number): Promise<TrainingDetail> {
  return trainingDetail(deps.db.db, actor, id);
}

export async function listTrainings(deps: Deps, actor: Actor, q: TrainingListQuery): Promise<TrainingPage> {
  const db = deps.db.db;
  const prefix = await resolvePrefix(db, actor, q.regionCode);
  const pageSize = Math.min(q.pageSize, API_LIMITS.pageSizeMax);
  const { rows, total } = await repo.listTrainings(db, { prefix, above: ancestorCodes(prefix), year: q.year, q: q.q }, actor.scopePrefix, pageSize, (q.page - 1) * pageSize);
  return { items: rows.map(toTrainingView), total, page: q.page, pageSize };
}

type Fields = Omit<TrainingCreate, 'regionCode'> & { regionCode: string };

/** The checks that need the database (the organising region, the certificate code) and the dates. */
async function checkTraining(deps: Deps, t: Fields): Promise<void> {
  const issues: Issue[] = [];
  const region = await repo.findRegion(deps.db.db, t.regionCode);
  if (!region || region.retiredAt || !['county', 'township', 'village'].includes(region.level)) {
    issues.push({
      path: 'regionCode',
      value: t.regionCode,
      messageZh: '组织单位所在地须为在用的县、乡镇或行政村',
      messageEn: 'the organiser must be an active county, township or village',
    });
  }
  if (t.endsOn && t.endsOn < t.startsOn) {
    issues.push({ path: 'endsOn', value: t.endsOn, messageZh: `结束日期不能早于开始日期 ${t.startsOn}`, messageEn: `the end date is before the start date ${t.startsOn}` });
  }
  checkDictCode(await loadDictIndex(deps), 'training_certificate', t.certificate, 'certificate', issues);
  if (issues.length) throw new AppError('VALIDATION_FAILED', 'the training is invalid', { issues });
}

function columnsOf(t: Partial<TrainingCreate>): Partial<repo.TrainingInsert> {
  const out: Partial<repo.TrainingInsert> = {};
  if (t.regionCode !== undefined) out.regionCode = t.regionCode;
  if (t.course !== undefined) out.course = t.course.trim();
  for (const k of ['provider', 'endsOn', 'skill', 'certificate', 'note'] as const) if (t[k] !== undefined) out[k] = t[k]?.trim() || null;
  if (t.startsOn !== undefined) out.startsOn = t.startsOn;
  return out;
}

/**
 * Records a training organised in the writer's scope.
 * @throws AppError FORBIDDEN (read-only role, region outside the scope), VALIDATION_FAILED
 */
export async function createTraining(deps: Deps, actor: Actor, input: TrainingCreate): Promise<TrainingDetail> {
  assertCanWrite(actor);
  assertWriteScope(actor, input.regionCode);
  await checkTraining(deps, input);
  const db = deps.db.db;
  const id = await db.transaction(async (tx) => {
    const row = await repo.insertTraining(tx, columnsOf(input) as repo.TrainingInsert);
    await recordAudit(tx, actor, { action: 'create', entityType: 'training', entityId: row.id, regionCode: row.regionCode, after: row });
    return row.id;
  });
  return trainingDetail(db, actor, id);
}

/** Locks a training of the scope and compares the version read. */
async function lockVersioned(tx: Conn, actor: Actor, id: number, version: number | undefined): Promise<repo.TrainingRow> {
  const before = assertRecordInScope(actor, await repo.lockTraining(tx, id), 'training', { id });
  await checkVersion(before.version, version, async () => toTrainingView((await repo.findTraining(tx, id, actor.scopePrefix))!));
  return before;
}

/**
 * Changes a training (version read in the body or If-Match); a new organising region must be in the scope.
 * @throws AppError NOT_FOUND, FORBIDDEN, VALIDATION_FAILED, VERSION_REQUIRED, STALE_VERSION
 */
export async function patchTraining(deps: Deps, actor: Actor, id: number, input: TrainingPatch, version: number | undefined): Promise<TrainingDetail> {
  const db = deps.db.db;
  const found = await getWritableTraining(db, actor, id);
  const { version: _v, ...fields } = input;
  if (fields.regionCode !== undefined) assertWriteScope(actor, fields.regionCode);
  const t = found.training;
  await checkTraining(deps, {
    regionCode: fields.regionCode ?? t.regionCode,
    course: fields.course ?? t.course,
    startsOn: fields.startsOn ?? t.startsOn,
    endsOn: fields.endsOn !== undefined ? fields.endsOn : t.endsOn,
    certificate: fields.certificate !== undefined ? fields.certificate : t.certificate,
  });
  await db.transaction(async (tx) => {
    const before = await lockVersioned(tx, actor, id, version);
    const after = await repo.updateTraining(tx, id, columnsOf(fields));
    await recordAudit(tx, actor, { action: 'update', entityType: 'training', entityId: id, regionCode: after.regionCode, before, after });
  });
  return trainingDetail(db, actor, id);
}

/**
 * Deletes a training with its participant rows (If-Match or ?version=); persons keep the skills they gained.
 * @throws AppError NOT_FOUND, FORBIDDEN, VERSION_REQUIRED, STALE_VERSION
 */
export async function deleteTraining(deps: Deps, actor: Actor, id: number, version: number | undefined): Promise<void> {
  const db = deps.db.db;
  await getWritableTraining(db, actor, id);
  await db.transaction(async (tx) => {
    const before = await lockVersioned(tx, actor, id, version);
    const participants = await repo.listParticipants(tx, id, '');
    await repo.deleteTraining(tx, id);
    await recordAudit(tx, actor, {
      action: 'delete',
      entityType: 'training',
      entityId: id,
      regionCode: before.regionCode,
      before: { ...before, participants: participants.map((p) => p.p) },
    });
  });
}
