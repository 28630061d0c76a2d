/** 政府信息公开目录: search, filter, facets and paging via the shared directory core. */
import { Hono } from 'hono';
import { queryDirectory } from '../../core/directory/query.js';
import { parseDirectoryQuery } from '../../core/directory/url-state.js';
import type { ServerDeps } from '../deps.js';
import { ProblemError } from '../problem.js';

export function directoryRoutes(deps: ServerDeps): Hono {
  const routes = new Hono();

  routes.get('/disclosures', (c) => c.json(queryDirectory(deps.directory, parseDirectoryQuery(c.req.query()))));

  routes.get('/disclosures/:id', (c) => {
    const item = deps.directoryById.get(c.req.param('id'));
    if (!item) throw new ProblemError('not-found', 'No document with this id.');
    return c.json(item);
  });

  return routes;
}
