import type { DbHandle } from '@chanbang/db';
import { idArrayLiteral } from '../../sql-helpers.ts';

/** One person of an export page, with the household's and region's columns (snake_case, as the statement returns them). */
export type PersonExportRow = {
  is_lifted: boolean;
  lifted_category: string | null;
  monitoring_status: string;
  person_no: string | null;
  id_type: string;
  ethnicity: string | null;
  school_status: string | null;
  work_months: number | null;
  disability_type: string | null;
  household_id: number;
  household_no: string;
  region_code: string;
  region_name: string | null;
  household_type: string;
  monitoring_type: string | null;
  risk_types: string[] | string;
  lifted_year: number | null;
  address: string | null;
  name: string;
  id_number: string;
  gender: string;
  relation: string;
  is_head: boolean;
  labor_capacity: string | null;
  health_statuses: string[] | string;
  education: string | null;
  employment_status: string | null;
  phone: string | null;
};

/**
 * The members of the given households (the exited ones only of deleted households), with their household's and
 * region's columns, ordered by region, household, head first.
 */
export async function listPersonsForExport(db: DbHandle, householdIds: readonly number[]): Promise<PersonExportRow[]> {
  return db.query<PersonExportRow>(
    `SELECT h.id AS household_id, h.household_no, h.region_code, r.name AS region_name, h.household_type, h.monitoring_type,
            h.risk_types, h.lifted_year, h.address, p.name, p.id_number, p.gender, p.relation, p.is_head, p.labor_capacity,
            p.health_statuses, p.education, p.employment_status, p.phone, h.is_lifted, h.lifted_category, h.monitoring_status,
            p.person_no, p.id_type, p.ethnicity, p.school_status, p.work_months, p.disability_type
       FROM households h JOIN persons p ON p.household_id = h.id LEFT JOIN regions r ON r.code = h.region_code
      WHERE h.id = ANY($1::bigint[]) AND (p.exit_reason IS NULL OR h.deleted_at IS NOT NULL)
      ORDER BY h.region_code, h.id, p.is_head DESC, p.id`,
    [idArrayLiteral(householdIds)],
  );
}
