/**
 * The version history of a published report (`GET /reports/{year}/versions`): every
 * published version, newest first, with the note of each correction; any one can be
 * opened, and an older one says so and leads back to the newest.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { PublishedVersion } from '../../api/types/report-draft.js';

/** The version list as the server sent it, or what is wrong with it. */
export function parseVersions(raw: unknown): { value: PublishedVersion[] } | { problems: string[] } {
  if (!Array.isArray(raw)) return { problems: ['the version history is not a list'] };
  const ok = raw.every(
    (v) =>
      v &&
      typeof v === 'object' &&
      Number.isInteger(v.version) &&
      typeof v.href === 'string' &&
      (v.note === null || typeof v.note === 'string'),
  );
  return ok ? { value: raw as PublishedVersion[] } : { problems: ['a version without a number or href'] };
}

export interface VersionsView {
  versions: PublishedVersion[];
  /** The version shown (undefined: the newest, which `src` serves) */
  opened?: PublishedVersion;
  onOpen: (version: PublishedVersion | undefined) => void;
}

export function renderVersions({ versions, opened, onOpen }: VersionsView): TemplateResult | typeof nothing {
  if (versions.length === 0) return nothing;
  const newest = versions[0]!;
  const shown = opened ?? newest;
  return html`<section class="versions" part="versions" aria-labelledby="versions-heading">
    ${
      shown !== newest
        ? html`<p class="older" role="status">
            ${msg(str`您正在查看第 ${shown.version} 版，它已被第 ${newest.version} 版更正。`)}
            <button type="button" class="button secondary" @click=${() => onOpen(undefined)}>${msg('查看最新版本')}</button>
          </p>`
        : nothing
    }
    ${shown.note ? html`<p class="correction">${msg(str`第 ${shown.version} 版更正说明：${shown.note}`)}</p>` : nothing}
    <details ?open=${versions.length > 1}>
      <summary id="versions-heading">${msg(str`版本记录（共 ${versions.length} 版）`)}</summary>
      <ol>
        ${versions.map(
          (v) =>
            html`<li aria-current=${v === shown ? 'true' : nothing}>
              ${msg(str`第 ${v.version} 版`)}${v.publishedAt ? html` · ${msg(str`发布于 ${v.publishedAt}`)}` : nothing}
              ${v.note ? html` · ${msg(str`更正说明：${v.note}`)}` : nothing}
              ${
                v === shown
                  ? html` · <strong>${msg('当前显示')}</strong>`
                  : html` <button type="button" class="link" @click=${() => onOpen(v === newest ? undefined : v)}>
                      ${msg(str`查看第 ${v.version} 版`)}
                    </button>`
              }
            </li>`,
        )}
      </ol>
    </details>
  </section>`;
}

export const versionsStyles = css`
  .versions {
    margin: 0 0 var(--_space-4);
  }
  .versions .older,
  .versions .correction {
    border-inline-start: 0.25rem solid var(--_color-warning);
    padding-inline-start: var(--_space-2);
  }
  .versions summary {
    cursor: pointer;
    font-weight: 600;
    min-height: var(--_target-size);
    display: flex;
    align-items: center;
  }
  .versions button.link {
    font: inherit;
    background: none;
    border: none;
    padding: 0;
    min-height: 1.5rem;
    color: var(--_color-link);
    text-decoration: underline;
    cursor: pointer;
  }
`;
