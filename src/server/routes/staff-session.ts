/**
 * Staff sign-in, sign-out, who-am-I, and account management (admin role);
 * plus `POST /admin/staff-users` for bootstrap and automation with the shared token.
 */
import { Hono } from 'hono';
import type { NewStaffAccount, StaffAccountAnswer, StaffAccountPatch, StaffRole, StaffSession } from '../../api/types/staff.js';
import { checkText, failIf, objectWithKeys } from '../check.js';
import type { ServerDeps } from '../deps.js';
import { clientAddress, readJson } from '../http.js';
import { ProblemError, type FieldProblem } from '../problem.js';
import { AccountError, addStaffAccount, isStaffRole, staffAccount } from '../staff/accounts.js';
import { requireRole, signIn, signOut, type StaffEnv } from '../staff/auth.js';
import { generatePassword, hashPassword, MAX_PASSWORD_LENGTH, passwordProblem } from '../staff/passwords.js';

function readNewAccount(body: unknown): NewStaffAccount {
  const json = objectWithKeys(body, ['name', 'role', 'password']);
  const problems: FieldProblem[] = [];
  const name = checkText(json, 'name', 50, problems, true);
  if (!isStaffRole(json.role)) problems.push({ field: '/role', code: json.role === undefined ? 'required' : 'choice.invalid' });
  if (json.password !== undefined && typeof json.password !== 'string') problems.push({ field: '/password', code: 'type.invalid' });
  failIf(problems);
  return { name: name!, role: json.role as StaffRole, ...(json.password !== undefined ? { password: json.password as string } : {}) };
}

async function createAccount(deps: ServerDeps, input: NewStaffAccount): Promise<StaffAccountAnswer> {
  try {
    const { record, generatedPassword } = await addStaffAccount(deps.storage, input, deps.now());
    return { account: staffAccount(record), ...(generatedPassword ? { password: generatedPassword } : {}) };
  } catch (error) {
    if (!(error instanceof AccountError)) throw error;
    if (error.reason === 'taken') throw new ProblemError('illegal-transition', error.message);
    throw new ProblemError('validation-failed', error.message, [{ field: `/${error.field}`, code: 'type.invalid' }]);
  }
}

export function staffSessionRoutes(deps: ServerDeps, options: { proxyHops: number }): Hono<StaffEnv> {
  const { storage, now } = deps;
  const routes = new Hono<StaffEnv>();

  routes.post('/staff/session', async (c) => {
    const json = objectWithKeys(await readJson(c), ['name', 'password']);
    const problems: FieldProblem[] = [];
    if (typeof json.name !== 'string' || json.name === '') problems.push({ field: '/name', code: 'required' });
    else if ([...json.name].length > 100) problems.push({ field: '/name', code: 'text.tooLong', params: { max: 100 } });
    if (typeof json.password !== 'string' || json.password === '') problems.push({ field: '/password', code: 'required' });
    else if ([...json.password].length > MAX_PASSWORD_LENGTH)
      problems.push({ field: '/password', code: 'text.tooLong', params: { max: MAX_PASSWORD_LENGTH } });
    failIf(problems);
    const session = await signIn(c, storage, now(), clientAddress(c, options.proxyHops), json.name as string, json.password as string);
    c.header('Cache-Control', 'no-store');
    return c.json(session);
  });

  routes.get('/staff/session', (c) => {
    const session: StaffSession = { user: c.get('staff'), csrfToken: c.get('csrfToken'), expiresAt: c.get('sessionExpiresAt') };
    return c.json(session);
  });

  routes.delete('/staff/session', async (c) => {
    await signOut(c, storage);
    return c.body(null, 204);
  });

  routes.get('/staff/users', requireRole('admin'), async (c) => c.json((await storage.listStaffUsers()).map(staffAccount)));

  // No Idempotency-Key: the name is unique, so a retried creation answers 409 and never makes a second account.
  routes.post('/staff/users', requireRole('admin'), async (c) => c.json(await createAccount(deps, readNewAccount(await readJson(c))), 201));

  routes.patch('/staff/users/:id', requireRole('admin'), async (c) => {
    const json = objectWithKeys(await readJson(c), ['role', 'disabled', 'resetPassword']);
    const problems: FieldProblem[] = [];
    if (json.role !== undefined && !isStaffRole(json.role)) problems.push({ field: '/role', code: 'choice.invalid' });
    if (json.disabled !== undefined && typeof json.disabled !== 'boolean') problems.push({ field: '/disabled', code: 'type.invalid' });
    if (json.resetPassword !== undefined && json.resetPassword !== true) problems.push({ field: '/resetPassword', code: 'type.invalid' });
    failIf(problems);
    const patch = json as StaffAccountPatch;
    const id = c.req.param('id');
    if (id === c.get('staff').id && (patch.disabled || (patch.role && patch.role !== 'admin'))) {
      throw new ProblemError('illegal-transition', 'An administrator cannot disable or demote their own account.');
    }
    const password = patch.resetPassword ? generatePassword() : undefined;
    if (password && passwordProblem(password)) throw new Error('generated password refused');
    const record = await storage.updateStaffUser(id, {
      ...(patch.role ? { role: patch.role } : {}),
      ...(patch.disabled !== undefined ? { disabled: patch.disabled } : {}),
      ...(password ? { passwordHash: await hashPassword(password) } : {}),
    });
    if (!record) throw new ProblemError('not-found', 'No staff account with this id.');
    const answer: StaffAccountAnswer = { account: staffAccount(record), ...(password ? { password } : {}) };
    return c.json(answer);
  });

  // The shared admin token (bootstrap, automation): create the first accounts without a session.
  routes.post('/admin/staff-users', async (c) => c.json(await createAccount(deps, readNewAccount(await readJson(c))), 201));

  return routes;
}
