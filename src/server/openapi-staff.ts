/**
 * The staff API (`/staff/**`) and the applicant's case endpoints in the
 * OpenAPI document: schemas and paths, merged into openapi.ts in one block.
 * Types: src/api/types/staff.ts.
 */
import { APPLICATION_STATUSES, OUTCOME_IDS } from '../api/types/application.js';
import {
  APPEAL_KINDS,
  APPEAL_RESULTS,
  EXTENSION_MAX_DAYS,
  LITIGATION_ROUTES,
  STAFF_ACTIONS,
  STAFF_ROLES,
  SUPPLEMENT_PERIOD_MAX,
  SUPPLEMENT_TRIGGERS,
  type StaffAction,
} from '../api/types/staff.js';
import { ACTION_ROLES } from '../api/types/staff.js';
import {
  bool,
  date,
  instant,
  int,
  json,
  list,
  nullable,
  object,
  ok,
  pathParam,
  problemsOf,
  queryParam,
  ref,
  str,
  type Schema,
} from './openapi-schema.js';

const reason = str({ maxLength: 2000, description: 'note for the audit trail (staff only, never shown to the applicant)' });

const STATUS_TEXT: Record<number, string> = {
  400: 'Malformed request, or a required header or query parameter is missing',
  401: 'No valid staff session (sign in with POST /staff/session), or for sign-in: wrong name or password',
  403: 'The CSRF token is missing or wrong, or the role may not do this',
  404: 'Not found (for the applicant: unknown code and wrong phone alike)',
  409: 'Not allowed in the current state (detail says why), or Idempotency-Key reused with another body',
  413: 'Body too large',
  415: 'Unsupported media type',
  422: 'Validation failed: `errors[].field` points into the request body',
  429: 'Too many attempts (failed sign-ins, or failed look-ups of a code with a phone): see Retry-After',
  503: 'The holiday calendar does not cover the dates needed',
};

const problems = problemsOf(STATUS_TEXT);

const download = (type: string, description: string) => ({
  '200': {
    description: `${description}; Content-Disposition: attachment, X-Content-Type-Options: nosniff`,
    content: { [type]: { schema: str({ format: 'binary' }) } },
  },
});
const idempotencyKey = {
  name: 'Idempotency-Key',
  in: 'header',
  required: true,
  description:
    'Made once per attempt and reused on retry. Same key and body: the original answer (Idempotent-Replayed: true). Other body: 409.',
  schema: str({ minLength: 1, maxLength: 255 }),
};
const csrf = {
  name: 'X-CSRF-Token',
  in: 'header',
  required: true,
  description: 'the csrfToken of the session (every staff write)',
  schema: str(),
};
const code = pathParam('trackingCode', '申请编号, e.g. YS-7K3M9QX2PA');
const session = [{ staffSession: [] }];
const body = (schema: Schema) => ({ required: true, content: json(schema) });

const fileReceipt = object({ id: str(), name: str(), size: { type: 'integer', minimum: 1 }, type: str() });

