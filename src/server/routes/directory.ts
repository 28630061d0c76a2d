/** 政府信息公开目录: search, filter, facets and paging via the shared directory core. */
import { Hono } from 'hono';
import { queryDirectory } from '../../core/directory/query.js';
import { parseDirectoryQuery } from '../../core/directory/url-state.js';
import { createJsonCache } from '../cached-json.js';
import type { ServerDeps } from '../deps.js';
import { ProblemError } from '../problem.js';

export function directoryRoutes(deps: ServerDeps): Hono {
  const routes = new Hono();
  // The directory is fixed for the server's life, so an answer is a function of the query string alone.
  const answers = createJsonCache();

  routes.get('/disclosures', (c) => {
    const url = c.req.url;
    const query = url.indexOf('?');
    return answers.send(c, query === -1 ? '' : url.slice(query), () => queryDirectory(deps.directory, parseDirectoryQuery(c.req.query())));
  });

  routes.get('/disclosures/:id', (c) => {
    const id = c.req.param('id');
    const item = deps.directoryById.get(id);
    if (!item) throw new ProblemError('not-found', 'No document with this id.');
    return answers.send(c, `/${id}`, () => item);
  });

  return routes;
}
