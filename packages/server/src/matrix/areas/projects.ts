import type { MatrixArea } from './area.types.ts';

// 项目库 (modules/projects): one planned project of the village (version 1, so the matrix's If-Match "1" fits).
// The workflow by role, versions and concurrency: projects.test.ts.
let seq = 0;

export const projectsArea: MatrixArea = {
  async seed(t, regionCode, label, marks) {
    const name = `${label}矩阵项目`;
    const [p] = await t.db.query<{ id: number }>(
      `INSERT INTO projects (project_no, name, region_code, project_type, year, budget_fen, linkage_modes, construction_content) VALUES ($1, $2, $3, 'industry', 2024, 100000, '{equity_coop,employment}', $4) RETURNING id`,
      [`MX${regionCode}${String(++seq).padStart(4, '0')}`, name, regionCode, `${label}建设内容`],
    );
    marks.push(name, `${label}建设内容`);
    return { projects: Number(p!.id) };
  },
  bodies: {
    'POST /api/v1/projects': (c) => ({
      name: '矩阵申报项目',
      regionCode: c.region,
      year: 2025,
      projectType: 'industry',
      linkageModes: ['employment', 'equity_coop'],
      budgetYuan: 1000,
    }),
    'PATCH /api/v1/projects/{id}': () => ({ constructionContent: '矩阵改过的建设内容' }),
    'POST /api/v1/projects/{id}/actions': () => ({ action: 'submit' }),
    'PUT /api/v1/projects/{id}/budgets': () => ({ rows: [] }),
    'PUT /api/v1/projects/{id}/beneficiaries': (c) => ({ householdIds: [c.rec.household] }),
  },
  regionBodies: ['POST /api/v1/projects'],
  skipped: { 'POST /api/v1/projects/import': 'multipart upload (modules/projects/projects.file.test.ts: scope, row errors, nothing half-written)' },
};
