/** RFC 9457 problem details: every error the server answers, in the request's language. */
import type { Context } from 'hono';
import type { Problem, ProblemFieldError } from '../api/types/problem.js';
import { formatMessage, type MessageKey, type MessageLocale } from '../core/validate/messages.js';
import type { MessageParams } from '../core/validate/result.js';

/** Problem types; `type` is `urn:zwgk:problem:<kind>`. */
export const PROBLEM_TITLES = {
  'bad-request': { status: 400, 'zh-CN': '请求格式不正确', en: 'The request is malformed' },
  'idempotency-key-required': { status: 400, 'zh-CN': '缺少 Idempotency-Key 请求头', en: 'The Idempotency-Key header is required' },
  unauthorized: { status: 401, 'zh-CN': '需要有效的管理令牌', en: 'A valid admin token is required' },
  // Staff sessions (desk-server)
  'session-required': { status: 401, 'zh-CN': '请先登录', en: 'Please sign in' },
  'sign-in-failed': { status: 401, 'zh-CN': '用户名或密码不正确', en: 'The name or password is wrong' },
  'csrf-failed': {
    status: 403,
    'zh-CN': '请求缺少有效的 CSRF 令牌，请刷新后重试',
    en: 'The CSRF token is missing or wrong; reload and try again',
  },
  'role-forbidden': { status: 403, 'zh-CN': '您的角色不能进行该操作', en: 'Your role may not do this' },
  'sign-in-locked': { status: 429, 'zh-CN': '登录失败次数过多，请稍后再试', en: 'Too many failed sign-ins; please wait and try again' },
  'origin-not-allowed': { status: 403, 'zh-CN': '不允许来自该来源的请求', en: 'Requests from this origin are not allowed' },
  'proof-invalid': { status: 403, 'zh-CN': '人机验证未通过，请重新验证', en: 'The spam-protection check failed; please try again' },
  'proof-used': {
    status: 403,
    'zh-CN': '人机验证已使用过，请重新验证',
    en: 'This spam-protection proof was already used; please try again',
  },
  // Staff report authoring (report-editor): roles and lost-update protection.
  'precondition-failed': {
    status: 412,
    'zh-CN': '内容已被他人修改，请重新载入后再保存',
    en: 'Someone else changed this in the meantime; reload before saving',
  },
  'precondition-required': { status: 428, 'zh-CN': '缺少 If-Match 请求头', en: 'The If-Match header is required' },
  'not-found': { status: 404, 'zh-CN': '未找到', en: 'Not found' },
  'idempotency-conflict': {
    status: 409,
    'zh-CN': '该 Idempotency-Key 已用于另一份内容',
    en: 'This Idempotency-Key was already used with a different body',
  },
  'illegal-transition': { status: 409, 'zh-CN': '当前状态下不能进行该操作', en: 'This step is not allowed in the current state' },
  'rating-not-allowed': { status: 409, 'zh-CN': '目前不能评价', en: 'Rating is not possible now' },
  'payload-too-large': { status: 413, 'zh-CN': '提交的内容太大', en: 'The request body is too large' },
  'unsupported-media-type': { status: 415, 'zh-CN': '不支持的内容类型', en: 'Unsupported media type' },
  'validation-failed': { status: 422, 'zh-CN': '提交的内容有误，请按提示修改', en: 'Some fields need correcting' },
  'too-many-requests': { status: 429, 'zh-CN': '提交太频繁，请稍后再试', en: 'Too many requests; please wait and try again' },
  'storage-full': {
    status: 503,
    'zh-CN': '服务器暂时无法接收更多附件，请稍后再试',
    en: 'The server cannot take more uploads just now; please try again later',
  },
  'calendar-unavailable': {
    status: 503,
    'zh-CN': '缺少该年度的节假日安排，暂时无法计算期限',
    en: 'The holiday calendar for this year is missing, so deadlines cannot be computed',
  },
  internal: { status: 500, 'zh-CN': '服务器内部错误', en: 'Internal server error' },
} as const;

export type ProblemKind = keyof typeof PROBLEM_TITLES;

export interface FieldProblem {
  /** JSON pointer into the request body */
  field: string;
  code: MessageKey;
  params?: MessageParams;
}

/** Thrown anywhere in a handler; the app's error handler answers it as problem+json. */
export class ProblemError extends Error {
  constructor(
    readonly kind: ProblemKind,
    readonly detail?: string,
    readonly fields: FieldProblem[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(detail ?? kind);
    this.name = 'ProblemError';
  }
}

/** zh-CN unless the client prefers English. */
export function localeOf(c: Context): MessageLocale {
  const first = (c.req.header('accept-language') ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-CN';
}

export function problemBody(locale: MessageLocale, error: ProblemError): Problem {
  const spec = PROBLEM_TITLES[error.kind];
  const body: Problem = { type: `urn:zwgk:problem:${error.kind}`, title: spec[locale], status: spec.status };
  if (error.detail) body.detail = error.detail;
  if (error.fields.length > 0) {
    body.errors = error.fields.map((f): ProblemFieldError => ({
      field: f.field,
      message: formatMessage(locale, f.code, f.params),
      code: f.code,
    }));
  }
  return body;
}

export function problemResponse(c: Context, error: ProblemError): Response {
  const body = problemBody(localeOf(c), error);
  return new Response(JSON.stringify(body), {
    status: body.status,
    headers: { 'Content-Type': 'application/problem+json; charset=utf-8', 'Content-Language': localeOf(c), ...error.headers },
  });
}
