import { POLICY_PACKS } from '@chanbang/domain';
import type { DbHandle } from '@chanbang/db';
import { ensureFresh, factsMemoryOf, fundsWhatIf, getActivePolicyPack, setActivePolicyPack, type Actor, type Deps, type RefreshPhases } from '@chanbang/server';
import { DEMO_PASSWORD } from '../demo/demo-county.ts';
import { loadBenchEmployment, type BenchEmploymentCounts } from './bench-employment.ts';
import { loadBenchIndustry, type BenchIndustryCounts } from './bench-industry.ts';
import { runLoad, type LoadResult } from './bench-server.ts';

/** Targets of issues 7 and 8 (ms), printed next to the figures and kept in the JSON. */
export const RULES_TARGETS = { fullMs: 1_000, incrementalMs: 100, whatIfMs: 200, dashboardP99Ms: 1_000, ahjMs: 2_000 } as const;

/** The industry system of issue 7's bench county. */
export const BENCH_INDUSTRY = { entities: 3_000, linkages: 20_000, projects: 5_000, allocations: 20_000 };

/** One rule's full evaluation: its time alone, its time split in the evaluation of every rule together, and the stored results it left. */
export type RuleFigure = { ruleId: string; ms: number; together: RefreshPhases | null; met: number; notMet: number; listed: number };
/** A refresh after one edit: time and what was re-gathered. */
export type IncrementalFigure = { edit: string; ms: number; rules: number; prefixes: number; fullRules: string[]; failed: string[] };
/** The figures of one policy pack on the bench county. */
export type PackFigures = {
  packId: string;
  full: {
    year: number;
    ms: number;
    /** facts sets gathered ahead on a second connection (PostgreSQL) */
    gatheredAhead: number;
    /** facts sets read back from the kept facts of an earlier evaluation (rule_fact_cache, ADR 0005) */
    readKept: number;
    /** the same full evaluation with no kept facts (the first after the platform starts): every facts set gathered */
    noKeptMs: number;
    /** the same, the facts read back from rule_fact_cache but none held in this process's memory (another server process, or one whose memory let them go) */
    keptInDatabaseMs: number;
    /** after the full evaluation: MB of kept facts (their JSON) held in this process's memory, and the heap in use */
    memory: { heldMb: number; heapMb: number };
    targetMs: number;
    /**
     * issue 8: the pack's A, H and J rules evaluated together: `ms` with the results of a previous evaluation stored
     * (only changed results are written), `coldMs` into an empty store (every result written)
     */
    ahj: { rules: string[]; ms: number; coldMs: number; targetMs: number };
    rules: RuleFigure[];
    failed: { ruleId: string; message: string }[];
  };
  previousYear: { year: number; ms: number; rules: number };
  incremental: IncrementalFigure[];
  whatIf: { medianMs: number; runs: number; targetMs: number; changed: string[] };
};
export type RulesFigures = { countyCode: string; year: number; industry: BenchIndustryCounts | null; packs: PackFigures[] };

const ms = (t0: number) => Math.round((performance.now() - t0) * 10) / 10;

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const t0 = performance.now();
  const value = await fn();
  return { value, ms: ms(t0) };
}

/** Loads the industry system and issue 8's facts (employment, posts, trainings, assets …) of the county and refreshes the planner's statistics. */
export async function loadRulesData(
  db: DbHandle,
  county6: string,
  counts = BENCH_INDUSTRY,
  year = new Date().getFullYear(),
): Promise<BenchIndustryCounts & { employment: BenchEmploymentCounts }> {
  const industry = await db.rawTransaction(async (tx) => ({ ...(await loadBenchIndustry(tx, county6, counts)), employment: await loadBenchEmployment(tx, county6, year) }));
  // VACUUM too: a server with autovacuum off (as the shared dev server) would leave the import's dead rows
  await db.query('VACUUM ANALYZE');
  return industry;
}

/** Makes `packId` the county's active pack through the policy service (which forgets the stored evaluations). */
async function choosePack(deps: Deps, actor: Actor, countyCode: string, packId: string): Promise<void> {
  const active = await getActivePolicyPack(deps, actor, countyCode);
  if (active.packId === packId && !active.isDefault) return;
  await setActivePolicyPack(deps, actor, { countyCode, packId }, active.version ?? undefined);
}

