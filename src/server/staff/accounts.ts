/** Staff accounts: created and reset the same way by `npm run staff`, the demo and the admin endpoints. */
import { randomUUID } from 'node:crypto';
import { STAFF_ROLES, type StaffAccount, type StaffRole } from '../../api/types/staff.js';
import type { StaffUserRecord } from '../storage/staff-types.js';
import type { Storage } from '../storage/types.js';
import { generatePassword, hashPassword, passwordProblem } from './passwords.js';

export const MAX_STAFF_NAME = 50;

/** Why a sign-in name is refused, or null: 1–50 characters, no spaces at the ends, no control characters. */
export function staffNameProblem(name: string): string | null {
  if (name.trim() !== name || name === '') return 'A name must not be empty or begin or end with a space.';
  if ([...name].length > MAX_STAFF_NAME) return `A name may have at most ${MAX_STAFF_NAME} characters.`;
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'A name must not contain control characters.';
  return null;
}

export const isStaffRole = (value: unknown): value is StaffRole => STAFF_ROLES.includes(value as StaffRole);

export class AccountError extends Error {
  constructor(
    message: string,
    readonly field: 'name' | 'role' | 'password',
    readonly reason: 'invalid' | 'taken' | 'unknown',
  ) {
    super(message);
    this.name = 'AccountError';
  }
}

export const staffAccount = (record: StaffUserRecord): StaffAccount => ({
  id: record.id,
  name: record.name,
  role: record.role,
  disabled: record.disabled,
  createdAt: record.createdAt,
});

/** Creates an account; without `password` one is generated and returned (shown once). */
export async function addStaffAccount(
  storage: Storage,
  input: { name: string; role: StaffRole; password?: string },
  now = new Date(),
): Promise<{ record: StaffUserRecord; generatedPassword?: string }> {
  const nameProblem = staffNameProblem(input.name);
  if (nameProblem) throw new AccountError(nameProblem, 'name', 'invalid');
  if (!isStaffRole(input.role)) throw new AccountError(`The role must be one of ${STAFF_ROLES.join(', ')}.`, 'role', 'invalid');
  const generatedPassword = input.password === undefined ? generatePassword() : undefined;
  const password = input.password ?? generatedPassword!;
  const problem = passwordProblem(password);
  if (problem) throw new AccountError(problem, 'password', 'invalid');
  const record: StaffUserRecord = {
    id: randomUUID(),
    name: input.name,
    role: input.role,
    passwordHash: await hashPassword(password),
    disabled: false,
    createdAt: now.toISOString(),
  };
  if ((await storage.createStaffUser(record)) === 'name-taken')
    throw new AccountError(`An account named ${input.name} exists already.`, 'name', 'taken');
  return { record, ...(generatedPassword ? { generatedPassword } : {}) };
}

/** Sets a new password (generated when none is given) and ends the account's sessions. */
export async function resetStaffPassword(
  storage: Storage,
  name: string,
  password?: string,
): Promise<{ record: StaffUserRecord; generatedPassword?: string }> {
  const existing = await storage.findStaffUserByName(name);
  if (!existing) throw new AccountError(`No account named ${name}.`, 'name', 'unknown');
  const generatedPassword = password === undefined ? generatePassword() : undefined;
  const chosen = password ?? generatedPassword!;
  const problem = passwordProblem(chosen);
  if (problem) throw new AccountError(problem, 'password', 'invalid');
  const record = await storage.updateStaffUser(existing.id, { passwordHash: await hashPassword(chosen) });
  if (!record) throw new AccountError(`No account named ${name}.`, 'name', 'unknown');
  return { record, ...(generatedPassword ? { generatedPassword } : {}) };
}
