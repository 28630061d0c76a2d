/**
 * The backend contract as OpenAPI 3.1, written by hand to say exactly what
 * this server does. Served at `{api-base}/openapi.json`; a test checks real
 * responses against these schemas, so the two cannot drift apart silently.
 */
import { APPLICATION_STATUSES, DELIVERY_FORMATS, DELIVERY_METHODS, ID_TYPES, ORG_TYPES, OUTCOME_IDS } from '../api/types/application.js';
import { FEEDBACK_CATEGORIES, FEEDBACK_RATINGS, FEEDBACK_STATUSES } from '../api/types/feedback.js';
import { CHANNELS, DELIVERY_STATES } from './notify/store.js';
import { EVENT_TYPES } from './notify/events.js';
import { APPLICATION_LIMITS } from '../core/validate/application.js';
import { FEEDBACK_LIMITS } from '../core/validate/feedback.js';
import { PUBLIC_CACHE_CONTROL, REVALIDATE_CACHE_CONTROL } from './cached-json.js';
import { staffPaths, staffSchemas, staffSecuritySchemes } from './openapi-staff.js';
import type { Schema } from './openapi-schema.js';
import { date, instant, int, json, nullable, object, ok, pathParam, problemsOf, queryParam, ref, str } from './openapi-schema.js';

const PROBLEM_STATUSES: Record<number, string> = {
  400: 'Malformed request, or a required header or query parameter is missing',
  401: 'Missing or wrong admin token',
  403: 'Forbidden (origin not allowed, or the spam-protection proof failed or was used before)',
  404: 'Not found (for lookups: unknown code and wrong phone or contact alike)',
  409: 'Conflict: Idempotency-Key reused with another body, or a step not allowed in the current state',
  412: 'If-Match names an older revision: someone saved in between; reload first',
  413: 'Body too large',
  415: 'Unsupported media type (for uploads: the content is not PDF, JPEG or PNG)',
  422: 'Validation failed: `errors[].field` points into the request body',
  428: 'If-Match is required on this write',
  429: 'Too many creating requests, failed look-ups or wrong tokens from this address (or for this code): see Retry-After',
  503: 'The holiday calendar does not cover the dates needed, or the server holds as many pending uploads as it may',
};

const problems = problemsOf(PROBLEM_STATUSES);

const idempotencyKey = {
  name: 'Idempotency-Key',
  in: 'header',
  required: true,
  description: 'Made once per submission attempt (a UUID) and reused on retry. Same key and body: the original response. Other body: 409.',
  schema: str({ minLength: 1, maxLength: 255 }),
};

const created = (schema: string, description: string) => ({
  description,
  headers: {
    'Idempotent-Replayed': {
      description: '`true` when this is the stored response of an earlier request with the same key',
      schema: str(),
    },
  },
  content: json(ref(schema)),
});

/**
 * A public answer a portal's cache or a CDN can keep: an ETag and Cache-Control on the 200, and a 304 without a body
 * when If-None-Match names the answer's ETag.
 */
const cacheable = (schema: Schema, description: string, cacheControl: string) => {
  const etag = { description: 'of the answer’s bytes (weak when the answer went gzipped through a middleware)', schema: str() };
  return {
    '200': {
      description,
      headers: { ETag: etag, 'Cache-Control': { description: `\`${cacheControl}\``, schema: str() } },
      content: json(schema),
    },
    '304': { description: 'Not modified: If-None-Match names this answer’s ETag', headers: { ETag: etag } },
  };
};

const requestRow: Schema = {
  type: 'array',
  description: '自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计',
  items: { type: 'integer', minimum: 0 },
  minItems: 7,
  maxItems: 7,
};

const facet: Schema = { type: 'array', items: object({ value: str(), count: { type: 'integer', minimum: 0 } }) };

