import type { Readable } from 'node:stream';
import {
  JOB_IMPORT_COLUMNS,
  PROVINCE_BY_CODE,
  IMPORT_CHANNEL_SKIP_WORDS,
  checkJobImportRow,
  classifyWorkPlace,
  importChannelOutcome,
  maskIdNumber,
  type HomePlace,
  type ImportChannelSkip,
  type Issue,
  type JobImportKey,
  type JobImportRecord,
  type MigrantWorkImportReport,
} from '@chanbang/domain';
import type { Actor, Deps } from '../../deps.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { assertCanWrite, seesPii } from '../auth/auth.guard.ts';
import { todayInChina } from '../households/household.rules.ts';
import { lockPerson, updatePerson, type PersonRow } from '../households/households.repo.ts';
import { operatorFits } from '../assets/assets.service.ts';
import { readCheckedFile, recordTemplate, rowIssuesError, type RecordColumn } from '../imports/record-import.ts';
import { holdsPost } from '../posts/post-holder-exit.ts';
import { isInScope } from '../regions/scope.ts';
import * as repo from './migrant-work.repo.ts';

/**
 * 外出务工信息 import (issue 8 "Employment months and kinds come from the national fields of the registry"): the
 * national export, or the person columns of the 监测对象信息 export, all rows or none. A row updates the person holding
 * its 证件号码 in the user's scope (versioned, audited `import_update`, one transaction); a number masked by our own
 * export for a masked role stands for the member of the row's 户编号 with its 姓名 whose number masks so, so a
 * township's export comes back in. A number outside the scope reads exactly like an unknown one. Blank cells leave the stored value. 年度交通费补助 is not a payment record here
 * (the subsidy register owns payments): it and 所属行业 are reported as ignored, and so are rows whose 就业渠道 would
 * move a person to or from 公益性岗位 (that channel follows a post's hire and exit only: `importChannelOutcome`).
 */

export const JOB_COLUMNS = JOB_IMPORT_COLUMNS as unknown as readonly RecordColumn<JobImportKey>[];

export function migrantWorkTemplate(): Promise<Buffer> {
  return recordTemplate('外出务工信息', JOB_COLUMNS, [
    ['', '（姓名）', '（18 位证件号码）', '是', '广东省深圳市宝安区', '否', '企业务工', '否', '4500', '（企业名称）', '制造业', '2026-03-01', '', '', '300'],
  ]);
}

/** The employment columns of a person a row may change. */
type JobPatch = Partial<Pick<PersonRow, 'workMonths' | 'employmentStatus' | 'employmentPlace' | 'employmentChannel' | 'employerName' | 'employerEntityId' | 'monthlyWageFen'>>;

/** The year the months are for: today's, in China. */
function workYear(): { year: number; month: number } {
  const today = todayInChina();
  return { year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) };
}

/** Each county's own place (province by its code, city, county and townships from the regions table). */
async function homesOf(deps: Deps, people: PersonRow[]): Promise<Map<string, HomePlace>> {
  const counties = [...new Set(people.map((p) => `${p.regionCode.slice(0, 6)}000000`))];
  const places = await repo.countyPlaces(deps.db.db, counties);
  return new Map(
    counties.map((c) => [
      c.slice(0, 6),
      {
        province: PROVINCE_BY_CODE[c.slice(0, 2)] ?? '',
        city: places.find((p) => p.code === `${c.slice(0, 4)}00000000`)?.name ?? null,
        county: places.find((p) => p.code === c)?.name ?? '',
        townships: places.filter((p) => p.parentCode === c).map((p) => p.name),
      },
    ]),
  );
}

/** The person's new employment columns from a row (only what the row says; the channel as `importChannelOutcome` allows). */
function patchOf(r: JobImportRecord, channel: string | null, status: string | null, employerEntityId: number | null): JobPatch {
  const patch: JobPatch = {};
  if (r.workMonths !== null) patch.workMonths = r.workMonths;
  if (status !== null) patch.employmentStatus = status;
  if (r.place !== null) patch.employmentPlace = r.place;
  if (channel !== null) patch.employmentChannel = channel;
  if (r.employerName !== null) Object.assign(patch, { employerName: r.employerName, employerEntityId });
  if (r.monthlyWageFen !== null) patch.monthlyWageFen = r.monthlyWageFen;
  return patch;
}

