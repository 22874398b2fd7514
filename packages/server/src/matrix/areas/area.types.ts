import type { TestApp } from '../../test/test-app.ts';
import type { Ctx } from '../matrix-routes.ts';

/**
 * What a module adds to the role and bad-input matrices (issue 7: entities, linkages, industries, projects, funds,
 * calculators each own one file here, so they never edit the shared matrix files).
 */
export type MatrixArea = {
  /**
   * Creates the module's records of one owner in `regionCode` (a village) and returns their ids by the URL's
   * first segment after /api/v1 (e.g. `{ entities: 12, projects: 4 }`); `marks` receives every text of these
   * records that must not reach another township's officer (names, numbers). `secrets.phones` receives phone
   * numbers that masked roles must never see in full.
   */
  seed(t: TestApp, regionCode: string, label: string, marks: string[], secrets: { phones: string[]; idNumbers: string[] }): Promise<Record<string, number>>;
  /** sample JSON bodies that pass validation, by `METHOD /path` */
  bodies: Record<string, (c: Ctx) => unknown>;
  /** routes the generic walk cannot exercise, with where they are tested instead */
  skipped?: Record<string, string>;
  /** `METHOD /path` of routes whose body names a region (the parent cases apply) */
  regionBodies?: string[];
};
