import { describe, expect, it } from 'vitest';
import { carriesPersonalNumbers, maskPersonalFields, outOfScopeIdConflictIssue } from './disclosure.ts';

describe('maskPersonalFields', () => {
  it('masks ID numbers and phones at any depth, leaving other fields alone', () => {
    const snapshot = {
      householdNo: '4101230010001',
      phone: '13812345678',
      headIdNumber: '410123199001011234',
      members: [{ name: '张三', idNumber: '410123199001011234', phone: null, id_number: '11010519491231002X' }],
    };
    expect(maskPersonalFields(snapshot)).toEqual({
      householdNo: '4101230010001',
      phone: '138****5678',
      headIdNumber: '4101**********1234',
      members: [{ name: '张三', idNumber: '4101**********1234', phone: null, id_number: '1101**********002X' }],
    });
    expect(snapshot.phone).toBe('13812345678');
  });
  it.each([null, 3, 'x', []])('%j passes through', (v) => expect(maskPersonalFields(v)).toEqual(v));
});

describe('carriesPersonalNumbers', () => {
  it.each([
    ['{"idNumber":"410123199001011234"}', true],
    ['{"idNumber":"11010519491231002X"}', true],
    ['{"phone":"13812345678"}', true],
    ['{"idNumber":"4101**********1234","phone":"138****5678"}', false],
    ['{"householdNo":"4101230010001"}', false],
  ])('%s → %s', (text, found) => expect(carriesPersonalNumbers(text)).toBe(found));
});

describe('outOfScopeIdConflictIssue', () => {
  it('says only the fixed sentence', () => {
    expect(outOfScopeIdConflictIssue()).toEqual({
      path: 'idNumber',
      messageZh: '该证件号码已在其他地区登记，请联系县级管理员核实',
      messageEn: expect.stringContaining('another area'),
    });
  });
});
