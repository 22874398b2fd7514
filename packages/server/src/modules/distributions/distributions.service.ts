import {
  A2_HOUSEHOLD_TYPES,
  API_LIMITS,
  AppError,
  DICT,
  checkDistribution,
  codesWithAttr,
  fenToYuan,
  proposeDistribution,
  sumFen,
  yuanText,
  yuanToFen,
  type DistributionBasis,
  type DistributionBasisQuery,
  type DistributionListQuery,
  type DistributionPage,
  type DistributionPatch,
  type DistributionPropose,
  type DistributionView,
  type Issue,
} from '@chanbang/domain';
import type { Actor, Conn, Deps } from '../../deps.ts';
import { checkVersion } from '../../versioning.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { assertCanWrite } from '../auth/auth.guard.ts';
import { countyCodeOf, getActivePack } from '../policy/policy.service.ts';
import { resolvePrefix } from '../regions/regions.service.ts';
import { assertRecordInScope, assertWriteScope } from '../regions/scope.ts';
import * as repo from './distributions.repo.ts';
import { distributionPolicyOf, toDistributionHead, toDistributionView, type DistributionPolicy } from './distributions.views.ts';
import { readAll } from '../../reads.ts';

// 村集体产业收益分配 (issue 8 §3; A2, 004 §五 "村集体产业收益 70%以上用于脱贫群众和监测对象差异化分配…有劳动力的按劳取酬，
// 无劳动力的获得基础保障"): proposed from the registry, adjusted as a draft, confirmed into household income.

export const laborCodes = (): string[] => codesWithAttr(DICT.laborCapacity, 'hasLabor');
const bad = (issues: Issue[]): never => {
  throw new AppError('VALIDATION_FAILED', 'the distribution is invalid', { issues });
};

export async function policyFor(db: Conn, village: string): Promise<DistributionPolicy> {
  return distributionPolicyOf((await getActivePack(db, countyCodeOf(village))).pack);
}

/** @throws AppError NOT_FOUND (missing or out of scope) */
async function getReadable(db: Conn, actor: Actor, id: number): Promise<repo.FoundDistribution> {
  const found = await repo.findDistribution(db, id);
  assertRecordInScope(actor, found?.d, 'distribution', { id });
  return found!;
}

export async function buildView(db: Conn, found: repo.FoundDistribution): Promise<DistributionView> {
  const [lines, policy] = await readAll(db, [() => repo.listLines(db, found.d.id, laborCodes()), () => policyFor(db, found.d.regionCode)]);
  return toDistributionView(found, lines, policy);
}

export async function getDistribution(deps: Deps, actor: Actor, id: number): Promise<DistributionView> {
  return buildView(deps.db.db, await getReadable(deps.db.db, actor, id));
}

export async function listDistributions(deps: Deps, actor: Actor, q: DistributionListQuery): Promise<DistributionPage> {
  const db = deps.db.db;
  const prefix = await resolvePrefix(db, actor, q.regionCode);
  const pageSize = Math.min(q.pageSize, API_LIMITS.pageSizeMax);
  const { rows, total } = await repo.listDistributions(db, { prefix, year: q.year, status: q.status }, pageSize, (q.page - 1) * pageSize);
  const totals = await repo.lineTotals(
    db,
    rows.map((r) => r.d.id),
    A2_HOUSEHOLD_TYPES,
  );
  const policies = new Map<string, DistributionPolicy>();
  for (const r of rows) {
    const county = countyCodeOf(r.d.regionCode);
    if (!policies.has(county)) policies.set(county, await policyFor(db, r.d.regionCode));
  }
  const items = rows.map((r) => {
    const t = totals.get(r.d.id) ?? { totalFen: 0, lmFen: 0, count: 0 };
    return { ...toDistributionHead(r, t, policies.get(countyCodeOf(r.d.regionCode))!), lineCount: t.count };
  });
  return { items, total, page: q.page, pageSize };
}

/** The village must be an active village the actor may write in (403 outside the scope, 400 for a code that is none). */
async function writableVillage(db: Conn, actor: Actor, code: string) {
  assertCanWrite(actor);
  assertWriteScope(actor, code);
  const r = await repo.findRegion(db, code);
  if (!r || r.level !== 'village' || r.retiredAt) bad([{ path: 'regionCode', value: code, messageZh: '须为在用的行政村', messageEn: 'must be an active village' }]);
  return r!;
}

