/** Password hashing with argon2id (OWASP's recommended parameters: 19 MiB, 2 iterations), and the password policy. */
import { hash, verify } from '@node-rs/argon2';
import { judgePassword, loadPasswordEstimator, type PasswordOwner, refusalText } from '#domain/access/password-policy.ts';

// Algorithm.Argon2id; the package exports it as an ambient const enum, which isolated modules cannot read.
const ARGON2ID = 2;

const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let decoy: Promise<string> | undefined;
/**
 * A hash with the real parameters that no password matches in practice: a login for an unknown
 * username verifies against it, so it costs what a wrong password for a real account costs.
 */
export function decoyPasswordHash(): Promise<string> {
  decoy ??= hashPassword('sinergi-decoy-password-for-unknown-usernames');
  return decoy;
}

/**
 * Why `password` may not be set for `owner` (the Indonesian sentence the form shows next to the
 * field), or null when the policy accepts it. The estimator's dictionaries load on the first call.
 */
export async function passwordRefusal(password: string, owner: PasswordOwner): Promise<string | null> {
  return refusalText(judgePassword(password, owner, await loadPasswordEstimator()));
}
