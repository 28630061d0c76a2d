import { html, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { LoadError } from './controllers/request.js';

/** What went wrong, in words a citizen understands, and what to do about it. */
export function describeLoadError(error: LoadError): { title: string; advice: string } {
  switch (error.kind) {
    case 'network':
      return { title: msg('无法连接到服务器'), advice: msg('请检查网络连接，然后点击“重试”。') };
    case 'timeout':
      return { title: msg('服务器响应超时'), advice: msg('服务器暂时没有回应，请稍后点击“重试”。') };
    case 'http':
      return error.status === 404
        ? { title: msg('没有找到所需的信息'), advice: msg('信息可能已移除，请稍后重试或联系网站管理员。') }
        : {
            title: msg(str`服务器出现错误（${error.status ?? ''}）`),
            advice: msg('这不是您的操作问题，请稍后点击“重试”。'),
          };
    case 'malformed':
    case 'invalid':
      return { title: msg('收到的数据格式不正确'), advice: msg('暂时无法显示，请稍后重试或联系网站管理员。') };
    case 'aborted':
      return { title: msg('请求已取消'), advice: msg('请点击“重试”。') };
  }
}

/** The shared error state: what happened, what to do, and a Retry button. */
export function renderLoadError(error: LoadError, onRetry: () => void): TemplateResult {
  const { title, advice } = describeLoadError(error);
  return html`<div class="state error" part="error" role="alert">
    <p class="title">${title}</p>
    <p>${advice}</p>
    <button type="button" class="button secondary" part="retry-button" @click=${onRetry}>${msg('重试')}</button>
  </div>`;
}

/** A skeleton that keeps the space the content will take, announced as busy. */
export function renderSkeleton(lines: number): TemplateResult {
  return html`<div class="state loading" part="loading" aria-busy="true">
    <span class="visually-hidden" role="status">${msg('正在加载…')}</span>
    ${Array.from({ length: lines }, () => html`<div class="skeleton-line" aria-hidden="true"></div>`)}
  </div>`;
}

export function renderEmpty(text: string): TemplateResult {
  return html`<div class="state empty" part="empty"><p>${text}</p></div>`;
}
