import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateDb, openDb, type DbHandle } from '@chanbang/db';
import { DICT, educationSchoolIssue, findDictionary, householdCategoryIssues, resolveDictCode } from '@chanbang/domain';
import { buildDemoCounty } from './demo-county.ts';
import { loadDemo } from './demo-loader.ts';

// The demo county carries the national household model: 是否脱贫户 apart from the monitoring category,
// 三保障 assessed explicitly (some problems, some not assessed), person fields of the national roster.
const county = buildDemoCounty({ households: 600 });
const households = [...county.households()];
const persons = households.flatMap((h) => h.members);
const codeOf = (dict: string, label: string | null) => (label ? (resolveDictCode(findDictionary(dict)?.items ?? [], label) ?? `?${label}`) : null);

describe('demo county: the household model of national practice', () => {
  it('是否脱贫户 agrees with the type and the monitoring category (domain rule)', () => {
    for (const h of households) {
      const issues = householdCategoryIssues({
        householdType: codeOf(DICT.householdType, h.householdType)!,
        isLifted: h.isLifted,
        liftedCategory: codeOf(DICT.liftedCategory, h.liftedCategory),
        monitoringType: codeOf(DICT.monitoringType, h.monitoringType),
      });
      expect(issues, h.householdNo).toEqual([]);
    }
    // monitored 脱贫户 exist (a 脱贫户 can be a 监测对象 at the same time)
    expect(households.some((h) => h.householdType === '监测户' && h.isLifted)).toBe(true);
    expect(new Set(households.filter((h) => h.isLifted).map((h) => h.liftedCategory)).size).toBeGreaterThan(1);
  });

  it('三保障 and 饮水: mostly secure, some problems, some not assessed', () => {
    const flags = households.flatMap((h) => [h.housingSecure, h.waterSecure, h.educationSecure, h.medicalSecure]);
    const secure = flags.filter((f) => f === true).length;
    expect(secure / flags.length).toBeGreaterThan(0.85);
    expect(flags.filter((f) => f === false).length).toBeGreaterThan(0);
    expect(flags.filter((f) => f === null).length).toBeGreaterThan(0);
  });

  it('persons: exactly one of 文化程度 / 在校生状况, 民族 mostly 汉族, unique 人口编号, 务工时间 for workers', () => {
    for (const p of persons) expect(educationSchoolIssue({ education: p.education, schoolStatus: p.schoolStatus }, false)).toBeUndefined();
    expect(persons.filter((p) => p.education === null && p.schoolStatus === null)).toEqual([]);
    const han = persons.filter((p) => p.ethnicity === '汉族').length;
    expect(han / persons.length).toBeGreaterThan(0.9);
    expect(han).toBeLessThan(persons.length);
    expect(new Set(persons.map((p) => p.personNo)).size).toBe(persons.length);
    for (const p of persons) {
      if (p.employmentStatus === '未务工') expect(p.workMonths).toBeNull();
      else expect(p.workMonths).toBeGreaterThanOrEqual(3);
      expect(p.workMonths ?? 0).toBeLessThanOrEqual(12);
      expect(p.disabilityType !== null).toBe(p.healthStatuses.includes('残疾'));
    }
    expect(persons.some((p) => p.healthStatuses.length > 1)).toBe(true);
    // every label resolves in the built-in dictionaries
    for (const p of persons) {
      expect(codeOf(DICT.ethnicity, p.ethnicity)).not.toMatch(/^\?/);
      if (p.schoolStatus) expect(codeOf(DICT.schoolStatus, p.schoolStatus)).not.toMatch(/^\?/);
    }
  });
});

describe('demo county loads into the database', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cb-demo-'));
  let db: DbHandle | undefined;
  afterAll(async () => {
    await db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('with the new columns', async () => {
    db = await openDb({ dataDir: join(dir, 'pg') });
    await migrateDb(db);
    const r = await loadDemo(db, { hashPassword: async () => 'x', county: { households: 300 } });
    expect(r.loaded).toBe(true);
    const [h] = await db.query<{ lifted: string; monitored_lifted: string; unassessed: string }>(
      `SELECT count(*) FILTER (WHERE is_lifted) AS lifted, count(*) FILTER (WHERE is_lifted AND household_type = 'monitored') AS monitored_lifted,
              count(*) FILTER (WHERE housing_secure IS NULL OR water_secure IS NULL) AS unassessed FROM households`,
    );
    expect(Number(h!.lifted)).toBeGreaterThan(0);
    expect(Number(h!.monitored_lifted)).toBeGreaterThan(0);
    expect(Number(h!.unassessed)).toBeGreaterThan(0);
    const [p] = await db.query<{ n: string; eth: string; nos: string; both: string }>(
      `SELECT count(*) AS n, count(ethnicity) AS eth, count(DISTINCT person_no) AS nos,
              count(*) FILTER (WHERE education IS NOT NULL AND school_status IS NOT NULL) AS both FROM persons`,
    );
    expect(Number(p!.eth)).toBe(Number(p!.n));
    expect(Number(p!.nos)).toBe(Number(p!.n));
    expect(Number(p!.both)).toBe(0);
  }, 120_000);
});
