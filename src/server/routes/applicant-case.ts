/**
 * The applicant's side of a case, with tracking code + phone: answer a 补正
 * (the clock restarts on the day it arrives), withdraw (撤回), and download
 * the 答复书 and the released files. The phone travels in the JSON body,
 * never in a URL; a wrong phone gets the same 404 as an unknown code.
 */
import { Hono, type Context } from 'hono';
import { answerLetterText } from '../../core/answer-letter/index.js';
import { todayInChina } from '../../core/calendar/index.js';
import { checkText, failIf, objectWithKeys, type Json } from '../check.js';
import { normalizeCode, phoneDigits } from '../codes.js';
import type { ServerDeps } from '../deps.js';
import { answerCreate, bodyHash, idempotencyKey, readJson } from '../http.js';
import { ProblemError, type FieldProblem } from '../problem.js';
import { decideSupplement, decideWithdrawal } from '../staff/actions.js';
import { publicView } from '../staff/case-view.js';
import { downloadResponse } from '../staff/downloads.js';
import { recordLapseOf } from '../staff/lapse.js';
import type { CaseRecord } from '../storage/case-types.js';
import type { IdempotencyRequest } from '../storage/types.js';

const NOT_FOUND = 'No application with this tracking code and phone number.';
const MAX_SUPPLEMENT_TEXT = 2000;
const MAX_SUPPLEMENT_FILES = 5;

function phoneOf(json: Json): string {
  const digits = typeof json.phone === 'string' ? phoneDigits(json.phone) : '';
  if (!digits) throw new ProblemError('validation-failed', undefined, [{ field: '/phone', code: 'required' }]);
  return digits;
}

export function applicantCaseRoutes(deps: ServerDeps): Hono {
  const { storage, now } = deps;
  const routes = new Hono();

  /** The case when code and phone match; else the one 404 for both, throttled like the status look-up (per code and address). */
  async function caseFor(c: Context, code: string, phone: string): Promise<CaseRecord> {
    const normalized = normalizeCode(code);
    deps.lookups.check(c, normalized);
    let record = await storage.findCase(normalized);
    if (record && (await recordLapseOf(storage, record, now()))) record = await storage.findCase(record.trackingCode);
    if (!record || record.phoneDigits !== phone) {
      deps.lookups.failed(c, normalized);
      throw new ProblemError('not-found', NOT_FOUND);
    }
    deps.lookups.found(normalized);
    return record;
  }

  async function change(
    c: Context,
    scope: string,
    body: Json,
    decide: (current: CaseRecord, at: Date) => ReturnType<typeof decideWithdrawal>,
  ) {
    const key = idempotencyKey(c);
    const phone = phoneOf(body);
    const code = normalizeCode(c.req.param('code') ?? '');
    const idem: IdempotencyRequest = { scope: 'applicant-actions', key, hash: bodyHash({ scope, code, body }) };
    const seen = await storage.findReplay(idem);
    if (seen) return answerCreate(c, seen);
    await caseFor(c, code, phone);
    const at = now();
    const result = await storage.changeCase(
      code,
      (current) => {
        if (current.phoneDigits !== phone) throw new ProblemError('not-found', NOT_FOUND);
        return decide(current, at);
      },
      (record) => publicView(record, todayInChina(at)),
      idem,
    );
    if (!result) throw new ProblemError('not-found', NOT_FOUND);
    if (result.kind !== 'changed') return answerCreate(c, result);
    return c.json(result.response);
  }

  routes.post('/applications/:code/supplement', async (c) => {
    const json = objectWithKeys(await readJson(c), ['phone', 'text', 'attachments']);
    const problems: FieldProblem[] = [];
    const text = checkText(json, 'text', MAX_SUPPLEMENT_TEXT, problems) ?? '';
    const ids = json.attachments ?? [];
    if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string' || id.length > 100))
      problems.push({ field: '/attachments', code: 'type.invalid' });
    else if (ids.length > MAX_SUPPLEMENT_FILES)
      problems.push({ field: '/attachments', code: 'list.tooMany', params: { max: MAX_SUPPLEMENT_FILES } });
    if (!text && Array.isArray(ids) && ids.length === 0) problems.push({ field: '/text', code: 'required' });
    failIf(problems);
    const unique = [...new Set(ids as string[])];
    const found = (await storage.attachmentReceipts(unique)).filter((f) => !f.id.startsWith('rf-'));
    const known = new Set(found.map((f) => f.id));
    failIf(unique.flatMap((id, i) => (known.has(id) ? [] : [{ field: `/attachments/${i}`, code: 'attachment.invalid' as const }])));
    return change(c, 'supplement', json, (current, at) => decideSupplement(current, { text, attachments: found }, at));
  });

  routes.post('/applications/:code/withdrawal', async (c) => {
    const json = objectWithKeys(await readJson(c), ['phone', 'reason']);
    const problems: FieldProblem[] = [];
    const reason = checkText(json, 'reason', 500, problems) ?? null;
    failIf(problems);
    return change(c, 'withdrawal', json, (current, at) => decideWithdrawal(current, reason, at));
  });

  routes.post('/applications/:code/answer-letter', async (c) => {
    const json = objectWithKeys(await readJson(c), ['phone']);
    const record = await caseFor(c, c.req.param('code'), phoneOf(json));
    const letter = record.caseData.answer?.letter;
    if (!letter) throw new ProblemError('not-found', 'This application has not been answered yet.');
    const name = `政府信息公开申请答复书-${record.trackingCode}.txt`;
    return downloadResponse(c, { name, content: Buffer.from(`\ufeff${answerLetterText(letter)}`) }, 'text/plain; charset=utf-8');
  });

  routes.post('/applications/:code/files/:id', async (c) => {
    const json = objectWithKeys(await readJson(c), ['phone']);
    const record = await caseFor(c, c.req.param('code'), phoneOf(json));
    const id = c.req.param('id');
    // Only what the office released with its answer: never the applicant's own identity proofs back.
    const file = record.caseData.answer?.files.some((f) => f.id === id) ? await storage.readAttachment(id) : null;
    if (!file) throw new ProblemError('not-found', 'No released file with this id.');
    return downloadResponse(c, file);
  });

  return routes;
}
