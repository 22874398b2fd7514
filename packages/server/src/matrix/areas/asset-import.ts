import { buildHousehold } from '../../test/factories.ts';
import type { MatrixArea } from './area.types.ts';

// The record imports of issue 8: 资产台账 (modules/assets/assets.import.ts) and 外出务工信息 (modules/migrant-work). The
// templates and the 外出务工信息 export are walked as GETs: the seed gives the owner a worker whose name, employer and
// ID number must not reach another township (the ID number masked for masked roles). The uploads are multipart.
export const assetImportArea: MatrixArea = {
  async seed(t, regionCode, label, marks, secrets) {
    const h = await buildHousehold(t, {
      regionCode,
      members: [
        { name: `${label}务工人员`, workMonths: 6, employmentStatus: 'out_province', employmentPlace: '广东省深圳市', employerName: `${label}务工企业`, monthlyWageFen: 450000 },
      ],
    });
    const worker = h.members[0]!;
    marks.push(worker.name, `${label}务工企业`);
    secrets.idNumbers.push(worker.idNumber);
    return {};
  },
  bodies: {},
  skipped: {
    'POST /api/v1/assets/import': 'multipart upload (assets-import.test.ts: county ledger with planted row errors, platform export read back, scope, roles, all or nothing)',
    'POST /api/v1/migrant-work/import':
      'multipart upload (migrant-work.test.ts: national layout with planted errors, another township reads like unknown, masking, all or nothing)',
  },
};
