import { createReadStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DbHandle } from '@chanbang/db';
import { checkImportRow, DICTIONARIES, suggestMapping, type ImportPersonRow } from '@chanbang/domain';
import { createCsvLineReader } from '../../../server/src/modules/imports/csv-lines.reader.ts';

const HOUSEHOLD_COLUMNS = 'id, household_no, region_code, household_type, monitoring_type, monitoring_status, risk_types, address, phone, lifted_year';
const PERSON_COLUMNS =
  'household_id, region_code, id_number, name, gender, birth_date, relation, is_head, labor_capacity, health_status, health_statuses, education, employment_status, phone';

/**
 * The raw-COPY baseline's input: the bench file's rows already converted to table rows, as COPY csv chunk files in
 * `dir` (on disk, not in memory: at city size the rows are larger than one JavaScript string may be).
 */
export type RawCopyInput = { dir: string; households: string[]; persons: string[]; householdCount: number; personCount: number };

const q = (s: string | null) => (s === null ? '' : `"${s.replaceAll('"', '""')}"`);

/**
 * Converts the bench CSV into the exact rows the import writes — one `households` row per 户编号 (the head's
 * phone), one `persons` row per line — as COPY csv chunk files, before any timing. The file is streamed (the
 * rows of a household are adjacent in it), so memory stays flat at any county size. Conversion uses the domain's
 * row check, so codes, dates and normalised numbers are the ones the product stores.
 */
export async function prepareRawCopy(csvPath: string, chunkRows = 20_000): Promise<RawCopyInput> {
  const dir = mkdtempSync(join(tmpdir(), 'chanbang-raw-copy-'));
  // the product's own CSV reader: cells such as 健康状况 "长期慢性病,残疾" are quoted
  const reader = createCsvLineReader();
  const ctx = { dictionaries: DICTIONARIES, isKnownRegion: () => true };
  const out = { households: [] as string[], persons: [] as string[] };
  const buf = { households: [] as string[], persons: [] as string[] };
  const flushChunk = (kind: 'households' | 'persons', force = false) => {
    if (!buf[kind].length || (!force && buf[kind].length < chunkRows)) return;
    const path = join(dir, `${kind}-${out[kind].length}.csv`);
    writeFileSync(path, buf[kind].join(''));
    out[kind].push(path);
    buf[kind] = [];
  };
  let cols: (readonly [string, number])[] | null = null;
  let householdCount = 0;
  let personCount = 0;
  let current: ImportPersonRow[] = [];
  const flushHousehold = () => {
    if (!current.length) return;
    const id = ++householdCount;
    const r0 = current[0] as ImportPersonRow;
    const phone = current.find((r) => r.isHead)?.phone ?? null;
    buf.households.push(
      `${id},${r0.householdNo},${r0.regionCode},${r0.householdType},${r0.monitoringType ?? ''},${r0.householdType === 'monitored' ? 'monitoring' : 'none'},"{${r0.riskTypes.join(',')}}",${q(r0.address)},${q(phone)},${r0.liftedYear ?? ''}\n`,
    );
    for (const r of current) {
      personCount++;
      buf.persons.push(
        `${id},${r.regionCode},${r.idNumber},${q(r.name)},${r.gender},${r.birthDate},${r.relation},${r.isHead ? 't' : 'f'},${r.laborCapacity ?? ''},${r.healthStatus ?? ''},"{${r.healthStatuses.join(',')}}",${r.education ?? ''},${r.employmentStatus ?? ''},${q(r.phone)}\n`,
      );
    }
    current = [];
    flushChunk('households');
    flushChunk('persons');
  };
  const take = (records: { rowNumber: number; values: string[] }[]) => {
    for (const rec of records) {
      if (!cols) {
        const headers = rec.values.map((h) => h.replace(/^\uFEFF/, ''));
        cols = Object.entries(suggestMapping(headers)).map(([k, h]) => [k, headers.indexOf(h)] as const);
        continue;
      }
      if (rec.values.length < 2) continue;
      const raw: Record<string, unknown> = {};
      for (const [k, c] of cols) raw[k] = rec.values[c];
      const { value } = checkImportRow(raw, rec.rowNumber, ctx);
      if (!value) throw new Error(`bench row ${rec.rowNumber} does not pass the row check`);
      if (current.length && current[0]?.householdNo !== value.householdNo) flushHousehold();
      current.push(value);
    }
  };
  for await (const chunk of createReadStream(csvPath, { encoding: 'utf8', highWaterMark: 1 << 20 })) take(reader.push(chunk as string));
  take(reader.end());
  flushHousehold();
  flushChunk('households', true);
  flushChunk('persons', true);
  return { dir, households: out.households, persons: out.persons, householdCount, personCount };
}

/** Removes the chunk files of a prepared baseline. */
export function removeRawCopy(input: RawCopyInput): void {
  rmSync(input.dir, { recursive: true, force: true });
}

/**
 * Raw COPY baseline: the same rows into two fresh tables built `LIKE households/persons INCLUDING ALL` (same
 * columns, defaults, checks and indexes) with the same foreign keys (region, household), in one transaction,
 * then dropped. Only the COPY statements are timed.
 * @returns milliseconds spent in COPY
 */
export async function timeRawCopy(db: DbHandle, input: RawCopyInput): Promise<number> {
  return db.rawTransaction(async (tx) => {
    await tx.query('CREATE TABLE bench_raw_households (LIKE households INCLUDING ALL)');
    await tx.query('CREATE TABLE bench_raw_persons (LIKE persons INCLUDING ALL)');
    await tx.query('ALTER TABLE bench_raw_households ADD FOREIGN KEY (region_code) REFERENCES regions (code)');
    await tx.query('ALTER TABLE bench_raw_persons ADD FOREIGN KEY (household_id) REFERENCES bench_raw_households (id)');
    let ms = 0;
    // each chunk is read from disk before its COPY; only the COPY statements are timed
    const copy = async (sql: string, path: string) => {
      const csv = readFileSync(path, 'utf8');
      const t0 = performance.now();
      await tx.copyFromCsv(sql, csv);
      ms += performance.now() - t0;
    };
    for (const c of input.households) {
      await copy(`COPY bench_raw_households (${HOUSEHOLD_COLUMNS}) FROM STDIN WITH (FORMAT csv)`, c);
    }
    for (const c of input.persons) {
      await copy(`COPY bench_raw_persons (${PERSON_COLUMNS}) FROM STDIN WITH (FORMAT csv)`, c);
    }
    await tx.query('DROP TABLE bench_raw_persons');
    await tx.query('DROP TABLE bench_raw_households');
    return ms;
  });
}

/**
 * Loads the prepared rows into the real households and persons tables (one transaction; the triggers of the rule
 * layer and the count tables fire as for any write), then moves the household id sequence past them. The bench's
 * rules and list parts use it when the import itself is not measured.
 */
export async function loadCountyByCopy(db: DbHandle, input: RawCopyInput): Promise<void> {
  await db.rawTransaction(async (tx) => {
    for (const c of input.households) await tx.copyFromCsv(`COPY households (${HOUSEHOLD_COLUMNS}) FROM STDIN WITH (FORMAT csv)`, readFileSync(c, 'utf8'));
    for (const c of input.persons) await tx.copyFromCsv(`COPY persons (${PERSON_COLUMNS}) FROM STDIN WITH (FORMAT csv)`, readFileSync(c, 'utf8'));
    await tx.query(`SELECT setval(pg_get_serial_sequence('households', 'id'), (SELECT max(id) FROM households))`);
  });
}
