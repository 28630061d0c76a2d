/**
 * The ProseMirror editors of the narrative parts (一、五、六). The editor code loads when the
 * element connects (never with the kit, never on the server); the editors mount after an
 * update, in the places the template left for them (`[data-rich-text=key]`), are refilled
 * when a new document came from the server, and are destroyed when the element leaves the
 * page. The pressed state of each toolbar is kept here too.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AnnualReport, ReportSections } from '../../api/types/report.js';
import { lazyModule } from '../base/lazy-module.js';
import type { RichText, RichTextCommand } from './rich-text.js';

type RichTextModule = typeof import('./rich-text.js');

// ProseMirror loads with the first editor on the page, never with the kit.
const richText = lazyModule(() => import('./rich-text.js'));

/** 2021 guidance for 一、总体情况: 篇幅原则上不超过一千字. */
export const OVERVIEW_GUIDANCE = 1000;

export const NARRATIVES: (keyof ReportSections)[] = ['overview', 'problems', 'other'];

export interface NarrativeEditorsOptions {
  root: () => ParentNode;
  /** The document shown, and the generation of it (a newer one refills the editors) */
  doc: () => AnnualReport | undefined;
  generation: () => number;
  editable: () => boolean;
  onChange: (key: keyof ReportSections, html: string) => void;
}

export class NarrativeEditorsController implements ReactiveController {
  /** The editor code could not be loaded (Retry: `load()`). */
  failed = false;
  private module?: RichTextModule;
  private active = new Map<keyof ReportSections, Set<RichTextCommand>>();
  private readonly editors = new Map<keyof ReportSections, { editor: RichText; place: HTMLElement }>();
  /** The generation of the document the editors were filled from. */
  private filledFrom = -1;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: NarrativeEditorsOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.load();
  }

  hostDisconnected(): void {
    for (const { editor } of this.editors.values()) editor.destroy();
    this.editors.clear();
  }

  hostUpdated(): void {
    this.sync();
  }

  load(): void {
    this.failed = false;
    richText.load().then(
      (module) => {
        this.module = module;
        this.host.requestUpdate();
      },
      () => {
        this.failed = true;
        this.host.requestUpdate();
      },
    );
  }

  activeIn(key: keyof ReportSections): Set<RichTextCommand> {
    return this.active.get(key) ?? new Set();
  }

  run(key: keyof ReportSections, command: RichTextCommand): void {
    this.editors.get(key)?.editor.run(command);
  }

  /** Mounts an editor in each narrative's place, and refills them when a new document arrived. */
  private sync(): void {
    const module = this.module;
    const doc = this.options.doc();
    if (!module || !doc) return;
    const generation = this.options.generation();
    const refill = this.filledFrom !== generation;
    this.filledFrom = generation;
    const editable = this.options.editable();
    for (const key of NARRATIVES) {
      const place = this.options.root().querySelector<HTMLElement>(`[data-rich-text="${key}"]`) ?? undefined;
      const mounted = this.editors.get(key);
      if (mounted && mounted.place !== place) {
        mounted.editor.destroy();
        this.editors.delete(key);
      }
      if (!place) continue;
      const existing = this.editors.get(key);
      if (existing) {
        if (refill) existing.editor.setHtml(doc.sections[key] ?? '');
        existing.editor.setEditable(editable);
        continue;
      }
      const editor = module.mountRichText(place, {
        html: doc.sections[key] ?? '',
        editable,
        labelledBy: `heading-${key}`,
        ...(key === 'overview' && doc.format === '2021' ? { describedBy: 'count-overview' } : {}),
        onChange: (value) => this.options.onChange(key, value),
        onSelection: (active) => {
          this.active = new Map(this.active).set(key, active);
          this.host.requestUpdate();
        },
      });
      this.editors.set(key, { editor, place });
    }
  }
}
