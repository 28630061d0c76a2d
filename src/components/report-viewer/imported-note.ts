import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import type { ReportLocale } from '../../api/types/report.js';
import type { ImportedPage } from './page-source.js';

/**
 * The note above a report read from a published page: the figures come from that page,
 * not from a document the agency checked, and here is what could not be read.
 */
export function renderImportedNote(page: ImportedPage, locale: ReportLocale): unknown {
  const unread = page.problems.filter((p) => p.severity !== 'info');
  return html`<div class="imported-note" part="imported-note" role="note">
    <p>${msg('以下数据读取自已发布的网页，不是机构提交的报告文件；请以原网页为准。')}</p>
    ${
      unread.length
        ? html`<details part="imported-problems" open>
            <summary>${msg(str`未能读取或需要核对的内容（${unread.length} 项）`)}</summary>
            <ul>
              ${unread.map((p) => html`<li>${p.message[locale]}</li>`)}
            </ul>
          </details>`
        : nothing
    }
  </div>`;
}