/** `GET /distributions/basis`: the period's income of the village collective's assets, the households and A2 of the pack. */
export async function distributionBasis(deps: Deps, actor: Actor, q: DistributionBasisQuery): Promise<DistributionBasis> {
  const db = deps.db.db;
  // a region outside the scope (a village officer naming the township, another village) answers as a missing one: 404
  const region = assertRecordInScope(actor, await repo.findRegion(db, q.regionCode).then((r) => r && { ...r, regionCode: r.code }), 'region', {
    regionCode: q.regionCode,
  });
  if (region.level !== 'village') bad([{ path: 'regionCode', value: q.regionCode, messageZh: '请选择行政村', messageEn: 'choose a village' }]);
  const half = q.half ?? null;
  const [assets, hh, policy] = await Promise.all([
    repo.collectiveAssetIncomes(db, region.code, q.year, half),
    repo.villageHouseholds(db, region.code, A2_HOUSEHOLD_TYPES, laborCodes()),
    policyFor(db, region.code),
  ]);
  return {
    regionCode: q.regionCode,
    regionName: region.name,
    year: q.year,
    half,
    collectiveIncomeYuan: fenToYuan(sumFen(assets.map((a) => a.incomeFen))),
    assets: assets.map((a) => ({ id: a.id, assetNo: a.assetNo, name: a.name, incomeYuan: fenToYuan(a.incomeFen) })),
    households: {
      lifted: hh.filter((h) => h.householdType === 'lifted').length,
      monitored: hh.filter((h) => h.householdType === 'monitored').length,
      withLabor: hh.filter((h) => h.hasLabor).length,
      withoutLabor: hh.filter((h) => !h.hasLabor).length,
    },
    policy,
  };
}

/** The income of the period recorded for the assets the village collective owns in the village (分). */
export async function recordedIncomeFen(db: Conn, village: string, year: number, half: number | null): Promise<number> {
  return sumFen((await repo.collectiveAssetIncomes(db, village, year, half)).map((a) => a.incomeFen));
}

/** A stated collective income below the recorded one would let a smaller share pass A2: 400 naming the recorded figure. */
function assertNotBelowRecorded(incomeFen: number, recordedFen: number): void {
  if (incomeFen < recordedFen) {
    bad([
      {
        path: 'collectiveIncomeYuan',
        value: fenToYuan(incomeFen),
        messageZh: `村集体产业收益不能少于本期已登记的村集体资产收益 ${yuanText(recordedFen)} 元`,
        messageEn: `the collective income cannot be less than the ${yuanText(recordedFen)} yuan recorded as income of the village collective’s assets for the period`,
      },
    ]);
  }
}

/** ⌈income × minShare⌉ to the 分 on integers (basis points), so the default proposal meets A2; the whole income without A2. */
export function defaultAmountFen(incomeFen: number, minShare: number | null): number {
  if (minShare === null) return incomeFen;
  const bp = BigInt(Math.round(minShare * 10000));
  return Number((BigInt(incomeFen) * bp + 9999n) / 10000n);
}

/**
 * `POST /distributions/propose`: a draft from the registry. Households: the village's active 脱贫户 and 监测户; with labour
 * (a member 普通/技能/弱劳动力) → 按劳取酬 by work units (default 1 each: equal until the officer enters labour days),
 * without → 基础保障 (default: the average amount per household). Amount: default ⌈income × A2 minShare⌉.
 * @throws AppError VALIDATION_FAILED, FORBIDDEN, CONFLICT (a distribution of the period exists)
 */