const schemas: Record<string, Schema> = {
  Problem: object(
    {
      type: str(),
      title: str(),
      status: int,
      detail: str(),
      instance: str(),
      errors: {
        type: 'array',
        items: object({ field: str({ description: 'JSON pointer into the request body' }), message: str(), code: str() }, [
          'field',
          'message',
        ]),
      },
    },
    ['type', 'title', 'status'],
  ),
  PersonApplicant: object(
    {
      type: { const: 'person' },
      name: str({ maxLength: APPLICATION_LIMITS.personName }),
      idType: { enum: [...ID_TYPES] },
      idNumber: str(),
      phone: str(),
      email: str(),
      address: str({ maxLength: APPLICATION_LIMITS.address }),
      postcode: str({ pattern: '^\\d{6}$' }),
      workUnit: str({ maxLength: APPLICATION_LIMITS.workUnit }),
    },
    ['type', 'name', 'idType', 'idNumber', 'phone'],
  ),
  OrganizationApplicant: object(
    {
      type: { const: 'organization' },
      orgType: { enum: [...ORG_TYPES] },
      name: str({ maxLength: APPLICATION_LIMITS.orgName }),
      creditCode: str({ description: '统一社会信用代码 (GB 32100)' }),
      legalRepresentative: str({ maxLength: APPLICATION_LIMITS.legalRepresentative }),
      contactName: str({ maxLength: APPLICATION_LIMITS.contactName }),
      phone: str(),
      email: str(),
      address: str({ maxLength: APPLICATION_LIMITS.address }),
      postcode: str({ pattern: '^\\d{6}$' }),
    },
    ['type', 'orgType', 'name', 'creditCode', 'legalRepresentative', 'contactName', 'phone'],
  ),
  ApplicationRequest: object({
    agency: str({ maxLength: APPLICATION_LIMITS.agency }),
    applicant: { oneOf: [ref('PersonApplicant'), ref('OrganizationApplicant')] },
    request: object(
      {
        title: str({ maxLength: APPLICATION_LIMITS.title }),
        docNo: str({ maxLength: APPLICATION_LIMITS.docNo }),
        description: str({ maxLength: APPLICATION_LIMITS.description }),
        purpose: str({ maxLength: APPLICATION_LIMITS.purpose }),
      },
      [],
      { description: 'At least one of title, docNo or description (条例 art. 29(二))' },
    ),
    delivery: object(
      {
        formats: { type: 'array', items: { enum: [...DELIVERY_FORMATS] }, minItems: 1 },
        methods: { type: 'array', items: { enum: [...DELIVERY_METHODS] }, minItems: 1 },
        email: str(),
        address: str(),
        postcode: str(),
      },
      ['formats', 'methods'],
    ),
    attachments: { type: 'array', items: str(), maxItems: APPLICATION_LIMITS.attachments, description: 'ids from POST /attachments' },
  }),
  ApplicationReceipt: object(
    {
      trackingCode: str({ pattern: '^YS-[2-9A-HJ-NP-Z]{10}$' }),
      status: { const: 'submitted' },
      receivedAt: instant,
      dueDate: date,
      dueDateProvisional: {
        type: 'boolean',
        description:
          'true when the deadline runs into a year whose holidays are not published yet (counted Monday–Friday there): an estimate',
      },
      agency: str(),
    },
    ['trackingCode', 'status', 'receivedAt', 'dueDate', 'agency'],
  ),
  TimelineEntry: object(
    {
      status: { enum: [...APPLICATION_STATUSES] },
      at: instant,
      note: str({ description: 'to the applicant only what a 补正 must supply; the office’s other notes are internal' }),
    },
    ['status', 'at'],
  ),
  ApplicationStatusView: object(
    {
      trackingCode: str(),
      status: { enum: [...APPLICATION_STATUSES] },
      timeline: { type: 'array', items: ref('TimelineEntry'), minItems: 1 },
      dueDate: { ...nullable(date), description: 'null while waiting for a 补正' },
      workingDaysLeft: { ...nullable(int), description: 'null when no clock runs; negative when overdue' },
      dueDateProvisional: {
        type: 'boolean',
        description: 'true when dueDate and workingDaysLeft count a year whose holidays are not published yet',
      },
      outcome: { enum: [...OUTCOME_IDS], description: 'row id of table 三, once answered' },
      supplement: { ...ref('SupplementNotice'), description: 'while 需补正: what to send and by when' },
      documents: { ...ref('ApplicationDocuments'), description: 'once answered: the 答复书 and released files' },
    },
    ['trackingCode', 'status', 'timeline', 'dueDate', 'workingDaysLeft'],
  ),
  AdminApplicationPatch: object(
    {
      status: { enum: APPLICATION_STATUSES.filter((s) => s !== 'submitted') },
      note: str({ maxLength: 500 }),
      outcome: { enum: [...OUTCOME_IDS], description: 'required with answered, refused otherwise' },
      supplementReceivedOn: { ...date, description: 'with supplement-requested → accepted: the day the 补正 arrived (default today)' },
    },
    ['status'],
  ),
  RequestsTable: {
    type: 'object',
    description:
      'Table 三 (`requests` of the annual report document): row id → 7 columns. 2021 format from 2021 on, 2019 format (row 3.6) before.',
    required: ['1', '2', '3.1', '3.2', '3.7', '4'],
    propertyNames: { enum: ['1', '2', ...OUTCOME_IDS, '3.6', '3.7', '4'] },
    additionalProperties: requestRow,
  },
  AttachmentReceipt: object({
    id: str(),
    name: str(),
    size: { type: 'integer', minimum: 1 },
    type: { enum: ['application/pdf', 'image/jpeg', 'image/png'] },
  }),
  AltchaChallenge: {
    type: 'object',
    description: 'An ALTCHA v2 challenge (altcha-lib createChallenge)',
    required: ['parameters', 'signature'],
    properties: {
      parameters: { type: 'object', required: ['algorithm', 'nonce', 'salt', 'cost', 'keyPrefix', 'expiresAt'] },
      signature: str(),
    },
  },
  FeedbackRequest: object(
    {
      category: { enum: [...FEEDBACK_CATEGORIES] },
      subject: str({ maxLength: FEEDBACK_LIMITS.subject }),
      message: str({ maxLength: FEEDBACK_LIMITS.message }),
      name: str({ maxLength: FEEDBACK_LIMITS.name }),
      phone: str(),
      email: str(),
      publish: { type: 'boolean' },
      proof: str({
        maxLength: FEEDBACK_LIMITS.proof,
        description: 'the ALTCHA payload (base64) of a challenge from GET /feedback/challenge; each proof counts once',
      }),
    },
    ['category', 'subject', 'message', 'name', 'publish', 'proof'],
    { description: 'At least one of phone or email' },
  ),
  FeedbackReceipt: object({ queryCode: str({ pattern: '^[2-9A-HJ-NP-Z]{10}$' }), status: { const: 'received' } }),
  FeedbackLetterView: object(
    {
      queryCode: str(),
      category: { enum: [...FEEDBACK_CATEGORIES] },
      subject: str(),
      message: str(),
      status: { enum: [...FEEDBACK_STATUSES] },
      publish: { type: 'boolean' },
      receivedOn: date,
      reply: object({ text: str(), department: str(), repliedOn: date }),
      rating: { enum: [...FEEDBACK_RATINGS] },
    },
    ['queryCode', 'category', 'subject', 'message', 'status', 'publish', 'receivedOn'],
  ),
  FeedbackRatingRequest: object({
    rating: { enum: [...FEEDBACK_RATINGS] },
    contact: str({ description: 'the phone number or e-mail address of the letter, as for the look-up' }),
  }),
  FeedbackRatingResult: object({ queryCode: str(), rating: { enum: [...FEEDBACK_RATINGS] } }),
  AdminFeedbackPatch: object(
    {
      status: { enum: [...FEEDBACK_STATUSES] },
      reply: str({ maxLength: 5000 }),
      replyDepartment: str({ maxLength: 100 }),
      publish: { type: 'boolean', description: 'false withholds a letter from the public list; true only when the writer agreed' },
    },
    [],
  ),
  PublishedLetter: object(
    {
      id: str(),
      category: { enum: [...FEEDBACK_CATEGORIES] },
      subject: str(),
      message: str(),
      reply: str(),
      receivedOn: date,
      repliedOn: date,
      replyDepartment: str(),
    },
    undefined,
    { description: 'Never carries the name, phone or e-mail of the writer' },
  ),
  PublishedLettersPage: object({
    items: { type: 'array', items: ref('PublishedLetter') },
    total: { type: 'integer', minimum: 0 },
    page: { type: 'integer', minimum: 1 },
    pageSize: { type: 'integer', minimum: 1, maximum: 50 },
    stats: object({
      received: { type: 'integer', minimum: 0 },
      replied: { type: 'integer', minimum: 0 },
      medianWorkingDaysToReply: nullable({ type: 'number' }),
    }),
  }),
  DisclosureItem: object(
    {
      id: str(),
      indexNo: str(),
      title: str(),
      url: str(),
      docNo: str(),
      publisher: str(),
      category: str(),
      publishedAt: date,
      writtenAt: date,
      keywords: { type: 'array', items: str() },
      validity: { enum: ['有效', '失效', '废止'] },
      summary: str(),
    },
    ['id', 'indexNo', 'title', 'url', 'publisher', 'category', 'publishedAt'],
  ),
  DirectoryPage: object({
    items: { type: 'array', items: ref('DisclosureItem') },
    total: { type: 'integer', minimum: 0 },
    page: { type: 'integer', minimum: 1 },
    pageSize: { type: 'integer', minimum: 1, maximum: 100 },
    facets: object({ category: facet, publisher: facet, year: facet, validity: facet }),
  }),
  ReportListItem: object({ agency: str(), year: int, format: { enum: ['2019', '2021'] }, href: str() }),
  AnnualReport: {
    type: 'object',
    description: 'The annual report document (annual-report-schema.md)',
    required: ['format', 'agency', 'year', 'sections', 'proactive', 'requests', 'reviews'],
    properties: {
      format: { enum: ['2019', '2021'] },
      agency: str(),
      year: int,
      title: str(),
      publishedAt: date,
      sections: { type: 'object', required: ['overview', 'problems'] },
      proactive: { type: 'object' },
      requests: { type: 'object' },
      reviews: { type: 'object' },
    },
  },
  ContactInfo: object(
    {
      agency: str(),
      department: str(),
      contact: str(),
      phone: str(),
      fax: str(),
      email: str(),
      address: str(),
      postcode: str(),
      hours: str(),
      website: str(),
      mapHref: str(),
    },
    ['agency'],
  ),
};

