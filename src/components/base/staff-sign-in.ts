/**
 * The staff sign-in form of the office's elements (the request desk, the report editor) and the
 * words for each way signing in can fail: one form and one wording, whichever element asks.
 * Pure: it takes plain data (StaffSignInController in controllers/staff-session.ts keeps it).
 * A real form with autocomplete, so password managers work; the blank fields in an error summary
 * and at each field (with the 错误 tag), the server's refusal in words, never "Error 401".
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import { ApiError } from '../../api/client.js';
import { errorSummary } from './fields.js';

export type SignInField = 'name' | 'password';

/** Why signing in failed, as staff need to hear it. */
export type SignInFailure = 'network' | 'credentials' | 'locked' | 'incomplete' | 'server';

export interface StaffSignInView {
  name: string;
  password: string;
  busy: boolean;
  /** The fields left blank at the last Submit */
  missing: readonly SignInField[];
  failure?: SignInFailure | undefined;
  /** `expired`: the session ended on the server; `signed-out`: by 退出登录 here */
  notice?: 'expired' | 'signed-out' | undefined;
  /** The element's line under the heading (what signing in is for) */
  intro?: string;
  /** What became of unsaved work when the session expired, in the element's words */
  expiredNote: string;
}

export interface StaffSignInHandlers {
  onSubmit: (event: SubmitEvent) => void;
  /** Focuses the field with this id (an error-summary link) */
  focusField: (id: string) => void;
}

/** The kind of failure a rejected sign-in (StaffSessionController.signIn) was. */
export function signInFailure(error: unknown): SignInFailure {
  if (!(error instanceof ApiError)) return 'server';
  if (error.kind === 'network' || error.kind === 'timeout') return 'network';
  const status = error.status ?? 0;
  return status === 401 || status === 403
    ? 'credentials'
    : status === 429
      ? 'locked'
      : status === 400 || status === 422
        ? 'incomplete'
        : 'server';
}

/** The failure in plain words: what happened and what to do, without blaming anyone. */
export function describeSignInFailure(failure: SignInFailure): string {
  switch (failure) {
    case 'network':
      return msg('无法连接到服务器，请检查网络后重试。');
    case 'credentials':
      return msg('用户名或密码不正确。请核对后重新输入（注意大小写）。');
    case 'locked':
      return msg('登录失败次数过多，账户已暂时锁定。请稍后再试，或联系管理员重置密码。');
    case 'incomplete':
      return msg('请填写用户名和密码。');
    case 'server':
      return msg('服务器暂时无法登录，请稍后重试。');
  }
}

function field(view: StaffSignInView, name: SignInField, error: string | false): TemplateResult {
  const password = name === 'password';
  return html`<div class="field ${error ? 'has-error' : ''}" part="field">
    <label for=${name} class="label" part="label">${password ? msg('密码') : msg('用户名')}</label>
    ${error ? html`<p class="error-message" id="${name}-error" part="field-error"><span class="tag">${msg('错误')}</span>${error}</p>` : nothing}
    <input
      id=${name}
      name=${name}
      type=${password ? 'password' : 'text'}
      class="input medium"
      part="input"
      autocomplete=${password ? 'current-password' : 'username'}
      spellcheck="false"
      aria-describedby=${error ? `${name}-error` : nothing}
      aria-invalid=${error ? 'true' : nothing}
      .value=${live(password ? view.password : view.name)}
    />
  </div>`;
}

/** The sign-in form: heading 工作人员登录, the element's intro, what happened to the session, the problems, the two fields. */
export function renderStaffSignIn(view: StaffSignInView, on: StaffSignInHandlers): TemplateResult {
  const blank = (name: SignInField) => view.missing.includes(name) && (name === 'name' ? msg('请输入用户名') : msg('请输入密码'));
  const items = view.missing.map((target) => ({ target, message: blank(target) as string }));
  return html`<form class="sign-in" part="sign-in" novalidate aria-labelledby="sign-in-title" @submit=${on.onSubmit}>
    <h2 id="sign-in-title" tabindex="-1">${msg('工作人员登录')}</h2>
    ${view.intro ? html`<p>${view.intro}</p>` : nothing}
    ${
      view.notice === 'expired'
        ? html`<div class="notice" part="session-expired" role="status">
            <p>${msg(str`登录已过期，请重新登录。${view.expiredNote}`)}</p>
          </div>`
        : view.notice === 'signed-out'
          ? html`<div class="notice success" role="status"><p>${msg('已退出登录。')}</p></div>`
          : nothing
    }
    ${items.length ? errorSummary(items, on.focusField, { id: 'sign-in-summary' }) : nothing}
    ${
      view.failure
        ? html`<div class="notice error sign-in-failure" part="sign-in-error" tabindex="-1" role="alert">
            <p>${describeSignInFailure(view.failure)}</p>
          </div>`
        : nothing
    }
    ${field(view, 'name', blank('name'))} ${field(view, 'password', blank('password'))}
    <button type="submit" class="button" part="sign-in-button" ?disabled=${view.busy}>${view.busy ? msg('正在登录…') : msg('登录')}</button>
  </form>`;
}
