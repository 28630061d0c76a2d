/**
 * The deliveries of notifications (mail, webhook, SMS): per case with their state, the dead letters, and retrying
 * one. Under `/admin` with the bearer token (bootstrap and automation), and under `/staff` for the desk: every
 * signed-in role may look, only an admin may retry.
 */
import { Hono, type Context } from 'hono';
import { normalizeCode } from '../codes.js';
import type { ServerDeps } from '../deps.js';
import { DELIVERY_STATES, type DeliveryState } from '../notify/store.js';
import { ProblemError } from '../problem.js';
import { requireRole, type StaffEnv } from '../staff/auth.js';

export function notificationRoutes(deps: ServerDeps): Hono<StaffEnv> {
  const store = deps.storage.notifications;
  const routes = new Hono<StaffEnv>();

  async function list(c: Context, caseId: string | undefined) {
    c.header('Cache-Control', 'no-store');
    const state = c.req.query('state');
    if (state !== undefined && !DELIVERY_STATES.includes(state as DeliveryState)) {
      throw new ProblemError('bad-request', `state is one of ${DELIVERY_STATES.join(', ')}.`);
    }
    const items = await store.listDeliveries({
      caseId: caseId ? normalizeCode(caseId) : undefined,
      state: state as DeliveryState | undefined,
    });
    return c.json({ items, counts: await store.countByState() });
  }

  async function retry(c: Context) {
    const outcome = await store.retryDead(c.req.param('id')!);
    if (outcome === 'not-found') throw new ProblemError('not-found', 'No delivery with this id.');
    if (outcome === 'not-dead')
      throw new ProblemError(
        'illegal-transition',
        'Only a dead delivery can be retried; this one is still being delivered or was delivered.',
      );
    return c.json(outcome);
  }

  routes.get('/admin/deliveries', (c) => list(c, c.req.query('case')));
  routes.post('/admin/deliveries/:id/retry', retry);
  routes.get('/staff/applications/:code/deliveries', (c) => list(c, c.req.param('code')));
  routes.get('/staff/deliveries', (c) => list(c, c.req.query('case')));
  routes.post('/staff/deliveries/:id/retry', requireRole('admin'), retry);
  return routes;
}