// ---- Annual report authoring (年度报告编制): staff drafts, review, publishing, corrections; public history ----

const staffRef: Schema = object({ id: str(), name: str() });
const reportSchemas: Record<string, Schema> = {
  PrefillSource: object({
    origin: { enum: ['applications', 'previous-report', 'directory', 'cases'] },
    value: nullable({ type: 'number' }),
    detail: object({ 'zh-CN': str(), en: str() }),
  }),
  ReportVersion: object({
    year: int,
    version: { type: 'integer', minimum: 1 },
    status: { enum: ['draft', 'review', 'published'] },
    revision: { type: 'integer', minimum: 1 },
    document: ref('AnnualReport'),
    sources: {
      type: 'object',
      description: 'Prefilled cells by `${table}|${row}|${column}` (e.g. `三|3.1|0`)',
      additionalProperties: ref('PrefillSource'),
    },
    note: nullable(str({ description: 'what a correction corrects' })),
    returnNote: nullable(str({ description: 'why a head sent it back from review' })),
    createdAt: instant,
    createdBy: staffRef,
    updatedAt: instant,
    updatedBy: staffRef,
    submittedAt: nullable(instant),
    submittedBy: nullable(staffRef),
    publishedAt: nullable(instant),
    publishedBy: nullable(staffRef),
  }),
  StaffReportYear: object({
    year: int,
    format: { enum: ['2019', '2021'] },
    versions: { type: 'array', items: ref('ReportVersion'), description: 'newest first' },
    previous: nullable(ref('AnnualReport')),
  }),
  PublishedVersion: object({ version: int, publishedAt: nullable(date), note: nullable(str()), href: str() }),
};