export async function proposeDraft(deps: Deps, actor: Actor, input: DistributionPropose): Promise<DistributionView> {
  const db = deps.db.db;
  await writableVillage(db, actor, input.regionCode);
  const half = input.half ?? null;
  const [assets, hh, policy] = await Promise.all([
    repo.collectiveAssetIncomes(db, input.regionCode, input.year, half),
    repo.villageHouseholds(db, input.regionCode, A2_HOUSEHOLD_TYPES, laborCodes()),
    policyFor(db, input.regionCode),
  ]);
  const recordedFen = sumFen(assets.map((a) => a.incomeFen));
  const incomeFen = input.collectiveIncomeYuan !== undefined ? yuanToFen(input.collectiveIncomeYuan, 'collectiveIncomeYuan') : recordedFen;
  assertNotBelowRecorded(incomeFen, recordedFen);
  if (incomeFen <= 0) {
    bad([
      {
        path: 'collectiveIncomeYuan',
        messageZh: '本期没有登记村集体资产收益，请填写村集体产业收益',
        messageEn: 'no income of the village collective’s assets is recorded for the period: enter the collective industry income',
      },
    ]);
  }
  const amountFen = input.amountYuan !== undefined ? yuanToFen(input.amountYuan, 'amountYuan') : defaultAmountFen(incomeFen, policy.minShare);
  if (amountFen > incomeFen) bad([{ path: 'amountYuan', messageZh: '可分配金额不能超过村集体产业收益', messageEn: 'the amount cannot exceed the collective income' }]);
  const units = new Map((input.work ?? []).map((w) => [w.householdId, w.workUnits]));
  const base = input.base
    ? input.base.mode === 'pool'
      ? input.base
      : { mode: 'per_household' as const, amountFen: yuanToFen(input.base.amountYuan, 'base.amountYuan') }
    : { mode: 'per_household' as const, amountFen: hh.length ? Math.floor(amountFen / hh.length) : 0 };
  const p = proposeDistribution({
    amountFen,
    households: hh.map((h) => ({ householdId: h.id, householdType: h.householdType, hasLabor: h.hasLabor, workUnits: input.work ? (units.get(h.id) ?? 0) : 1 })),
    base,
  });
  return db.transaction(async (tx) => {
    await repo.lockVillageYear(tx, input.regionCode, input.year);
    await assertNoOtherOfPeriod(tx, input.regionCode, input.year, half);
    const d = await repo.insertDistribution(tx, { regionCode: input.regionCode, year: input.year, half, collectiveIncomeFen: incomeFen, note: input.note ?? null });
    const regionOf = new Map(hh.map((h) => [h.id, h.regionCode]));
    await repo.replaceLines(
      tx,
      d.id,
      p.lines.map((l) => ({
        distributionId: d.id,
        householdId: l.householdId,
        regionCode: regionOf.get(l.householdId)!,
        kind: l.kind,
        workUnits: l.workUnits,
        amountFen: l.amountFen,
      })),
    );
    await recordAudit(tx, actor, {
      action: 'propose',
      entityType: 'income_distribution',
      entityId: d.id,
      regionCode: d.regionCode,
      after: { ...d, amountFen, baseFen: p.baseFen, workFen: p.workFen },
    });
    return buildView(tx, (await repo.findDistribution(tx, d.id))!);
  });
}

/**
 * The same income is distributed once: no other live distribution of the village whose period overlaps (全年 clashes with
 * either half of the year and each half with 全年). Call under {@link repo.lockVillageYear}.
 * @throws AppError CONFLICT naming the other distribution's period and status
 */
export async function assertNoOtherOfPeriod(tx: Conn, village: string, year: number, half: number | null, except?: number): Promise<void> {
  const other = await repo.findOverlapping(tx, village, year, half, except);
  if (other) {
    const period = `${year} 年${other.half === 1 ? '上半年' : other.half === 2 ? '下半年' : '全年'}`;
    throw new AppError('CONFLICT', 'a distribution of the period exists', {
      id: other.id,
      issues: [
        {
          path: 'half',
          messageZh: `本村 ${period} 已有收益分配（${other.status === 'draft' ? '草稿' : '已确认'}），与本期重叠，同一收益不能重复分配，请在原分配上调整或先撤销`,
          messageEn: `the village already has a distribution of ${year}${other.half ? ` H${other.half}` : ' (whole year)'} overlapping this period`,
        },
      ],
    });
  }
}

