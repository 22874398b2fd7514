import { describe, expect, it } from 'vitest';
import { EMPLOYMENT_DICTIONARIES } from '../dictionaries/employment.dict.ts';
import { PostExitReasonSchema, PublicPostTypeSchema } from '../api/posts.schemas.ts';
import {
  closeRefusal,
  exitIssues,
  hireRefusal,
  hirePriority,
  holderExitIssue,
  monthListWords,
  monthsOnPost,
  paymentAmountIssue,
  paymentMonthIssue,
  peopleShareMet,
  unpaidMonths,
} from './posts.ts';

// 003 §二(二)4 按需设岗、以岗聘任、在岗领补、有序退岗; 002 §二(二)3 (1/3, 一半).

const codes = (dict: string) => EMPLOYMENT_DICTIONARIES.find((d) => d.code === dict)!.items.map((i) => i.code);

describe('post API enums are the dictionaries', () => {
  it('public_post_type and post_exit_reason', () => {
    expect([...PublicPostTypeSchema.options]).toEqual(codes('public_post_type'));
    expect([...PostExitReasonSchema.options]).toEqual(codes('post_exit_reason'));
  });
});

describe('以岗聘任: only an open post takes a holder; 撤岗 only while nobody holds it', () => {
  it.each([
    ['open', null, null],
    ['filled', '该岗位已有在岗人员，须其退岗后才能另行聘任', '岗位尚有在岗人员，须先办理退岗再撤岗'],
    ['closed', '该岗位已撤销，不能聘任', '该岗位已撤销'],
  ])('%s', (status, hire, close) => {
    expect(hireRefusal(status)?.messageZh ?? null).toBe(hire);
    expect(closeRefusal(status)?.messageZh ?? null).toBe(close);
  });
  it('优先安置 脱贫人口和监测对象, others allowed', () => {
    expect([hirePriority('lifted'), hirePriority('monitored'), hirePriority('ordinary'), hirePriority(null)]).toEqual([true, true, false, false]);
  });
});

describe('在岗领补: months within [start, exit], not in the future', () => {
  const p = { startedOn: '2024-03-15', endedOn: '2024-06-10' };
  it.each([
    ['2024-02', '2024年2月早于聘任日期 2024-03-15，不在岗不能领补'],
    ['2024-03', null],
    ['2024-06', null],
    ['2024-07', '2024年7月晚于退岗日期 2024-06-10，不在岗不能领补'],
  ])('%s', (m, zh) => {
    expect(paymentMonthIssue(p, m, '2024-12-01')?.messageZh ?? null).toBe(zh);
  });
  it('the current month may be paid, the next not', () => {
    const on = { startedOn: '2024-01-01', endedOn: null };
    expect(paymentMonthIssue(on, '2024-11', '2024-11-30')).toBeNull();
    expect(paymentMonthIssue(on, '2024-12', '2024-11-30')?.messageZh).toBe('2024年12月尚未到来，不能发放补贴');
  });
  it('months on post count the start and the exit month', () => {
    expect(monthsOnPost(p, '2024-12')).toEqual(['2024-03', '2024-04', '2024-05', '2024-06']);
    expect(monthsOnPost({ startedOn: '2023-11-20', endedOn: null }, '2024-02')).toEqual(['2023-11', '2023-12', '2024-01', '2024-02']);
  });
  it('在岗未领补: completed months of the year on post and not paid', () => {
    expect(unpaidMonths({ startedOn: '2024-03-15', endedOn: null }, ['2024-03', '2024-05'], 2024, '2024-07-02')).toEqual(['2024-04', '2024-06']);
    expect(unpaidMonths({ startedOn: '2023-10-01', endedOn: '2024-02-01' }, ['2024-01'], 2024, '2025-01-01')).toEqual(['2024-02']);
    expect(monthListWords(['2024-04', '2024-06', '2025-01']).zh).toBe('2024年4月、6月、2025年1月');
  });
});

describe('在岗领补 stops after the holder’s 自然减少; the amount is the post’s standard', () => {
  const died = { exitReason: 'death', exitDate: '2024-05-12' };
  it('months up to the exit month are paid, later ones refused naming the exit and its date', () => {
    expect(holderExitIssue(died, '2024-05')).toBeNull();
    expect(holderExitIssue(null, '2024-06')).toBeNull();
    expect(holderExitIssue(died, '2024-06', 'months[1]')).toEqual({
      path: 'months[1]',
      value: '2024-06',
      messageZh: '持岗人员已自然减少（死亡，2024-05-12），2024年6月不能发放岗位补贴，请办理退岗',
      messageEn: 'the holder left the registry (Death, 2024-05-12): 2024-06 cannot be paid; record the exit from the post',
    });
    expect(holderExitIssue({ exitReason: 'moved_out', exitDate: null }, '2020-01')?.messageZh).toContain('迁出');
  });
  it('an amount other than the standard is refused naming amountYuan and the standard', () => {
    expect(paymentAmountIssue(50050, 50050)).toBeNull();
    expect(paymentAmountIssue(40000, 50050)).toMatchObject({ path: 'amountYuan', value: 400, messageZh: '每月补贴金额须为本岗位补贴标准 500.5 元，不能另行填写' });
    expect(paymentAmountIssue(90000, 50050)?.messageEn).toBe('the monthly amount must be the post’s standard subsidy of 500.5 yuan');
  });
});

describe('有序退岗: a reason and a date ≥ start, not future, not before a paid month', () => {
  const start = { startedOn: '2024-03-15' };
  it.each([
    [{ endedOn: '2024-06-30', exitReason: 'found_job' }, null, []],
    [{ endedOn: '2024-03-14', exitReason: 'found_job' }, null, ['endedOn']],
    [{ endedOn: '2024-06-30', exitReason: ' ' }, null, ['exitReason']],
    [{ endedOn: '2025-01-01', exitReason: 'resigned' }, null, ['endedOn']],
    [{ endedOn: '2024-05-31', exitReason: 'resigned' }, '2024-06', ['endedOn']],
    [{ endedOn: '2024-06-01', exitReason: 'resigned' }, '2024-06', []],
  ])('%j (last paid %s)', (input, lastPaid, paths) => {
    expect(exitIssues(input, start, '2024-12-01', lastPaid).map((i) => i.path)).toEqual(paths);
  });
});

describe('J4 shares on whole people (002 §二(二)3: 1/3, 一半)', () => {
  it.each([
    [1, 3, 1 / 3, true],
    [3333, 10000, 1 / 3, false],
    [3334, 10000, 1 / 3, true],
    [9, 30, 1 / 3, false],
    [10, 30, 1 / 3, true],
    [2, 4, 0.5, true],
    [1, 3, 0.5, false],
  ])('%i of %i ≥ %d: %s', (part, whole, min, met) => {
    expect(peopleShareMet(part, whole, min)).toBe(met);
  });
});
