import { describe, expect, it } from 'vitest';
import { COMMON_PASSWORDS } from './common-passwords.ts';
import { PASSWORD_MIN_LENGTH, passwordIssues } from './password-rules.ts';

describe('password rules (issue 6 §4)', () => {
  it.each([
    ['Chanbang@2026', 'admin', []],
    ['correct-horse-9', 'wang.li', []],
    ['short-1', 'wang.li', ['至少 10']],
    ['123456789', 'x', ['至少 10']],
    ['wang.li-2026!', 'wang.li', ['用户名']],
    ['WANG.LI-2026!', 'wang.li', ['用户名']],
    ['Zhangsan1234', 'zhangsan1234', ['用户名']],
    ['qwertyuiop', 'wang.li', ['常见']],
    ['QwertyUIOP', 'wang.li', ['常见']],
    ['password123', 'wang.li', ['常见']],
    ['woaini1314', 'wang.li', ['常见']],
    ['admin', 'admin', ['至少 10', '用户名']],
  ])('%s (user %s) → %j', (password, username, expected) => {
    const issues = passwordIssues(password, username);
    expect(issues.map((i) => expected.find((e) => i.messageZh.includes(e)) ?? i.messageZh)).toEqual(expected);
    for (const i of issues) {
      expect(i.path).toBe('password');
      expect(i.messageEn.length).toBeGreaterThan(0);
    }
  });

  it('counts characters, not UTF-16 units, and names the given path', () => {
    expect(passwordIssues('产帮平台产帮平台产帮', 'x', 'newPassword')).toEqual([]);
    expect(passwordIssues('产帮平台产帮平台产', 'x', 'newPassword')[0]?.path).toBe('newPassword');
  });

  it('ships a few hundred lower-case common passwords, none shorter than the minimum', () => {
    expect(COMMON_PASSWORDS.size).toBeGreaterThan(300);
    for (const p of COMMON_PASSWORDS) {
      expect(p).toBe(p.toLowerCase());
      expect(p.length).toBeGreaterThanOrEqual(PASSWORD_MIN_LENGTH);
    }
    expect(COMMON_PASSWORDS.has('chanbang@2026')).toBe(false);
  });
});
