import { readFileSync } from 'node:fs';
import type { DbHandle } from '@chanbang/db';
import { checkImportRow, DICTIONARIES, suggestMapping, type ImportPersonRow } from '@chanbang/domain';
import { createCsvLineReader } from '../../../server/src/modules/imports/csv-lines.reader.ts';

/** The raw-COPY baseline's input: the bench file's rows already converted to table rows, as COPY csv. */
export type RawCopyInput = { households: string[]; persons: string[]; householdCount: number; personCount: number };

const q = (s: string | null) => (s === null ? '' : `"${s.replaceAll('"', '""')}"`);

/**
 * Converts the bench CSV (no quoted cells) into the exact rows the import writes — one `households` row per 户编号
 * (the head's phone), one `persons` row per line — as COPY csv chunks, before any timing. Conversion uses the
 * domain's row check, so codes, dates and normalised numbers are the ones the product stores.
 */
export function prepareRawCopy(csvPath: string, chunkRows = 20_000): RawCopyInput {
  // the product's own CSV reader: cells such as 健康状况 "长期慢性病,残疾" are quoted
  const reader = createCsvLineReader();
  const records = [...reader.push(readFileSync(csvPath, 'utf8').replace(/^\uFEFF/, '')), ...reader.end()].map((r) => r.values);
  const headers = records[0] ?? [];
  const cols = Object.entries(suggestMapping(headers)).map(([k, h]) => [k, headers.indexOf(h)] as const);
  const ctx = { dictionaries: DICTIONARIES, isKnownRegion: () => true };
  const ids = new Map<string, number>();
  const hh: string[] = [];
  const pp: string[] = [];
  const heads = new Map<string, ImportPersonRow>();
  const rows: ImportPersonRow[] = [];
  for (let i = 1; i < records.length; i++) {
    const cells = records[i] as string[];
    if (cells.length < 2) continue;
    const raw: Record<string, unknown> = {};
    for (const [k, c] of cols) raw[k] = cells[c];
    const { value } = checkImportRow(raw, i + 1, ctx);
    if (!value) throw new Error(`bench row ${i + 1} does not pass the row check`);
    rows.push(value);
    if (value.isHead) heads.set(value.householdNo, value);
  }
  for (const r of rows) {
    let id = ids.get(r.householdNo);
    if (id === undefined) {
      ids.set(r.householdNo, (id = ids.size + 1));
      const phone = heads.get(r.householdNo)?.phone ?? null;
      hh.push(
        `${id},${r.householdNo},${r.regionCode},${r.householdType},${r.monitoringType ?? ''},${r.householdType === 'monitored' ? 'monitoring' : 'none'},"{${r.riskTypes.join(',')}}",${q(r.address)},${q(phone)},${r.liftedYear ?? ''}\n`,
      );
    }
    pp.push(
      `${id},${r.regionCode},${r.idNumber},${q(r.name)},${r.gender},${r.birthDate},${r.relation},${r.isHead ? 't' : 'f'},${r.laborCapacity ?? ''},${r.healthStatus ?? ''},"{${r.healthStatuses.join(',')}}",${r.education ?? ''},${r.employmentStatus ?? ''},${q(r.phone)}\n`,
    );
  }
  const chunk = (a: string[]) => Array.from({ length: Math.ceil(a.length / chunkRows) }, (_, k) => a.slice(k * chunkRows, (k + 1) * chunkRows).join(''));
  return { households: chunk(hh), persons: chunk(pp), householdCount: hh.length, personCount: pp.length };
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
    const t0 = performance.now();
    for (const c of input.households) {
      await tx.copyFromCsv(
        'COPY bench_raw_households (id, household_no, region_code, household_type, monitoring_type, monitoring_status, risk_types, address, phone, lifted_year) FROM STDIN WITH (FORMAT csv)',
        c,
      );
    }
    for (const c of input.persons) {
      await tx.copyFromCsv(
        'COPY bench_raw_persons (household_id, region_code, id_number, name, gender, birth_date, relation, is_head, labor_capacity, health_status, health_statuses, education, employment_status, phone) FROM STDIN WITH (FORMAT csv)',
        c,
      );
    }
    const ms = performance.now() - t0;
    await tx.query('DROP TABLE bench_raw_persons');
    await tx.query('DROP TABLE bench_raw_households');
    return ms;
  });
}
