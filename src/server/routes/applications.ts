/** 依申请公开: submit, look up with the phone number, staff lifecycle steps, table 三. */
import { Hono, type Context } from 'hono';
import {
  APPLICATION_STATUSES,
  OUTCOME_IDS,
  type AdminApplicationPatch,
  type ApplicationReceipt,
  type ApplicationRequest,
  type ApplicationStatus,
  type OutcomeId,
} from '../../api/types/application.js';
import { provisionalReplyDueDate, todayInChina } from '../../core/calendar/index.js';
import type { ClockEvent } from '../../core/clock/index.js';
import { canTransition } from '../../core/lifecycle/index.js';
import { validateApplication } from '../../core/validate/index.js';
import { checkText, failIf, isIsoDate, objectWithKeys } from '../check.js';
import { newTrackingCode, normalizeCode, phoneDigits } from '../codes.js';
import type { ServerDeps } from '../deps.js';
import { answerCreate, bodyHash, idempotencyKey, readJson } from '../http.js';
import { localeOf, ProblemError, type FieldProblem } from '../problem.js';
import { caseEvents } from '../staff/actions.js';
import { publicView } from '../staff/case-view.js';
import { recordLapseOf, recordLapses } from '../staff/lapse.js';
import { applicantColumn, requestsTable } from '../stats.js';
import type { CaseChange, CaseRecord } from '../storage/case-types.js';
import type { ApplicationChange, ApplicationRecord, IdempotencyRequest } from '../storage/types.js';

const NOT_FOUND = 'No application with this tracking code and phone number.';

function readPatch(body: unknown): AdminApplicationPatch {
  const json = objectWithKeys(body, ['status', 'note', 'outcome', 'supplementReceivedOn']);
  const problems: FieldProblem[] = [];
  const status = json.status as ApplicationStatus;
  if (json.status === undefined) problems.push({ field: '/status', code: 'required' });
  else if (!APPLICATION_STATUSES.includes(status) || status === 'submitted') problems.push({ field: '/status', code: 'choice.invalid' });
  const note = checkText(json, 'note', 500, problems);
  if (json.outcome !== undefined && !OUTCOME_IDS.includes(json.outcome as OutcomeId))
    problems.push({ field: '/outcome', code: 'choice.invalid' });
  if (json.supplementReceivedOn !== undefined && !isIsoDate(json.supplementReceivedOn)) {
    problems.push({ field: '/supplementReceivedOn', code: 'type.invalid' });
  }
  failIf(problems);
  return {
    status: status as AdminApplicationPatch['status'],
    ...(note ? { note } : {}),
    ...(json.outcome !== undefined ? { outcome: json.outcome as OutcomeId } : {}),
    ...(json.supplementReceivedOn !== undefined ? { supplementReceivedOn: json.supplementReceivedOn as string } : {}),
  };
}

/**
 * One lifecycle step (条例 arts. 30, 33): 补正 stops the clock and its arrival
 * restarts it; an extension adds 20 working days once; answering needs an
 * outcome (a row of table 三).
 */
export function applyPatch(current: ApplicationRecord, patch: AdminApplicationPatch, now: Date): ApplicationChange {
  const to = patch.status;
  if (!canTransition(current.status, to)) {
    throw new ProblemError('illegal-transition', `An application that is ${current.status} cannot become ${to}.`);
  }
  const today = todayInChina(now);
  const problems: FieldProblem[] = [];
  if (to === 'answered' && !patch.outcome) problems.push({ field: '/outcome', code: 'required' });
  if (to !== 'answered' && patch.outcome) problems.push({ field: '/outcome', code: 'field.unknown' });
  const restarting = to === 'accepted' && current.status === 'supplement-requested';
  if (patch.supplementReceivedOn && !restarting) problems.push({ field: '/supplementReceivedOn', code: 'field.unknown' });
  if (patch.supplementReceivedOn && (patch.supplementReceivedOn < current.receivedOn || patch.supplementReceivedOn > today)) {
    problems.push({ field: '/supplementReceivedOn', code: 'type.invalid' });
  }
  failIf(problems);

  const change: ApplicationChange = {
    status: to,
    clockStart: current.clockStart,
    extended: current.extended,
    dueDate: current.dueDate,
    outcome: current.outcome,
    resolvedOn: current.resolvedOn,
    entry: { status: to, at: now.toISOString(), ...(patch.note ? { note: patch.note } : {}) },
  };
  if (restarting) {
    change.clockStart = patch.supplementReceivedOn ?? today;
    change.dueDate = provisionalReplyDueDate(change.clockStart).value;
  } else if (to === 'supplement-requested') {
    change.dueDate = null;
  } else if (to === 'extended') {
    change.extended = true;
    change.dueDate = provisionalReplyDueDate(current.clockStart, { extended: true }).value;
  } else if (to === 'answered' || to === 'withdrawn') {
    change.resolvedOn = today;
    if (to === 'answered') change.outcome = patch.outcome!;
  }
  return change;
}

