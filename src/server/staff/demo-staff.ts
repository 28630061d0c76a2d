/**
 * The demo's staff: one account per role. In memory (browser tests, throwaway
 * demos) their passwords are the fixed ones below; on a data directory or a
 * database they are generated anew at each start and printed, so a demo
 * that outlives one run never keeps a password anyone could read here.
 */
import type { StaffRole } from '../../api/types/staff.js';
import type { Storage } from '../storage/types.js';
import { addStaffAccount, resetStaffPassword } from './accounts.js';

export interface DemoStaffAccount {
  name: string;
  role: StaffRole;
  password: string;
}

/** For `dataDir: 'memory'` only. */
export const DEMO_STAFF: readonly DemoStaffAccount[] = [
  { name: 'clerk', role: 'clerk', password: 'demo-clerk-password' },
  { name: 'head', role: 'head', password: 'demo-head-password' },
  { name: 'admin', role: 'admin', password: 'demo-admin-password' },
];

export async function seedDemoStaff(storage: Storage, passwords: 'fixed' | 'generated'): Promise<DemoStaffAccount[]> {
  const accounts: DemoStaffAccount[] = [];
  for (const { name, role, password } of DEMO_STAFF) {
    const chosen = passwords === 'fixed' ? password : undefined;
    const existing = await storage.findStaffUserByName(name);
    const result = existing
      ? await resetStaffPassword(storage, name, chosen)
      : await addStaffAccount(storage, { name, role, password: chosen });
    accounts.push({ name, role: result.record.role, password: chosen ?? result.generatedPassword! });
  }
  return accounts;
}
