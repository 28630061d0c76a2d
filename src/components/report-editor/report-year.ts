/**
 * One year's report as the editor works on it: loading the year, the version shown (the
 * one being worked on, else the newest published), the local copy being typed into, and
 * its autosave. Autosave sends the whole document with `If-Match`, so a save never
 * overwrites someone else's; a failed save keeps every typed character in the editor and
 * a copy in localStorage, and says so.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ApiError } from '../../api/client.js';
import type { ReportVersion, StaffReportYear } from '../../api/types/report-draft.js';
import type { AnnualReport, ReportSections, ReportTable } from '../../api/types/report.js';
import { clearDraft, draftKey, loadDraft, saveDraft, type KeyValueStore } from '../../core/draft/index.js';
import { isReadableReport } from '../../core/report/schema.js';
import { RequestController, type DataState } from '../base/controllers/request.js';
import type { StaffSessionController } from '../base/controllers/staff-session.js';

/** A staff report year as the server sent it, checked enough to be worked on. */
function parseYear(raw: unknown): { value: StaffReportYear } | { problems: string[] } {
  const data = raw as Partial<StaffReportYear> | null;
  if (!data || typeof data.year !== 'number' || !Array.isArray(data.versions)) return { problems: ['not a staff report year'] };
  const unreadable = data.versions.filter((v) => !v || !isReadableReport(v.document));
  return unreadable.length > 0 ? { problems: ['a version without a readable document'] } : { value: data as StaffReportYear };
}

/** saved: the server has what is shown; unsaved: a save is due; failed: the last save failed (Retry); conflict: someone else saved. */
export type SaveState = 'saved' | 'unsaved' | 'saving' | 'failed' | 'conflict';

export type YearAction = 'create' | 'submit' | 'return' | 'publish' | 'correct';

export interface ReportYearOptions {
  apiBase: () => string | undefined;
  year: () => number | undefined;
  /** Every request goes through the session: the CSRF token on writes, and a 401 signs out (the element asks to sign in again). */
  session: StaffSessionController;
  onSaved?: (version: ReportVersion) => void;
  onStatus?: (version: ReportVersion) => void;
  /** Milliseconds between the last keystroke and the save */
  delay?: number;
  store?: () => KeyValueStore | undefined;
}

const TABLE_KEYS: Record<ReportTable, 'proactive' | 'requests' | 'reviews'> = { 二: 'proactive', 三: 'requests', 四: 'reviews' };

const etagOf = (v: ReportVersion) => `"${v.version}.${v.revision}"`;

export class ReportYearController implements ReactiveController {
  data?: StaffReportYear;
  /** The version shown */
  current?: ReportVersion;
  /** What is shown and typed into (the server's copy plus unsaved edits) */
  doc?: AnnualReport;
  saveState: SaveState = 'saved';
  saveError?: ApiError;
  /** The action running, and the last one that failed with its message */
  busy?: YearAction;
  actionError?: { action: YearAction; error: ApiError };
  /** A copy of unsaved edits was found in this browser and put back */
  restored = false;
  /** Counts the times `doc` was replaced by a document from the server (not by typing). */
  generation = 0;