/** The lifecycle change of an admin PATCH with the clock events that say the same, and its audit row. */
function adminChange(current: CaseRecord, change: ApplicationChange, note: string | null): CaseChange {
  const events: ClockEvent[] = [...caseEvents(current)];
  const today = change.entry.at ? todayInChina(new Date(change.entry.at)) : current.receivedOn;
  const received = () => {
    if (!events.some((e) => e.kind === 'received')) events.push({ kind: 'received', on: current.receivedOn });
  };
  let caseData = current.caseData;
  if (change.status === 'accepted' && current.status === 'submitted') received();
  if (change.status === 'supplement-requested') {
    received();
    events.push({ kind: 'supplement-requested', on: today, periodDays: 15 });
  }
  if (change.status === 'accepted' && current.status === 'supplement-requested')
    events.push({ kind: 'supplement-received', on: change.clockStart });
  if (change.status === 'extended') events.push({ kind: 'extension-approved', on: today, days: 20 });
  if (change.status === 'answered' || change.status === 'withdrawn') events.push({ kind: 'stopped', on: change.resolvedOn ?? today });
  caseData = { ...caseData, events };
  return {
    ...change,
    receivedOn: current.receivedOn,
    caseData,
    audit: { actor: { kind: 'admin-token' }, action: 'admin-patch', reason: note, at: change.entry.at },
  };
}

export function applicationRoutes(deps: ServerDeps): Hono {
  const { storage, now } = deps;
  const routes = new Hono();

  routes.post('/applications', async (c) => {
    const key = idempotencyKey(c);
    const body = await readJson(c);
    const idem: IdempotencyRequest = { scope: 'applications', key, hash: bodyHash(body) };
    const receivedAt = now();
    const receivedOn = todayInChina(receivedAt);
    let application: ApplicationRequest;
    try {
      const result = validateApplication(body, { today: receivedOn });
      failIf(result.errors);
      application = result.value as ApplicationRequest;
      const missing = await storage.missingAttachments(application.attachments);
      failIf(missing.map((id) => ({ field: `/attachments/${application.attachments.indexOf(id)}`, code: 'attachment.invalid' as const })));
    } catch (refusal) {
      // A key used before is answered as before (or 409), whatever the body would meet today. The creating
      // statement looks the key up itself, so only a refused body costs this extra read.
      const seen = await storage.findReplay(idem);
      if (seen) return answerCreate(c, seen);
      throw refusal;
    }

    // Never refused for want of next year's holiday notice: past the known years the deadline is a flagged estimate.
    const { value: dueDate, provisional } = deps.officeCalendar.replyDueDate(receivedOn);
    const trackingCode = newTrackingCode();
    const receipt: ApplicationReceipt = {
      trackingCode,
      status: 'submitted',
      receivedAt: receivedAt.toISOString(),
      dueDate,
      ...(provisional ? { dueDateProvisional: true } : {}),
      agency: application.agency,
    };
    const outcome = await storage.createApplication(
      idem,
      {
        trackingCode,
        phoneDigits: phoneDigits(application.applicant.phone),
        agency: application.agency,
        applicantColumn: applicantColumn(application.applicant),
        body: application,
        status: 'submitted',
        receivedAt: receipt.receivedAt,
        receivedOn,
        clockStart: receivedOn,
        extended: false,
        dueDate,
        outcome: null,
        resolvedOn: null,
        timeline: [{ status: 'submitted', at: receipt.receivedAt }],
        language: localeOf(c),
      },
      { status: 201, body: receipt },
      deps.planDeliveries,
    );
    return answerCreate(c, outcome);
  });

  routes.get('/applications/stats', async (c) => {
    const year = c.req.query('year') ?? '';
    if (!/^\d{4}$/.test(year) || Number(year) < 2008) {
      throw new ProblemError('bad-request', 'Give the report year as ?year=YYYY (2008 or later).');
    }
    await recordLapses(storage, now());
    const counts = await storage.countApplications(`${year}-01-01`, `${year}-12-31`);
    return c.json(requestsTable(Number(year), counts));
  });

  // The look-up sends the phone in a POST body, which access logs do not keep; GET ?phone= stays for existing pages.
  routes.post('/applications/:trackingCode/lookup', async (c) => {
    const json = objectWithKeys(await readJson(c), ['phone']);
    return lookUp(c, typeof json.phone === 'string' ? json.phone : '');
  });
  routes.get('/applications/:trackingCode', (c) => lookUp(c, c.req.query('phone') ?? ''));

  async function lookUp(c: Context, given: string) {
    c.header('Cache-Control', 'no-store');
    const phone = phoneDigits(given);
    if (!phone) throw new ProblemError('bad-request', 'Give the phone number of the application (POST …/lookup with {"phone": …}).');
    // A wrong phone looks exactly like an unknown code; failed look-ups are throttled per code and per address.
    const code = normalizeCode(c.req.param('trackingCode')!);
    deps.lookups.check(c, code);
    let record = await storage.findCase(code);
    if (record && (await recordLapseOf(storage, record, now()))) record = await storage.findCase(code);
    if (!record || record.phoneDigits !== phone) {
      deps.lookups.failed(c, code);
      throw new ProblemError('not-found', NOT_FOUND);
    }
    deps.lookups.found(code);
    return c.json(publicView(record, todayInChina(now())));
  }

  // Bootstrap and automation: the shared token, audited as such, through the same one-transaction change as the desk.
  routes.patch('/admin/applications/:trackingCode', async (c) => {
    const patch = readPatch(await readJson(c));
    const at = now();
    const result = await storage.changeCase(
      normalizeCode(c.req.param('trackingCode')),
      (current) => adminChange(current, applyPatch(current, patch, at), patch.note ?? null),
      // The answer goes to the office's automation: every note, as the desk shows them.
      (record) => publicView(record, todayInChina(at), 'staff'),
    );
    if (!result) throw new ProblemError('not-found', 'No application with this tracking code.');
    if (result.kind !== 'changed') throw new Error('an admin PATCH has no idempotency key');
    return c.json(result.response);
  });

  return routes;
}
