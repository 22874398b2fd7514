import { sql, type SQL } from 'drizzle-orm';
import type { Conn } from '../../../deps.ts';
import { rowsOf } from '../../regions/regions.repo.ts';

/**
 * A gatherer of a county's households or persons reads tens of thousands of rows of 20–30 columns: the driver decodes
 * every column as its own string and builds an object per row, and that decoding, not the statement, was most of the
 * coverage gatherer's time (68 000 rows × 27 columns: 1.8–2.0 s with objects, 1.2–1.5 s as one line per row split in
 * JavaScript). Such a gatherer selects ONE text column, `l`: its columns joined by a tab, NULL as the empty string,
 * arrays as their elements joined by commas. Only for codes, numbers, dates and booleans (never a tab, a comma in an
 * array element, or an empty string that means something): names and free text are not read this way.
 */
export function factLine(columns: readonly SQL[]): SQL {
  return sql.join(
    columns.map((c) => sql`coalesce((${c})::text, '')`),
    sql` || chr(9) || `,
  );
}

/** An array column of {@link factLine}. */
export function lineArray(column: SQL): SQL {
  return sql`array_to_string(${column}, ',')`;
}

/** Runs a statement selecting {@link factLine} `AS l` and returns each row's fields. */
export async function readFactLines(conn: Conn, query: SQL): Promise<string[][]> {
  return rowsOf<{ l: string }>(await conn.execute(query)).map((r) => r.l.split('\t'));
}

/** A numeric field ('' = NULL → `ifNull`). */
export function lineNumber(field: string | undefined, ifNull: number): number;
export function lineNumber(field: string | undefined, ifNull: null): number | null;
export function lineNumber(field: string | undefined, ifNull: number | null): number | null {
  return field === undefined || field === '' ? ifNull : Number(field);
}

/** An array field ('' = NULL or empty → []). */
export function lineList(field: string | undefined): string[] {
  return field ? field.split(',') : [];
}
