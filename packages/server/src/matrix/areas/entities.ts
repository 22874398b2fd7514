import type { MatrixArea } from './area.types.ts';

// 经营主体 (modules/entities): a family farm of the owner's village with a contact phone, one of its backbones with
// a phone, and a village backbone. Field rules, versions, close/reopen and the file import: entities.test.ts.
let seq = 0;
const phone = () => `137${String(30_000_000 + ++seq * 6271).slice(-8)}`;

export const entitiesArea: MatrixArea = {
  async seed(t, regionCode, label, marks, secrets) {
    const p1 = phone();
    const p2 = phone();
    const [e] = await t.db.query<{ id: number }>(
      `INSERT INTO entities (region_code, entity_type, name, contact_name, contact_phone) VALUES ($1, 'family_farm', $2, $3, $4) RETURNING id`,
      [regionCode, `${label}家庭农场`, `${label}农场联系人`, p1],
    );
    const [b] = await t.db.query<{ id: number }>(`INSERT INTO entity_backbones (entity_id, region_code, name, phone) VALUES ($1, $2, $3, $4) RETURNING id`, [
      e!.id,
      regionCode,
      `${label}技术骨干`,
      p2,
    ]);
    marks.push(`${label}家庭农场`, `${label}农场联系人`, `${label}技术骨干`);
    secrets.phones.push(p1, p2);
    return { entities: Number(e!.id), backbones: Number(b!.id) };
  },
  bodies: {
    'POST /api/v1/entities': (c) => ({ regionCode: c.region, entityType: 'family_farm', name: `矩阵农场${++seq}`, contactPhone: phone() }),
    'PATCH /api/v1/entities/{id}': () => ({ note: '矩阵备注' }),
    'POST /api/v1/entities/{id}/close': () => ({ reason: '矩阵停业', date: '2026-01-01' }),
    'POST /api/v1/entities/{id}/reopen': () => ({}),
    'POST /api/v1/entities/{id}/backbones': (c) => ({ name: '矩阵骨干', kind: 'backbone', regionCode: c.region, phone: phone() }),
    'POST /api/v1/backbones': (c) => ({ regionCode: c.region, name: '矩阵村骨干', kind: 'tech_commissioner' }),
    'PATCH /api/v1/backbones/{id}': () => ({ specialty: '果树' }),
  },
  skipped: {
    'POST /api/v1/entities/import': 'multipart upload (entities.test.ts: row errors, scope, masking, all or nothing)',
  },
  regionBodies: ['POST /api/v1/entities', 'POST /api/v1/backbones'],
};
