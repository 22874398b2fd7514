import { describe, expect, it } from 'vitest';
import { EMPLOYMENT_DICTIONARIES } from '../dictionaries/employment.dict.ts';
import { HOUSEHOLD_DICTIONARIES } from '../dictionaries/households.dict.ts';
import { employmentChannelIssue, holdingEndOnLeaving, importChannelOutcome, PUBLIC_POST_CHANNEL } from './post-holding.ts';

// 003 §二(二)4 以岗聘任、有序退岗: 就业渠道“公益性岗位” follows the holding of a post.

const HIRE_FIRST = '就业渠道“公益性岗位”随岗位聘任自动登记，请在“公益性岗位”中聘任该成员';
const EXIT_FIRST = '该成员现聘公益性岗位，请先在公益性岗位中办理退岗';

describe('the member form sets 公益性岗位 only through a hire and clears it only through an exit', () => {
  it.each([
    // sent, stored, holds a post, refusal
    [undefined, null, false, null],
    [undefined, 'enterprise', true, null],
    ['public_post', null, false, HIRE_FIRST],
    ['public_post', 'enterprise', false, HIRE_FIRST],
    ['public_post', 'public_post', false, null], // unchanged (a record from before the rule) is fine
    ['public_post', 'public_post', true, null],
    ['public_post', null, true, null], // a holder whose channel was lost may get it back
    ['enterprise', 'public_post', true, EXIT_FIRST],
    [null, 'public_post', true, EXIT_FIRST],
    ['enterprise', null, true, EXIT_FIRST],
    ['enterprise', 'public_post', false, null], // no holding: a stale 公益性岗位 may be corrected
    ['enterprise', null, false, null],
    [null, 'enterprise', false, null],
  ] as const)('sent %s, stored %s, holds %s', (sent, stored, holds, zh) => {
    const issue = employmentChannelIssue(sent, stored, holds);
    expect(issue?.messageZh ?? null).toBe(zh);
    if (issue) {
      expect(issue.path).toBe('employmentChannel');
      expect(issue.messageEn.length).toBeGreaterThan(10);
    }
  });
  it('public_post is the code of the employment_channel dictionary', () => {
    expect(EMPLOYMENT_DICTIONARIES.find((d) => d.code === 'employment_channel')!.items.map((i) => i.code)).toContain(PUBLIC_POST_CHANNEL);
  });
});

describe('the 外出务工信息 import never moves the channel to or from 公益性岗位', () => {
  it.each([
    [null, false, null, null],
    [null, true, null, null],
    ['public_post', false, null, 'not_holder'],
    ['public_post', true, 'public_post', null],
    ['enterprise', true, null, 'holder'],
    ['enterprise', false, 'enterprise', null],
  ] as const)('row %s, holds %s', (row, holds, channel, skipped) => {
    expect(importChannelOutcome(row, holds)).toEqual({ channel, skipped });
  });
});

describe('a holder’s 自然减少 ends the holding', () => {
  const holding = { startedOn: '2024-03-15' };
  it.each([
    // reason, date, last paid month → ended on, exit reason
    ['death', '2024-06-10', '2024-06', '2024-06-10', 'death'],
    ['moved_out', '2024-06-10', '2024-05', '2024-06-10', 'no_longer_eligible'],
    ['married_out', '2024-06-10', null, '2024-06-10', 'no_longer_eligible'],
    ['other', '2024-01-05', null, '2024-03-15', 'no_longer_eligible'], // not before the start
    ['death', '2024-02-28', '2024-03', '2024-03-15', 'death'], // the start month paid, the exit before the start
  ] as const)('%s on %s, paid up to %s', (reason, date, paid, endedOn, exitReason) => {
    expect(holdingEndOnLeaving(holding, { reason, date }, '保洁员', paid)).toEqual({ ok: true, endedOn, exitReason, exitNote: '随成员自然减少自动退岗' });
  });
  it('a month after the exit already paid refuses the 自然减少, naming the post and the month', () => {
    expect(holdingEndOnLeaving(holding, { reason: 'death', date: '2024-06-30' }, '保洁员', '2024-07')).toEqual({
      ok: false,
      issue: {
        path: 'date',
        value: '2024-06-30',
        messageZh: '该成员所聘公益性岗位“保洁员”已发放2024年7月的岗位补贴，晚于自然减少日期 2024-06-30，不能办理自然减少：请核实日期',
        messageEn: 'the subsidy of the public-welfare post “保洁员” is paid for 2024-07, after the exit date 2024-06-30: check the date',
      },
    });
  });
  it('the reasons are codes of post_exit_reason and exit_reason', () => {
    const codes = (list: typeof EMPLOYMENT_DICTIONARIES, dict: string) => list.find((d) => d.code === dict)!.items.map((i) => i.code);
    expect(codes(EMPLOYMENT_DICTIONARIES, 'post_exit_reason')).toEqual(expect.arrayContaining(['death', 'no_longer_eligible']));
    expect(codes(HOUSEHOLD_DICTIONARIES, 'exit_reason')).toContain('death');
  });
});