  private loadedFor?: string;
  private timer?: ReturnType<typeof setTimeout>;
  private saving?: Promise<void>;
  private readonly request: RequestController<StaffReportYear>;
  private acceptedFrom?: StaffReportYear;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: ReportYearOptions,
  ) {
    host.addController(this);
    this.request = new RequestController(host, { parse: parseYear, label: () => 'zwgk-report-editor' });
  }

  /** Loading the year: idle, loading, ready or error (with Retry: `load(true)`). */
  get state(): DataState<StaffReportYear> {
    const state = this.request.state;
    // Ready only once the answer has been taken in, so no render shows a year without its versions.
    return state.status === 'ready' && this.acceptedFrom !== state.value ? { status: 'loading' } : state;
  }

  hostDisconnected(): void {
    // Leaving the page: save what is pending now rather than lose it.
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
      void this.save();
    }
    window.removeEventListener('beforeunload', this.warnBeforeUnload);
  }

  /** The current version can be typed into. */
  get editable(): boolean {
    return this.current?.status === 'draft' && this.saveState !== 'conflict';
  }

  /** Loads the year when api-base or year changed (or always with `force`). */
  async load(force = false): Promise<void> {
    const base = this.options.apiBase();
    const year = this.options.year();
    if (base === undefined || year === undefined) return;
    const key = `${base}|${year}`;
    if (!force && this.loadedFor === key) return;
    this.loadedFor = key;
    const result = await this.request.run((signal) => this.options.session.request(`reports/${year}`, { signal }));
    if (result?.status === 'ready') {
      this.accept(result.value);
      this.host.requestUpdate();
    }
    if (result?.status === 'error' && result.error.status === 401) {
      // Signed out meanwhile: load again once signed back in.
      this.loadedFor = undefined;
    }
  }

  private accept(data: StaffReportYear): void {
    this.acceptedFrom = data;
    this.data = data;
    this.current = data.versions.find((v) => v.status !== 'published') ?? data.versions[0];
    this.doc = this.current ? copyOf(this.current.document) : undefined;
    this.generation++;
    this.saveState = 'saved';
    this.saveError = undefined;
    this.restored = false;
    if (this.current?.status === 'draft') this.restoreBackup(this.current);
  }

  /** Edits of this version that never reached the server (a failed save, a closed tab) come back. */
  private restoreBackup(version: ReportVersion): void {
    const store = this.options.store?.();
    if (!store) return;
    const found = loadDraft<{ revision: number; document: AnnualReport }>(store, this.backupKey(version), (data) => {
      const d = data as { revision?: unknown; document?: unknown } | null;
      return d && typeof d.revision === 'number' && isReadableReport(d.document)
        ? (d as { revision: number; document: AnnualReport })
        : undefined;
    });
    if (found.status !== 'found') return;
    if (found.data.revision !== version.revision || found.data.document.year !== version.year) {
      clearDraft(store, this.backupKey(version));
      return;
    }
    this.doc = found.data.document;
    this.restored = true;
    this.markChanged();
  }

  private backupKey(version: ReportVersion): string {
    return draftKey('report-editor', this.options.apiBase() ?? '', String(version.year), String(version.version));
  }

  // ---- Editing ----

  setCell(table: ReportTable, row: string, column: number, value: number | string | null): void {
    if (!this.doc || !this.editable) return;
    const key = TABLE_KEYS[table];
    const rows = { ...(this.doc[key] as Record<string, unknown[]>) };
    const values = [...(rows[row] ?? [])];
    values[column] = value;
    rows[row] = values;
    this.doc = { ...this.doc, [key]: rows } as AnnualReport;
    this.markChanged();
  }

  setSection(key: keyof ReportSections, html: string): void {
    if (!this.doc || !this.editable) return;
    if ((this.doc.sections[key] ?? '') === html) return;
    this.doc = { ...this.doc, sections: { ...this.doc.sections, [key]: html } };
    this.markChanged();
  }

  private markChanged(): void {
    if (this.saveState !== 'saving') this.saveState = 'unsaved';
    window.addEventListener('beforeunload', this.warnBeforeUnload);
    const store = this.options.store?.();
    if (store && this.current) saveDraft(store, this.backupKey(this.current), { revision: this.current.revision, document: this.doc });
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.save();
    }, this.options.delay ?? 800);
    this.host.requestUpdate();
  }

  private warnBeforeUnload = (event: BeforeUnloadEvent): void => {
    if (this.saveState === 'saved') return;
    event.preventDefault();
  };

  /** Saves now (also the Retry of a failed save). Resolves when the server has the current text or the save failed. */
  async save(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.saving) {
      await this.saving;
      if (this.saveState === 'unsaved') return this.save();
      return;
    }
    const base = this.options.apiBase();
    const version = this.current;
    const sent = this.doc;
    if (base === undefined || !version || !sent || version.status !== 'draft') return;
    this.saveState = 'saving';
    this.host.requestUpdate();
    this.saving = (async () => {
      try {
        const saved = await this.options.session.request<ReportVersion>(`reports/${version.year}/versions/${version.version}`, {
          method: 'PUT',
          body: { document: sent },
          headers: { 'If-Match': etagOf(version) },
        });
        this.current = saved;
        this.replaceInList(saved);
        this.saveError = undefined;
        const store = this.options.store?.();
        if (this.doc === sent) {
          this.saveState = 'saved';
          if (store) clearDraft(store, this.backupKey(saved));
          window.removeEventListener('beforeunload', this.warnBeforeUnload);
        } else {
          // Typed on while saving: the copy and the next save carry on from the new revision.
          this.saveState = 'unsaved';
          if (store) saveDraft(store, this.backupKey(saved), { revision: saved.revision, document: this.doc });
        }
        this.options.onSaved?.(saved);
      } catch (error) {
        const apiError = error instanceof ApiError ? error : new ApiError('network', String(error));
        this.saveError = apiError;
        this.saveState = apiError.status === 412 ? 'conflict' : 'failed';
      }
    })();
    await this.saving;
    this.saving = undefined;
    this.host.requestUpdate();
    if ((this.saveState as SaveState) === 'unsaved') await this.save();
  }

  private replaceInList(version: ReportVersion): void {
    if (!this.data) return;
    const others = this.data.versions.filter((v) => v.version !== version.version);
    this.data = { ...this.data, versions: [version, ...others].sort((a, b) => b.version - a.version) };
  }

  // ---- Workflow ----

  /** Runs one step of the workflow; the edits are saved first, so what is submitted is what is shown. */
  async run(action: YearAction, note?: string): Promise<boolean> {
    const base = this.options.apiBase();
    const year = this.options.year();
    if (base === undefined || year === undefined || this.busy) return false;
    if (this.saveState !== 'saved' && action !== 'create' && action !== 'correct') {
      await this.save();
      if ((this.saveState as SaveState) !== 'saved') return false;
    }
    this.busy = action;
    this.actionError = undefined;
    this.host.requestUpdate();
    const version = this.current;
    try {
      const path =
        action === 'create'
          ? `reports/${year}/draft`
          : action === 'correct'
            ? `reports/${year}/corrections`
            : `reports/${year}/versions/${version!.version}/${action}`;
      const headers: Record<string, string> = version && action !== 'create' && action !== 'correct' ? { 'If-Match': etagOf(version) } : {};
      const body = action === 'return' || action === 'correct' ? { note } : action === 'create' ? {} : undefined;
      const answer = await this.options.session.request<ReportVersion>(path, { method: 'POST', headers, ...(body ? { body } : {}) });
      this.replaceInList(answer);
      this.current = answer;
      this.doc = copyOf(answer.document);
      this.generation++;
      this.saveState = 'saved';
      this.options.onStatus?.(answer);
      return true;
    } catch (error) {
      const apiError = error instanceof ApiError ? error : new ApiError('network', String(error));
      this.actionError = { action, error: apiError };
      return false;
    } finally {
      this.busy = undefined;
      this.host.requestUpdate();
    }
  }
}

/** A deep copy of a report document (plain JSON); structuredClone is newer than the kit's browser floor (Chrome 98). */
function copyOf<T>(document: T): T {
  return JSON.parse(JSON.stringify(document)) as T;
}
