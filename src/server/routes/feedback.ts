/** 意见箱: ALTCHA challenge, letters, lookup by code and contact, rating, the public list, staff replies. */
import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import {
  FEEDBACK_RATINGS,
  FEEDBACK_STATUSES,
  type AdminFeedbackPatch,
  type FeedbackLetterView,
  type FeedbackRating,
  type FeedbackReceipt,
  type FeedbackRequest,
  type FeedbackStatus,
  type PublishedLettersPage,
} from '../../api/types/feedback.js';
import { provisionalWorkingDaysBetween, todayInChina } from '../../core/calendar/index.js';
import { validateFeedback } from '../../core/validate/index.js';
import { checkText, failIf, objectWithKeys, queryInt } from '../check.js';
import { newQueryCode, normalizeCode, phoneDigits } from '../codes.js';
import type { ServerDeps } from '../deps.js';
import { answerCreate, bodyHash, idempotencyKey, readJson } from '../http.js';
import { localeOf, ProblemError, type FieldProblem } from '../problem.js';
import type { FeedbackChange, FeedbackRecord, IdempotencyRequest } from '../storage/types.js';
import { FEEDBACK_RATING_WINDOW_WORKING_DAYS } from '../../core/feedback/rating.js';

/** A letter may be rated within this many working days of its reply: the rule the mailbox element shows. */
const RATING_WINDOW_WORKING_DAYS = FEEDBACK_RATING_WINDOW_WORKING_DAYS;

const NOT_FOUND = 'No letter with this query code and contact.';

