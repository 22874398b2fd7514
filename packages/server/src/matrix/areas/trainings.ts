import type { MatrixArea } from './area.types.ts';

// 技能培训 (modules/trainings): one training organised by the village (version 1, so the matrix's If-Match "1" fits)
// with one participant of a household of the village (version 1). Scope, versions, the skill added on completion,
// the organiser's region for participants: modules/trainings/trainings.test.ts; the participants import (row errors,
// nothing half-written, no file left): modules/trainings/trainings.file.test.ts.
let seq = 0;

export const trainingsArea: MatrixArea = {
  async seed(t, regionCode, label, marks, secrets) {
    const course = `${label}矩阵大枣栽培培训`;
    const [tr] = await t.db.query<{ id: number }>(
      `INSERT INTO trainings (region_code, course, provider, starts_on, skill, note) VALUES ($1, $2, $3, '2024-04-10', $4, $5) RETURNING id`,
      [regionCode, course, `${label}矩阵培训机构`, `${label}矩阵技能`, `${label}矩阵培训备注`],
    );
    marks.push(course, `${label}矩阵培训机构`, `${label}矩阵技能`, `${label}矩阵培训备注`);
    // a participant: a member of a household of the village, whose name and number must stay in the scope
    const [p] = await t.db.query<{ id: number; household_id: number; name: string; id_number: string }>(
      `SELECT id, household_id, name, id_number FROM persons WHERE region_code = $1 AND exit_reason IS NULL ORDER BY id DESC LIMIT 1`,
      [regionCode],
    );
    if (!p) throw new Error(`trainings matrix: no person in ${regionCode}`);
    secrets.idNumbers.push(p.id_number);
    const [tp] = await t.db.query<{ id: number }>(
      `INSERT INTO training_participants (training_id, person_id, household_id, region_code, certificate_no) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [tr!.id, p.id, p.household_id, regionCode, `${label}ZS${++seq}`],
    );
    return { trainings: Number(tr!.id), 'training-participants': Number(tp!.id) };
  },
  bodies: {
    'POST /api/v1/trainings': (c) => ({ regionCode: c.region, course: `矩阵果树修剪培训${++seq}`, startsOn: '2024-05-06', skill: '果树修剪' }),
    'PATCH /api/v1/trainings/{id}': () => ({ note: '矩阵改过的培训备注' }),
    'POST /api/v1/trainings/{id}/participants': (c) => ({ personId: c.rec.person, completed: true }),
    'PATCH /api/v1/training-participants/{id}': () => ({ certificateNo: '矩阵证书' }),
  },
  skipped: {
    'POST /api/v1/trainings/{id}/participants/import':
      'multipart upload (modules/trainings/trainings.file.test.ts: persons of the scope only, row errors, all or nothing, no file left)',
  },
  regionBodies: ['POST /api/v1/trainings'],
};
