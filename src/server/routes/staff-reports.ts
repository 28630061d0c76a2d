/**
 * 年度报告编制: a year's report drafted from the system of record, saved as staff type,
 * reviewed (审核) and published by a head; a published version never changes and a
 * correction is the next version with a note. The public side serves the newest published
 * version at `/reports/{year}` and the history at `/reports/{year}/versions`.
 */
import { Hono, type Context } from 'hono';
import type { ReportVersion, StaffRef, StaffReportYear, PublishedVersion } from '../../api/types/report-draft.js';
import type { AnnualReport, ReviewGroup } from '../../api/types/report.js';
import { todayInChina } from '../../core/calendar/index.js';
import { checkReport, checkSchema, isReadableReport } from '../../core/report/index.js';
import { formatForYear, prefillReport } from '../../core/report/prefill.js';
import { sendRevalidated } from '../cached-json.js';
import { gzipAnswers } from '../compression.js';
import { checkText, failIf, objectWithKeys } from '../check.js';
import type { ServerDeps } from '../deps.js';
import { readJson } from '../http.js';
import { ProblemError, type FieldProblem } from '../problem.js';
import { requestsTable } from '../stats.js';

/** The signed-in staff member, as the staff session middleware gives it. */
export interface StaffActor extends StaffRef {
  role: 'clerk' | 'head' | 'admin';
}

/** How the routes learn who is asking (the session middleware's user; throws 401 when nobody is signed in). */
export type ActorOf = (c: Context) => StaffActor;

/** Longest narrative section, in characters of HTML. */
const MAX_SECTION = 20_000;
const MAX_NOTE = 1_000;

const etag = (v: Pick<ReportVersion, 'version' | 'revision'>) => `"${v.version}.${v.revision}"`;

function readYear(c: Context, now: Date): number {
  const text = c.req.param('year') ?? '';
  const year = Number(text);
  const current = Number(todayInChina(now).slice(0, 4));
  if (!/^\d{4}$/.test(text) || year < 2019 || year > current) {
    throw new ProblemError('not-found', `Reports can be drafted for the years 2019 to ${current}.`);
  }
  return year;
}

function readVersionNumber(c: Context): number {
  const text = c.req.param('version') ?? '';
  if (!/^\d{1,4}$/.test(text) || Number(text) < 1) throw new ProblemError('not-found', 'No such version.');
  return Number(text);
}

function requireRole(actor: StaffActor, roles: StaffActor['role'][], what: string): void {
  if (!roles.includes(actor.role)) throw new ProblemError('role-forbidden', `Only ${roles.join(' or ')} staff may ${what}.`);
}

const ref = (actor: StaffActor): StaffRef => ({ id: actor.id, name: actor.name });

/** A new draft version (the year's first, or a correction), made now by `actor`. */
function newDraft(
  fields: Pick<ReportVersion, 'year' | 'version' | 'document' | 'sources' | 'note'>,
  actor: StaffActor,
  at: string,
): ReportVersion {
  return {
    ...fields,
    status: 'draft',
    revision: 1,
    returnNote: null,
    createdAt: at,
    createdBy: ref(actor),
    updatedAt: at,
    updatedBy: ref(actor),
    submittedAt: null,
    submittedBy: null,
    publishedAt: null,
    publishedBy: null,
  };
}

/** The If-Match of a write: required, and it must name the version's current revision. */
function checkIfMatch(c: Context, current: ReportVersion): void {
  const given = c.req.header('if-match');
  if (!given) throw new ProblemError('precondition-required', `Send If-Match: ${etag(current)} (the ETag you last read).`);
  if (given.trim() !== etag(current)) {
    throw new ProblemError('precondition-failed', `This version is now at ${etag(current)}; reload it before saving.`);
  }
}

function refuseUnlessOpen(current: ReportVersion, status: ReportVersion['status'][]): void {
  if (current.status === 'published') {
    throw new ProblemError(
      'illegal-transition',
      `Version ${current.version} of the ${current.year} report is published and cannot change; start a correction.`,
    );
  }
  if (!status.includes(current.status)) {
    throw new ProblemError('illegal-transition', `Version ${current.version} is in ${current.status}, not ${status.join(' or ')}.`);
  }
}