/** A locked draft in scope, at the version sent. @throws NOT_FOUND, VERSION_REQUIRED, STALE_VERSION, INVALID_TRANSITION */
async function lockDraft(tx: Conn, actor: Actor, id: number, version: number | undefined, to: string): Promise<repo.DistributionRow> {
  const d = assertRecordInScope(actor, await repo.lockDistribution(tx, id), 'distribution', { id });
  await checkVersion(d.version, version, async () => buildView(tx, (await repo.findDistribution(tx, id))!));
  if (d.status !== 'draft') {
    const zh = d.status === 'confirmed' ? '该收益分配已确认' : '该收益分配已撤销';
    throw new AppError('INVALID_TRANSITION', `the distribution is ${d.status}`, {
      status: d.status,
      issues: [{ path: 'status', messageZh: `${zh}，不能${to}`, messageEn: `the distribution is ${d.status}: it cannot be ${to === '修改' ? 'changed' : 'confirmed'}` }],
    });
  }
  return d;
}

/**
 * `PATCH /distributions/:id`: a draft's income, lines (amounts, units, households added or removed) and note, with its
 * version. Lines must be active households of the village and add up to at most the collective income (400).
 */
export async function patchDraft(deps: Deps, actor: Actor, id: number, input: DistributionPatch, version: number | undefined): Promise<DistributionView> {
  const db = deps.db.db;
  const found = await getReadable(db, actor, id);
  assertCanWrite(actor);
  const village = found.d.regionCode;
  const lines = input.lines ?? null;
  const hh = lines
    ? await repo.villageHouseholds(
        db,
        village,
        null,
        laborCodes(),
        lines.map((l) => l.householdId),
      )
    : [];
  const byId = new Map(hh.map((h) => [h.id, h]));
  if (lines) {
    const issues: Issue[] = lines.flatMap((l, i) =>
      byId.has(l.householdId)
        ? []
        : [
            {
              path: `lines.${i}.householdId`,
              value: l.householdId,
              messageZh: `第 ${i + 1} 行：不是本村在册农户`,
              messageEn: `line ${i + 1}: not an active household of the village`,
            },
          ],
    );
    if (issues.length) bad(issues);
  }
  return db.transaction(async (tx) => {
    const before = await lockDraft(tx, actor, id, version, '修改');
    const incomeFen = input.collectiveIncomeYuan !== undefined ? yuanToFen(input.collectiveIncomeYuan, 'collectiveIncomeYuan') : before.collectiveIncomeFen;
    if (input.collectiveIncomeYuan !== undefined) assertNotBelowRecorded(incomeFen, await recordedIncomeFen(tx, village, before.year, before.half));
    if (lines) {
      const fenLines = lines.map((l, i) => ({ ...l, amountFen: yuanToFen(l.amountYuan, `lines.${i}.amountYuan`), householdType: byId.get(l.householdId)!.householdType }));
      const check = checkDistribution({ collectiveIncomeFen: incomeFen, totalFen: input.totalYuan == null ? null : yuanToFen(input.totalYuan, 'totalYuan'), lines: fenLines }, 0);
      if (!check.ok) bad(check.issues);
      await repo.replaceLines(
        tx,
        id,
        fenLines.map((l) => ({
          distributionId: id,
          householdId: l.householdId,
          regionCode: byId.get(l.householdId)!.regionCode,
          kind: l.kind,
          workUnits: l.kind === 'work' ? (l.workUnits ?? 0) : null,
          amountFen: l.amountFen,
        })),
      );
    } else if (input.collectiveIncomeYuan !== undefined) {
      const t = (await repo.lineTotals(tx, [id], A2_HOUSEHOLD_TYPES)).get(id);
      if (t && t.totalFen > incomeFen)
        bad([{ path: 'collectiveIncomeYuan', messageZh: '村集体产业收益不能少于分配明细合计', messageEn: 'the collective income cannot be less than the lines’ sum' }]);
    }
    const after = await repo.updateDistribution(tx, id, { collectiveIncomeFen: incomeFen, ...(input.note !== undefined ? { note: input.note } : {}) });
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'income_distribution',
      entityId: id,
      regionCode: after.regionCode,
      before,
      after: { ...after, lines: lines ?? undefined },
    });
    return buildView(tx, (await repo.findDistribution(tx, id))!);
  });
}
