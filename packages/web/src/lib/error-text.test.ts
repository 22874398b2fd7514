import { describe, expect, it } from 'vitest';
import { issueText, pathLabel } from './error-text.ts';

const zh = { pick: (a: string | null | undefined, b: string | null | undefined) => a ?? b ?? '' };
const en = { pick: (a: string | null | undefined, b: string | null | undefined) => b ?? a ?? '' };

describe('pathLabel', () => {
  it('says where in words, never the key', () => {
    expect(pathLabel('members.0.idNumber', zh)).toBe('第 1 位家庭成员 · 证件号码');
    expect(pathLabel('body.members.2.laborCapacity', zh)).toBe('第 3 位家庭成员 · 劳动能力');
    expect(pathLabel('isLifted', zh)).toBe('是否脱贫户');
    expect(pathLabel('members.1.idNumber', en)).toBe('member 2 · ID number');
    expect(pathLabel('someInternalKey', zh)).toBe('');
  });
});

describe('issueText', () => {
  it('keeps a worded message and adds the member it concerns, without the path', () => {
    const text = issueText({ path: 'members.0.idNumber', messageZh: '证件号码校验位错误', messageEn: 'bad check digit' }, zh);
    expect(text).toBe('第 1 位家庭成员：证件号码校验位错误');
    expect(text).not.toMatch(/members|idNumber/);
  });

  it('names the field when the message does not', () => {
    expect(issueText({ path: 'phone', messageZh: '号码位数不对', messageEn: 'wrong length' }, zh)).toBe('联系电话：号码位数不对');
    expect(issueText({ path: 'isLifted', messageZh: '户类型为脱贫户时，“是否脱贫户”须为是' }, zh)).toBe('户类型为脱贫户时，“是否脱贫户”须为是');
  });

  it('rewords the server’s generic schema message instead of showing body.members.0.name', () => {
    const issue = {
      path: 'members.0.name',
      messageZh: '字段 body.members.0.name 无效：Too small: expected string to have >=1 characters',
      messageEn: 'body.members.0.name: Too small: expected string to have >=1 characters',
    };
    expect(issueText(issue, zh)).toBe('第 1 位家庭成员 · 姓名未填写或过短');
    expect(
      issueText(
        {
          path: 'wage',
          messageZh: '字段 body.wage 无效：Invalid input: expected number, received string',
          messageEn: 'body.wage: Invalid input: expected number, received string',
        },
        zh,
      ),
    ).toBe('工资性收入应填写数字');
  });

  it('puts the row first for import issues', () => {
    expect(issueText({ row: 7, path: '证件号码', messageZh: '证件号码校验位错误' }, zh)).toBe('第 7 行 证件号码校验位错误');
  });
});
