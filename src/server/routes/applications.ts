/** 依申请公开: submit, look up with the phone number, staff lifecycle steps, table 三. */
import { Hono, type Context } from 'hono';
import {
  APPLICATION_STATUSES,
  OUTCOME_IDS,
  type AdminApplicationPatch,
  type ApplicationReceipt,
  type ApplicationRequest,
  type ApplicationStatus,
  type ApplicationStatusView,
  type OutcomeId,
} from '../../api/types/application.js';
import { provisionalReplyDueDate, provisionalWorkingDaysBetween, todayInChina } from '../../core/calendar/index.js';
import { CLOCK_RUNNING_STATUSES, canTransition } from '../../core/lifecycle/index.js';
import { validateApplication } from '../../core/validate/index.js';
import { checkText, failIf, isIsoDate, objectWithKeys } from '../check.js';
import { newTrackingCode, normalizeCode, phoneDigits } from '../codes.js';
import type { ServerDeps } from '../deps.js';
import { answerCreate, bodyHash, idempotencyKey, readJson } from '../http.js';
import { ProblemError, type FieldProblem } from '../problem.js';
import { applicantColumn, requestsTable } from '../stats.js';
import type { ApplicationChange, ApplicationRecord, IdempotencyRequest } from '../storage/types.js';

const NOT_FOUND = 'No application with this tracking code and phone number.';

/**
 * Steps whose note is addressed to the applicant: what a 补正 must supply. Every other note is the office's
 * own working note and never leaves the staff side.
 */
const NOTES_FOR_THE_APPLICANT: readonly ApplicationStatus[] = ['supplement-requested'];

/** What the applicant (or, with `staff`, the office) sees: the clock's days left are worked out now, not stored. */
export function statusView(record: ApplicationRecord, today: string, audience: 'public' | 'staff' = 'staff'): ApplicationStatusView {
  const clockRuns = record.dueDate !== null && CLOCK_RUNNING_STATUSES.includes(record.status);
  // Recounted at every read, so a provisional deadline becomes exact once next year's holidays are added.
  const due = clockRuns ? provisionalReplyDueDate(record.clockStart, { extended: record.extended }) : undefined;
  const left = due ? provisionalWorkingDaysBetween(today, due.value) : undefined;
  return {
    trackingCode: record.trackingCode,
    status: record.status,
    timeline:
      audience === 'staff'
        ? record.timeline
        : record.timeline.map(({ note, ...entry }) => (note !== undefined && NOTES_FOR_THE_APPLICANT.includes(entry.status) ? { ...entry, note } : entry)),
    dueDate: due?.value ?? record.dueDate,
    workingDaysLeft: left?.value ?? null,
    ...(due?.provisional || left?.provisional ? { dueDateProvisional: true } : {}),
    ...(record.outcome ? { outcome: record.outcome } : {}),
  };
}

function readPatch(body: unknown): AdminApplicationPatch {
  const json = objectWithKeys(body, ['status', 'note', 'outcome', 'supplementReceivedOn']);
  const problems: FieldProblem[] = [];
  const status = json.status as ApplicationStatus;
  if (json.status === undefined) problems.push({ field: '/status', code: 'required' });
  else if (!APPLICATION_STATUSES.includes(status) || status === 'submitted') problems.push({ field: '/status', code: 'choice.invalid' });
  const note = checkText(json, 'note', 500, problems);
  if (json.outcome !== undefined && !OUTCOME_IDS.includes(json.outcome as OutcomeId)) problems.push({ field: '/outcome', code: 'choice.invalid' });
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

export function applicationRoutes(deps: ServerDeps): Hono {
  const { storage, now } = deps;
  const routes = new Hono();

  routes.post('/applications', async (c) => {
    const key = idempotencyKey(c);
    const body = await readJson(c);
    const idem: IdempotencyRequest = { scope: 'applications', key, hash: bodyHash(body) };
    const seen = await storage.findReplay(idem);
    if (seen) return answerCreate(c, seen);

    const receivedAt = now();
    const receivedOn = todayInChina(receivedAt);
    const result = validateApplication(body, { today: receivedOn });
    failIf(result.errors);
    const application = result.value as ApplicationRequest;
    const missing = await storage.missingAttachments(application.attachments);
    failIf(missing.map((id) => ({ field: `/attachments/${application.attachments.indexOf(id)}`, code: 'attachment.invalid' as const })));

    // Never refused for want of next year's holiday notice: past the known years the deadline is a flagged estimate.
    const { value: dueDate, provisional } = provisionalReplyDueDate(receivedOn);
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
      },
      { status: 201, body: receipt },
    );
    return answerCreate(c, outcome);
  });

  routes.get('/applications/stats', async (c) => {
    const year = c.req.query('year') ?? '';
    if (!/^\d{4}$/.test(year) || Number(year) < 2008) {
      throw new ProblemError('bad-request', 'Give the report year as ?year=YYYY (2008 or later).');
    }
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
    // One query for code and phone together: a wrong phone looks exactly like an unknown code.
    const code = normalizeCode(c.req.param('trackingCode')!);
    deps.lookups.check(c, code);
    const record = await storage.findApplication(code, phone);
    if (!record) {
      deps.lookups.failed(c, code);
      throw new ProblemError('not-found', NOT_FOUND);
    }
    deps.lookups.found(code);
    return c.json(statusView(record, todayInChina(now()), 'public'));
  }

  routes.patch('/admin/applications/:trackingCode', async (c) => {
    const patch = readPatch(await readJson(c));
    const at = now();
    const record = await storage.updateApplication(normalizeCode(c.req.param('trackingCode')), (current) => applyPatch(current, patch, at));
    if (!record) throw new ProblemError('not-found', 'No application with this tracking code.');
    return c.json(statusView(record, todayInChina(at)));
  });

  return routes;
}
