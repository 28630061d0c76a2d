import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { ApiError } from '../../api/client.js';
import { errorSummary, textField } from '../base/fields.js';

export interface SignInView {
  name: string;
  password: string;
  busy: boolean;
  /** field errors: a blank name or password */
  errors: Partial<Record<'name' | 'password', string>>;
  /** what the server said, in words */
  failure?: string;
  /** the session ended on the server */
  expired: boolean;
  signedOut: boolean;
}

export interface SignInHandlers {
  onSubmit: (event: Event) => void;
  onInput: (event: Event) => void;
  focusField: (id: string) => void;
}

/** What the desk shows: the queue (and a case opened from it) or, for administrators, the calendar. */
export type DeskView = 'queue' | 'case' | 'calendar';

export interface BarView {
  name: string;
  /** The role's name in the element's language */
  role: string;
  admin: boolean;
  view: DeskView;
}

/** The top bar once signed in: title, navigation, who is signed in, 退出登录. */
export function renderBar(bar: BarView, on: { onShow: (view: DeskView) => void; onSignOut: () => void }): TemplateResult {
  const tab = (view: DeskView, label: string) =>
    html`<li>
      <button
        type="button"
        class="tab"
        aria-current=${bar.view === view || (view === 'queue' && bar.view === 'case') ? 'page' : nothing}
        @click=${() => on.onShow(view)}
      >
        ${label}
      </button>
    </li>`;
  return html`<div class="bar" part="bar">
    <p class="title">${msg('依申请公开办理台')}</p>
    <nav aria-label=${msg('办理台导航')}>
      <ul>
        ${tab('queue', msg('办理队列'))} ${bar.admin ? tab('calendar', msg('工作日历')) : nothing}
      </ul>
    </nav>
    <p class="who">${msg(str`${bar.name}（${bar.role}）`)}</p>
    <button type="button" class="button secondary" id="sign-out" @click=${on.onSignOut}>${msg('退出登录')}</button>
  </div>`;
}

/** Why sign-in failed, in words: never "Error 401". */
export function describeSignInFailure(error: unknown): string {
  if (!(error instanceof ApiError)) return msg('登录没有成功，请重试。');
  if (error.kind === 'network' || error.kind === 'timeout') return msg('无法连接到服务器，请检查网络后重试。');
  if (error.status === 401 || error.status === 403) return msg('用户名或密码不正确。请核对后重新输入（注意大小写）。');
  if (error.status === 429) return msg('登录失败次数过多，账户已暂时锁定。请稍后再试，或联系管理员重置密码。');
  if (error.status === 400 || error.status === 422) return msg('请填写用户名和密码。');
  return msg('服务器暂时无法登录，请稍后重试。');
}

/** The sign-in form: a real form with autocomplete, so password managers work. */
export function renderSignIn(view: SignInView, on: SignInHandlers): TemplateResult {
  const items = (['name', 'password'] as const).filter((f) => view.errors[f]).map((f) => ({ target: f, message: view.errors[f]! }));
  return html`<form class="sign-in" part="sign-in" novalidate @submit=${on.onSubmit} @input=${on.onInput}>
    <h2 id="sign-in-title" tabindex="-1">${msg('工作人员登录')}</h2>
    ${
      view.expired
        ? html`<div class="notice" part="session-expired" role="status">
            <p>${msg('登录已过期，请重新登录。未提交的内容没有保存。')}</p>
          </div>`
        : view.signedOut
          ? html`<div class="notice success" role="status"><p>${msg('已退出登录。')}</p></div>`
          : nothing
    }
    ${items.length ? errorSummary(items, on.focusField, { id: 'sign-in-summary' }) : nothing}
    ${
      view.failure
        ? html`<div class="notice error sign-in-failure" part="sign-in-error" tabindex="-1" role="alert"><p>${view.failure}</p></div>`
        : nothing
    }
    ${textField({ name: 'name', value: view.name, label: msg('用户名'), autocomplete: 'username', width: 'medium', error: view.errors.name })}
    ${textFieldPassword(view)}
    <button type="submit" class="button" part="sign-in-button" ?disabled=${view.busy}>${view.busy ? msg('正在登录…') : msg('登录')}</button>
  </form>`;
}

function textFieldPassword(view: SignInView): TemplateResult {
  const error = view.errors.password;
  return html`<div class="field ${error ? 'has-error' : ''}" part="field">
    <label for="password" class="label" part="label">${msg('密码')}</label>
    ${
      error
        ? html`<p class="error-message" id="password-error" part="field-error"><span class="tag">${msg('错误')}</span>${error}</p>`
        : nothing
    }
    <input
      id="password"
      name="password"
      type="password"
      class="input medium"
      part="input"
      autocomplete="current-password"
      aria-describedby=${error ? 'password-error' : nothing}
      aria-invalid=${error ? 'true' : nothing}
      .value=${view.password}
    />
  </div>`;
}
