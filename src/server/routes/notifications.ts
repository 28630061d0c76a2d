/** The deliveries of notifications, for staff: per case with their state, and retrying a dead letter (admin). */
import { Hono } from 'hono';
import { normalizeCode } from '../codes.js';
import type { ServerDeps } from '../deps.js';
import { DELIVERY_STATES, type DeliveryState } from '../notify/store.js';
import { ProblemError } from '../problem.js';

export function notificationRoutes(deps: ServerDeps): Hono {
  const store = deps.storage.notifications;
  const routes = new Hono();

  routes.get('/admin/deliveries', async (c) => {
    c.header('Cache-Control', 'no-store');
    const caseId = c.req.query('case');
    const state = c.req.query('state');
    if (state !== undefined && !DELIVERY_STATES.includes(state as DeliveryState)) {
      throw new ProblemError('bad-request', `state is one of ${DELIVERY_STATES.join(', ')}.`);
    }
    const items = await store.listDeliveries({ caseId: caseId ? normalizeCode(caseId) : undefined, state: state as DeliveryState | undefined });
    return c.json({ items, counts: await store.countByState() });
  });

  routes.post('/admin/deliveries/:id/retry', async (c) => {
    const outcome = await store.retryDead(c.req.param('id'));
    if (outcome === 'not-found') throw new ProblemError('not-found', 'No delivery with this id.');
    if (outcome === 'not-dead') throw new ProblemError('illegal-transition', 'Only a dead delivery can be retried; this one is still being delivered or was delivered.');
    return c.json(outcome);
  });

  return routes;
}