const forget = (db: DbHandle, countyCode: string, ruleIds?: string[]) =>
  ruleIds
    ? db.query('DELETE FROM rule_evaluations WHERE county_code = $1 AND rule_id = ANY($2::text[])', [countyCode, ruleIds])
    : db.query('DELETE FROM rule_evaluations WHERE county_code = $1', [countyCode]);

/** Stored results per rule and status of the county's year (a few rows: one per rule and status). */
async function storedCounts(db: DbHandle, county6: string, year: number): Promise<Map<string, { met: number; notMet: number; listed: number }>> {
  const rows = await db.query<{ rule_id: string; status: string; n: number }>(
    `SELECT rule_id, status, count(*)::int AS n FROM rule_results WHERE year = $1 AND region_code LIKE $2 GROUP BY rule_id, status`,
    [year, `${county6}%`],
  );
  const out = new Map<string, { met: number; notMet: number; listed: number }>();
  for (const r of rows) {
    const c = out.get(r.rule_id) ?? { met: 0, notMet: 0, listed: 0 };
    if (r.status === 'met') c.met = Number(r.n);
    else if (r.status === 'not_met') c.notMet = Number(r.n);
    else c.listed = Number(r.n);
    out.set(r.rule_id, c);
  }
  return out;
}

/** (a) every rule of the pack in full: all together in one `ensureFresh` (the total), then each rule alone (per-rule ms). */
async function measureFull(deps: Deps, countyCode: string, year: number): Promise<PackFigures['full']> {
  const db = deps.db;
  // the first full evaluation after a start-up: nothing kept, every facts set gathered (and kept)
  await forget(db, countyCode);
  await db.query('DELETE FROM rule_fact_cache');
  const noKept = await timed(() => ensureFresh(deps, countyCode, year));
  // kept in the database, parsed by this process again (another server process; a memory too small for the county)
  await forget(db, countyCode);
  factsMemoryOf(db).clear();
  const keptInDatabase = await timed(() => ensureFresh(deps, countyCode, year));
  // the usual case: the facts held in memory since the last evaluation (stamps unchanged)
  await forget(db, countyCode);
  const total = await timed(() => ensureFresh(deps, countyCode, year));
  const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
  const memory = { heldMb: mb(factsMemoryOf(db).heldChars), heapMb: mb(process.memoryUsage().heapUsed) };
  const perRule: { ruleId: string; ms: number }[] = [];
  for (const ruleId of total.value.full) {
    await forget(db, countyCode, [ruleId]);
    const r = await timed(() => ensureFresh(deps, countyCode, year, [ruleId]));
    perRule.push({ ruleId, ms: r.ms });
  }
  // issue 8: every A, H and J rule of the pack evaluated together (target < 2 s on 300 000 persons)
  const ahjRules = total.value.full.filter((id) => /^[AHJ]\d/.test(id));
  await forget(db, countyCode, ahjRules);
  const ahj = ahjRules.length ? await timed(() => ensureFresh(deps, countyCode, year, ahjRules)) : { ms: 0 };
  // the same into an empty store: every result is written (the first evaluation of a county, or of a year)
  await forget(db, countyCode, ahjRules);
  await db.query('DELETE FROM rule_results WHERE year = $1 AND rule_id = ANY($2::text[]) AND region_code LIKE $3', [year, ahjRules, `${countyCode.slice(0, 6)}%`]);
  const ahjCold = ahjRules.length ? await timed(() => ensureFresh(deps, countyCode, year, ahjRules)) : { ms: 0 };
  const counts = await storedCounts(db, countyCode.slice(0, 6), year);
  return {
    year,
    ms: total.ms,
    gatheredAhead: total.value.gatheredAhead,
    readKept: total.value.readKept,
    noKeptMs: noKept.ms,
    keptInDatabaseMs: keptInDatabase.ms,
    memory,
    targetMs: RULES_TARGETS.fullMs,
    ahj: { rules: ahjRules, ms: ahj.ms, coldMs: ahjCold.ms, targetMs: RULES_TARGETS.ahjMs },
    rules: perRule.map((r) => ({ ...r, together: total.value.phases[r.ruleId] ?? null, ...(counts.get(r.ruleId) ?? { met: 0, notMet: 0, listed: 0 }) })),
    failed: total.value.failed,
  };
}

