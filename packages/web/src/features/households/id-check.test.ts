import { describe, expect, it } from 'vitest';
import { makeIdNumber } from '@chanbang/domain';
import { householdNoValidator, memberListProblems, otherIdNumberValidator, phoneValidator } from './id-check.ts';

// The form adapters show the domain's own wording and agree with the server's answers for the same input.
const i18n = { t: (k: string) => k, pick: (zh: string) => zh } as never;
const ID = makeIdNumber('41120119800101123');
const outcome = (p: Promise<void>) =>
  p.then(
    () => 'ok',
    (e: Error) => e.message,
  );

describe('household form validators (domain household checks)', () => {
  it('phone: the domain pattern; empty and masked values pass', async () => {
    const v = phoneValidator(i18n);
    expect(await outcome(v(null, '13812345678'))).toBe('ok');
    expect(await outcome(v(null, '0371-12345678'))).toBe('ok');
    expect(await outcome(v(null, ''))).toBe('ok');
    expect(await outcome(v(null, '138****5678'))).toBe('ok');
    expect(await outcome(v(null, '12345'))).toBe('联系电话应为 11 位手机号或带区号的固定电话');
    expect(await outcome(v(null, '+8613800138000'))).toBe('联系电话应为 11 位手机号或带区号的固定电话');
  });

  it('户编号 and other document numbers', async () => {
    expect(await outcome(householdNoValidator(i18n)(null, 'H-0001_a'))).toBe('ok');
    expect(await outcome(householdNoValidator(i18n)(null, '户1'))).toBe('户编号只能含字母、数字、-、_，最多 32 位');
    expect(await outcome(otherIdNumberValidator(i18n)(null, 'cjz 4112'))).toBe('ok');
    expect(await outcome(otherIdNumberValidator(i18n)(null, '残疾证1234'))).toBe('证件号码只能含字母、数字、括号和 -，4—32 位');
  });

  it('member list: one head, no ID twice (normalised), masked numbers not compared', () => {
    expect(memberListProblems([], '02')).toEqual(['member.atLeastOne']);
    expect(
      memberListProblems(
        [
          { relation: '02', idNumber: ID },
          { relation: '20', idNumber: 'x' },
        ],
        '02',
      ),
    ).toEqual([]);
    expect(memberListProblems([{ relation: '20', idNumber: ID }], '02')).toEqual(['member.oneHead']);
    expect(
      memberListProblems(
        [
          { relation: '02', idNumber: ID },
          { relation: '02', idNumber: ` ${ID.toLowerCase()}` },
        ],
        '02',
      ),
    ).toEqual(['member.oneHead', 'member.idDuplicate']);
    expect(
      memberListProblems(
        [
          { relation: '02', idNumber: '4112**********1234' },
          { relation: '20', idNumber: '4112**********1234' },
        ],
        '02',
      ),
    ).toEqual([]);
    expect(memberListProblems([{ relation: '20' }], undefined)).toEqual([]);
  });
});
