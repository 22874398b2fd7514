import { and, asc, eq, inArray, isNotNull, isNull, ne, or, sql } from 'drizzle-orm';
import { entities, households, persons, postAppointments, regions } from '@chanbang/db';
import type { Conn } from '../../deps.ts';
import type { PersonRow } from '../households/households.repo.ts';
import { scopeWhere } from '../regions/scope.ts';

/** The 外出务工信息 file's SQL: persons by ID number, the counties' own places, entities by name, the export's rows. */

/** `holdsPost`: an active public-welfare post appointment (就业渠道 公益性岗位 is then the hire's, never the file's). */
export type JobPerson = PersonRow & { householdNo: string; householdExited: boolean; holdsPost: boolean };

/** Persons holding any of the ID numbers or in any of the households (户编号), with their 户编号, whether their household has left the registry and whether they hold a post. */
export async function findJobPersons(db: Conn, by: { idNumbers: string[]; householdNos?: string[] }): Promise<JobPerson[]> {
  const householdNos = by.householdNos ?? [];
  if (!by.idNumbers.length && !householdNos.length) return [];
  const where = [
    ...(by.idNumbers.length ? [inArray(persons.idNumber, by.idNumbers)] : []),
    // the members of households named by 户编号 (rows whose ID number is masked)
    ...(householdNos.length ? [inArray(households.householdNo, householdNos)] : []),
  ];
  const rows = await db
    .select({
      p: persons,
      hhExit: households.exitReason,
      householdNo: households.householdNo,
      onPost: sql<boolean>`EXISTS (SELECT 1 FROM ${postAppointments} a WHERE a.person_id = ${persons.id} AND a.ended_on IS NULL)`,
    })
    .from(persons)
    .innerJoin(households, eq(households.id, persons.householdId))
    .where(or(...where));
  return rows.map((r) => ({ ...r.p, householdNo: r.householdNo, householdExited: r.hhExit !== null, holdsPost: r.onPost === true }));
}

export type PlaceName = { code: string; level: string; name: string; parentCode: string | null };

/** The counties (by 12-digit code), their cities and their townships. */
export async function countyPlaces(db: Conn, countyCodes: string[]): Promise<PlaceName[]> {
  if (!countyCodes.length) return [];
  const cityCodes = countyCodes.map((c) => `${c.slice(0, 4)}00000000`);
  return db
    .select({ code: regions.code, level: regions.level, name: regions.name, parentCode: regions.parentCode })
    .from(regions)
    .where(or(inArray(regions.code, [...countyCodes, ...cityCodes]), and(eq(regions.level, 'township'), inArray(regions.parentCode, countyCodes))));
}

export type EmployerRow = { id: number; name: string; regionCode: string };

/** Open entities named any of the names, seated under the prefix (a county). */
export async function findEmployers(db: Conn, names: string[], prefix: string): Promise<EmployerRow[]> {
  if (!names.length) return [];
  return db
    .select({ id: entities.id, name: entities.name, regionCode: entities.regionCode })
    .from(entities)
    .where(and(inArray(entities.name, names), scopeWhere(entities.regionCode, prefix), ne(entities.status, 'closed')));
}

export type JobExportRow = { person: PersonRow; householdNo: string; villageName: string | null; townshipName: string | null };

/** Persons of the scope still in the registry whose employment is recorded, by village and household. */
export async function listJobsForExport(db: Conn, prefix: string, limit: number): Promise<JobExportRow[]> {
  const village = sql<string | null>`(SELECT name FROM regions WHERE code = substr(${persons.regionCode}, 1, 12))`;
  const township = sql<string | null>`(SELECT name FROM regions WHERE code = substr(${persons.regionCode}, 1, 9) || '000')`;
  const recorded = or(
    sql`coalesce(${persons.workMonths}, 0) > 0`,
    and(isNotNull(persons.employmentStatus), ne(persons.employmentStatus, 'not_working')),
    isNotNull(persons.employmentChannel),
    isNotNull(persons.employerName),
    isNotNull(persons.monthlyWageFen),
  );
  const rows = await db
    .select({ person: persons, householdNo: households.householdNo, villageName: village, townshipName: township })
    .from(persons)
    .innerJoin(households, eq(households.id, persons.householdId))
    .where(and(scopeWhere(persons.regionCode, prefix), isNull(persons.exitReason), isNull(households.exitReason), recorded))
    .orderBy(asc(persons.regionCode), asc(households.householdNo), asc(persons.id))
    .limit(limit);
  return rows;
}