/** The edits of (b): one statement each, through the dirty-mark triggers like any writer. */
const EDITS: { name: string; sql: string }[] = [
  {
    name: 'linkage income (one row of linkages)',
    sql: 'UPDATE linkages SET income_fen = income_fen + 100 WHERE id = (SELECT min(id) FROM linkages WHERE region_code LIKE $1)',
  },
  {
    name: 'support measure amount (one row of support_measures)',
    sql: 'UPDATE support_measures SET amount_yuan = coalesce(amount_yuan, 0) + 1 WHERE id = (SELECT min(id) FROM support_measures WHERE region_code LIKE $1)',
  },
];

/** (b) the refresh after one edit: the time of the `ensureFresh` that consumes its dirty marks. */
async function measureIncremental(deps: Deps, countyCode: string, year: number): Promise<IncrementalFigure[]> {
  const out: IncrementalFigure[] = [];
  for (const e of EDITS) {
    await deps.db.query(e.sql, [`${countyCode.slice(0, 6)}%`]);
    const r = await timed(() => ensureFresh(deps, countyCode, year));
    const inc = Object.values(r.value.incremental);
    out.push({
      edit: e.name,
      ms: r.ms,
      rules: inc.length + r.value.full.length,
      prefixes: inc.reduce((n, p) => n + p.length, 0),
      fullRules: r.value.full,
      failed: r.value.failed.map((f) => f.ruleId),
    });
  }
  return out;
}

/** (c) the funds what-if through its service: one allocation moved to another library project (or a category move), median of 10. */
async function measureWhatIf(deps: Deps, actor: Actor, countyCode: string, year: number): Promise<PackFigures['whatIf']> {
  const like = `${countyCode.slice(0, 6)}%`;
  const [a] = await deps.db.query<{ id: number; project_id: number; fen: string }>(
    'SELECT id, project_id, amount_fen::text AS fen FROM fund_allocations WHERE region_code LIKE $1 AND year = $2 AND amount_fen >= 100 ORDER BY id LIMIT 1',
    [like, year],
  );
  const [p] = a
    ? await deps.db.query<{ id: number }>(
        `SELECT id FROM projects WHERE region_code LIKE $1 AND stage IN ('in_library', 'funded', 'implementing') AND id <> $2 ORDER BY id LIMIT 1`,
        [like, a.project_id],
      )
    : [];
  const req = {
    regionCode: countyCode,
    year,
    moves: a && p ? [{ allocationId: Number(a.id), toProjectId: Number(p.id), amountYuan: Math.min(Number(a.fen), 1_000_000) / 100 }] : [],
    categoryMoves: [{ fromType: 'industry', toType: 'employment', amountYuan: 1 }],
  };
  let changed: string[] = [];
  const times: number[] = [];
  await fundsWhatIf(deps, actor, req); // warm-up
  for (let i = 0; i < 10; i++) {
    const r = await timed(() => fundsWhatIf(deps, actor, req));
    times.push(r.ms);
    changed = r.value.changed;
  }
  times.sort((x, y) => x - y);
  return { medianMs: Math.round(((times[4]! + times[5]!) / 2) * 10) / 10, runs: times.length, targetMs: RULES_TARGETS.whatIfMs, changed };
}

/**
 * (a)–(c) for every built-in pack made the county's active pack in turn; the county's pack of before is restored
 * and its results stored (so that the load part reads stored results).
 */