const yearParam = pathParam('year', 'report year (2019 to this year)');
const versionParam = pathParam('version', 'version number, 1 for the first');
const ifMatch = {
  name: 'If-Match',
  in: 'header',
  required: true,
  description: 'the ETag last read, `"{version}.{revision}"`',
  schema: str(),
};
const versionAnswer = (description: string) => ({
  description,
  headers: { ETag: { description: '`"{version}.{revision}"`: send it as If-Match on the next write', schema: str() } },
  content: json(ref('ReportVersion')),
});
const staffSession = 'Needs a signed-in staff session (and the CSRF header on writes).';

const reportAuthoringPaths = {
  '/staff/reports/{year}': {
    get: {
      summary: 'Staff: every version of the year’s report, and last year’s published report (for R6)',
      description: staffSession,
      parameters: [yearParam],
      responses: { ...ok(ref('StaffReportYear'), 'The year'), ...problems(401, 404) },
    },
  },
  '/staff/reports/{year}/draft': {
    post: {
      summary: 'Staff (clerk, head): start the year’s report, prefilled from the system of record',
      description: `${staffSession} Table 三 as \`/applications/stats\`; 二、上年结转 from last year’s published 四; table 二 (一) from the directory; table 四 from appeals recorded on cases when the desk records them. Each filled cell is in \`sources\`.`,
      parameters: [yearParam],
      responses: { '201': versionAnswer('Version 1, a draft'), ...problems(401, 403, 404, 409) },
    },
  },
  '/staff/reports/{year}/corrections': {
    post: {
      summary: 'Staff (clerk, head): start a correction of the published report, as the next version',
      description: staffSession,
      parameters: [yearParam],
      requestBody: { required: true, content: json(object({ note: str({ maxLength: 1000, description: 'what it corrects' }) })) },
      responses: {
        '201': versionAnswer('The next version, a draft copied from the published one'),
        ...problems(401, 403, 404, 409, 415, 422),
      },
    },
  },
  '/staff/reports/{year}/versions/{version}': {
    put: {
      summary: 'Staff (clerk, head): save the draft (autosave)',
      description: `${staffSession} Refused once submitted or published (409) and when someone saved in between (412).`,
      parameters: [yearParam, versionParam, ifMatch],
      requestBody: { required: true, content: json(object({ document: ref('AnnualReport') })) },
      responses: { '200': versionAnswer('Saved'), ...problems(401, 403, 404, 409, 412, 413, 415, 422, 428) },
    },
  },
  '/staff/reports/{year}/versions/{version}/submit': {
    post: {
      summary: 'Staff (clerk, head): submit the draft for review (审核)',
      description: staffSession,
      parameters: [yearParam, versionParam, ifMatch],
      responses: { '200': versionAnswer('In review'), ...problems(401, 403, 404, 409, 412, 428) },
    },
  },
  '/staff/reports/{year}/versions/{version}/return': {
    post: {
      summary: 'Staff (head): send the version back to draft with a reason',
      description: staffSession,
      parameters: [yearParam, versionParam, ifMatch],
      requestBody: { required: true, content: json(object({ note: str({ maxLength: 1000 }) })) },
      responses: { '200': versionAnswer('Back in draft'), ...problems(401, 403, 404, 409, 412, 415, 422, 428) },
    },
  },
  '/staff/reports/{year}/versions/{version}/publish': {
    post: {
      summary: 'Staff (head): 审核通过并发布 — the version becomes immutable and is served at /reports/{year}',
      description: `${staffSession} Refused (422) while the report breaks R1–R5 or its schema.`,
      parameters: [yearParam, versionParam, ifMatch],
      responses: { '200': versionAnswer('Published'), ...problems(401, 403, 404, 409, 412, 422, 428) },
    },
  },
  '/reports/{year}/versions': {
    get: {
      summary: 'The published versions of a year’s report, newest first, with each correction’s note',
      parameters: [yearParam],
      responses: {
        ...cacheable({ type: 'array', items: ref('PublishedVersion') }, 'The history', REVALIDATE_CACHE_CONTROL),
        ...problems(404),
      },
    },
  },
  '/reports/{year}/versions/{version}': {
    get: {
      summary: 'One published version of a year’s report',
      parameters: [yearParam, versionParam],
      responses: {
        ...cacheable(ref('AnnualReport'), 'The report as that version published it', REVALIDATE_CACHE_CONTROL),
        ...problems(404),
      },
    },
  },
};