/** A finding's path (`requests.3.1[2]`: table, row id with its dots, column) as a JSON pointer into the PUT body. */
function pointer(path: string | undefined): string {
  const match = /^([^.[]*)(?:\.([^[]+))?(?:\[(\d+)\])?$/.exec(path ?? '');
  const parts = match ? [match[1], match[2], match[3]].filter((p): p is string => !!p) : [];
  return `/document${parts.map((p) => `/${p.replaceAll('~', '~0').replaceAll('/', '~1')}`).join('')}`;
}

/** The document of a save: the shape of the year's format, nothing else. */
function readDocument(body: unknown, current: ReportVersion): AnnualReport {
  const json = objectWithKeys(body, ['document']);
  const doc = json['document'];
  const problems: FieldProblem[] = checkSchema(doc)
    .filter((f) => f.severity === 'error')
    .map((f) => ({ field: pointer(f.path), code: 'type.invalid' as const }));
  failIf(problems);
  const report = doc as AnnualReport;
  if (report.year !== current.year) problems.push({ field: '/document/year', code: 'choice.invalid' });
  if (report.format !== current.document.format) problems.push({ field: '/document/format', code: 'choice.invalid' });
  for (const key of ['overview', 'problems', 'other'] as const) {
    const text = report.sections[key];
    if (typeof text === 'string' && text.length > MAX_SECTION) {
      problems.push({ field: `/document/sections/${key}`, code: 'text.tooLong', params: { max: MAX_SECTION } });
    }
  }
  failIf(problems);
  return report;
}

/** Last year's report as published: the newest published version, else the one the server was given. */
async function publishedReport(deps: ServerDeps, year: number): Promise<AnnualReport | null> {
  const versions = await deps.storage.listReportVersions(year);
  const newest = versions.filter((v) => v.status === 'published').at(-1);
  return newest?.document ?? deps.reports.find((r) => r.year === year) ?? null;
}

export function staffReportRoutes(deps: ServerDeps, actorOf: ActorOf): Hono {
  const { storage, now } = deps;
  const routes = new Hono();
  const agency = () => deps.contact?.agency ?? deps.reports[0]?.agency ?? deps.replyDepartment;

  const yearView = async (year: number): Promise<StaffReportYear> => ({
    year,
    format: formatForYear(year),
    versions: (await storage.listReportVersions(year)).reverse(),
    previous: await publishedReport(deps, year - 1),
  });

  /** Runs one change of a version and answers it with its new ETag. */
  const change = async (c: Context, decide: (current: ReportVersion, at: Date) => ReportVersion) => {
    const year = readYear(c, now());
    const version = readVersionNumber(c);
    c.header('Cache-Control', 'no-store');
    const at = now();
    const saved = await storage.updateReportVersion(year, version, (current) => decide(current, at));
    if (!saved) throw new ProblemError('not-found', `The ${year} report has no version ${version}.`);
    c.header('ETag', etag(saved));
    return c.json(saved);
  };

  routes.get('/staff/reports/:year', async (c) => {
    actorOf(c);
    const year = readYear(c, now());
    c.header('Cache-Control', 'no-store');
    return c.json(await yearView(year));
  });

  // The first draft of the year, prefilled from the system of record.
  routes.post('/staff/reports/:year/draft', async (c) => {
    const actor = actorOf(c);
    requireRole(actor, ['clerk', 'head'], 'draft the annual report');
    const year = readYear(c, now());
    if ((await storage.listReportVersions(year)).length > 0) {
      throw new ProblemError(
        'illegal-transition',
        `The ${year} report has been started already; open it, or start a correction of the published one.`,
      );
    }
    // A report the server was given is that year's published version 1: a new first draft would silently replace it.
    if (deps.reports.some((r) => r.year === year)) {
      throw new ProblemError('illegal-transition', `The ${year} report is published already (given to this server).`);
    }
    const counts = await storage.countApplications(`${year}-01-01`, `${year}-12-31`);
    // Table 四 as the desk records 复议 and 诉讼 on cases, by the year they were filed.
    const appeals = await storage.countAppeals(year);
    const group = (from: number) => appeals.slice(from, from + 5) as ReviewGroup;
    const { document, sources } = prefillReport({
      year,
      agency: agency(),
      ...(deps.contact ? { contact: deps.contact } : {}),
      requests: requestsTable(year, counts),
      previous: await publishedReport(deps, year - 1),
      directory: [...deps.directoryById.values()],
      reviews: { reconsideration: group(0), litigationDirect: group(5), litigationAfterReconsideration: group(10) },
    });
    const created = await storage.createReportVersion(
      newDraft({ year, version: 1, document, sources, note: null }, actor, now().toISOString()),
    );
    if (!created) throw new ProblemError('illegal-transition', `The ${year} report has been started already.`);
    c.header('ETag', etag(created));
    return c.json(created, 201);
  });

  // A correction of the published report: the next version, a copy of the published one, with a note.
  routes.post('/staff/reports/:year/corrections', async (c) => {
    const actor = actorOf(c);
    requireRole(actor, ['clerk', 'head'], 'correct the annual report');
    const year = readYear(c, now());
    const problems: FieldProblem[] = [];
    const note = checkText(objectWithKeys(await readJson(c), ['note']), 'note', MAX_NOTE, problems, true);
    failIf(problems);
    const versions = await storage.listReportVersions(year);
    const published = versions.filter((v) => v.status === 'published').at(-1);
    if (!published) throw new ProblemError('illegal-transition', `The ${year} report has not been published; edit its draft instead.`);
    if (versions.some((v) => v.status !== 'published')) {
      throw new ProblemError('illegal-transition', `A version of the ${year} report is being worked on already; finish that one.`);
    }
    // The copy is not published yet, so it has no publication date.
    const { publishedAt: _dropped, ...document } = published.document;
    const version = versions.at(-1)!.version + 1;
    const fields = { year, version, document: document as AnnualReport, sources: published.sources, note: note! };
    const created = await storage.createReportVersion(newDraft(fields, actor, now().toISOString()));
    if (!created) throw new ProblemError('illegal-transition', `A version of the ${year} report is being worked on already.`);
    c.header('ETag', etag(created));
    return c.json(created, 201);
  });

  // Autosave: the whole document, refused when someone saved in between (If-Match) or once published.
  routes.put('/staff/reports/:year/versions/:version', async (c) => {
    const actor = actorOf(c);
    requireRole(actor, ['clerk', 'head'], 'edit the annual report');
    const body = await readJson(c);
    return change(c, (current, at) => {
      refuseUnlessOpen(current, ['draft']);
      checkIfMatch(c, current);
      const document = readDocument(body, current);
      return { ...current, document, revision: current.revision + 1, updatedAt: at.toISOString(), updatedBy: ref(actor) };
    });
  });

  routes.post('/staff/reports/:year/versions/:version/submit', async (c) => {
    const actor = actorOf(c);
    requireRole(actor, ['clerk', 'head'], 'submit the annual report for review');
    return change(c, (current, at) => {
      refuseUnlessOpen(current, ['draft']);
      checkIfMatch(c, current);
      const when = at.toISOString();
      return {
        ...current,
        status: 'review',
        revision: current.revision + 1,
        returnNote: null,
        submittedAt: when,
        submittedBy: ref(actor),
        updatedAt: when,
        updatedBy: ref(actor),
      };
    });
  });

  // 审核 not passed: back to draft with the head's reason.
  routes.post('/staff/reports/:year/versions/:version/return', async (c) => {
    const actor = actorOf(c);
    requireRole(actor, ['head'], 'send the annual report back');
    const problems: FieldProblem[] = [];
    const note = checkText(objectWithKeys(await readJson(c), ['note']), 'note', MAX_NOTE, problems, true);
    failIf(problems);
    return change(c, (current, at) => {
      refuseUnlessOpen(current, ['review']);
      checkIfMatch(c, current);
      return {
        ...current,
        status: 'draft',
        revision: current.revision + 1,
        returnNote: note!,
        updatedAt: at.toISOString(),
        updatedBy: ref(actor),
      };
    });
  });

  // 审核通过并发布: a head only, from review, and only a report without errors.
  routes.post('/staff/reports/:year/versions/:version/publish', async (c) => {
    const actor = actorOf(c);
    requireRole(actor, ['head'], 'publish the annual report');
    const year = readYear(c, now());
    const previous = await publishedReport(deps, year - 1);
    return change(c, (current, at) => {
      refuseUnlessOpen(current, ['review']);
      checkIfMatch(c, current);
      const document = { ...current.document, publishedAt: todayInChina(at) } as AnnualReport;
      const errors = checkReport(document, previous && isReadableReport(previous) ? { previous } : {}).filter(
        (f) => f.severity === 'error',
      );
      if (errors.length > 0) {
        throw new ProblemError('validation-failed', `${errors.length} error(s) must be fixed first: ${errors[0]!.message.en}`);
      }
      const when = at.toISOString();
      return {
        ...current,
        document,
        status: 'published',
        revision: current.revision + 1,
        publishedAt: when,
        publishedBy: ref(actor),
        updatedAt: when,
        updatedBy: ref(actor),
      };
    });
  });

  return routes;
}

/** The public history of a year's report: every published version, newest first, and each one's document. */
export function reportVersionRoutes(deps: ServerDeps): Hono {
  const routes = new Hono();
  // Public, as the newest version at /reports/{year} is: gzipped to a browser the same way.
  routes.use('/reports/:year/versions/*', gzipAnswers());
  const publishedVersions = async (year: number) =>
    (await deps.storage.listReportVersions(year)).filter((v) => v.status === 'published').reverse();

  // A year of four digits and a version number, else 404 before anything reaches the database (NaN would not).
  const yearOf = (text: string): number => {
    if (!/^\d{4}$/.test(text)) throw new ProblemError('not-found', 'No annual report for this year.');
    return Number(text);
  };

  routes.get('/reports/:year/versions', async (c) => {
    const year = yearOf(c.req.param('year'));
    const base = c.req.path.replace(/\/+$/, '');
    const versions = await publishedVersions(year);
    const list: PublishedVersion[] = versions.map((v) => ({
      version: v.version,
      publishedAt: v.document.publishedAt ?? null,
      note: v.note,
      href: `${base}/${v.version}`,
    }));
    // A report the server was given (the seed) is the year's version 1 when nothing was published here.
    const given = deps.reports.find((r) => r.year === year);
    if (list.length === 0 && given) list.push({ version: 1, publishedAt: given.publishedAt ?? null, note: null, href: `${base}/1` });
    if (list.length === 0) throw new ProblemError('not-found', 'No annual report for this year.');
    return sendRevalidated(c, list);
  });

  routes.get('/reports/:year/versions/:version', async (c) => {
    const year = yearOf(c.req.param('year'));
    const text = c.req.param('version');
    if (!/^[1-9]\d{0,5}$/.test(text)) throw new ProblemError('not-found', 'No such published version of this report.');
    const version = Number(text);
    const found = (await publishedVersions(year)).find((v) => v.version === version);
    if (found) return sendRevalidated(c, found.document);
    const given = deps.reports.find((r) => r.year === year);
    if (given && version === 1 && (await publishedVersions(year)).length === 0) return sendRevalidated(c, given);
    throw new ProblemError('not-found', 'No such published version of this report.');
  });

  return routes;
}

/** The newest published version of each year, for `GET /reports` and `GET /reports/{year}`. */
export async function newestPublished(deps: ServerDeps): Promise<AnnualReport[]> {
  const stored = (await deps.storage.latestPublishedReports()).map((v) => v.document);
  const years = new Set(stored.map((r) => r.year));
  return [...stored, ...deps.reports.filter((r) => !years.has(r.year))];
}
