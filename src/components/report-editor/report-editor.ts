import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import type { ApiError } from '../../api/client.js';
import type { ReportVersion, ReportVersionStatus } from '../../api/types/report-draft.js';
import type { AnnualReport, ReportFinding, ReportSections, ReportTable } from '../../api/types/report.js';
import { readCellInput } from '../../core/report/cell-input.js';
import { CSV_BOM, tableToCsv } from '../../core/report/csv.js';
import { FORMATS, type ColumnKind } from '../../core/report/formats.js';
import { checkReport } from '../../core/report/rules.js';
import type { ZwgkReportSavedDetail } from '../../events/zwgk-report-saved.js';
import type { ZwgkReportStatusDetail } from '../../events/zwgk-report-status.js';
import { saveFile } from '../base/download.js';
import { draftStore } from '../base/controllers/draft.js';
import { renderLoadError, renderSkeleton } from '../base/states.js';
import { ZwgkElement, defineElement } from '../base/zwgk-element.js';
import { buttons, states, tokens } from '../../styles/tokens.js';
import {
  cellId,
  findingId,
  label,
  originLetter,
  originName,
  proactiveGrid,
  requestsGrid,
  reviewsGrid,
  type GridContext,
  type NumberedFinding,
} from './grid.js';
import { reportEditorStyles } from './report-editor.styles.js';
import { ReportYearController, type YearAction } from './report-year.js';
import type { RichText, RichTextCommand } from './rich-text.js';
import { StaffSessionController } from './session.js';

type RichTextModule = typeof import('./rich-text.js');

// ProseMirror loads with the first editor on the page, never with the kit.
let richTextModule: Promise<RichTextModule> | undefined;
function loadRichText(): Promise<RichTextModule> {
  richTextModule ??= import('./rich-text.js').catch((error: unknown) => {
    richTextModule = undefined;
    throw error;
  });
  return richTextModule;
}

const NARRATIVES: (keyof ReportSections)[] = ['overview', 'problems', 'other'];
/** 2021 guidance for 一、总体情况: 篇幅原则上不超过一千字. */
export const OVERVIEW_GUIDANCE = 1000;

/** Characters of text in a narrative (whitespace not counted), read without running anything in it. */
function narrativeLength(htmlText: string): number {
  const template = document.createElement('template');
  template.innerHTML = htmlText;
  return [...(template.content.textContent ?? '').replace(/\s+/g, '')].length;
}

function statusName(status: ReportVersionStatus): string {
  return status === 'draft' ? msg('草稿') : status === 'review' ? msg('审核中') : msg('已发布');
}

function roleName(role: string): string {
  return role === 'head' ? msg('负责人') : role === 'clerk' ? msg('经办人') : msg('管理员');
}