const codeParam = pathParam('trackingCode', '申请编号, e.g. YS-7K3M9QX2PA');
const queryCodeParam = pathParam('queryCode', '查询码 (10 characters)');
const admin = [{ adminToken: [] }];

// Notifications (src/server/notify): the deliveries of a case, and retrying a dead letter.
schemas.Delivery = object({
  id: str({ description: 'stable delivery id: the Zwgk-Delivery header and Message-ID, the same over retries' }),
  eventId: str(),
  eventType: str({ enum: [...EVENT_TYPES] }),
  caseId: str({ description: 'tracking code, query code or DIGEST-<date>' }),
  channel: str({ enum: [...CHANNELS] }),
  recipient: str({ description: 'e-mail address, mobile number, or webhook URL without its query' }),
  kind: str({ description: 'the message: application-received, application-supplement … or the event type for webhooks' }),
  state: str({ enum: [...DELIVERY_STATES], description: 'waiting-for-configuration: no SMTP configured yet; dead: attempts used up' }),
  attempts: { type: 'integer', minimum: 0 },
  nextAttemptAt: nullable(instant),
  lastError: nullable(str()),
  deliveredAt: nullable(instant),
  createdAt: instant,
});
schemas.DeliveriesPage = object({
  items: { type: 'array', items: ref('Delivery') },
  counts: { type: 'object', description: 'deliveries per state, over all cases', additionalProperties: { type: 'integer', minimum: 0 } },
});
const notificationPaths = {
  '/admin/deliveries': {
    get: {
      summary: 'Staff: notification deliveries (mail, webhook, SMS) of a case, or in a state, newest first',
      security: admin,
      parameters: [
        queryParam('case', str(), 'tracking code or query code'),
        queryParam('state', str({ enum: [...DELIVERY_STATES] }), 'only deliveries in this state (dead: the dead letters)'),
      ],
      responses: { ...ok(ref('DeliveriesPage'), 'Up to 200 deliveries'), ...problems(400, 401) },
    },
  },
  '/admin/deliveries/{id}/retry': {
    post: {
      summary: 'Admin: send a dead letter again (its attempts counted afresh)',
      security: admin,
      parameters: [pathParam('id', 'delivery id')],
      responses: { ...ok(ref('Delivery'), 'The delivery, pending again'), ...problems(401, 404, 409) },
    },
  },
  '/staff/applications/{trackingCode}/deliveries': {
    get: {
      summary: 'Staff (any role): the notification deliveries of a case, newest first',
      security: [{ staffSession: [] }],
      parameters: [codeParam, queryParam('state', str({ enum: [...DELIVERY_STATES] }), 'only deliveries in this state')],
      responses: { ...ok(ref('DeliveriesPage'), 'Up to 200 deliveries'), ...problems(400, 401) },
    },
  },
  '/staff/deliveries': {
    get: {
      summary: 'Staff (any role): deliveries of every case, e.g. ?state=dead for the dead letters',
      security: [{ staffSession: [] }],
      parameters: [
        queryParam('case', str(), 'tracking code or query code'),
        queryParam('state', str({ enum: [...DELIVERY_STATES] }), 'only this state'),
      ],
      responses: { ...ok(ref('DeliveriesPage'), 'Up to 200 deliveries'), ...problems(400, 401) },
    },
  },
  '/staff/deliveries/{id}/retry': {
    post: {
      summary: 'Staff (admin role; X-CSRF-Token): send a dead letter again',
      security: [{ staffSession: [] }],
      parameters: [pathParam('id', 'delivery id')],
      responses: { ...ok(ref('Delivery'), 'The delivery, pending again'), ...problems(401, 403, 404, 409) },
    },
  },
};