export const staffSchemas: Record<string, Schema> = {
  StaffUser: object({ id: str(), name: str(), role: { enum: [...STAFF_ROLES] } }),
  StaffAccount: object({ id: str(), name: str(), role: { enum: [...STAFF_ROLES] }, disabled: bool, createdAt: instant }),
  SignInRequest: object({ name: str({ maxLength: 50 }), password: str({ maxLength: 200 }) }),
  StaffSession: object({ user: ref('StaffUser'), csrfToken: str(), expiresAt: instant }),
  NewStaffAccount: object(
    { name: str({ maxLength: 50 }), role: { enum: [...STAFF_ROLES] }, password: str({ minLength: 10, maxLength: 200 }) },
    ['name', 'role'],
  ),
  StaffAccountPatch: object({ role: { enum: [...STAFF_ROLES] }, disabled: bool, resetPassword: { const: true } }, []),
  StaffAccountAnswer: object({ account: ref('StaffAccount'), password: str({ description: 'only when generated: shown once' }) }, [
    'account',
  ]),
  FileReceipt: fileReceipt,
  ClockDay: object(
    {
      date,
      dayType: { enum: ['workday', 'weekend', 'holiday', 'make-up-workday'] },
      count: nullable({ type: 'integer', minimum: 1 }),
      pause: nullable({ enum: ['supplement', 'consultation'] }),
      marks: list({
        enum: [
          'received',
          'supplement-requested',
          'supplement-received',
          'supplement-due',
          'consultation-started',
          'consultation-ended',
          'consultation-due',
          'extension-approved',
          'due',
          'today',
          'stopped',
        ],
      }),
      provisional: { const: true },
    },
    ['date', 'dayType', 'count', 'pause', 'marks'],
  ),
  ClockView: object({
    state: { enum: ['not-received', 'running', 'paused-supplement', 'paused-consultation', 'stopped'] },
    receivedOn: nullable(date),
    countFrom: nullable(date),
    limit: { type: 'integer', minimum: 20, maximum: 40 },
    used: { type: 'integer', minimum: 0 },
    dueDate: nullable(date),
    workingDaysLeft: nullable(int),
    provisional: bool,
    supplementRequestBy: nullable(date),
    supplementDueDate: nullable(date),
    consultationDueDate: nullable(date),
    days: list(ref('ClockDay')),
  }),
  QueueItem: object({
    trackingCode: str(),
    status: { enum: [...APPLICATION_STATUSES] },
    applicantName: str({ description: 'a person’s name masked (张*), an organisation’s in full' }),
    applicantType: { enum: ['person', 'organization'] },
    subject: str(),
    submittedAt: instant,
    receivedOn: nullable(date),
    dueDate: nullable(date),
    workingDaysLeft: nullable(int),
    provisional: bool,
    clock: { enum: ['not-received', 'running', 'paused-supplement', 'paused-consultation', 'stopped'] },
    waiting: nullable({ enum: ['applicant-supplement', 'third-party', 'head-approval'] }),
  }),
  QueuePage: object({
    items: list(ref('QueueItem')),
    total: { type: 'integer', minimum: 0 },
    page: { type: 'integer', minimum: 1 },
    pageSize: { type: 'integer', minimum: 1, maximum: 100 },
    counts: object(Object.fromEntries(APPLICATION_STATUSES.map((s) => [s, { type: 'integer', minimum: 0 }]))),
    overdue: { type: 'integer', minimum: 0 },
    calendar: nullable(ref('CalendarNotice')),
  }),
  Actor: {
    oneOf: [
      object({ kind: { const: 'staff' }, id: str(), name: str(), role: { enum: [...STAFF_ROLES] } }),
      object({ kind: { const: 'applicant' } }),
      object({ kind: { const: 'system' } }),
      object({ kind: { const: 'admin-token' } }),
    ],
  },
  ExtensionState: object({
    requestedOn: date,
    requestedBy: str(),
    days: { type: 'integer', minimum: 1, maximum: EXTENSION_MAX_DAYS },
    reason: str(),
    decision: { enum: ['pending', 'approved', 'refused'] },
    decidedOn: nullable(date),
    decidedBy: nullable(str()),
  }),
  CaseState: object({
    status: { enum: [...APPLICATION_STATUSES] },
    receivedOn: nullable(date),
    dueDate: nullable(date),
    outcome: nullable({ enum: [...OUTCOME_IDS] }),
    extension: nullable(ref('ExtensionState')),
    consulting: bool,
  }),
  AuditEntry: object({
    id: int,
    at: instant,
    actor: ref('Actor'),
    action: str(),
    reason: nullable(str()),
    before: nullable(ref('CaseState')),
    after: ref('CaseState'),
  }),
  SupplementState: object({
    requestedOn: date,
    triggers: list({ enum: [...SUPPLEMENT_TRIGGERS] }),
    detail: str(),
    periodDays: { type: 'integer', minimum: 1, maximum: SUPPLEMENT_PERIOD_MAX },
    dueOn: date,
    receivedOn: nullable(date),
    text: nullable(str()),
    attachments: list(ref('FileReceipt')),
  }),
  ConsultationState: object({ party: str(), startedOn: date, dueOn: date, endedOn: nullable(date), reply: nullable(str()) }),
  AnswerLetter: object(
    Object.fromEntries(
      ['title', 'docNo', 'applicantName', 'facts', 'legalBasis', 'decision', 'remedies', 'issuer', 'date'].map((k) => [
        k,
        str({ minLength: 1, maxLength: 5000 }),
      ]),
    ),
    undefined,
    { description: '答复书: 标题、文号、申请人、申请事实、法律依据、处理决定、复议诉讼的权利和期限、答复主体、答复日期 (JS-NORM)' },
  ),
  CaseAnswer: object({
    outcome: { enum: [...OUTCOME_IDS] },
    answeredOn: date,
    letter: ref('AnswerLetter'),
    files: list(ref('FileReceipt')),
  }),
  Appeal: object({
    id: str(),
    kind: { enum: [...APPEAL_KINDS] },
    route: nullable({ enum: [...LITIGATION_ROUTES] }),
    result: { enum: [...APPEAL_RESULTS] },
    filedOn: date,
    decidedOn: nullable(date),
    note: nullable(str()),
  }),
  StaffCase: object({
    trackingCode: str(),
    status: { enum: [...APPLICATION_STATUSES] },
    agency: str(),
    applicant: { oneOf: [ref('PersonApplicant'), ref('OrganizationApplicant')] },
    request: { type: 'object' },
    delivery: { type: 'object' },
    attachments: list(ref('FileReceipt')),
    submittedAt: instant,
    clock: ref('ClockView'),
    waiting: nullable({ enum: ['applicant-supplement', 'third-party', 'head-approval'] }),
    actions: list({ enum: [...STAFF_ACTIONS] }, { description: 'the steps this user may take now' }),
    supplement: nullable(ref('SupplementState')),
    consultations: list(ref('ConsultationState')),
    extension: nullable(ref('ExtensionState')),
    answer: nullable(ref('CaseAnswer')),
    appeals: list(ref('Appeal')),
    timeline: list(ref('AuditEntry'), { description: 'the audit trail, oldest first' }),
  }),
  AnswerLetterDraftRequest: object({ outcome: { enum: [...OUTCOME_IDS] }, files: list(str({ maxLength: 200 }), { maxItems: 50 }) }, [
    'outcome',
  ]),
  AppealBody: object(
    {
      kind: { enum: [...APPEAL_KINDS] },
      route: { enum: [...LITIGATION_ROUTES], description: 'litigation only: 未经复议直接起诉 or 复议后起诉' },
      result: { enum: [...APPEAL_RESULTS] },
      filedOn: date,
      decidedOn: date,
      note: str({ maxLength: 500 }),
    },
    ['kind', 'result', 'filedOn'],
  ),
  AppealPatch: object({ result: { enum: [...APPEAL_RESULTS] }, decidedOn: date, note: str({ maxLength: 500 }) }, ['result']),
  AppealsTable: list(
    { type: 'integer', minimum: 0 },
    {
      minItems: 15,
      maxItems: 15,
      description:
        'Table 四: 行政复议 维持/纠正/其他/尚未审结/总计, 行政诉讼 未经复议直接起诉 (same five), 复议后起诉 (same five); by filedOn year',
    },
  ),
  CalendarNotice: object({ missingYear: int }),
  CalendarYear: object({ year: int, holidays: list(date), workdays: list(date), notice: str(), source: { enum: ['built-in', 'office'] } }),
  CalendarYearBody: object({
    holidays: list(date, { maxItems: 120 }),
    workdays: list(date, { maxItems: 120 }),
    notice: str({ minLength: 1, maxLength: 100 }),
  }),
  CalendarOverview: object({ years: list(ref('CalendarYear')), notice: nullable(ref('CalendarNotice')) }),
  SupplementNotice: object({ triggers: list({ enum: [...SUPPLEMENT_TRIGGERS] }), detail: str(), dueOn: date }),
  ApplicationDocuments: object({
    answerLetter: nullable(object({ name: str(), issuedOn: date })),
    files: list(ref('FileReceipt')),
  }),
  ApplicantProof: object({ phone: str() }),
  SupplementAnswer: object(
    { phone: str(), text: str({ maxLength: 2000 }), attachments: list(str(), { maxItems: 5, description: 'ids from POST /attachments' }) },
    ['phone'],
  ),
  WithdrawalRequest: object({ phone: str(), reason: str({ maxLength: 500 }) }, ['phone']),
};

