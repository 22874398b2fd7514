import { resolve } from 'node:path';
import { isAppError, type RegionChangeReport, type RegionNode } from '@chanbang/domain';
import { regionAdmin } from '@chanbang/server';
import { cliActor, cliConfig, openDeps, report } from './context.ts';

type Opts = { user?: string; json?: boolean };

/** Runs a command on an open database; an application error is printed in Chinese and English (exit code 1). */
async function withDeps(opts: Opts, run: (deps: Awaited<ReturnType<typeof openDeps>>, actor: Awaited<ReturnType<typeof cliActor>>) => Promise<void>): Promise<void> {
  const deps = await openDeps(cliConfig());
  try {
    await run(deps, await cliActor(deps.db, opts.user ?? 'admin'));
  } catch (err) {
    if (!isAppError(err)) throw err;
    const issues = err.details?.issues ?? [];
    if (opts.json) console.log(JSON.stringify({ error: { code: err.code, message: err.message, details: err.details } }, null, 2));
    else for (const i of issues.length ? issues : [{ messageZh: err.message, messageEn: '' }]) console.error(`${i.messageZh}${i.messageEn ? `\n${i.messageEn}` : ''}`);
    process.exitCode = 1;
  } finally {
    await deps.db.close();
  }
}

/** The change report as lines an officer reads. */
export function reportLines(r: RegionChangeReport): string[] {
  const lines = [`新增 added ${r.added.length}, 更名 renamed ${r.renamed.length}, 未变 unchanged ${r.unchanged}, 拒绝 refused ${r.refused.length}`];
  for (const a of r.added) lines.push(`  + ${a.code} ${a.name}`);
  for (const n of r.renamed) lines.push(`  ~ ${n.code} ${n.from} → ${n.to}`);
  for (const x of r.refused) lines.push(`  ! 第 ${x.row} 行 row ${x.row}: ${x.code} ${x.name} — ${x.reasonZh} / ${x.reasonEn}`);
  return lines;
}

/** `chanbang regions import FILE`: the official region list (.xlsx/.csv) applied to the user's county. */
export async function importRegionsCommand(file: string, opts: Opts): Promise<void> {
  await withDeps(opts, async (deps, actor) => {
    const rows = await regionAdmin.readRegionListFile(resolve(file));
    const r = await regionAdmin.applyRegionList(deps, actor, rows);
    report(!!opts.json, r, reportLines(r));
  });
}

/** `chanbang regions load-dataset --county X`: townships and villages of a county from the public 2023 dataset. */
export async function loadDatasetCommand(opts: Opts & { county: string }): Promise<void> {
  await withDeps(opts, async (deps, actor) => {
    const r = await regionAdmin.loadRegionDataset(deps, actor, opts.county);
    report(!!opts.json, r, [`${r.county.provinceName}${r.county.cityName}${r.county.name} (${r.county.code})`, ...reportLines(r)]);
  });
}

function treeLines(nodes: RegionNode[], depth = 0, out: string[] = []): string[] {
  for (const n of nodes) {
    out.push(`${'  '.repeat(depth)}${n.code} ${n.name}${n.retired ? ' （已撤销 retired）' : ''}`);
    treeLines(n.children, depth + 1, out);
  }
  return out;
}

/** `chanbang regions list [--root CODE]`: the region tree within the user's scope. */
export async function listRegionsCommand(opts: Opts & { root?: string }): Promise<void> {
  await withDeps(opts, async (deps, actor) => {
    const tree = await regionAdmin.getRegionTree(deps, actor, { root: opts.root, depth: 5 });
    report(!!opts.json, tree, treeLines(tree));
  });
}