/**
 * 年度报告编制 — the annual report on government information disclosure, written from the
 * office's own records. Opens `year`'s report in its national format (2021 format from
 * 2021 on) with table 三 counted from the applications handled, 二、上年结转 from last
 * year's published report, table 二 (一) from the directory and table 四 from the appeals
 * recorded on cases; each prefilled cell is marked with its source and can be typed over.
 *
 * The arithmetic checks (R1–R9, R6 against last year's published report) run as the cells
 * are typed and mark the cells they involve; a blank cell is blank, never 0. The narrative
 * parts are rich text that keeps only what the report viewer shows; text pasted from Word
 * is cleaned with the viewer's sanitiser. The draft saves itself on the server (a failed
 * save keeps the text and says so); a clerk submits it for review (审核), a head returns it
 * or publishes it. A published version never changes: a correction is a new version with a
 * note. Exports: the document as JSON, each table as CSV (UTF-8 with BOM), and the HTML a
 * CMS pastes into its 年报 column (the national template's layout, inline styles, no script).
 *
 * Staff sign in within the element (the staff session of the reference server).
 *
 * @tagname zwgk-report-editor
 * @summary Write, check, review and publish the annual report (年度报告编制).
 *
 * @fires {CustomEvent<ZwgkReportSavedDetail>} zwgk-report-saved - The draft was saved on the server.
 * @fires {CustomEvent<ZwgkReportStatusDetail>} zwgk-report-status - A version was started, submitted, returned or published.
 *
 * @csspart header - Title, version, status and the save state.
 * @csspart save-state - The saved / unsaved line (a status region).
 * @csspart actions - The workflow buttons.
 * @csspart exports - The download buttons.
 * @csspart findings - The check results.
 * @csspart finding - Each finding.
 * @csspart section - Each part of the report.
 * @csspart toolbar - The formatting buttons of a narrative part.
 * @csspart rich-text - The editable text of a narrative part.
 * @csspart count - The character count of 一、总体情况 (2021 format).
 * @csspart table - Each table.
 * @csspart cell-input - Each number input.
 * @csspart cell-source - The mark of a prefilled cell (its source; * when changed).
 * @csspart cell-mark - The number of a finding at a cell.
 * @csspart versions - The version history.
 * @csspart sign-in - The staff sign-in form.
 * @csspart loading - The skeleton shown while loading.
 * @csspart error - The error state.
 * @csspart retry-button - The error state's Retry button.
 * @csspart empty - Shown before the year's report has been started.
 *
 * @cssprop [--zwgk-report-editor-prefilled-background=#eef5fc] - Background of a prefilled cell.
 * @cssprop [--zwgk-color-error=#b3261e] - Errors (shared token).
 * @cssprop [--zwgk-color-warning=#7a4d00] - Warnings (shared token).
 */
export class ZwgkReportEditor extends ZwgkElement {
  static override styles = [tokens, buttons, states, reportEditorStyles];

  /** Base URL of the backend (`…/api`); the staff endpoints are under `{api-base}/staff`. */
  @property({ attribute: 'api-base' }) apiBase?: string;
  /** The report year, e.g. 2026. */
  @property({ type: Number }) year?: number;

  @state() private richText?: RichTextModule;
  @state() private richTextFailed = false;
  @state() private active = new Map<keyof ReportSections, Set<RichTextCommand>>();
  /** Typed text that is not a number, by cell key: shown as typed, never saved as a number. */
  @state() private unreadable = new Map<string, string>();
  @state() private cmsFailed = false;

  private readonly session = new StaffSessionController(this, () => this.apiBase);
  private readonly report = new ReportYearController(this, {
    apiBase: () => this.apiBase,
    year: () => this.year,
    writeHeaders: () => this.session.writeHeaders(),
    onSignedOut: () => this.session.expired(),
    onSaved: (v) => this.emit<ZwgkReportSavedDetail>('zwgk-report-saved', { year: v.year, version: v.version, revision: v.revision }),
    onStatus: (v) =>
      this.emit<ZwgkReportStatusDetail>('zwgk-report-status', {
        year: v.year,
        version: v.version,
        status: v.status,
        ...(v.note ? { note: v.note } : {}),
      }),
    // Unsaved edits survive a closed tab or a failed save: staff work on their own office computers.
    store: () => draftStore('local'),
  });
  private readonly editors = new Map<keyof ReportSections, { editor: RichText; place: HTMLElement }>();
  /** The controller's generation of the document the editors were filled from: a newer one (load, action) refills them. */
  private editorsGeneration = -1;

