/** RFC 9457 problem details: every error the server answers, in the request's language. */
import type { Context } from 'hono';
import type { Problem, ProblemFieldError } from '../api/types/problem.js';
import { formatMessage, type MessageKey, type MessageLocale } from '../core/validate/messages.js';
import type { MessageParams } from '../core/validate/result.js';

/** Problem types (`type` is `urn:zwgk:problem:<kind>`): status, zh-CN title, en title. */
export const PROBLEM_TITLES = {
  'bad-request': [400, '请求格式不正确', 'The request is malformed'],
  'idempotency-key-required': [400, '缺少 Idempotency-Key 请求头', 'The Idempotency-Key header is required'],
  unauthorized: [401, '需要有效的管理令牌', 'A valid admin token is required'],
  // Staff sessions (desk-server)
  'session-required': [401, '请先登录', 'Please sign in'],
  'sign-in-failed': [401, '用户名或密码不正确', 'The name or password is wrong'],
  'csrf-failed': [403, '请求缺少有效的 CSRF 令牌，请刷新后重试', 'The CSRF token is missing or wrong; reload and try again'],
  'role-forbidden': [403, '您的角色不能进行该操作', 'Your role may not do this'],
  'sign-in-locked': [429, '登录失败次数过多，请稍后再试', 'Too many failed sign-ins; please wait and try again'],
  'origin-not-allowed': [403, '不允许来自该来源的请求', 'Requests from this origin are not allowed'],
  'proof-invalid': [403, '人机验证未通过，请重新验证', 'The spam-protection check failed; please try again'],
  'proof-used': [403, '人机验证已使用过，请重新验证', 'This spam-protection proof was already used; please try again'],
  // Staff report authoring (report-editor): roles and lost-update protection.
  'precondition-failed': [412, '内容已被他人修改，请重新载入后再保存', 'Someone else changed this in the meantime; reload before saving'],
  'precondition-required': [428, '缺少 If-Match 请求头', 'The If-Match header is required'],
  'not-found': [404, '未找到', 'Not found'],
  'idempotency-conflict': [409, '该 Idempotency-Key 已用于另一份内容', 'This Idempotency-Key was already used with a different body'],
  'illegal-transition': [409, '当前状态下不能进行该操作', 'This step is not allowed in the current state'],
  'rating-not-allowed': [409, '目前不能评价', 'Rating is not possible now'],
  'payload-too-large': [413, '提交的内容太大', 'The request body is too large'],
  'unsupported-media-type': [415, '不支持的内容类型', 'Unsupported media type'],
  'validation-failed': [422, '提交的内容有误，请按提示修改', 'Some fields need correcting'],
  'too-many-requests': [429, '提交太频繁，请稍后再试', 'Too many requests; please wait and try again'],
  'storage-full': [503, '服务器暂时无法接收更多附件，请稍后再试', 'The server cannot take more uploads just now; please try again later'],
  'calendar-unavailable': [
    503,
    '缺少该年度的节假日安排，暂时无法计算期限',
    'The holiday calendar for this year is missing, so deadlines cannot be computed',
  ],
  internal: [500, '服务器内部错误', 'Internal server error'],
} as const satisfies Record<string, readonly [number, string, string]>;

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
  const [status, zh, en] = PROBLEM_TITLES[error.kind];
  const body: Problem = { type: `urn:zwgk:problem:${error.kind}`, title: locale === 'en' ? en : zh, status };
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
