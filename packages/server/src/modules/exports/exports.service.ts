import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { DICT, dictLabelZh, HOUSEHOLD_IMPORT_FIELDS, findDictionary, maskIdNumber, maskPhone, type HouseholdListQuery } from '@chanbang/domain';
import type { Actor, Deps } from '../../deps.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { seesPii } from '../auth/auth.guard.ts';
import * as householdsRepo from '../households/households.repo.ts';
import { failingHouseholdsSql } from '../rules/rules.service.ts';
import { overdueHouseholdIds } from '../monitoring/monitoring.service.ts';
import { resolvePrefix } from '../regions/regions.service.ts';
import { assertAdmin } from '../households/household-access.ts';
import { listPersonsForExport } from './exports.repo.ts';

/** The list filters the export accepts: the household list's query without paging. */
export type HouseholdExportQuery = Omit<HouseholdListQuery, 'page' | 'pageSize' | 'status'> & { status?: HouseholdListQuery['status'] };

const PAGE = 2_000;

/**
 * Resolves list filters exactly as the household list does (region prefix clamped to the scope, a household
 * rule's warning — stored rule results — and overdue identifications to household ids).
 * @throws AppError NOT_FOUND for a region outside the scope
 */
export async function resolveExportFilter(deps: Deps, actor: Actor, q: HouseholdExportQuery): Promise<householdsRepo.HouseholdFilter> {
  const prefix = await resolvePrefix(deps.db.db, actor, q.regionCode);
  if (q.status === 'exited') assertAdmin(actor);
  let ids: number[] | undefined;
  let drive: householdsRepo.HouseholdFilter['drive'];
  if (q.warning === 'identification_overdue') ids = await overdueHouseholdIds(deps, actor, prefix);
  else if (q.warning) drive = await failingHouseholdsSql(deps, actor, prefix, q.warning);
  return {
    prefix,
    householdType: q.householdType,
    monitoringType: q.monitoringType,
    monitoringStatus: q.monitoringStatus,
    laborCapacity: q.laborCapacity,
    riskType: q.riskType,
    q: q.q,
    ids,
    drive,
    isLifted: q.isLifted === undefined ? undefined : q.isLifted === 'true',
    exited: q.status === 'exited',
  };
}

/** Columns of the national household model after the import template's ones (header, row key). */
const EXTRA_COLUMNS = [
  ['是否脱贫户', 'isLifted'],
  ['脱贫户类别', 'liftedCategory'],
  ['监测状态', 'monitoringStatus'],
  ['人口编号', 'personNo'],
  ['证件类型', 'idType'],
  ['民族', 'ethnicity'],
  ['在校生状况', 'schoolStatus'],
  ['务工时间（月）', 'workMonths'],
  ['残疾类别', 'disabilityType'],
] as const;

function label(dict: string, code: string | null): string {
  if (!code) return '';
  return dictLabelZh(findDictionary(dict)?.items ?? [], code);
}

function risks(v: string[] | string): string[] {
  if (Array.isArray(v)) return v;
  return v === '{}' || v === ''
    ? []
    : v
        .slice(1, -1)
        .split(',')
        .map((s) => s.replace(/^"|"$/g, ''));
}

/** Result of an export. */
export type ExportResult = { households: number; rows: number; masked: boolean };

/**
 * Writes the filtered households as .xlsx (one row per person, the import file's columns plus 区划名称) to
 * `out` with the streaming writer, page by page. ID and phone numbers are masked unless the role may see
 * them. Writes one audit row (who, filters, row count) before the workbook is closed.
 */
export async function exportHouseholdsXlsx(deps: Deps, actor: Actor, q: HouseholdExportQuery, out: Writable, resolved?: householdsRepo.HouseholdFilter): Promise<ExportResult> {
  const filter = resolved ?? (await resolveExportFilter(deps, actor, q));
  const pii = seesPii(actor);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet('户成员信息', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    ...HOUSEHOLD_IMPORT_FIELDS.map((f) => ({ header: f.labelZh, key: f.key, width: f.key === 'address' ? 40 : f.key === 'idNumber' ? 22 : 14 })),
    { header: '区划名称', key: 'regionName', width: 16 },
    // the national roster's fields beyond our import template
    ...EXTRA_COLUMNS.map(([header, key]) => ({ header, key, width: 14 })),
  ];
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  let households = 0;
  let rows = 0;
  for (let offset = 0; ; offset += PAGE) {
    const page = await householdsRepo.listHouseholds(deps.db.db, filter, PAGE, offset);
    if (page.length === 0) break;
    households += page.length;
    const people = await listPersonsForExport(
      deps.db,
      page.map((h) => h.id),
    );
    const heads = new Map<number, string>();
    for (const p of people) if (p.is_head) heads.set(Number(p.household_id), p.name);
    for (const p of people) {
      ws.addRow({
        householdNo: p.household_no,
        regionCode: p.region_code,
        householdType: label(DICT.householdType, p.household_type),
        monitoringType: label(DICT.monitoringType, p.monitoring_type),
        headName: heads.get(Number(p.household_id)) ?? '',
        name: p.name,
        idNumber: pii ? p.id_number : maskIdNumber(p.id_number),
        gender: label(DICT.gender, p.gender),
        relation: label(DICT.relation, p.relation),
        laborCapacity: label(DICT.laborCapacity, p.labor_capacity),
        healthStatus: risks(p.health_statuses)
          .map((c) => label(DICT.healthStatus, c))
          .join(','),
        education: label(DICT.education, p.education),
        employmentStatus: label(DICT.employmentStatus, p.employment_status),
        phone: pii ? (p.phone ?? '') : maskPhone(p.phone),
        riskTypes: risks(p.risk_types)
          .map((c) => label(DICT.riskType, c))
          .join('、'),
        liftedYear: p.lifted_year ?? '',
        address: p.address ?? '',
        regionName: p.region_name ?? '',
        isLifted: p.is_lifted ? '是' : '否',
        liftedCategory: label(DICT.liftedCategory, p.lifted_category),
        monitoringStatus: label(DICT.monitoringStatus, p.monitoring_status),
        personNo: p.person_no ?? '',
        idType: label(DICT.idType, p.id_type),
        ethnicity: label(DICT.ethnicity, p.ethnicity),
        schoolStatus: label(DICT.schoolStatus, p.school_status),
        workMonths: p.work_months ?? '',
        disabilityType: label(DICT.disabilityType, p.disability_type),
      }).commit();
      rows++;
    }
    if (page.length < PAGE) break;
  }
  ws.commit();
  await recordAudit(deps.db.db, actor, {
    action: 'export',
    entityType: 'households',
    entityId: null,
    regionCode: actor.regionCode,
    after: { filters: { ...q }, households, rows, masked: !pii, format: 'xlsx' },
  });
  await wb.commit();
  return { households, rows, masked: !pii };
}