  override connectedCallback(): void {
    super.connectedCallback();
    this.fetchRichText();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const { editor } of this.editors.values()) editor.destroy();
    this.editors.clear();
  }

  private fetchRichText(): void {
    this.richTextFailed = false;
    loadRichText().then(
      (module) => (this.richText = module),
      () => (this.richTextFailed = true),
    );
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('apiBase')) void this.session.check();
    if (this.session.state.status === 'signed-in') void this.report.load();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.syncEditors();
  }

  /** Mounts a ProseMirror editor in each narrative's place, and refills them when a new document arrived. */
  private syncEditors(): void {
    const module = this.richText;
    const doc = this.report.doc;
    if (!module || !doc) return;
    const refill = this.editorsGeneration !== this.report.generation;
    this.editorsGeneration = this.report.generation;
    for (const key of NARRATIVES) {
      const place = this.renderRoot.querySelector<HTMLElement>(`[data-rich-text="${key}"]`) ?? undefined;
      const mounted = this.editors.get(key);
      if (mounted && mounted.place !== place) {
        mounted.editor.destroy();
        this.editors.delete(key);
      }
      if (!place) continue;
      const existing = this.editors.get(key);
      if (existing) {
        if (refill) existing.editor.setHtml(doc.sections[key] ?? '');
        existing.editor.setEditable(this.report.editable);
        continue;
      }
      const editor = module.mountRichText(place, {
        html: doc.sections[key] ?? '',
        editable: this.report.editable,
        labelledBy: `heading-${key}`,
        ...(key === 'overview' && doc.format === '2021' ? { describedBy: 'count-overview' } : {}),
        onChange: (value) => this.report.setSection(key, value),
        onSelection: (active) => (this.active = new Map(this.active).set(key, active)),
      });
      this.editors.set(key, { editor, place });
    }
  }

  // ---- Rendering ----

  protected renderContent(): unknown {
    const session = this.session.state;
    if (session.status === 'checking') return renderSkeleton(6);
    if (session.status === 'error') return renderLoadError(session.error, () => void this.session.check(true));
    if (session.status === 'signed-out') return this.renderSignIn(session.failed);
    const year = this.report.state;
    if (year.status !== 'ready' && year.status !== 'error') return renderSkeleton(10);
    if (year.status === 'error') return renderLoadError(year.error, () => void this.report.load(true));
    if (this.richTextFailed) return renderLoadError({ kind: 'network' }, () => this.fetchRichText());
    const current = this.report.current;
    if (!current || !this.report.doc) return this.renderNotStarted(session.user.role);
    return this.renderEditor(current, this.report.doc, session.user);
  }

  private renderSignIn(failed?: 'credentials' | 'locked'): TemplateResult {
    const submit = (event: SubmitEvent) => {
      event.preventDefault();
      const form = event.target as HTMLFormElement;
      const data = new FormData(form);
      void this.session.signIn(String(data.get('name') ?? ''), String(data.get('password') ?? ''));
    };
    return html`<form class="sign-in" part="sign-in" @submit=${submit} aria-labelledby="sign-in-heading">
      <h2 id="sign-in-heading">${msg('工作人员登录')}</h2>
      <p>${msg('编制年度报告需要登录。')}</p>
      ${
        failed
          ? html`<p class="message error" role="alert">
              ${failed === 'locked' ? msg('登录尝试次数过多，请稍后再试。') : msg('用户名或密码不正确。')}
            </p>`
          : nothing
      }
      <p class="field">
        <label for="sign-in-name">${msg('用户名')}</label>
        <input id="sign-in-name" name="name" autocomplete="username" required />
      </p>
      <p class="field">
        <label for="sign-in-password">${msg('密码')}</label>
        <input id="sign-in-password" name="password" type="password" autocomplete="current-password" required />
      </p>
      <button class="button" type="submit">${msg('登录')}</button>
    </form>`;
  }

  private renderNotStarted(role: string): TemplateResult {
    const year = this.year ?? 0;
    const canStart = role === 'clerk' || role === 'head';
    return html`<div class="state empty" part="empty">
      <p>${msg(str`${year}年度报告尚未开始编制。`)}</p>
      ${
        canStart
          ? html`<p>
                ${msg('开始后，表三将按本系统的依申请公开办理记录预填，上年结转取自上年度报告，表二（一）取自政府信息公开目录；每个预填的数字都标明来源，均可修改。')}
              </p>
              <button class="button" type="button" ?disabled=${!!this.report.busy} @click=${() => this.act('create')}>
                ${msg('开始编制')}
              </button>`
          : html`<p>${msg('经办人或负责人可以开始编制。')}</p>`
      }
      ${this.renderActionError('create')}
    </div>`;
  }

  private findings(doc: AnnualReport): NumberedFinding[] {
    const previous = this.report.data?.previous ?? undefined;
    const all = checkReport(doc, previous ? { previous } : {});
    const ordered = [...all.filter((f) => f.severity === 'error'), ...all.filter((f) => f.severity !== 'error')];
    return ordered.map((finding, index) => ({ number: index + 1, finding }));
  }

  private renderEditor(current: ReportVersion, doc: AnnualReport, user: { name: string; role: string }): TemplateResult {
    const format = FORMATS[doc.format];
    const numbered = this.findings(doc);
    const marks = new Map<string, NumberedFinding[]>();
    for (const item of numbered) {
      for (const ref of item.finding.cells) {
        const key = `${ref.table}|${ref.row}|${ref.column}`;
        marks.set(key, [...(marks.get(key) ?? []), item]);
      }
    }
    const ctx: GridContext = {
      doc,
      format,
      locale: this.locale,
      editable: this.report.editable,
      sources: current.sources,
      marks,
      unreadable: this.unreadable,
      onCell: (table, row, column, kind, typed) => this.typeCell(table, row, column, kind, typed),
    };
    const title = doc.title ?? msg(str`${doc.agency}${doc.year}年度政府信息公开工作年度报告`);
    const errors = numbered.filter((n) => n.finding.severity === 'error').length + this.unreadable.size;
    const headings = new Map(format.sections.map((s) => [s.key, s.heading]));
    const byTable = (table: ReportTable) => numbered.filter((n) => n.finding.cells.some((c) => c.table === table));
    const elsewhere = numbered.filter((n) => n.finding.cells.length === 0);
    return html`<article class="editor" aria-labelledby="editor-title">
      <header part="header">
        <h2 id="editor-title">${title}</h2>
        <p class="meta">
          ${label(format.formatTitle, this.locale)} · ${msg(str`第 ${current.version} 版`)} ·
          <strong>${statusName(current.status)}</strong> · ${msg(str`登录身份：${user.name}（${roleName(user.role)}）`)}
        </p>
        ${current.note ? html`<p class="note">${msg(str`更正说明：${current.note}`)}</p>` : nothing}
        ${current.returnNote && current.status === 'draft' ? html`<p class="note warning">${msg(str`退回意见：${current.returnNote}`)}</p>` : nothing}
        ${this.renderSaveState(current)}
        ${this.report.restored ? html`<p class="note">${msg('已恢复本浏览器中上次未保存的修改。')}</p>` : nothing}
        ${this.renderActions(current, user.role, errors)} ${this.renderExports(doc)}
      </header>
      ${this.renderFindingsSummary(numbered, errors)} ${this.renderNarrative('overview', headings.get('overview')!, doc)}
      <section part="section" aria-labelledby="heading-proactive">
        <h3 id="heading-proactive">${label(headings.get('proactive')!, this.locale)}</h3>
        ${this.renderLegend()} ${proactiveGrid(ctx)} ${this.renderTableFindings(byTable('二'))}
      </section>
      <section part="section" aria-labelledby="heading-requests">
        <h3 id="heading-requests">${label(headings.get('requests')!, this.locale)}</h3>
        ${requestsGrid(ctx)} ${this.renderTableFindings(byTable('三'))}
      </section>
      <section part="section" aria-labelledby="heading-reviews">
        <h3 id="heading-reviews">${label(headings.get('reviews')!, this.locale)}</h3>
        ${reviewsGrid(ctx)} ${this.renderTableFindings(byTable('四'))}
      </section>
      ${this.renderNarrative('problems', headings.get('problems')!, doc)} ${this.renderNarrative('other', headings.get('other')!, doc)}
      ${this.renderTableFindings(elsewhere)} ${this.renderVersions()}
    </article>`;
  }

  private renderSaveState(current: ReportVersion): TemplateResult {
    const saveState = this.report.saveState;
    const text =
      current.status !== 'draft'
        ? current.status === 'review'
          ? msg('审核中，不能修改。')
          : msg('已发布的版本不能修改；如需更正，请发布更正版本。')
        : saveState === 'saved'
          ? msg('所有修改已保存。')
          : saveState === 'saving'
            ? msg('正在保存…')
            : saveState === 'unsaved'
              ? msg('有尚未保存的修改。')
              : saveState === 'conflict'
                ? msg('其他人已保存了更新的内容，您的修改未保存。')
                : msg('保存失败，您的修改仍保留在本页和本浏览器中。');
    return html`<div class="save-state ${saveState}" part="save-state">
      <p role="status">${text}</p>
      ${
        saveState === 'failed' && current.status === 'draft'
          ? html`<button class="button secondary" type="button" @click=${() => void this.report.save()}>${msg('重新保存')}</button>`
          : nothing
      }
      ${
        saveState === 'conflict'
          ? html`<button class="button secondary" type="button" @click=${() => this.downloadJson()}>${msg('下载我的修改（JSON）')}</button>
              <button class="button secondary" type="button" @click=${() => void this.report.load(true)}>${msg('载入最新内容')}</button>`
          : nothing
      }
    </div>`;
  }

  private renderActions(current: ReportVersion, role: string, errors: number): TemplateResult {
    const busy = !!this.report.busy;
    const isHead = role === 'head';
    const canEdit = role === 'clerk' || role === 'head';
    const latest = this.report.data?.versions[0];
    const noteForm = (id: string, text: string, button: string, action: YearAction) =>
      html`<form
        class="note-form"
        @submit=${(event: SubmitEvent) => {
          event.preventDefault();
          const field = (event.target as HTMLFormElement).elements.namedItem('note') as HTMLTextAreaElement;
          if (!field.value.trim()) {
            field.setAttribute('aria-invalid', 'true');
            field.focus();
            return;
          }
          void this.act(action, field.value.trim());
        }}
      >
        <label for=${id}>${text}</label>
        <textarea id=${id} name="note" rows="2" maxlength="1000" required></textarea>
        <button class="button secondary" type="submit" ?disabled=${busy}>${button}</button>
      </form>`;
    return html`<div class="actions" part="actions">
      ${
        current.status === 'draft' && canEdit
          ? html`<button class="button" type="button" ?disabled=${busy} @click=${() => this.act('submit')}>${msg('提交审核')}</button>`
          : nothing
      }
      ${
        current.status === 'review' && isHead
          ? html`<button
                class="button"
                type="button"
                ?disabled=${busy || errors > 0}
                aria-describedby=${errors > 0 ? 'publish-blocked' : nothing}
                @click=${() => this.act('publish')}
              >
                ${msg('审核通过并发布')}
              </button>
              ${errors > 0 ? html`<p id="publish-blocked" class="message error">${msg('报告中还有错误，改正后才能发布。')}</p>` : nothing}
              ${noteForm('return-note', msg('退回意见'), msg('退回修改'), 'return')}`
          : nothing
      }
      ${current.status === 'review' && !isHead ? html`<p>${msg('等待负责人审核。')}</p>` : nothing}
      ${
        current.status === 'published' && latest === current && canEdit
          ? noteForm('correction-note', msg('更正说明（更正了什么）'), msg('开始更正'), 'correct')
          : nothing
      }
      ${(['submit', 'publish', 'return', 'correct'] as YearAction[]).map((a) => this.renderActionError(a))}
    </div>`;
  }

  private renderActionError(action: YearAction): TemplateResult | typeof nothing {
    const failed = this.report.actionError;
    if (!failed || failed.action !== action) return nothing;
    return html`<p class="message error" role="alert">${this.describeFailure(failed.error)}</p>`;
  }

  private describeFailure(error: ApiError): string {
    if (error.kind !== 'http') return msg('无法连接到服务器，请稍后重试。');
    if (error.status === 403) return msg('您的角色不能进行该操作。');
    if (error.status === 409 || error.status === 412) return msg('报告的状态已被他人改变，请载入最新内容。');
    if (error.status === 422) return msg('报告中还有错误，改正后才能发布。');
    return msg(str`操作未完成（${error.status ?? ''}）。`);
  }

  private renderExports(doc: AnnualReport): TemplateResult {
    return html`<div class="exports" part="exports">
      <button class="button secondary" type="button" @click=${() => this.downloadJson()}>${msg('下载 JSON')}</button>
      ${(['二', '三', '四'] as ReportTable[]).map(
        (table) =>
          html`<button class="button secondary" type="button" @click=${() => this.downloadCsv(doc, table)}>
            ${msg(str`表${table} CSV`)}
          </button>`,
      )}
      <button class="button secondary" type="button" @click=${() => void this.downloadCmsHtml(doc)}>${msg('CMS 年报栏目 HTML')}</button>
      ${this.cmsFailed ? html`<p class="message error" role="alert">${msg('无法生成 HTML，请检查网络后重试。')}</p>` : nothing}
    </div>`;
  }

  private renderLegend(): TemplateResult {
    const origins = ['applications', 'previous-report', 'directory', 'cases'] as const;
    return html`<p class="legend">
      ${msg('预填数字的来源：')}
      ${origins.map((o) => html`<span class="legend-item"><span class="source" aria-hidden="true">${originLetter(o)}</span> ${originName(o)}</span>`)}
      <span class="legend-item">${msg('* 表示已手工修改')}</span>
    </p>`;
  }

  private renderFindingsSummary(numbered: NumberedFinding[], errors: number): TemplateResult {
    const warnings = numbered.length - (errors - this.unreadable.size);
    return html`<section class="findings" part="findings" aria-labelledby="findings-heading">
      <h3 id="findings-heading">${msg('核对结果')}</h3>
      <p role="status">
        ${
          errors === 0 && warnings === 0
            ? msg('未发现错误。')
            : msg(str`${errors} 个错误，${warnings} 个警告。数字标在相关单元格旁，说明列在各表下方。`)
        }
      </p>
    </section>`;
  }

  private renderTableFindings(items: NumberedFinding[]): TemplateResult | typeof nothing {
    if (items.length === 0) return nothing;
    return html`<ol class="finding-list">
      ${items.map(
        ({ number, finding }) =>
          html`<li id=${findingId(number)} class="finding ${finding.severity}" part="finding" value=${number}>
            <strong>${finding.severity === 'error' ? msg('错误') : msg('警告')}（${finding.rule}）</strong>
            ${finding.message[this.locale]}
            ${
              finding.cells[0]
                ? html`<button class="link-button" type="button" @click=${() => this.focusCell(finding)}>${msg('转到单元格')}</button>`
                : nothing
            }
          </li>`,
      )}
    </ol>`;
  }

  private renderNarrative(key: keyof ReportSections, heading: { 'zh-CN': string; en: string }, doc: AnnualReport): TemplateResult {
    const active = this.active.get(key) ?? new Set();
    const editable = this.report.editable;
    const tool = (command: RichTextCommand, text: string, shortcut?: string) =>
      html`<button
        type="button"
        class="tool"
        aria-pressed=${active.has(command) ? 'true' : 'false'}
        aria-keyshortcuts=${shortcut ?? nothing}
        ?disabled=${!editable}
        @click=${() => this.editors.get(key)?.editor.run(command)}
      >
        ${text}
      </button>`;
    const count = key === 'overview' && doc.format === '2021' ? narrativeLength(doc.sections.overview ?? '') : undefined;
    return html`<section part="section" aria-labelledby="heading-${key}">
      <h3 id="heading-${key}">${label(heading, this.locale)}</h3>
      <div class="toolbar" part="toolbar" role="group" aria-label=${msg('文字格式')}>
        ${tool('strong', msg('加粗'), 'Control+B')} ${tool('em', msg('倾斜'), 'Control+I')} ${tool('bullet_list', msg('项目列表'))}
        ${tool('ordered_list', msg('编号列表'))}
      </div>
      <div class="rich-host" part="rich-text" data-rich-text=${key}></div>
      ${
        count !== undefined
          ? html`<p id="count-overview" class="count ${count > OVERVIEW_GUIDANCE ? 'over' : ''}" part="count">
              ${
                count > OVERVIEW_GUIDANCE
                  ? msg(str`已写 ${count} 字，超过建议的 ${OVERVIEW_GUIDANCE} 字（2021年格式：篇幅原则上不超过一千字）。`)
                  : msg(str`已写 ${count} 字，建议不超过 ${OVERVIEW_GUIDANCE} 字。`)
              }
            </p>`
          : nothing
      }
    </section>`;
  }

  private renderVersions(): TemplateResult {
    const versions = this.report.data?.versions ?? [];
    return html`<section part="versions" aria-labelledby="heading-versions">
      <h3 id="heading-versions">${msg('版本记录')}</h3>
      <ol class="versions" reversed>
        ${versions.map(
          (v) =>
            html`<li>
              ${msg(str`第 ${v.version} 版`)} · ${statusName(v.status)}
              ${v.publishedAt ? html` · ${msg(str`${v.publishedBy?.name ?? ''}发布于 ${v.document.publishedAt ?? ''}`)}` : nothing}
              ${v.note ? html`<br />${msg(str`更正说明：${v.note}`)}` : nothing}
            </li>`,
        )}
      </ol>
    </section>`;
  }

  // ---- Behaviour ----

  private typeCell(table: ReportTable, row: string, column: number, kind: ColumnKind, typed: string): void {
    const key = `${table}|${row}|${column}`;
    const reading = readCellInput(typed, kind);
    const unreadable = new Map(this.unreadable);
    if (reading.ok) {
      unreadable.delete(key);
      this.report.setCell(table, row, column, reading.value);
    } else {
      unreadable.set(key, reading.text);
    }
    this.unreadable = unreadable;
  }

  private async act(action: YearAction, note?: string): Promise<void> {
    const done = await this.report.run(action, note);
    if (!done) return;
    this.unreadable = new Map();
    const v = this.report.current!;
    this.announce(
      action === 'submit'
        ? msg('已提交审核。')
        : action === 'publish'
          ? msg(str`第 ${v.version} 版已发布。`)
          : action === 'return'
            ? msg('已退回修改。')
            : action === 'correct'
              ? msg(str`已开始第 ${v.version} 版（更正）。`)
              : msg('已开始编制，数字已按系统记录预填。'),
    );
  }

  private focusCell(finding: ReportFinding): void {
    const ref = finding.cells[0];
    if (!ref) return;
    const input = this.renderRoot.querySelector<HTMLInputElement>(`#${CSS.escape(cellId(ref.table, ref.row, ref.column))}`);
    input?.scrollIntoView({ block: 'center', inline: 'nearest' });
    input?.focus();
  }

  private downloadJson(): void {
    const doc = this.report.doc;
    if (!doc) return;
    saveFile(`${doc.agency}-${doc.year}.json`, `${JSON.stringify(doc, null, 2)}\n`, 'application/json;charset=utf-8');
  }

  /** The HTML a CMS pastes into its 年报 column (the template's layout, inline styles only); its code loads on first use. */
  private async downloadCmsHtml(doc: AnnualReport): Promise<void> {
    try {
      const { reportToCmsHtml } = await import('../../core/report/cms-html.js');
      this.cmsFailed = false;
      saveFile(`${doc.agency}-${doc.year}.html`, reportToCmsHtml(doc), 'text/html;charset=utf-8');
    } catch {
      this.cmsFailed = true;
    }
  }

  private downloadCsv(doc: AnnualReport, table: ReportTable): void {
    saveFile(`${doc.agency}-${doc.year}-${table}.csv`, CSV_BOM + tableToCsv(doc, table, this.locale), 'text/csv;charset=utf-8');
  }
}

defineElement('zwgk-report-editor', ZwgkReportEditor);

declare global {
  interface HTMLElementTagNameMap {
    'zwgk-report-editor': ZwgkReportEditor;
  }
}
