import { buildHousehold, makeTestIdNumber } from '../../test/factories.ts';
import type { MatrixArea } from './area.types.ts';

// 公益性岗位 (modules/posts): one filled post of the village (version 1, so the matrix's If-Match "1" fits) whose holder,
// a member of a 脱贫户, was paid for 2025-01; the other member is free to be hired. {appointmentId} is the holding.
// The lifecycle (hire, pay refused by month, exit, close, batch), scope and roles: modules/posts/posts.test.ts.
let seq = 0;

export const postsArea: MatrixArea = {
  async seed(t, regionCode, label, marks, secrets) {
    const holderName = `${label}矩阵保洁员`;
    const idNumber = makeTestIdNumber();
    const h = await buildHousehold(t, { regionCode, householdType: 'lifted', members: [{ name: holderName, idNumber }, { name: `${label}矩阵待聘人员` }] });
    const [holder, free] = h.members as [(typeof h.members)[number], (typeof h.members)[number]];
    marks.push(holderName, `${label}矩阵待聘人员`, h.householdNo);
    secrets.idNumbers.push(idNumber);
    const postName = `${label}矩阵公益岗位`;
    const [post] = await t.db.query<{ id: number }>(
      `INSERT INTO public_welfare_posts (region_code, name, post_type, need_reason, monthly_subsidy_fen, status) VALUES ($1, $2, 'cleaning', $3, 50000, 'filled') RETURNING id`,
      [regionCode, postName, `${label}矩阵设岗需求`],
    );
    marks.push(postName, `${label}矩阵设岗需求`);
    const [appointment] = await t.db.query<{ id: number }>(
      `INSERT INTO post_appointments (post_id, person_id, household_id, region_code, started_on) VALUES ($1, $2, $3, $4, '2025-01-01') RETURNING id`,
      [post!.id, holder.id, h.id, regionCode],
    );
    await t.db.query(`INSERT INTO post_payments (appointment_id, post_id, person_id, region_code, month, amount_fen) VALUES ($1, $2, $3, $4, '2025-01-01', 50000)`, [
      appointment!.id,
      post!.id,
      holder.id,
      regionCode,
    ]);
    return { posts: Number(post!.id), appointmentId: Number(appointment!.id), postCandidate: free.id };
  },
  bodies: {
    'POST /api/v1/posts': (c) => ({ name: `矩阵护林员${++seq}`, postType: 'forest_ranger', regionCode: c.region, needReason: '林区防火巡护', monthlySubsidyYuan: 600 }),
    'PATCH /api/v1/posts/{id}': () => ({ note: '矩阵备注' }),
    'POST /api/v1/posts/{id}/close': () => ({ reason: '矩阵撤岗', closedOn: '2026-01-01' }),
    'POST /api/v1/posts/{id}/appointments': (c) => ({ personId: c.rec.extra.postCandidate, startedOn: '2025-01-01' }),
    'POST /api/v1/posts/{id}/appointments/{appointmentId}/exit': () => ({ endedOn: '2025-06-30', exitReason: 'resigned' }),
    'POST /api/v1/posts/{id}/payments': () => ({ months: ['2025-03'] }),
    'POST /api/v1/posts/payments/batch': (c) => ({ regionCode: c.region, month: '2025-04' }),
  },
  regionBodies: ['POST /api/v1/posts', 'POST /api/v1/posts/payments/batch'],
};