/** The body of each step. */
const ACTION_BODIES: Record<StaffAction, { summary: string; schema: Schema }> = {
  accept: {
    summary: '受理: records receipt (art. 31: the day both sides confirmed, default today)',
    schema: object({ receivedOn: date, reason }, []),
  },
  'request-supplement': {
    summary: '补正: once, before acceptance, within 7 working days of receipt (art. 30); also records receipt',
    schema: object(
      {
        triggers: list({ enum: [...SUPPLEMENT_TRIGGERS] }),
        detail: str({ maxLength: 2000, description: 'what is missing, to the applicant' }),
        periodDays: { type: 'integer', minimum: 1, maximum: SUPPLEMENT_PERIOD_MAX, description: 'default 15' },
        receivedOn: date,
        reason,
      },
      ['triggers'],
    ),
  },
  'record-supplement': {
    summary: 'A 补正 received on paper: the clock restarts from that day',
    schema: object({ receivedOn: date, text: str({ maxLength: 2000 }), reason }, []),
  },
  consult: {
    summary: '征求第三方意见 (arts. 32–34): the count pauses from the next day',
    schema: object({ party: str({ maxLength: 200 }), startedOn: date, reason }, ['party']),
  },
  'record-consultation-reply': {
    summary: 'The third party’s reply (or that none came): the count runs again from the next day',
    schema: object({ reply: str({ maxLength: 2000 }), endedOn: date, reason }, ['reply']),
  },
  'request-extension': {
    summary: '延期: asked for once, at most 20 working days (art. 33); the head decides',
    schema: object({
      days: { type: 'integer', minimum: 1, maximum: EXTENSION_MAX_DAYS },
      reason: str({ maxLength: 2000, description: 'told to the applicant' }),
    }),
  },
  'decide-extension': {
    summary: 'The head approves or refuses the pending extension',
    schema: object({ approve: bool, reason }, ['approve']),
  },
  answer: {
    summary: '答复: the outcome row of table 三, the released files (ids from POST /staff/files) and the 答复书 as issued',
    schema: object(
      {
        outcome: { enum: OUTCOME_IDS.filter((id) => id !== '3.6.1') },
        files: list(str(), { maxItems: 50 }),
        letter: ref('AnswerLetter'),
        reason,
      },
      ['outcome'],
    ),
  },
  close: { summary: '办结', schema: object({ reason }, []) },
  abandon: {
    summary: '视为放弃 once the 补正 period has ended (the server also records it by itself on the next read)',
    schema: object({ reason }, []),
  },
};

