import {
  AppError,
  normalizeIdNumber,
  regionPrefix,
  type ParticipantAdd,
  type ParticipantAddResult,
  type ParticipantPatch,
  type ParticipantView,
  type TrainingCandidateList,
} from '@chanbang/domain';
import type { Actor, Conn, Deps } from '../../deps.ts';
import { checkVersion } from '../../versioning.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { assertCanWrite, seesPii } from '../auth/auth.guard.ts';
import { idFor } from '../households/households.views.ts';
import { findPerson, lockPerson, updatePerson, type PersonRow } from '../households/households.repo.ts';
import { assertRecordInScope, isInScope } from '../regions/scope.ts';
import * as repo from './trainings.repo.ts';
import { getReadableTraining } from './trainings.service.ts';
import { toParticipantView } from './trainings.views.ts';

// Participants of a 技能培训 (issue 8 §6): persons of households in the actor's scope and under the training's
// organising region; a participant's region_code is the person's household village. A completed course adds its skill
// to the person's 掌握技能 (H4 有技能) in the same transaction.

/** A person may take part: in the registry, in the actor's scope and under the training's organising region. */
export function mayTakePart(actor: Actor, training: { regionCode: string }, person: { regionCode: string; exitReason: string | null }): boolean {
  return person.exitReason === null && isInScope(actor, person.regionCode) && person.regionCode.startsWith(regionPrefix(training.regionCode));
}

/**
 * Adds the course's skill to the locked person's 掌握技能 when the course is completed and the skill is new (person
 * version + 1, audited as a person update). @returns the skill added, or null
 */
export async function addSkillOf(tx: Conn, actor: Actor, training: { skill: string | null }, completed: boolean, person: PersonRow): Promise<string | null> {
  const skill = training.skill?.trim();
  if (!completed || !skill || person.skills.includes(skill)) return null;
  const after = await updatePerson(tx, person.id, { skills: [...person.skills, skill] });
  await recordAudit(tx, actor, {
    action: 'update',
    entityType: 'person',
    entityId: person.id,
    regionCode: person.regionCode,
    householdId: person.householdId,
    before: person,
    after,
  });
  return skill;
}

async function participantView(db: Conn, actor: Actor, id: number): Promise<ParticipantView> {
  return toParticipantView((await repo.findParticipant(db, id))!, seesPii(actor));
}

/**
 * `POST /api/v1/trainings/:id/participants`: a person of the scope joins the training; with a completed course its
 * skill joins the person's skills.
 * @throws AppError NOT_FOUND (training), FORBIDDEN (read-only role), VALIDATION_FAILED (person not found, out of the
 *   scope or outside the organising region: one answer), CONFLICT (already a participant)
 */
export async function addParticipant(deps: Deps, actor: Actor, trainingId: number, input: ParticipantAdd): Promise<ParticipantAddResult> {
  const db = deps.db.db;
  const { training } = await getReadableTraining(db, actor, trainingId);
  assertCanWrite(actor);
  const noPerson = () =>
    new AppError('VALIDATION_FAILED', 'no such person for this training', {
      issues: [
        {
          path: 'personId',
          value: input.personId,
          messageZh: '该人员不存在、已自然减少，或不在您的管辖范围和本培训组织单位辖区内',
          messageEn: 'no such person in the registry of your area and of the organiser’s area',
        },
      ],
    });
  const found = await findPerson(db, input.personId);
  if (!found || !mayTakePart(actor, training, found)) throw noPerson();
  const completed = input.completed ?? true;
  const { id, skillAdded } = await db.transaction(async (tx) => {
    const person = await lockPerson(tx, input.personId);
    if (!person || !mayTakePart(actor, training, person)) throw noPerson();
    const row = await repo.insertParticipant(tx, {
      trainingId,
      personId: person.id,
      householdId: person.householdId,
      regionCode: person.regionCode,
      completed,
      certificateNo: input.certificateNo?.trim() || null,
    });
    if (!row) {
      throw new AppError('CONFLICT', 'already a participant', {
        issues: [{ path: 'personId', value: input.personId, messageZh: `${person.name} 已在本培训的参训名单中`, messageEn: `${person.name} is already a participant` }],
      });
    }
    await recordAudit(tx, actor, { action: 'create', entityType: 'training_participant', entityId: row.id, regionCode: row.regionCode, householdId: row.householdId, after: row });
    return { id: row.id, skillAdded: await addSkillOf(tx, actor, training, completed, person) };
  });
  return { participant: await participantView(db, actor, id), skillAdded };
}