export function letterView(record: FeedbackRecord): FeedbackLetterView {
  return {
    queryCode: record.queryCode,
    category: record.category,
    subject: record.subject,
    message: record.message,
    status: record.status,
    publish: record.publish,
    receivedOn: record.receivedOn,
    ...(record.status === 'replied' && record.reply && record.repliedOn
      ? { reply: { text: record.reply, department: record.replyDepartment ?? '', repliedOn: record.repliedOn } }
      : {}),
    ...(record.rating ? { rating: record.rating } : {}),
  };
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function readAdminPatch(body: unknown): AdminFeedbackPatch {
  const json = objectWithKeys(body, ['status', 'reply', 'replyDepartment', 'publish']);
  const problems: FieldProblem[] = [];
  if (json.status !== undefined && !FEEDBACK_STATUSES.includes(json.status as FeedbackStatus))
    problems.push({ field: '/status', code: 'choice.invalid' });
  const reply = checkText(json, 'reply', 5000, problems);
  const replyDepartment = checkText(json, 'replyDepartment', 100, problems);
  if (json.publish !== undefined && typeof json.publish !== 'boolean') problems.push({ field: '/publish', code: 'type.invalid' });
  failIf(problems);
  return {
    ...(json.status !== undefined ? { status: json.status as FeedbackStatus } : {}),
    ...(reply ? { reply } : {}),
    ...(replyDepartment ? { replyDepartment } : {}),
    ...(json.publish !== undefined ? { publish: json.publish as boolean } : {}),
  };
}

/** Staff steps: received → processing → replied, never back; a reply needs text; publication needs the writer's consent. */
export function applyAdminPatch(
  current: FeedbackRecord,
  patch: AdminFeedbackPatch,
  today: string,
  defaultDepartment: string,
): FeedbackChange {
  const order = FEEDBACK_STATUSES;
  const status = patch.status ?? (patch.reply ? 'replied' : current.status);
  if (order.indexOf(status) < order.indexOf(current.status)) {
    throw new ProblemError('illegal-transition', `A letter that is ${current.status} cannot go back to ${status}.`);
  }
  const reply = patch.reply ?? current.reply;
  failIf(status === 'replied' && !reply ? [{ field: '/reply', code: 'required' }] : []);
  if (patch.publish === true && !current.publish) {
    throw new ProblemError('illegal-transition', 'The writer did not agree to publication, so the letter cannot be published.');
  }
  return {
    status,
    reply,
    replyDepartment: patch.replyDepartment ?? current.replyDepartment ?? (status === 'replied' ? defaultDepartment : null),
    repliedOn: current.repliedOn ?? (status === 'replied' ? today : null),
    withheld: patch.publish === undefined ? current.withheld : !patch.publish,
    rating: current.rating,
    ratedAt: current.ratedAt,
  };
}

/** One rating, given within the window after the reply; the same rating again is a harmless retry. */
export function applyRating(current: FeedbackRecord, rating: FeedbackRating, now: Date): FeedbackChange {
  const unchanged: FeedbackChange = { ...current };
  if (current.rating === rating) return unchanged;
  if (current.rating) throw new ProblemError('rating-not-allowed', 'This letter has already been rated.');
  if (current.status !== 'replied' || !current.repliedOn)
    throw new ProblemError('rating-not-allowed', 'A letter can be rated once it has been replied to.');
  // Past the published holiday calendars the window is counted Monday–Friday: a rating is never refused for want of it.
  if (provisionalWorkingDaysBetween(current.repliedOn, todayInChina(now)).value > RATING_WINDOW_WORKING_DAYS) {
    throw new ProblemError('rating-not-allowed', `Ratings are accepted within ${RATING_WINDOW_WORKING_DAYS} working days of the reply.`);
  }
  return { ...unchanged, rating, ratedAt: now.toISOString() };
}

export function feedbackRoutes(deps: ServerDeps): Hono {
  const { storage, now, altcha } = deps;
  const routes = new Hono();

  /** The letter of this code whose phone or e-mail is `contact`, counted by the look-up throttle; 404 otherwise. */
  async function findByContact(c: Context, queryCode: string, contact: string): Promise<FeedbackRecord> {
    deps.lookups.check(c, queryCode);
    const byEmail = contact.includes('@') || contact.includes('＠');
    const record = await storage.findFeedback(queryCode, {
      phoneDigits: byEmail ? '' : phoneDigits(contact),
      email: byEmail ? contact.replace('＠', '@') : '',
    });
    if (!record) {
      deps.lookups.failed(c, queryCode);
      throw new ProblemError('not-found', NOT_FOUND);
    }
    deps.lookups.found(queryCode);
    return record;
  }

  routes.get('/feedback/challenge', async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await altcha.challenge());
  });

  routes.post('/feedback', async (c) => {
    const key = idempotencyKey(c);
    const body = await readJson(c);
    const idem: IdempotencyRequest = { scope: 'feedback', key, hash: bodyHash(body) };
    // A retry of a stored letter carries a spent proof: answer it before checking the proof again.
    const seen = await storage.findReplay(idem);
    if (seen) return answerCreate(c, seen);

    const result = validateFeedback(body);
    failIf(result.errors);
    const letter = result.value as FeedbackRequest;
    const proof = await altcha.verify(letter.proof);
    if (!proof.ok) throw new ProblemError('proof-invalid', proof.reason);

    const receivedAt = now();
    const receipt: FeedbackReceipt = { queryCode: newQueryCode(), status: 'received' };
    const outcome = await storage.createFeedback(
      idem,
      {
        queryCode: receipt.queryCode,
        publicId: randomUUID(),
        category: letter.category,
        subject: letter.subject,
        message: letter.message,
        name: letter.name,
        phone: letter.phone ?? null,
        phoneDigits: letter.phone ? phoneDigits(letter.phone) : null,
        email: letter.email ?? null,
        publish: letter.publish,
        withheld: false,
        status: 'received',
        receivedAt: receivedAt.toISOString(),
        receivedOn: todayInChina(receivedAt),
        reply: null,
        replyDepartment: null,
        repliedOn: null,
        rating: null,
        ratedAt: null,
        language: localeOf(c),
      },
      { status: 201, body: receipt },
      { id: proof.id, expiresAt: proof.expiresAt },
    );
    if (outcome.kind === 'proof-used') throw new ProblemError('proof-used', 'Solve a new challenge and send again.');
    return answerCreate(c, outcome);
  });

  routes.get('/feedback', async (c) => {
    const pageSize = queryInt(c.req.query('pageSize'), 10, 1, 50);
    const requested = queryInt(c.req.query('page'), 1, 1, 1_000_000);
    const figures = await storage.feedbackFigures();
    let { items, total } = await storage.listPublishedFeedback((requested - 1) * pageSize, pageSize);
    // A page past the end gives the last page, as the directory does.
    const lastPage = Math.max(1, Math.ceil(total / pageSize));
    const page = Math.min(requested, lastPage);
    if (page !== requested) ({ items, total } = await storage.listPublishedFeedback((page - 1) * pageSize, pageSize));
    const days = figures.replied.map(({ receivedOn, repliedOn }) => provisionalWorkingDaysBetween(receivedOn, repliedOn).value);
    const answer: PublishedLettersPage = {
      items,
      total,
      page,
      pageSize,
      stats: { received: figures.received, replied: figures.replied.length, medianWorkingDaysToReply: median(days) },
    };
    return c.json(answer);
  });

  // The look-up sends the contact in a POST body, which access logs do not keep; GET ?contact= stays for existing pages.
  routes.post('/feedback/:queryCode/lookup', async (c) => {
    const json = objectWithKeys(await readJson(c), ['contact']);
    return lookUp(c, typeof json.contact === 'string' ? json.contact : '');
  });
  routes.get('/feedback/:queryCode', (c) => lookUp(c, c.req.query('contact') ?? ''));

  async function lookUp(c: Context, given: string) {
    c.header('Cache-Control', 'no-store');
    const contact = given.trim();
    if (!contact)
      throw new ProblemError('bad-request', 'Give the phone number or e-mail address of the letter (POST …/lookup with {"contact": …}).');
    return c.json(letterView(await findByContact(c, normalizeCode(c.req.param('queryCode')!), contact)));
  }

  // Only the writer rates: the contact is proven as for a look-up, and an unknown code and a wrong contact answer alike.
  routes.post('/feedback/:queryCode/rating', async (c) => {
    const json = objectWithKeys(await readJson(c), ['rating', 'contact']);
    const rating = json.rating as FeedbackRating;
    const problems: FieldProblem[] = FEEDBACK_RATINGS.includes(rating)
      ? []
      : [{ field: '/rating', code: json.rating === undefined ? 'required' : 'choice.invalid' }];
    const contact = typeof json.contact === 'string' ? json.contact.trim() : '';
    if (!contact)
      problems.push({ field: '/contact', code: json.contact === undefined || json.contact === '' ? 'required' : 'type.invalid' });
    failIf(problems);
    const at = now();
    const queryCode = normalizeCode(c.req.param('queryCode'));
    await findByContact(c, queryCode, contact);
    const record = await storage.updateFeedback(queryCode, (current) => applyRating(current, rating, at));
    if (!record) throw new ProblemError('not-found', NOT_FOUND);
    return c.json({ queryCode, rating: record.rating });
  });

  routes.patch('/admin/feedback/:queryCode', async (c) => {
    const patch = readAdminPatch(await readJson(c));
    const today = todayInChina(now());
    const record = await storage.updateFeedback(normalizeCode(c.req.param('queryCode')), (current) =>
      applyAdminPatch(current, patch, today, deps.replyDepartment),
    );
    if (!record) throw new ProblemError('not-found', 'No letter with this query code.');
    return c.json(letterView(record));
  });

  return routes;
}