export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'zwgk-kit backend contract',
    version: '0.1.0',
    description:
      'What the zwgk-kit elements expect behind `{api-base}`. Errors are RFC 9457 problem+json; every creating POST needs an Idempotency-Key; CORS is an allow-list for writes.',
  },
  servers: [{ url: '/api' }],
  paths: {
    '/disclosures': {
      get: {
        summary: 'Search the disclosure directory (政府信息公开目录)',
        parameters: [
          queryParam('q', str(), 'search text; every whitespace-separated term must match'),
          queryParam('category', str(), '主题分类, exact'),
          queryParam('publisher', str(), '发布机构, exact'),
          queryParam('year', int, 'year of 发布日期'),
          queryParam('validity', { enum: ['有效', '失效', '废止'] }, '有效性'),
          queryParam('sort', { enum: ['newest', 'oldest', 'relevance', 'title'] }, 'order'),
          queryParam('page', { type: 'integer', minimum: 1 }, '1-based page'),
          queryParam('pageSize', { type: 'integer', minimum: 1, maximum: 100 }, 'default 20'),
        ],
        responses: { ...cacheable(ref('DirectoryPage'), 'One page of results with facets', PUBLIC_CACHE_CONTROL) },
      },
    },
    '/disclosures/{id}': {
      get: {
        summary: 'One document of the directory',
        parameters: [pathParam('id', 'document id')],
        responses: { ...cacheable(ref('DisclosureItem'), 'The document', PUBLIC_CACHE_CONTROL), ...problems(404) },
      },
    },
    '/applications': {
      post: {
        summary: 'Submit a 政府信息公开申请',
        parameters: [idempotencyKey],
        requestBody: { required: true, content: json(ref('ApplicationRequest')) },
        responses: {
          '201': created('ApplicationReceipt', 'Received; keep the tracking code'),
          ...problems(400, 403, 409, 413, 415, 422, 429, 503),
        },
      },
    },
    '/applications/stats': {
      get: {
        summary: 'Table 三 of the annual report, computed from the stored applications',
        parameters: [queryParam('year', { type: 'integer', minimum: 2008 }, 'report year', true)],
        responses: { ...ok(ref('RequestsTable'), 'The `requests` table'), ...problems(400) },
      },
    },
    '/applications/{trackingCode}/lookup': {
      post: {
        summary: 'Status of an application, the phone number in the body (kept out of URLs and access logs)',
        parameters: [codeParam],
        requestBody: {
          required: true,
          content: json({
            type: 'object',
            properties: { phone: str({ description: 'the applicant’s phone number' }) },
            required: ['phone'],
            additionalProperties: false,
          }),
        },
        responses: {
          ...ok(ref('ApplicationStatusView'), 'Status, timeline and deadline'),
          ...problems(400, 404, 415, 422, 429),
        },
      },
    },
    '/applications/{trackingCode}': {
      get: {
        summary: 'Status of an application (needs its phone number). Deprecated: the phone lands in access logs; POST …/lookup',
        deprecated: true,
        parameters: [codeParam, queryParam('phone', str(), 'the applicant’s phone number', true)],
        responses: {
          ...ok(ref('ApplicationStatusView'), 'Status, timeline and deadline'),
          ...problems(400, 404, 429),
        },
      },
    },
    '/attachments': {
      post: {
        summary: 'Upload one file (PDF, JPEG or PNG, at most 10 MB), judged by its content',
        parameters: [idempotencyKey],
        requestBody: {
          required: true,
          content: {
            'multipart/form-data': { schema: { type: 'object', properties: { file: str({ format: 'binary' }) }, required: ['file'] } },
          },
        },
        responses: {
          '201': created('AttachmentReceipt', 'Stored; send its id in an application'),
          ...problems(400, 403, 409, 413, 415, 429, 503),
        },
      },
    },
    '/feedback/challenge': {
      get: {
        summary: 'A proof-of-work challenge (ALTCHA) for the next letter',
        responses: {
          ...ok(ref('AltchaChallenge'), 'Solve it in the browser and send the payload as `proof`'),
        },
      },
    },
    '/feedback': {
      get: {
        summary: 'Published letters with their replies (no names, phones or e-mail addresses)',
        parameters: [
          queryParam('page', { type: 'integer', minimum: 1 }, '1-based page'),
          queryParam('pageSize', { type: 'integer', minimum: 1, maximum: 50 }, 'default 10'),
        ],
        responses: { ...ok(ref('PublishedLettersPage'), 'A page of letters and aggregate figures') },
      },
      post: {
        summary: 'Send a letter to the 意见箱',
        parameters: [idempotencyKey],
        requestBody: { required: true, content: json(ref('FeedbackRequest')) },
        responses: { '201': created('FeedbackReceipt', 'Received; keep the query code'), ...problems(400, 403, 409, 413, 415, 422, 429) },
      },
    },
    '/feedback/{queryCode}/lookup': {
      post: {
        summary: 'The writer’s own letter, its status and reply, the phone or e-mail given in the body (kept out of URLs and logs)',
        parameters: [queryCodeParam],
        requestBody: {
          required: true,
          content: json({
            type: 'object',
            properties: { contact: str({ description: 'the phone number or e-mail address of the letter' }) },
            required: ['contact'],
            additionalProperties: false,
          }),
        },
        responses: { ...ok(ref('FeedbackLetterView'), 'The letter'), ...problems(400, 404, 415, 422, 429) },
      },
    },
    '/feedback/{queryCode}': {
      get: {
        summary: 'The writer’s own letter (needs the phone or e-mail given). Deprecated: the contact lands in access logs; POST …/lookup',
        deprecated: true,
        parameters: [queryCodeParam, queryParam('contact', str(), 'the phone number or e-mail address of the letter', true)],
        responses: { ...ok(ref('FeedbackLetterView'), 'The letter'), ...problems(400, 404, 429) },
      },
    },
    '/feedback/{queryCode}/rating': {
      post: {
        summary: 'Rate the reply, once, within 20 working days of it (the same rating again is accepted as a retry)',
        parameters: [queryCodeParam],
        requestBody: { required: true, content: json(ref('FeedbackRatingRequest')) },
        responses: { ...ok(ref('FeedbackRatingResult'), 'Rated'), ...problems(404, 409, 415, 422, 429) },
      },
    },
    '/reports': {
      get: {
        summary: 'The annual reports available',
        responses: { ...cacheable({ type: 'array', items: ref('ReportListItem') }, 'Newest first', REVALIDATE_CACHE_CONTROL) },
      },
    },
    '/reports/{year}': {
      get: {
        summary: 'One annual report document: the newest published version of the year',
        parameters: [pathParam('year', 'report year')],
        responses: { ...cacheable(ref('AnnualReport'), 'The report', REVALIDATE_CACHE_CONTROL), ...problems(404) },
      },
    },
    '/contact': {
      get: {
        summary: 'The contact card of the disclosure office (政府信息公开工作机构)',
        responses: { ...cacheable(ref('ContactInfo'), 'Contact-card fields', PUBLIC_CACHE_CONTROL), ...problems(404) },
      },
    },
    '/admin/applications/{trackingCode}': {
      patch: {
        summary: 'Staff: move an application along its lifecycle',
        security: admin,
        parameters: [codeParam],
        requestBody: { required: true, content: json(ref('AdminApplicationPatch')) },
        responses: {
          ...ok(ref('ApplicationStatusView'), 'The new status'),
          ...problems(401, 404, 409, 415, 422, 503),
        },
      },
    },
    '/admin/feedback/{queryCode}': {
      patch: {
        summary: 'Staff: status, reply and publication of a letter',
        security: admin,
        parameters: [queryCodeParam],
        requestBody: { required: true, content: json(ref('AdminFeedbackPatch')) },
        responses: { ...ok(ref('FeedbackLetterView'), 'The letter'), ...problems(401, 404, 409, 415, 422) },
      },
    },
    // Staff desk and the applicant's side of a case (desk-server): src/server/openapi-staff.ts
    ...staffPaths,
    ...notificationPaths,
    ...reportAuthoringPaths,
  },
  components: {
    schemas: { ...schemas, ...staffSchemas, ...reportSchemas },
    securitySchemes: { adminToken: { type: 'http', scheme: 'bearer', description: 'ZWGK_ADMIN_TOKEN' }, ...staffSecuritySchemes },
  },
} as const;
