import { JOB_SUBSIDY_RULE, type JobSubsidyKind, type RuleDefinition } from '@chanbang/domain';
import type { Conn } from '../../deps.ts';
import * as results from './rule-results.repo.ts';

/**
 * The drill-down of a rule (GET /rules/:ruleId/evaluate `failing`, GET /rules/:ruleId/results `items`): each stored
 * subject with its label, the name of its region and the web page an officer acts on.
 */

/** How a subject key is read: a label kind of the repo, or a village's posts (J4 `posts:<code>`). */
export type SubjectKind = results.LabelKind | 'village_posts';

/** Prefix of J4's village subjects (domain post-rules `employerKey`). */
const VILLAGE_POSTS = 'posts:';

/** The job-subsidy kind of a J rule (J1 travel, J2 startup, J3 hiring): the tab of the 就业补助 page. */
const JOB_SUBSIDY_KIND = new Map<string, JobSubsidyKind>(Object.entries(JOB_SUBSIDY_RULE).map(([kind, ruleId]) => [ruleId, kind as JobSubsidyKind]));

/**
 * The kind of one subject key of a rule, from its facts kind (and, where one kind has two shapes of key, the key):
 * village and higher subjects are regions; coverage subjects (H2, H3, H5) households; worker (H4, H7) and job-subsidy
 * (J1, J2) subjects persons, J3's `entityId:personId` keys pairs; J5 posts; J4 entities by id and villages' posts
 * as `posts:<code>`. Null: no label (asset, subsidy records).
 */
export function subjectKind(rule: RuleDefinition<unknown>, key: string): SubjectKind | null {
  if ((rule.subjectLevel ?? 'record') !== 'record' || rule.factsKind === 'village') return 'region';
  switch (rule.factsKind) {
    case 'household':
    case 'coverage':
      return 'household';
    case 'person':
    case 'worker':
      return 'person';
    case 'job_subsidy':
      return key.includes(':') ? 'pair' : 'person';
    case 'post':
      return 'post';
    case 'employer':
      return key.startsWith(VILLAGE_POSTS) ? 'village_posts' : 'entity';
    case 'entity':
    case 'project':
    case 'loan':
      return rule.factsKind;
    default:
      return null;
  }
}

/** A web path with its query (URLSearchParams encodes the values). */
const withQuery = (path: string, q: Record<string, string>) => `${path}?${new URLSearchParams(q).toString()}`;

/**
 * The web path of a subject. A person's (H4, H7) is the household page (its members' work, skills and wishes). A
 * job-subsidy subject (J1, J2, J3) opens the 就业补助 tab of its kind and year filtered to the household's 户编号: the
 * page where the subsidy is paid or revoked (a J3 pair's hiring subsidy is paid to the entity there, on the row of the
 * entity and the person; the entity page shows neither the hires nor the payments). A village's posts (J4) open the
 * post list filtered by the village.
 */
export function linkOf(rule: RuleDefinition<unknown>, kind: SubjectKind | null, key: string, year: number, subject: results.SubjectLabel | undefined): string | null {
  const jobKind = rule.factsKind === 'job_subsidy' ? JOB_SUBSIDY_KIND.get(rule.id) : undefined;
  if (jobKind && subject?.householdNo) return withQuery('/job-subsidies', { kind: jobKind, year: String(year), q: subject.householdNo });
  if (kind === 'household') return /^\d+$/.test(key) ? `/households/${key}` : null;
  if (kind === 'person' || kind === 'pair' || kind === 'loan') return subject?.householdId ? `/households/${subject.householdId}` : null;
  if (kind === 'entity') return /^\d+$/.test(key) ? `/industry/entities/${key}` : null;
  if (kind === 'post') return `/industry/posts/${key}`;
  if (kind === 'village_posts') return withQuery('/industry/posts', { regionCode: key.slice(VILLAGE_POSTS.length) });
  if (kind === 'project') return `/industry/projects/${key}`;
  if (kind === 'region') return `/regions?code=${key}`;
  return null;
}

/** Labels of the keys by their kinds (one repo read per kind present); a village's posts as 某村公益性岗位. */
async function labelsOf(db: Conn, kinds: Map<string, SubjectKind | null>): Promise<Map<string, results.SubjectLabel>> {
  const byKind = new Map<SubjectKind, string[]>();
  for (const [key, kind] of kinds) if (kind) byKind.set(kind, [...(byKind.get(kind) ?? []), key]);
  const out = new Map<string, results.SubjectLabel>();
  await Promise.all(
    [...byKind].map(async ([kind, keys]) => {
      if (kind === 'village_posts') {
        const names = await results.regionNames(
          db,
          keys.map((k) => k.slice(VILLAGE_POSTS.length)),
        );
        for (const k of keys) {
          const name = names.get(k.slice(VILLAGE_POSTS.length));
          if (name) out.set(k, { label: `${name}公益性岗位`, householdId: null, householdNo: null, entityId: null });
        }
        return;
      }
      for (const [k, v] of await results.subjectLabels(db, kind, keys)) out.set(k, v);
    }),
  );
  return out;
}

/** Stored result rows as list items: label and link of the subject, name of its region (a 组 as 村名组名). */
export async function toItems(db: Conn, rule: RuleDefinition<unknown>, year: number, rows: results.ResultRow[]) {
  const kinds = new Map(rows.map((r) => [r.subjectKey, subjectKind(rule, r.subjectKey)]));
  const [labels, names] = await Promise.all([
    labelsOf(db, kinds),
    results.regionNames(
      db,
      rows.map((r) => r.regionCode),
    ),
  ]);
  return rows.map((r) => {
    const subject = labels.get(r.subjectKey);
    return {
      key: r.subjectKey,
      regionCode: r.regionCode,
      regionName: names.get(r.regionCode) ?? null,
      label: subject?.label ?? null,
      status: r.status as 'met' | 'not_met' | 'listed',
      value: r.value,
      threshold: r.threshold,
      reasonZh: r.reasonZh ?? '',
      reasonEn: r.reasonEn ?? '',
      groupCode: r.groupCode,
      link: linkOf(rule, kinds.get(r.subjectKey) ?? null, r.subjectKey, year, subject),
    };
  });
}
