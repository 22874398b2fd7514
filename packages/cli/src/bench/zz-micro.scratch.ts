import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { checkImportRow, createHouseholdGroupChecker, DICTIONARIES, fillDownHouseholdCells, suggestMapping } from '@chanbang/domain';
const file = process.argv[2]!;
let t = performance.now();
const text = readFileSync(file, 'utf8');
const recs = parse(text, { bom: true, relax_column_count: true }) as string[][];
console.log('csv-parse sync', (performance.now() - t).toFixed(0), 'ms', recs.length);
const headers = recs[0]!;
const mapping = suggestMapping(headers);
const cols = Object.entries(mapping).map(([k, h]) => [k, headers.indexOf(h)] as const);
const ctx = { dictionaries: DICTIONARIES, isKnownRegion: () => true, today: '2025-01-01' };
for (let round = 0; round < 3; round++) {
  t = performance.now();
  let bad = 0; let prev: Record<string, unknown> | null = null;
  const g = createHouseholdGroupChecker();
  for (let i = 1; i < recs.length; i++) {
    const raw: Record<string, unknown> = {};
    for (const [k, c] of cols) raw[k] = recs[i]![c];
    fillDownHouseholdCells(raw, prev); prev = raw;
    const r = checkImportRow(raw, i + 1, ctx);
    if (r.value) g.add(r.value); else bad++;
  }
  const gi = g.finish();
  console.log('check', (performance.now() - t).toFixed(0), 'ms bad', bad, 'group issues', gi.length);
}
