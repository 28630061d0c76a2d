import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';

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
