import type { Issue } from '../errors.ts';
import { COMMON_PASSWORDS } from './common-passwords.ts';

/** Minimum length of a new password (the demo password Chanbang@2026 has 13). */
export const PASSWORD_MIN_LENGTH = 10;
/** Maximum length (argon2 input stays bounded). */
export const PASSWORD_MAX_LENGTH = 256;

/**
 * Checks a NEW password (user create, admin reset, own change; never login) against the product's rules:
 * at least {@link PASSWORD_MIN_LENGTH} characters, not the user name nor containing it (case-insensitive),
 * not one of the shipped common passwords (case-insensitive).
 * @param path the field path the issues point at (default `password`)
 * @returns the problems, worded in Chinese and English; empty when the password is acceptable
 */
export function passwordIssues(password: string, username: string, path = 'password'): Issue[] {
  const issues: Issue[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) {
    issues.push({ path, messageZh: `密码至少 ${PASSWORD_MIN_LENGTH} 个字符`, messageEn: `the password must have at least ${PASSWORD_MIN_LENGTH} characters` });
  }
  if (length > PASSWORD_MAX_LENGTH) {
    issues.push({ path, messageZh: `密码最多 ${PASSWORD_MAX_LENGTH} 个字符`, messageEn: `the password must have at most ${PASSWORD_MAX_LENGTH} characters` });
  }
  const lower = password.toLowerCase();
  const name = username.trim().toLowerCase();
  if (name.length > 0 && lower.includes(name)) {
    issues.push({ path, messageZh: '密码不能是用户名，也不能包含用户名', messageEn: 'the password must not be or contain the user name' });
  }
  if (COMMON_PASSWORDS.has(lower)) {
    issues.push({ path, messageZh: '密码过于常见，请换一个', messageEn: 'the password is too common; choose another' });
  }
  return issues;
}
