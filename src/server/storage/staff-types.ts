/** Storage of staff accounts and sessions (desk-server): part of the `Storage` interface. */
import type { StaffRole } from '../../api/types/staff.js';

export interface StaffUserRecord {
  id: string;
  name: string;
  role: StaffRole;
  /** `scrypt$…`: never the password */
  passwordHash: string;
  disabled: boolean;
  /** ISO instant */
  createdAt: string;
}

export interface StaffSessionRecord {
  /** sha256 of the cookie's token */
  tokenHash: string;
  userId: string;
  csrfToken: string;
  createdAt: string;
  /** idle expiry, moved on by each request up to `absoluteExpiresAt` */
  expiresAt: string;
  absoluteExpiresAt: string;
}

export type StaffUserPatch = Partial<Pick<StaffUserRecord, 'role' | 'disabled' | 'passwordHash'>>;

export interface StaffStorage {
  /** `name-taken` when an account of that name exists. */
  createStaffUser(user: StaffUserRecord): Promise<'created' | 'name-taken'>;
  findStaffUserByName(name: string): Promise<StaffUserRecord | null>;
  listStaffUsers(): Promise<StaffUserRecord[]>;
  /** Changes an account; a new password or disabling it also ends every session of the account. */
  updateStaffUser(id: string, patch: StaffUserPatch): Promise<StaffUserRecord | null>;

  createStaffSession(session: StaffSessionRecord): Promise<void>;
  /**
   * The session and its user when the session is still valid at `now` and the
   * account enabled; its idle expiry moves to `slideTo` (never past the absolute one).
   */
  touchStaffSession(
    tokenHash: string,
    now: string,
    slideTo: string,
  ): Promise<{ session: StaffSessionRecord; user: StaffUserRecord } | null>;
  deleteStaffSession(tokenHash: string): Promise<void>;

  /** Failed sign-ins per key (`account:<name>`, `address:<ip>`) since `since`, with the oldest of them. */
  signInFailures(keys: string[], since: string): Promise<Map<string, { count: number; oldest: string }>>;
  recordSignInFailure(keys: string[], at: string): Promise<void>;
  clearSignInFailures(key: string): Promise<void>;
}