/** A participant whose person is in the scope (the training readable too), as a missing one otherwise. */
async function readableParticipant(db: Conn, actor: Actor, id: number): Promise<repo.FoundParticipant> {
  const found = await repo.findParticipant(db, id);
  assertRecordInScope(actor, found?.p, 'training participant', { id });
  await getReadableTraining(db, actor, found!.p.trainingId);
  return found!;
}

async function lockVersioned(tx: Conn, actor: Actor, id: number, version: number | undefined): Promise<repo.ParticipantRow> {
  const before = assertRecordInScope(actor, await repo.lockParticipant(tx, id), 'training participant', { id });
  await checkVersion(before.version, version, () => participantView(tx, actor, id));
  return before;
}

/**
 * `PATCH /api/v1/training-participants/:id`: 结业 and 证书编号; a course newly completed adds its skill to the person.
 * @throws AppError NOT_FOUND, FORBIDDEN, VERSION_REQUIRED, STALE_VERSION
 */
export async function patchParticipant(deps: Deps, actor: Actor, id: number, input: ParticipantPatch, version: number | undefined): Promise<ParticipantAddResult> {
  const db = deps.db.db;
  const found = await readableParticipant(db, actor, id);
  assertCanWrite(actor);
  const { training } = await getReadableTraining(db, actor, found.p.trainingId);
  const skillAdded = await db.transaction(async (tx) => {
    const before = await lockVersioned(tx, actor, id, version);
    const values: { completed?: boolean; certificateNo?: string | null } = {};
    if (input.completed !== undefined) values.completed = input.completed;
    if (input.certificateNo !== undefined) values.certificateNo = input.certificateNo?.trim() || null;
    const after = await repo.updateParticipant(tx, id, values);
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'training_participant',
      entityId: id,
      regionCode: after.regionCode,
      householdId: after.householdId,
      before,
      after,
    });
    if (before.completed || !after.completed) return null;
    const person = await lockPerson(tx, after.personId);
    return person ? addSkillOf(tx, actor, training, true, person) : null;
  });
  return { participant: await participantView(db, actor, id), skillAdded };
}

/**
 * `DELETE /api/v1/training-participants/:id` (If-Match or ?version=): the person leaves the list; skills stay.
 * @throws AppError NOT_FOUND, FORBIDDEN, VERSION_REQUIRED, STALE_VERSION
 */
export async function removeParticipant(deps: Deps, actor: Actor, id: number, version: number | undefined): Promise<void> {
  const db = deps.db.db;
  await readableParticipant(db, actor, id);
  assertCanWrite(actor);
  await db.transaction(async (tx) => {
    const before = await lockVersioned(tx, actor, id, version);
    await repo.deleteParticipant(tx, id);
    await recordAudit(tx, actor, { action: 'delete', entityType: 'training_participant', entityId: id, regionCode: before.regionCode, householdId: before.householdId, before });
  });
}

/** `GET /api/v1/trainings/:id/candidates?q=`: persons who may join (name prefix or whole ID number), at most 20. */
export async function trainingCandidates(deps: Deps, actor: Actor, trainingId: number, q: string | undefined): Promise<TrainingCandidateList> {
  const db = deps.db.db;
  const { training } = await getReadableTraining(db, actor, trainingId);
  const tp = regionPrefix(training.regionCode);
  // the narrower of the actor's scope and the organiser's region
  const prefix = tp.startsWith(actor.scopePrefix) ? tp : actor.scopePrefix;
  const text = q?.trim() ?? '';
  const rows = await repo.searchPersons(db, prefix, text, normalizeIdNumber(text), trainingId, 20);
  const pii = seesPii(actor);
  return {
    items: rows.map((r) => ({
      personId: r.personId,
      name: r.name,
      idNumber: idFor(r.idNumber, pii),
      householdNo: r.householdNo,
      regionName: r.regionName,
      skills: r.skills,
      already: Boolean(r.already),
    })),
  };
}
