/**
 * The desk's API under /staff (design/office.md): the queue, the case, one
 * POST per legal step, staff-only file downloads, released-file uploads, the
 * 答复书 draft, 行政复议 / 行政诉讼 on a case and table 四, the office calendar.
 * Every route is behind the session middleware (src/server/staff/auth.ts).
 */
import { createHash, randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import {
  APPLICATION_STATUSES,
  OUTCOME_IDS,
  type ApplicationStatus,
  type AttachmentReceipt,
  type OutcomeId,
} from '../../api/types/application.js';
import {
  ACTION_ROLES,
  APPEAL_KINDS,
  APPEAL_RESULTS,
  LITIGATION_ROUTES,
  RELEASED_FILE_MAX_BYTES,
  STAFF_ACTIONS,
  type Actor,
  type Appeal,
  type AppealKind,
  type AppealResult,
  type LitigationRoute,
  type QueueItem,
  type QueuePage,
  type StaffAction,
  type StaffUser,
} from '../../api/types/staff.js';
import { todayInChina } from '../../core/calendar/index.js';
import { answerLetterText } from '../../core/answer-letter/index.js';
import { OPEN_STATUSES } from '../../core/lifecycle/index.js';
import { checkText, failIf, isIsoDate, objectWithKeys, queryInt, type Json } from '../check.js';
import { normalizeCode } from '../codes.js';
import type { ServerDeps } from '../deps.js';
import { answerCreate, bodyHash, bytesHash, idempotencyKey, readJson } from '../http.js';
import { ProblemError, type FieldProblem } from '../problem.js';
import { answerFileIds, decideAction, draftLetter } from '../staff/actions.js';
import { assertRole, requireRole, type StaffEnv } from '../staff/auth.js';
import { caseClock, toQueueItem, toStaffCase } from '../staff/case-view.js';
import { downloadResponse } from '../staff/downloads.js';
import { recordLapseOf, recordLapses } from '../staff/lapse.js';
import type { OfficeCalendar } from '../staff/office-calendar.js';
import { sniffReleasedFile } from '../staff/released-files.js';
import type { CaseRecord } from '../storage/case-types.js';
import type { IdempotencyRequest } from '../storage/types.js';
import { safeFileName } from './attachments.js';

const CASE_ROLES = ['clerk', 'head'] as const;
const NO_CASE = 'No application with this tracking code.';
const actorOf = (user: StaffUser): Actor => ({ kind: 'staff', id: user.id, name: user.name, role: user.role });

/** Urgency: overdue first, then fewest working days left; waiting on someone else next; finished last. */
function urgencyKey(item: QueueItem): [number, number, string] {
  if (item.clock === 'running' || item.clock === 'not-received') return [0, item.workingDaysLeft ?? 0, item.submittedAt];
  if (item.clock === 'paused-consultation' || item.clock === 'paused-supplement') return [1, 0, item.submittedAt];
  return [2, 0, `${9e15 - Date.parse(item.submittedAt)}`];
}

function compareUrgency(a: QueueItem, b: QueueItem): number {
  const [ga, na, sa] = urgencyKey(a);
  const [gb, nb, sb] = urgencyKey(b);
  return ga - gb || na - nb || (sa < sb ? -1 : sa > sb ? 1 : 0);
}

function readStatuses(value: string | undefined): ApplicationStatus[] {
  if (!value) return [];
  const statuses = value.split(',').map((s) => s.trim());
  const wrong = statuses.find((s) => !APPLICATION_STATUSES.includes(s as ApplicationStatus));
  if (wrong !== undefined) throw new ProblemError('bad-request', `Unknown status ${wrong}; use ${APPLICATION_STATUSES.join(', ')}.`);
  return statuses as ApplicationStatus[];
}

export function staffCaseRoutes(deps: ServerDeps, calendar: OfficeCalendar): Hono<StaffEnv> {
  const { storage, now } = deps;
  const routes = new Hono<StaffEnv>();

  async function loadCase(c: Context<StaffEnv>): Promise<CaseRecord> {
    const code = normalizeCode(c.req.param('code') ?? '');
    let record = await storage.findCase(code);
    if (record && (await recordLapseOf(storage, record, now()))) record = await storage.findCase(code);
    if (!record) throw new ProblemError('not-found', NO_CASE);
    return record;
  }

  routes.get('/staff/applications', async (c) => {
    const query = c.req.query();
    const statuses = readStatuses(query.status);
    const q = (query.q ?? '').trim();
    if ([...q].length > 100) throw new ProblemError('bad-request', 'Search for at most 100 characters.');
    const dueWithin = query.dueWithin === undefined ? null : queryInt(query.dueWithin, -1, -1, 250);
    if (dueWithin === -1) throw new ProblemError('bad-request', 'dueWithin is a number of working days (0 or more).');
    const overdueOnly = query.overdue === 'true' || query.overdue === '1';
    const sort = query.sort ?? 'urgency';
    if (sort !== 'urgency' && sort !== 'received') throw new ProblemError('bad-request', 'sort is urgency or received.');
    const page = queryInt(query.page, 1, 1, 100_000);
    const pageSize = queryInt(query.pageSize, 20, 1, 100);

    const at = now();
    const today = todayInChina(at);
    await recordLapses(storage, at);
    const rows = await storage.listCaseSummaries({ statuses, q });
    let items = rows.map((row) => toQueueItem(row, caseClock(row, today)));
    const isOpen = (item: QueueItem) => OPEN_STATUSES.includes(item.status);
    if (dueWithin !== null)
      items = items.filter((i) => isOpen(i) && i.workingDaysLeft !== null && i.workingDaysLeft >= 0 && i.workingDaysLeft <= dueWithin);
    if (overdueOnly) items = items.filter((i) => isOpen(i) && i.workingDaysLeft !== null && i.workingDaysLeft < 0);
    if (sort === 'urgency') items.sort(compareUrgency);

    const byStatus = await storage.countCasesByStatus();
    const counts = Object.fromEntries(APPLICATION_STATUSES.map((s) => [s, byStatus[s] ?? 0])) as QueuePage['counts'];
    const open = statuses.length === 0 && !q ? rows : await storage.listCaseSummaries({ statuses: [...OPEN_STATUSES], q: '' });
    const overdue = open.filter((r) => OPEN_STATUSES.includes(r.status) && (caseClock(r, today).workingDaysLeft ?? 0) < 0).length;
    const answer: QueuePage = {
      items: items.slice((page - 1) * pageSize, page * pageSize),
      total: items.length,
      page,
      pageSize,
      counts,
      overdue,
      calendar: (await calendar.overview(today)).notice,
    };
    return c.json(answer);
  });

  routes.get('/staff/applications/:code', async (c) => {
    const record = await loadCase(c);
    return c.json(toStaffCase(record, c.get('staff'), todayInChina(now())));
  });

  // Identity proofs, supplements and released files of a case: to staff who handle cases, as downloads only.
  routes.get('/staff/applications/:code/files/:id', requireRole(...CASE_ROLES), async (c) => {
    const record = await loadCase(c);
    const id = c.req.param('id');
    const belongs = [...record.files, ...(record.caseData.supplement?.attachments ?? []), ...(record.caseData.answer?.files ?? [])].some(
      (f) => f.id === id,
    );
    const file = belongs ? await storage.readAttachment(id) : null;
    if (!file) throw new ProblemError('not-found', 'This case has no file with this id.');
    return downloadResponse(c, file);
  });

  routes.get('/staff/applications/:code/answer-letter', requireRole(...CASE_ROLES), async (c) => {
    const record = await loadCase(c);
    const letter = record.caseData.answer?.letter;
    if (!letter) throw new ProblemError('not-found', 'This case has no issued 答复书 yet.');
    return downloadResponse(
      c,
      { name: `政府信息公开申请答复书-${record.trackingCode}.txt`, content: Buffer.from(`\ufeff${answerLetterText(letter)}`) },
      'text/plain; charset=utf-8',
    );
  });

  // The generated draft for an outcome: no state change, nothing stored.
  routes.post('/staff/applications/:code/answer-letter', requireRole(...CASE_ROLES), async (c) => {
    const json = objectWithKeys(await readJson(c), ['outcome', 'files']);
    const problems: FieldProblem[] = [];
    if (!OUTCOME_IDS.includes(json.outcome as OutcomeId))
      problems.push({ field: '/outcome', code: json.outcome === undefined ? 'required' : 'choice.invalid' });
    const files = json.files ?? [];
    if (!Array.isArray(files) || files.some((f) => typeof f !== 'string' || f.length > 200) || files.length > 50)
      problems.push({ field: '/files', code: 'type.invalid' });
    failIf(problems);
    const record = await loadCase(c);
    return c.json(draftLetter(record, json.outcome as OutcomeId, files as string[], todayInChina(now())));
  });

  routes.post(`/staff/applications/:code/:action{${STAFF_ACTIONS.join('|')}}`, async (c) => {
    const action = c.req.param('action') as StaffAction;
    const user = c.get('staff');
    assertRole(user, ACTION_ROLES[action], action);
    const key = idempotencyKey(c);
    const body = await readJson(c);
    const code = normalizeCode(c.req.param('code'));
    const idem: IdempotencyRequest = { scope: 'staff-actions', key, hash: bodyHash({ code, action, user: user.id, body }) };
    const seen = await storage.findReplay(idem);
    if (seen) return answerCreate(c, seen);
    const releasedFiles =
      action === 'answer' ? (await storage.attachmentReceipts(answerFileIds(body))).filter((f) => f.id.startsWith('rf-')) : [];
    const at = now();
    const result = await storage.changeCase(
      code,
      (current) => decideAction(action, body, current, { actor: actorOf(user), now: at, releasedFiles }),
      (record) => toStaffCase(record, user, todayInChina(at)),
      idem,
    );
    if (!result) throw new ProblemError('not-found', NO_CASE);
    if (result.kind !== 'changed') return answerCreate(c, result);
    return c.json(result.response);
  });

  // Released files: uploaded before the answer that names them.
  routes.post('/staff/files', requireRole(...CASE_ROLES), async (c) => {
    const key = idempotencyKey(c);
    if (!(c.req.header('content-type') ?? '').toLowerCase().startsWith('multipart/form-data')) {
      throw new ProblemError('unsupported-media-type', 'Upload the file as multipart/form-data.');
    }
    const form = await c.req.formData().catch(() => {
      throw new ProblemError('bad-request', 'The multipart body could not be read.');
    });
    const parts = [...form.entries()];
    const files = parts.filter((entry): entry is [string, File] => typeof entry[1] !== 'string');
    if (parts.length !== 1 || files.length !== 1)
      throw new ProblemError('bad-request', 'Send exactly one part: the file.', [{ field: '/file', code: 'required' }]);
    const file = files[0]![1];
    if (file.size > RELEASED_FILE_MAX_BYTES) throw new ProblemError('payload-too-large', 'A released file may be at most 50 MB.');
    const content = new Uint8Array(await file.arrayBuffer());
    if (content.byteLength === 0) throw new ProblemError('bad-request', 'The file is empty.', [{ field: '/file', code: 'required' }]);
    const name = safeFileName(file.name);
    const idem: IdempotencyRequest = { scope: 'staff-files', key, hash: bytesHash([c.get('staff').id, name, content]) };
    const seen = await storage.findReplay(idem);
    if (seen) return answerCreate(c, seen);
    const type = sniffReleasedFile(content, name);
    if (!type) {
      throw new ProblemError(
        'unsupported-media-type',
        'Release PDF, OFD, images, Word/Excel/PowerPoint or WPS documents, or ZIP, 7z or RAR archives.',
      );
    }
    const receipt: AttachmentReceipt = { id: `rf-${randomUUID()}`, name, size: content.byteLength, type };
    return answerCreate(c, await storage.createAttachment(idem, { ...receipt, content }, { status: 201, body: receipt }));
  });

  routes.post('/staff/applications/:code/appeals', requireRole(...CASE_ROLES), async (c) => {
    const key = idempotencyKey(c);
    const record = await loadCase(c);
    const appeal = readAppeal(
      await readJson(c),
      todayInChina(record.receivedAt ? new Date(record.receivedAt) : now()),
      todayInChina(now()),
    );
    // The id comes from the key: a retried POST finds the appeal it made and gets it back.
    const id = `ap-${createHash('sha256').update(`${record.trackingCode}\0${key}`).digest('hex').slice(0, 24)}`;
    const existing = record.appeals.find((a) => a.id === id);
    if (existing) {
      if (JSON.stringify({ ...existing, id: '' }) !== JSON.stringify({ ...appeal, id: '' })) throw new ProblemError('idempotency-conflict');
      c.header('Idempotent-Replayed', 'true');
      return c.json(existing, 201);
    }
    const stored: Appeal = { ...appeal, id };
    await storage.addAppeal(
      record.trackingCode,
      stored,
      { actor: actorOf(c.get('staff')), action: 'record-appeal', reason: null },
      now().toISOString(),
    );
    return c.json(stored, 201);
  });

  routes.patch('/staff/applications/:code/appeals/:id', requireRole(...CASE_ROLES), async (c) => {
    const record = await loadCase(c);
    const json = objectWithKeys(await readJson(c), ['result', 'decidedOn', 'note']);
    const current = record.appeals.find((a) => a.id === c.req.param('id'));
    if (!current) throw new ProblemError('not-found', 'This case has no appeal with this id.');
    const problems: FieldProblem[] = [];
    if (!APPEAL_RESULTS.includes(json.result as AppealResult))
      problems.push({ field: '/result', code: json.result === undefined ? 'required' : 'choice.invalid' });
    const decidedOn = readDecidedOn(json, json.result as AppealResult, current.filedOn, todayInChina(now()), problems);
    const note = checkText(json, 'note', 500, problems) ?? null;
    failIf(problems);
    const updated = await storage.updateAppeal(
      record.trackingCode,
      current.id,
      { result: json.result as AppealResult, decidedOn, note },
      { actor: actorOf(c.get('staff')), action: 'update-appeal', reason: null },
      now().toISOString(),
    );
    return c.json(updated!);
  });

  // Table 四 of a year, for the report editor's prefill.
  routes.get('/staff/appeals/stats', async (c) => {
    const year = c.req.query('year') ?? '';
    if (!/^\d{4}$/.test(year) || Number(year) < 2008)
      throw new ProblemError('bad-request', 'Give the report year as ?year=YYYY (2008 or later).');
    return c.json(await storage.countAppeals(Number(year)));
  });

  routes.get('/staff/calendar', async (c) => c.json(await calendar.overview(todayInChina(now()))));

  routes.put('/staff/calendar/:year{[0-9]{4}}', requireRole('admin'), async (c) => {
    const year = Number(c.req.param('year'));
    const json = objectWithKeys(await readJson(c), ['holidays', 'workdays', 'notice']);
    const problems: FieldProblem[] = [];
    const dates = (key: 'holidays' | 'workdays'): string[] => {
      const value = json[key];
      if (!Array.isArray(value) || value.length > 120 || value.some((d) => !isIsoDate(d))) {
        problems.push({ field: `/${key}`, code: value === undefined ? 'required' : 'type.invalid' });
        return [];
      }
      return [...new Set(value as string[])].sort();
    };
    const holidays = dates('holidays');
    const workdays = dates('workdays');
    const notice = checkText(json, 'notice', 100, problems, true);
    holidays.forEach((d, i) => {
      // A block that runs into January belongs to the next year's arrangement: each year lists its own days only.
      if (!d.startsWith(`${year}-`)) problems.push({ field: `/holidays/${i}`, code: 'type.invalid' });
    });
    workdays.forEach((d, i) => {
      const weekday = new Date(`${d}T00:00:00Z`).getUTCDay();
      if (!d.startsWith(`${year}-`) || (weekday !== 0 && weekday !== 6) || holidays.includes(d))
        problems.push({ field: `/workdays/${i}`, code: 'type.invalid' });
    });
    if (year < 2008 || year > 2100) problems.push({ field: '', code: 'type.invalid' });
    failIf(problems);
    const entry = { year, holidays, workdays, notice: notice!, source: 'office' as const };
    await calendar.put(entry);
    const state = { status: 'submitted' as const, receivedOn: null, dueDate: null, outcome: null, extension: null, consulting: false };
    await storage.appendAudit(
      null,
      { actor: actorOf(c.get('staff')), action: 'set-calendar', reason: `${year}: ${notice}` },
      null,
      state,
      now().toISOString(),
    );
    return c.json(entry);
  });

  return routes;
}

function readDecidedOn(json: Json, result: AppealResult, filedOn: string, today: string, problems: FieldProblem[]): string | null {
  if (json.decidedOn === undefined) return null;
  if (result === 'pending' || !isIsoDate(json.decidedOn) || json.decidedOn < filedOn || json.decidedOn > today) {
    problems.push({ field: '/decidedOn', code: 'type.invalid' });
    return null;
  }
  return json.decidedOn;
}

function readAppeal(body: unknown, submittedOn: string, today: string): Appeal {
  const json = objectWithKeys(body, ['kind', 'route', 'result', 'filedOn', 'decidedOn', 'note']);
  const problems: FieldProblem[] = [];
  const kind = json.kind as AppealKind;
  if (!APPEAL_KINDS.includes(kind)) problems.push({ field: '/kind', code: json.kind === undefined ? 'required' : 'choice.invalid' });
  const route = (json.route ?? null) as LitigationRoute | null;
  if (kind === 'litigation' && !LITIGATION_ROUTES.includes(route as LitigationRoute))
    problems.push({ field: '/route', code: route === null ? 'required' : 'choice.invalid' });
  if (kind === 'reconsideration' && route !== null) problems.push({ field: '/route', code: 'field.unknown' });
  const result = json.result as AppealResult;
  if (!APPEAL_RESULTS.includes(result))
    problems.push({ field: '/result', code: json.result === undefined ? 'required' : 'choice.invalid' });
  const filedOn = json.filedOn;
  if (!isIsoDate(filedOn) || filedOn < submittedOn || filedOn > today)
    problems.push({ field: '/filedOn', code: filedOn === undefined ? 'required' : 'type.invalid' });
  const decidedOn = readDecidedOn(json, result, isIsoDate(filedOn) ? filedOn : submittedOn, today, problems);
  const note = checkText(json, 'note', 500, problems) ?? null;
  failIf(problems);
  return { id: '', kind, route: kind === 'litigation' ? route : null, result, filedOn: filedOn as string, decidedOn, note };
}
