import {
  entryPolicyOf,
  fenToYuan,
  isProjectStage,
  projectActionsForStage,
  projectLevelOfRole,
  type PolicyPack,
  type ProjectListItem,
  type ProjectStage,
  type ProjectView,
} from '@chanbang/domain';
import type { Actor } from '../../deps.ts';
import type { BudgetRow, ProjectRow, StepRow } from './projects.repo.ts';

/** A stored stage as a stage code (an unknown one reads as draft). */
export function stageOf(row: Pick<ProjectRow, 'stage'>): ProjectStage {
  return isProjectStage(row.stage) ? row.stage : 'draft';
}

/** A project as a list row (no personal data: a project has none). */
export function toListItem(p: ProjectRow, regionName: string | null): ProjectListItem {
  return {
    id: p.id,
    projectNo: p.projectNo,
    name: p.name,
    regionCode: p.regionCode,
    regionName,
    year: p.year,
    projectType: p.projectType,
    projectSubtype: p.projectSubtype,
    industryId: p.industryId,
    stage: stageOf(p),
    budgetYuan: fenToYuan(p.budgetFen),
    linkageModes: p.linkageModes ?? [],
    returnReason: p.returnReason,
    version: p.version,
  };
}

export type ProjectExtras = {
  regionName: string | null;
  steps: StepRow[];
  budgets: BudgetRow[];
  beneficiaries: { householdId: number; householdNo: string; headName: string | null; regionCode: string }[];
  allocatedFen: number;
  pack: PolicyPack;
};

/** The detail of a project: its columns, steps, budget rows, beneficiary households and the actions this user may take. */
export function toView(actor: Pick<Actor, 'role'>, p: ProjectRow, x: ProjectExtras): ProjectView {
  const policy = entryPolicyOf(x.pack);
  return {
    ...toListItem(p, x.regionName),
    chainLinkId: p.chainLinkId,
    isSpecialty: p.isSpecialty,
    isClusterProject: p.isClusterProject,
    implementingEntityId: p.implementingEntityId,
    drivenHouseholds: p.drivenHouseholds,
    drivenPersons: p.drivenPersons,
    constructionContent: p.constructionContent,
    performanceTarget: p.performanceTarget,
    reviewChecks: { benefit: p.reviewBenefit, interest_linkage: p.reviewLinkage, organisation: p.reviewOrganisation, after_operation: p.reviewAfterOperation },
    reviewNote: p.reviewNote,
    publicityStart: p.publicityStart,
    publicityEnd: p.publicityEnd,
    enteredLibraryOn: p.enteredLibraryOn,
    startedOn: p.startedOn,
    acceptedOn: p.acceptedOn,
    evaluatedOn: p.evaluatedOn,
    evaluationGrade: p.evaluationGrade,
    evaluationNote: p.evaluationNote,
    note: p.note,
    allocatedYuan: fenToYuan(x.allocatedFen),
    steps: x.steps.map((s) => ({ id: s.id, action: s.action, fromStage: s.fromStage, toStage: s.toStage, actorName: s.actorName, reason: s.reason, at: s.at.toISOString() })),
    budgets: x.budgets.map((b) => ({ year: b.year, fundLevel: b.fundLevel, fundKind: b.fundKind, amountYuan: fenToYuan(b.amountFen) })),
    beneficiaries: x.beneficiaries,
    actions: projectActionsForStage(stageOf(p), projectLevelOfRole(actor.role)).map((a) => ({
      action: a.action,
      labelZh: a.labelZh,
      labelEn: a.labelEn,
      refusalZh: a.refusal?.messageZh ?? null,
    })),
    entryPolicy: { ...policy, reviewChecks: [...policy.reviewChecks] },
  };
}