const actionPaths = Object.fromEntries(
  STAFF_ACTIONS.map((action) => [
    `/staff/applications/{trackingCode}/${action}`,
    {
      post: {
        summary: `${ACTION_BODIES[action].summary}. Roles: ${ACTION_ROLES[action].join(', ')}`,
        security: session,
        parameters: [code, idempotencyKey, csrf],
        requestBody: body(ACTION_BODIES[action].schema),
        responses: { ...ok(ref('StaffCase'), 'The case after the step'), ...problems(400, 401, 403, 404, 409, 415, 422, 503) },
      },
    },
  ]),
);

export const staffPaths: Record<string, unknown> = {
  '/staff/session': {
    post: {
      summary:
        'Sign in: sets the HttpOnly, SameSite=Strict session cookie; locked for 15 min after 5 failures per account or 20 per address',
      requestBody: body(ref('SignInRequest')),
      responses: { ...ok(ref('StaffSession'), 'Signed in'), ...problems(401, 415, 422, 429) },
    },
    get: {
      summary: 'Who is signed in, with the CSRF token',
      security: session,
      responses: { ...ok(ref('StaffSession'), 'The session'), ...problems(401) },
    },
    delete: {
      summary: 'Sign out',
      security: session,
      parameters: [csrf],
      responses: { '204': { description: 'Signed out; the cookie is cleared' }, ...problems(401, 403) },
    },
  },
  '/staff/users': {
    get: {
      summary: 'Staff accounts (admin)',
      security: session,
      responses: { ...ok(list(ref('StaffAccount')), 'Every account'), ...problems(401, 403) },
    },
    post: {
      summary: 'Create an account (admin); a unique name makes a retry a 409, never a second account',
      security: session,
      parameters: [csrf],
      requestBody: body(ref('NewStaffAccount')),
      responses: { ...ok(ref('StaffAccountAnswer'), 'Created', '201'), ...problems(401, 403, 409, 415, 422) },
    },
  },
  '/staff/users/{id}': {
    patch: {
      summary: 'Change role, disable, or reset the password of an account (admin); ends its sessions',
      security: session,
      parameters: [pathParam('id', 'account id'), csrf],
      requestBody: body(ref('StaffAccountPatch')),
      responses: { ...ok(ref('StaffAccountAnswer'), 'The account'), ...problems(401, 403, 404, 409, 415, 422) },
    },
  },
  '/admin/staff-users': {
    post: {
      summary: 'Bootstrap: create a staff account with the shared admin token',
      security: [{ adminToken: [] }],
      requestBody: body(ref('NewStaffAccount')),
      responses: { ...ok(ref('StaffAccountAnswer'), 'Created', '201'), ...problems(401, 409, 415, 422) },
    },
  },
  '/staff/applications': {
    get: {
      summary: 'The queue (clerk, head, admin)',
      security: session,
      parameters: [
        queryParam('status', str(), 'one status or several, comma-separated'),
        queryParam('dueWithin', { type: 'integer', minimum: 0 }, 'open cases due within this many working days'),
        queryParam('overdue', { enum: ['1', 'true'] }, 'only open cases past their due date'),
        queryParam('q', str({ maxLength: 100 }), 'tracking code, applicant name, request title / 文号 / description'),
        queryParam('sort', { enum: ['urgency', 'received'] }, 'default urgency'),
        queryParam('page', { type: 'integer', minimum: 1 }, '1-based'),
        queryParam('pageSize', { type: 'integer', minimum: 1, maximum: 100 }, 'default 20'),
      ],
      responses: { ...ok(ref('QueuePage'), 'One page of the queue with counts'), ...problems(400, 401, 503) },
    },
  },
  '/staff/applications/{trackingCode}': {
    get: {
      summary: 'The whole case',
      security: session,
      parameters: [code],
      responses: { ...ok(ref('StaffCase'), 'The case'), ...problems(401, 404, 503) },
    },
  },
  ...actionPaths,
  '/staff/applications/{trackingCode}/files/{id}': {
    get: {
      summary: 'Download a file of the case: identity proof, supplement or released file (clerk, head)',
      security: session,
      parameters: [code, pathParam('id', 'file id')],
      responses: { ...download('application/octet-stream', 'The file'), ...problems(401, 403, 404) },
    },
  },
  '/staff/applications/{trackingCode}/answer-letter': {
    get: {
      summary: 'Download the issued 答复书 (clerk, head)',
      security: session,
      parameters: [code],
      responses: { ...download('text/plain', 'The letter as plain text (UTF-8)'), ...problems(401, 403, 404) },
    },
    post: {
      summary: 'The generated 答复书 draft for an outcome (no state change)',
      security: session,
      parameters: [code, csrf],
      requestBody: body(ref('AnswerLetterDraftRequest')),
      responses: { ...ok(ref('AnswerLetter'), 'The draft'), ...problems(401, 403, 404, 415, 422) },
    },
  },
  '/staff/applications/{trackingCode}/appeals': {
    post: {
      summary: 'Record a 行政复议 or 行政诉讼 on the case (clerk, head)',
      security: session,
      parameters: [code, idempotencyKey, csrf],
      requestBody: body(ref('AppealBody')),
      responses: { ...ok(ref('Appeal'), 'Recorded', '201'), ...problems(400, 401, 403, 404, 409, 415, 422) },
    },
  },
  '/staff/applications/{trackingCode}/appeals/{id}': {
    patch: {
      summary: 'The result of an appeal once decided (clerk, head)',
      security: session,
      parameters: [code, pathParam('id', 'appeal id'), csrf],
      requestBody: body(ref('AppealPatch')),
      responses: { ...ok(ref('Appeal'), 'The appeal'), ...problems(401, 403, 404, 415, 422) },
    },
  },
  '/staff/appeals/stats': {
    get: {
      summary: 'Table 四 of a year from the appeals recorded on cases',
      security: session,
      parameters: [queryParam('year', { type: 'integer', minimum: 2008 }, 'report year', true)],
      responses: { ...ok(ref('AppealsTable'), 'The 15 cells'), ...problems(400, 401) },
    },
  },
  '/staff/files': {
    post: {
      summary: 'Upload a released file (clerk, head): PDF, OFD, images, office documents, archives; at most 50 MB; sniffed',
      security: session,
      parameters: [idempotencyKey, csrf],
      requestBody: {
        required: true,
        content: {
          'multipart/form-data': { schema: { type: 'object', properties: { file: str({ format: 'binary' }) }, required: ['file'] } },
        },
      },
      responses: {
        ...ok(ref('FileReceipt'), 'Stored; name its id in the answer', '201'),
        ...problems(400, 401, 403, 409, 413, 415),
      },
    },
  },
  '/staff/calendar': {
    get: {
      summary: 'The working-day calendar, and the warning from 1 November',
      security: session,
      responses: { ...ok(ref('CalendarOverview'), 'Years'), ...problems(401) },
    },
  },
  '/staff/calendar/{year}': {
    put: {
      summary: 'Enter a year’s 放假调休 arrangement (admin): used at once by every deadline',
      security: session,
      parameters: [pathParam('year', 'YYYY'), csrf],
      requestBody: body(ref('CalendarYearBody')),
      responses: { ...ok(ref('CalendarYear'), 'Stored'), ...problems(401, 403, 415, 422) },
    },
  },
  '/applications/{trackingCode}/supplement': {
    post: {
      summary: 'The applicant answers a 补正 (text and files): the clock restarts on the day it arrives',
      parameters: [code, idempotencyKey],
      requestBody: body(ref('SupplementAnswer')),
      responses: { ...ok(ref('ApplicationStatusView'), 'The new status'), ...problems(400, 404, 409, 415, 422, 429) },
    },
  },
  '/applications/{trackingCode}/withdrawal': {
    post: {
      summary: 'The applicant withdraws (撤回) an open request',
      parameters: [code, idempotencyKey],
      requestBody: body(ref('WithdrawalRequest')),
      responses: { ...ok(ref('ApplicationStatusView'), 'Withdrawn'), ...problems(400, 404, 409, 415, 422, 429) },
    },
  },
  '/applications/{trackingCode}/answer-letter': {
    post: {
      summary: 'Download the 答复书 (phone in the body)',
      parameters: [code],
      requestBody: body(ref('ApplicantProof')),
      responses: { ...download('text/plain', 'The letter as plain text (UTF-8)'), ...problems(404, 415, 422, 429) },
    },
  },
  '/applications/{trackingCode}/files/{id}': {
    post: {
      summary: 'Download a released file (phone in the body)',
      parameters: [code, pathParam('id', 'file id')],
      requestBody: body(ref('ApplicantProof')),
      responses: { ...download('application/octet-stream', 'The file'), ...problems(404, 415, 422, 429) },
    },
  },
};

export const staffSecuritySchemes = {
  staffSession: { type: 'apiKey', in: 'cookie', name: 'zwgk_staff', description: 'HttpOnly, SameSite=Strict; from POST /staff/session' },
};
