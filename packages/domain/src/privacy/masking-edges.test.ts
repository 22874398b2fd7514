import { describe, expect, it } from 'vitest';
import { outOfScopeHouseholdNoConflictIssue, outOfScopeIdConflictIssue, maskPersonalFields } from './disclosure.ts';
import { maskIdNumber, maskPhone } from './masking.ts';

// Edges of the masking rule that the StrykerJS run found untested (issue 6 "Tests": a surviving mutant in the
// masking code is a missing test). Expected values worked out by hand: ID 4 + stars + 4, phone 3 + stars + 4, a
// landline keeps its area code (a `-` at position 1–4) and its last 4.
describe('maskIdNumber and maskPhone: typed input with spaces, and where a dash counts as an area code', () => {
  it.each([
    [' 410123199001011234 ', '4101**********1234'],
    ['\t11010519491231002X', '1101**********002X'],
  ])('ID %j → %s (trimmed first)', (raw, masked) => expect(maskIdNumber(raw)).toBe(masked));

  it.each([
    [' 13812345678 ', '138****5678'],
    ['0371-66661234', '0371****1234'], // dash at 4: an area code
    ['010-66661234', '010****1234'], // dash at 3: an area code
    ['13812-345678', '138*****5678'], // dash at 5: not an area code, the whole text is masked 3 + 4
    ['-13812345678', '-13*****5678'], // dash at 0: not an area code either
  ])('phone %j → %s', (raw, masked) => expect(maskPhone(raw)).toBe(masked));
});

describe('maskPersonalFields: every key that carries a number, and only strings', () => {
  it('masks head_id_number, helperPhone and helper_phone too', () => {
    expect(maskPersonalFields({ head_id_number: '410123199001011234', helperPhone: '13812345678', helper_phone: '13987654321' })).toEqual({
      head_id_number: '4101**********1234',
      helperPhone: '138****5678',
      helper_phone: '139****4321',
    });
  });
  it('leaves an empty (null) ID number or phone as it is', () => {
    expect(maskPersonalFields({ idNumber: null, headIdNumber: null, phone: null, id_number: 5 })).toEqual({ idNumber: null, headIdNumber: null, phone: null, id_number: 5 });
  });
});

describe('out-of-scope conflicts say the fixed sentence only', () => {
  it('a household number', () => {
    expect(outOfScopeHouseholdNoConflictIssue()).toEqual({
      path: 'householdNo',
      messageZh: '该户编号已在其他地区登记，请联系县级管理员核实',
      messageEn: 'this household number is already registered in another area; please ask the county administrator to check',
    });
    expect(outOfScopeHouseholdNoConflictIssue('rows.3.householdNo').path).toBe('rows.3.householdNo');
  });
  it('an ID number', () => {
    expect(outOfScopeIdConflictIssue('members.1.idNumber')).toEqual({
      path: 'members.1.idNumber',
      messageZh: '该证件号码已在其他地区登记，请联系县级管理员核实',
      messageEn: 'this ID number is already registered in another area; please ask the county administrator to check',
    });
  });
});