export async function measureRules(deps: Deps, actor: Actor, countyCode: string, opts: { year: number; log: (s: string) => void }): Promise<PackFigures[]> {
  const { year, log } = opts;
  const before = await getActivePolicyPack(deps, actor, countyCode);
  // warm-up (not timed): the first pack would otherwise also pay the first run of every statement and rule
  await ensureFresh(deps, countyCode, year);
  const packs: PackFigures[] = [];
  for (const pack of POLICY_PACKS) {
    await choosePack(deps, actor, countyCode, pack.id);
    log(`pack ${pack.id} (${pack.nameZh}) active on ${countyCode}:`);
    const full = await measureFull(deps, countyCode, year);
    log(
      `  (a) full evaluation of ${full.rules.length} rules for ${year}: ${full.ms} ms (target < ${RULES_TARGETS.fullMs} ms; ${full.readKept} facts sets read back from the kept facts, ${full.gatheredAhead} gathered ahead); with no kept facts (first after start-up): ${full.noKeptMs} ms; kept in the database but not in this process's memory: ${full.keptInDatabaseMs} ms; facts held ${full.memory.heldMb} MB of JSON, heap in use ${full.memory.heapMb} MB${full.failed.length ? `; FAILED: ${full.failed.map((f) => `${f.ruleId} ${f.message}`).join('; ')}` : ''}`,
    );
    const split = (p: RefreshPhases | null) => (p ? `; together: facts ${Math.round(p.factsMs)}, evaluate ${Math.round(p.evaluateMs)}, store ${Math.round(p.storeMs)} ms` : '');
    for (const r of full.rules)
      log(`      ${r.ruleId.padEnd(4)} ${String(r.ms).padStart(8)} ms alone  (met ${r.met}, not met ${r.notMet}, listed ${r.listed}${split(r.together)})`);
    if (full.ahj.rules.length)
      log(
        `      A, H and J rules together (${full.ahj.rules.join(' ')}): ${full.ahj.ms} ms (target < ${full.ahj.targetMs} ms); into an empty store (every result written): ${full.ahj.coldMs} ms`,
      );
    const prev = await timed(() => ensureFresh(deps, countyCode, year - 1));
    log(`      and for ${year - 1}: ${prev.ms} ms (${prev.value.full.length} rules)`);
    const incremental = await measureIncremental(deps, countyCode, year);
    for (const i of incremental)
      log(
        `  (b) refresh after one edit, ${i.edit}: ${i.ms} ms (target < ${RULES_TARGETS.incrementalMs} ms); ${i.rules} rules refreshed, ${i.prefixes} village/township prefixes re-gathered${i.fullRules.length ? `, in full: ${i.fullRules.join(' ')}` : ''}`,
      );
    const whatIf = await measureWhatIf(deps, actor, countyCode, year);
    log(`  (c) what-if re-evaluation (funds service, median of ${whatIf.runs}): ${whatIf.medianMs} ms (target < ${RULES_TARGETS.whatIfMs} ms)`);
    packs.push({ packId: pack.id, full, previousYear: { year: year - 1, ms: prev.ms, rules: prev.value.full.length }, incremental, whatIf });
  }
  await choosePack(deps, actor, countyCode, before.packId);
  await ensureFresh(deps, countyCode, year);
  // the measures above replaced the stored results many times: what autovacuum does on a live server, before the load
  await deps.db.query('VACUUM ANALYZE rule_results, rule_evaluations, rule_dirty');
  return packs;
}

/** The session cookie of the demo admin on a running server. */
export async function loginCookie(url: string): Promise<string> {
  const login = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }),
  });
  if (!login.ok) throw new Error(`bench login failed: ${login.status}`);
  return (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

export type RulesLoad = { dashboard: LoadResult & { path: string }; listH1: LoadResult & { path: string } };

/** (d) the dashboard with every rule and the `warning=H1` household list under `connections` clients (autocannon). */
export async function measureRulesLoad(
  url: string,
  cookie: string,
  countyCode: string,
  opts: { connections: number; durationSec: number; log: (s: string) => void },
): Promise<RulesLoad> {
  const run = async (path: string) => {
    await runLoad(`${url}${path}`, { connections: Math.min(10, opts.connections), durationSec: Math.min(2, opts.durationSec), cookie }); // warm-up
    return { path, ...(await runLoad(`${url}${path}`, { connections: opts.connections, durationSec: opts.durationSec, cookie })) };
  };
  const dashboard = await run(`/api/v1/dashboard?regionCode=${countyCode}`);
  opts.log(
    `  (d) dashboard (every rule of the pack) under ${opts.connections} clients: p50 ${dashboard.p50} ms, p99 ${dashboard.p99} ms (target < ${RULES_TARGETS.dashboardP99Ms} ms); ${dashboard.requests} requests, ${dashboard.non2xx} non-2xx, ${dashboard.errors} errors`,
  );
  const listH1 = await run(`/api/v1/households?regionCode=${countyCode}&warning=H1&pageSize=20`);
  opts.log(
    `      household list warning=H1 under ${opts.connections} clients: p50 ${listH1.p50} ms, p99 ${listH1.p99} ms (target < 100 ms); ${listH1.requests} requests, ${listH1.non2xx} non-2xx, ${listH1.errors} errors`,
  );
  return { dashboard, listH1 };
}
