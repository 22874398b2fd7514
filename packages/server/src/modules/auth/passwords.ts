import { hash, verify } from '@node-rs/argon2';
import { AppError, passwordIssues } from '@chanbang/domain';

/**
 * Checks a NEW password (user create, admin reset, own change) against the domain rules.
 * @throws AppError VALIDATION_FAILED with the issues (Chinese and English) when it breaks them
 */
export function assertPasswordRules(password: string, username: string, path = 'password'): void {
  const issues = passwordIssues(password, username, path);
  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', 'the password breaks the password rules', { issues });
}

// argon2id (the library's default algorithm); OWASP minimum parameters
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Hashes a password with argon2id. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** Verifies a password against an argon2 hash; false on any malformed hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// a real hash to verify against when the user does not exist, so timing does not reveal user names
let dummyHash: Promise<string> | undefined;
export function getDummyHash(): Promise<string> {
  dummyHash ??= hashPassword('not-a-real-password');
  return dummyHash;
}
