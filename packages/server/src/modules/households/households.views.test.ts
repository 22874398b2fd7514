import { describe, expect, it } from 'vitest';
import { idFor, phoneFor, toListItem, toPersonView } from './households.views.ts';
import type { HouseholdListRow, PersonRow } from './households.repo.ts';

// The view functions that decide what a role sees, on their own (no database): full values when `pii` (admin,
// county officer), else the mask forms written out by hand — 4 + 10 stars + 4 for an 18-character ID number,
// 3 + 4 stars + 4 for a mobile (domain-standards §1.5, §7.2). Fast enough for mutation testing.
const ID = '11010519491231002X';
const ID_MASKED = '1101**********002X';
const MOBILE = '13812345678';
const MOBILE_MASKED = '138****5678';

describe('idFor and phoneFor', () => {
  it.each([
    [ID, true, ID],
    [ID, false, ID_MASKED],
    [null, false, null],
    [null, true, null],
  ] as const)('idFor(%j, pii=%s) → %j', (v, pii, out) => expect(idFor(v, pii)).toBe(out));

  it.each([
    [MOBILE, true, MOBILE],
    [MOBILE, false, MOBILE_MASKED],
    ['0371-66661234', false, '0371****1234'],
    [null, false, null],
    [null, true, null],
  ] as const)('phoneFor(%j, pii=%s) → %j', (v, pii, out) => expect(phoneFor(v, pii)).toBe(out));
});

const listRow: HouseholdListRow = {
  id: 7,
  householdNo: 'H-0007',
  regionCode: '411272100201',
  regionName: '大王村',
  townshipName: '大王镇',
  villageName: '大王村',
  groupName: null,
  householdType: 'lifted',
  isLifted: true,
  liftedCategory: 'stable',
  monitoringType: null,
  monitoringStatus: 'none',
  riskTypes: ['illness'],
  phone: MOBILE,
  headName: '王甲',
  headIdNumber: ID,
  memberCount: '3' as unknown as number,
  exitReason: null,
  exitDate: null,
};

describe('toListItem', () => {
  it('masks the head ID number and the phone for a masked role, and keeps every other field', () => {
    expect(toListItem(listRow, false)).toMatchObject({ ...listRow, headIdNumber: ID_MASKED, phone: MOBILE_MASKED, memberCount: 3 });
  });
  it('gives the full values to a role that may see them', () => {
    expect(toListItem(listRow, true)).toMatchObject({ ...listRow, headIdNumber: ID, phone: MOBILE, memberCount: 3 });
  });
});

const person = {
  id: 9,
  householdId: 7,
  regionCode: '411272100201',
  idNumber: ID,
  idType: '1',
  personNo: 'P9',
  ethnicity: '01',
  name: '王甲',
  gender: '2',
  birthDate: '1949-12-31',
  relation: '02',
  isHead: true,
  laborCapacity: 'ordinary',
  healthStatus: 'healthy',
  healthStatuses: ['healthy'],
  disabilityType: null,
  disabilityGrade: null,
  education: 'junior',
  schoolStatus: null,
  workMonths: 6,
  employmentStatus: 'local',
  employmentPlace: '本县',
  wantsTraining: true,
  trainedThisYear: false,
  wantsWork: true,
  employmentChannel: 'enterprise',
  employerEntityId: null,
  employerName: '灵宝市某果品有限公司',
  monthlyWageFen: 350_050,
  skills: ['大枣栽培管理'],
  phone: MOBILE,
  exitReason: null,
  exitDate: null,
  exitNote: null,
  createdAt: new Date(0),
  version: 1,
  updatedAt: new Date(0),
} as unknown as PersonRow;

describe('toPersonView', () => {
  const { healthStatus: _h, createdAt: _c, updatedAt: _u, version: _v, monthlyWageFen: _w, ...shown } = person as unknown as Record<string, unknown>;
  it('masks the ID number and the phone for a masked role, and keeps every other field', () => {
    expect(toPersonView(person, false)).toMatchObject({ ...shown, idNumber: ID_MASKED, phone: MOBILE_MASKED, monthlyWageYuan: 3500.5 });
  });
  it('gives the full values to a role that may see them', () => {
    expect(toPersonView(person, true)).toMatchObject({ ...shown, idNumber: ID, phone: MOBILE, monthlyWageYuan: 3500.5 });
  });
  it('a member without a recorded wage has none', () => {
    expect(toPersonView({ ...person, monthlyWageFen: null }, false).monthlyWageYuan).toBeNull();
  });
  it('a member without a phone stays without one', () => {
    expect(toPersonView({ ...person, phone: null }, false).phone).toBeNull();
  });
});
