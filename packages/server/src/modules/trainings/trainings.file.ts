import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import {
  checkTrainingParticipantRow,
  TRAINING_PARTICIPANT_COLUMNS,
  type ParticipantImportReport,
  type TrainingParticipantKey,
  type TrainingParticipantRecord,
} from '@chanbang/domain';
import type { Actor, Deps } from '../../deps.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { assertCanWrite, seesPii } from '../auth/auth.guard.ts';
import { loadDictIndex } from '../dictionaries/dictionaries.service.ts';
import { lockPerson } from '../households/households.repo.ts';
import { idFor } from '../households/households.views.ts';
import { readCheckedFile, recordTemplate, rowIssuesError, type RecordColumn } from '../imports/record-import.ts';
import { addSkillOf, mayTakePart } from './training-participants.service.ts';
import * as repo from './trainings.repo.ts';
import { getReadableTraining } from './trainings.service.ts';
import { cellText } from '../assets/assets.export.ts';

/** 技能培训 participants file: template, import (all rows or none) and the export of a training with its participants. */

const COLUMNS = TRAINING_PARTICIPANT_COLUMNS as unknown as readonly RecordColumn<TrainingParticipantKey>[];

/** Text a spreadsheet would read as a formula gets a leading apostrophe (CSV/formula injection). */

export function participantTemplate(): Promise<Buffer> {
  return recordTemplate('参训人员', COLUMNS, [['（姓名）', '（证件号码）', '是', '']]);
}

/**
 * `POST /api/v1/trainings/:id/participants/import`: each row checked by the domain, then matched with a person of
 * the registry by 证件号码 — in the actor's scope and under the training's organising region (another area's person
 * is reported like an unknown number), the same 姓名 — and no ID number twice; any error → 422 with every row issue and
 * nothing written. Else one transaction: a new participant is added, a recorded one gets the file's 结业 / 证书编号;
 * a completed course adds its skill to the person's 掌握技能. One audit entry per row written.
 * @throws AppError NOT_FOUND (training), FORBIDDEN (read-only role), IMPORT_REJECTED (422)
 */
export async function importParticipants(deps: Deps, actor: Actor, trainingId: number, stream: Readable): Promise<ParticipantImportReport> {
  const db = deps.db.db;
  const { training } = await getReadableTraining(db, actor, trainingId);
  assertCanWrite(actor);
  const { checked, issues, add } = await readCheckedFile(deps.config, stream, COLUMNS, checkTrainingParticipantRow);
  const found = await repo.findPersonsByIdNumbers(db, [...new Set(checked.map((c) => c.record.idNumber))]);
  const byId = new Map(found.map((f) => [f.person.idNumber, f]));
  const pii = seesPii(actor);
  const seen = new Map<string, number>();
  const planned: { row: number; record: TrainingParticipantRecord; personId: number }[] = [];
  for (const { row, record } of checked) {
    const f = byId.get(record.idNumber);
    const shown = idFor(record.idNumber, pii);
    if (!f || !mayTakePart(actor, training, { regionCode: f.person.regionCode, exitReason: f.householdExited ? 'household' : f.person.exitReason })) {
      add(
        row,
        'idNumber',
        shown,
        '证件号码未在本辖区登记在册（或该人员已自然减少、不属于本培训组织单位辖区）',
        'no person in the registry of your area and of the organiser’s area has this ID number (or the person left the registry)',
      );
      continue;
    }
    if (f.person.name !== record.name) {
      add(row, 'name', record.name, `姓名与该证件号码登记的姓名“${f.person.name}”不一致`, `the name differs from the registered name "${f.person.name}"`);
      continue;
    }
    const first = seen.get(record.idNumber);
    if (first !== undefined) {
      add(row, 'idNumber', shown, `与第 ${first} 行的证件号码重复`, `the same ID number as row ${first}`);
      continue;
    }
    seen.set(record.idNumber, row);
    planned.push({ row, record, personId: f.person.id });
  }
  if (issues.length) throw rowIssuesError(issues);

  return db.transaction(async (tx) => {
    let added = 0;
    let updated = 0;
    let skillsAdded = 0;
    for (const p of planned) {
      const person = await lockPerson(tx, p.personId);
      if (!person) continue;
      const values = { completed: p.record.completed, certificateNo: p.record.certificateNo };
      const before = await repo.lockParticipantByPerson(tx, trainingId, person.id);
      if (before) {
        if (before.completed === values.completed && before.certificateNo === values.certificateNo) continue;
        const after = await repo.updateParticipant(tx, before.id, values);
        await recordAudit(tx, actor, {
          action: 'import_update',
          entityType: 'training_participant',
          entityId: after.id,
          regionCode: after.regionCode,
          householdId: after.householdId,
          before,
          after,
        });
        updated++;
      } else {
        const after = await repo.insertParticipant(tx, { ...values, trainingId, personId: person.id, householdId: person.householdId, regionCode: person.regionCode });
        if (!after) continue;
        await recordAudit(tx, actor, {
          action: 'import_create',
          entityType: 'training_participant',
          entityId: after.id,
          regionCode: after.regionCode,
          householdId: after.householdId,
          after,
        });
        added++;
      }
      if (await addSkillOf(tx, actor, training, values.completed, person)) skillsAdded++;
    }
    return { added, updated, skillsAdded };
  });
}

/**
 * `GET /api/v1/trainings/:id/export.xlsx`: the training (course, organiser, dates, skill, certificate) above its
 * participants in the reader's scope, in the import's columns (so the file can be corrected and imported again), ID
 * numbers masked for masked roles; audited.
 */
export async function exportTrainingXlsx(deps: Deps, actor: Actor, trainingId: number): Promise<Buffer> {
  const db = deps.db.db;
  const found = await getReadableTraining(db, actor, trainingId);
  const t = found.training;
  const list = await repo.listParticipants(db, trainingId, actor.scopePrefix);
  const idx = await loadDictIndex(deps);
  const cert = t.certificate ? (idx.get('training_certificate')?.get(t.certificate)?.labelZh ?? t.certificate) : '';
  const pii = seesPii(actor);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('参训人员');
  const info: [string, string][] = [
    ['培训名称', cellText(t.course)],
    ['组织单位', found.regionName ?? t.regionCode],
    ['培训机构', cellText(t.provider)],
    ['培训日期', t.endsOn ? `${t.startsOn} 至 ${t.endsOn}` : t.startsOn],
    ['所授技能', cellText(t.skill)],
    ['证书类型', cert],
  ];
  for (const [k, v] of info) ws.addRow([k, v]).getCell(1).font = { bold: true };
  ws.addRow([]);
  const header = ws.addRow(['姓名', '证件号码', '是否结业', '证书编号', '户编号', '所在村']);
  header.font = { bold: true };
  ws.columns = [{ width: 12 }, { width: 22 }, { width: 10 }, { width: 20 }, { width: 22 }, { width: 14 }];
  for (const p of list) {
    ws.addRow([cellText(p.name), idFor(p.idNumber, pii), p.p.completed ? '是' : '否', cellText(p.p.certificateNo), p.householdNo, p.regionName ?? p.p.regionCode]);
  }
  await recordAudit(db, actor, { action: 'export', entityType: 'training', entityId: trainingId, regionCode: t.regionCode, after: { rows: list.length } });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