/**
 * A row's write, by whether the person holds a post when it is written: 就业渠道 公益性岗位 follows the holding, and a
 * hire or 退岗 between the file's check and the write changes it (they lock the person first, as this write does).
 */
type Planned = { row: number; idNumber: string; person: repo.JobPerson; planFor: (holdsPost: boolean) => { patch: JobPatch; skipped: ImportChannelSkip | null } };

/**
 * `POST /api/v1/migrant-work/import`.
 * @throws AppError FORBIDDEN (viewer), IMPORT_REJECTED (422: every row error, ID numbers masked for masked roles)
 */
export async function importMigrantWorkFile(deps: Deps, actor: Actor, stream: Readable): Promise<MigrantWorkImportReport> {
  assertCanWrite(actor);
  const pii = seesPii(actor);
  const at = workYear();
  const { checked, issues, add, col } = await readCheckedFile(deps.config, stream, JOB_COLUMNS, (row, cells, c) => checkJobImportRow(row, cells, c, at));
  const db = deps.db.db;
  const found = (
    await repo.findJobPersons(db, {
      idNumbers: [...new Set(checked.flatMap((c) => (c.record.idMasked ? [] : [c.record.idNumber])))],
      householdNos: [...new Set(checked.flatMap((c) => (c.record.idMasked && c.record.householdNo ? [c.record.householdNo] : [])))],
    })
  ).filter((p) => isInScope(actor, p.regionCode));
  const byId = new Map(found.map((p) => [p.idNumber, p]));
  const bare = (name: string) => name.replace(/\s+/g, '');
  // a masked number (our export for a masked role): the member of that 户编号 with that name whose number masks so —
  // one map, not a search of the found members per row (a township's file: thousands of rows and members)
  const maskedKey = (householdNo: string | null, name: string | null, masked: string) => `${householdNo ?? ''}\u001f${bare(name ?? '')}\u001f${masked}`;
  const byMasked = new Map(found.map((p) => [maskedKey(p.householdNo, p.name, maskIdNumber(p.idNumber).toUpperCase()), p]));
  const personOf = (r: JobImportRecord): repo.JobPerson | undefined => (r.idMasked ? byMasked.get(maskedKey(r.householdNo, r.name, r.idNumber)) : byId.get(r.idNumber));
  const homes = await homesOf(deps, found);
  const employerNames = [...new Set(checked.flatMap((c) => (c.record.employerName ? [c.record.employerName] : [])))];
  const employers = await repo.findEmployers(db, employerNames, actor.scopePrefix.slice(0, 6));

  const seen = new Map<string, number>();
  const planned: Planned[] = [];
  let employersMatched = 0;
  // 就业渠道 公益性岗位 comes and goes with a post's hire and exit only: rows that would move it are counted, not applied
  const channelSkips: Record<ImportChannelSkip, number> = { not_holder: 0, holder: 0 };
  for (const { row, record: r } of checked) {
    const person = personOf(r);
    const key = person ? `person:${person.id}` : r.idNumber;
    const first = seen.get(key);
    if (first !== undefined) {
      add(row, 'idNumber', r.idNumber, `证件号码与第 ${first} 行重复：每人一行，务工时间合计填写`, `the ID number repeats row ${first}: one row per person`);
      continue;
    }
    seen.set(key, row);
    if (!person) {
      // another township's person reads exactly like an unknown number
      if (r.idMasked)
        add(
          row,
          'idNumber',
          r.idNumber,
          `在您管辖范围内找不到户编号为 ${r.householdNo ?? ''}、姓名为 ${r.name ?? ''}、证件号码与此相符的成员`,
          'no member of a household in your area has this household number, name and masked ID number',
        );
      else add(row, 'idNumber', r.idNumber, '在您管辖范围内的农户成员中找不到该证件号码', 'no member of a household in your area has this ID number');
      continue;
    }
    if (person.exitReason !== null || person.householdExited) {
      add(row, 'idNumber', r.idNumber, `${person.name}已自然减少（或其户已退出），记录只读，不能导入`, 'the person has left the registry: the record is read-only');
      continue;
    }
    if (r.name !== null && bare(r.name) !== bare(person.name))
      add(row, 'name', r.name, `姓名与该证件号码登记的姓名（${person.name}）不一致`, 'the name differs from the one registered for this ID number');
    // the status the row's own columns give; undefined: the channel's (public_post, self_employed) or none
    let placeStatus: string | null | undefined;
    if (r.abroad) placeStatus = 'abroad';
    else if (r.employed === false) placeStatus = 'not_working';
    else if (r.place !== null) {
      placeStatus = classifyWorkPlace(r.place, homes.get(person.regionCode.slice(0, 6))!);
      if (placeStatus === null)
        add(
          row,
          'place',
          r.place,
          `无法判断“${r.place}”在省内还是省外：请写明省（区、市），如“广东省深圳市”，或填写“省外”“省内县外”“县内”`,
          'cannot tell whether the place is in the province: name the province, or write 省外 / 省内县外 / 县内',
        );
    }
    let employerEntityId: number | null = null;
    if (r.employerName !== null) {
      // an entity the user may read of the person's county (the asset operator's rule), named exactly so, once
      const named = employers.filter((e) => e.name === r.employerName && operatorFits(actor, e.regionCode, person.regionCode));
      if (named.length === 1) {
        employerEntityId = named[0]!.id;
        employersMatched++;
      }
    }
    planned.push({
      row,
      idNumber: r.idNumber,
      person,
      planFor: (holdsPost) => {
        const { channel, skipped } = importChannelOutcome(r.channel, holdsPost);
        const status = placeStatus !== undefined ? placeStatus : channel === 'public_post' || channel === 'self_employed' ? channel : null;
        return { patch: patchOf(r, channel, status, employerEntityId), skipped };
      },
    });
  }
  if (issues.length) throw rowIssuesError(maskedIssues(issues, pii));

  const ignored = (['transportSubsidy', 'industry'] as const).flatMap((k) => {
    const rows = checked.filter((c) => (k === 'transportSubsidy' ? c.record.transportSubsidy : c.record.industry)).length;
    if (!rows) return [];
    return [
      k === 'transportSubsidy'
        ? {
            column: col(k),
            rows,
            reasonZh: '年度交通费补助不作为发放记录导入：一次性交通补助请在就业补贴发放中登记',
            reasonEn: 'the transport subsidy is not a payment record: record the payment in the job subsidy register',
          }
        : { column: col(k), rows, reasonZh: '所属行业未保存（农户成员无此项）', reasonEn: 'the industry is not stored (persons have no such field)' },
    ];
  });
  const written = await db.transaction(async (tx) => {
    let updated = 0;
    let unchanged = 0;
    for (const { row, idNumber, person, planFor } of planned) {
      const before = (await lockPerson(tx, person.id))!;
      // a 自然减少 between the file's check and this write: the whole file is refused, as at the check
      if (before.exitReason !== null) {
        add(
          row,
          'idNumber',
          idNumber,
          `${before.name}在导入过程中已办理自然减少，记录只读，不能导入`,
          'the person left the registry while the file was imported: the record is read-only',
        );
        throw rowIssuesError(maskedIssues(issues, pii));
      }
      // the person is locked: whether a post is held is now as the write leaves it
      const { patch, skipped } = planFor(await holdsPost(tx, person.id));
      if (skipped) channelSkips[skipped]++;
      if (!Object.entries(patch).some(([k, v]) => (before as Record<string, unknown>)[k] !== v)) {
        unchanged++;
        continue;
      }
      const after = await updatePerson(tx, person.id, patch);
      await recordAudit(tx, actor, {
        action: 'import_update',
        entityType: 'person',
        entityId: person.id,
        regionCode: after.regionCode,
        householdId: after.householdId,
        before,
        after,
      });
      updated++;
    }
    return { updated, unchanged };
  });
  for (const k of ['not_holder', 'holder'] as const) {
    if (channelSkips[k]) ignored.push({ column: col('channel'), rows: channelSkips[k], reasonZh: IMPORT_CHANNEL_SKIP_WORDS[k].zh, reasonEn: IMPORT_CHANNEL_SKIP_WORDS[k].en });
  }
  return { ...written, year: at.year, employersMatched, ignored };
}

/** Issues of an import as a masked role sees them (ID numbers masked in values). */
export function maskedIssues(issues: Issue[], pii: boolean): Issue[] {
  return pii ? issues : issues.map((i) => (i.field === 'idNumber' && typeof i.value === 'string' ? { ...i, value: maskIdNumber(i.value) } : i));
}
