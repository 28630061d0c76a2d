/**
 * The narrative editor (一、五、六) on ProseMirror, loaded only when the report editor
 * opens. Its schema holds only what the report viewer renders and a CMS keeps: paragraphs,
 * bold, italic, links, bulleted and numbered lists, line breaks. Pasted HTML (from Word or
 * a web page) first goes through the viewer's sanitiser (base/sanitize.ts), then through the schema, so
 * classes, styles, fonts, `<o:p>` and scripts never reach the document.
 */
import { baseKeymap, toggleMark } from 'prosemirror-commands';
import { history, redo, undo } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import { DOMParser, DOMSerializer, Schema, type MarkType, type NodeType } from 'prosemirror-model';
import { liftListItem, sinkListItem, splitListItem, wrapInList } from 'prosemirror-schema-list';
import { EditorState, type Command } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { sanitizeNarrative, sanitizedFragment } from '../base/sanitize.js';

const schema = new Schema({
  nodes: {
    doc: { content: 'block+' },
    paragraph: { group: 'block', content: 'inline*', parseDOM: [{ tag: 'p' }, { tag: 'div' }], toDOM: () => ['p', 0] },
    bullet_list: { group: 'block', content: 'list_item+', parseDOM: [{ tag: 'ul' }], toDOM: () => ['ul', 0] },
    ordered_list: { group: 'block', content: 'list_item+', parseDOM: [{ tag: 'ol' }], toDOM: () => ['ol', 0] },
    list_item: { content: 'paragraph block*', defining: true, parseDOM: [{ tag: 'li' }], toDOM: () => ['li', 0] },
    text: { group: 'inline' },
    hard_break: { group: 'inline', inline: true, selectable: false, parseDOM: [{ tag: 'br' }], toDOM: () => ['br'] },
  },
  marks: {
    strong: { parseDOM: [{ tag: 'strong' }, { tag: 'b' }], toDOM: () => ['strong', 0] },
    em: { parseDOM: [{ tag: 'em' }, { tag: 'i' }], toDOM: () => ['em', 0] },
    link: {
      attrs: { href: {} },
      inclusive: false,
      parseDOM: [{ tag: 'a[href]', getAttrs: (dom) => ({ href: (dom as HTMLElement).getAttribute('href') }) }],
      toDOM: (mark) => ['a', { href: mark.attrs['href'] as string }, 0],
    },
  },
});

const nodes = schema.nodes as Record<'bullet_list' | 'ordered_list' | 'list_item' | 'hard_break', NodeType>;
const marks = schema.marks as Record<'strong' | 'em', MarkType>;

export type RichTextCommand = 'strong' | 'em' | 'bullet_list' | 'ordered_list';

export interface RichTextOptions {
  html: string;
  editable: boolean;
  /** id of the element that names the text box */
  labelledBy: string;
  describedBy?: string;
  onChange: (html: string) => void;
  /** After every change of content or selection: which marks are active, for the toolbar */
  onSelection?: (active: Set<RichTextCommand>) => void;
}

export interface RichText {
  run(command: RichTextCommand): void;
  setEditable(editable: boolean): void;
  /** Replaces the content (a reload from the server), without firing onChange. */
  setHtml(html: string): void;
  focus(): void;
  destroy(): void;
}

/** The viewer's sanitiser first (fresh nodes of an inert document, so nothing in the text loads or runs), then the schema. */
function parse(html: string) {
  return DOMParser.fromSchema(schema).parse(sanitizedFragment(html));
}

function serialize(state: EditorState): string {
  if (state.doc.childCount === 1 && state.doc.firstChild!.type.name === 'paragraph' && state.doc.firstChild!.content.size === 0) return '';
  const box = document.createElement('template');
  box.content.append(DOMSerializer.fromSchema(schema).serializeFragment(state.doc.content));
  return box.innerHTML;
}

const insertBreak: Command = (state, dispatch) => {
  dispatch?.(state.tr.replaceSelectionWith(nodes.hard_break.create()).scrollIntoView());
  return true;
};

function commandOf(name: RichTextCommand): Command {
  return name === 'strong' || name === 'em' ? toggleMark(marks[name]) : wrapInList(nodes[name]);
}

function activeOf(state: EditorState): Set<RichTextCommand> {
  const active = new Set<RichTextCommand>();
  const { from, $from, to, empty } = state.selection;
  for (const name of ['strong', 'em'] as const) {
    const type = marks[name];
    if (empty ? type.isInSet(state.storedMarks ?? $from.marks()) : state.doc.rangeHasMark(from, to, type)) active.add(name);
  }
  for (let depth = $from.depth; depth > 0; depth--) {
    const type = $from.node(depth).type.name;
    if (type === 'bullet_list' || type === 'ordered_list') {
      active.add(type);
      break;
    }
  }
  return active;
}

export function mountRichText(place: HTMLElement, options: RichTextOptions): RichText {
  let editable = options.editable;
  const plugins = [
    history(),
    keymap({
      'Mod-z': undo,
      'Mod-y': redo,
      'Shift-Mod-z': redo,
      'Mod-b': toggleMark(marks.strong),
      'Mod-i': toggleMark(marks.em),
      'Shift-Enter': insertBreak,
      Enter: splitListItem(nodes.list_item),
      'Mod-[': liftListItem(nodes.list_item),
      'Mod-]': sinkListItem(nodes.list_item),
    }),
    keymap(baseKeymap),
  ];
  const view = new EditorView(
    { mount: place },
    {
      state: EditorState.create({ doc: parse(options.html), plugins }),
      editable: () => editable,
      attributes: () => ({
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-labelledby': options.labelledBy,
        ...(options.describedBy ? { 'aria-describedby': options.describedBy } : {}),
        'aria-readonly': String(!editable),
        class: 'rich-text',
      }),
      transformPastedHTML: (html) => sanitizeNarrative(html),
      dispatchTransaction(transaction) {
        const state = view.state.apply(transaction);
        view.updateState(state);
        if (transaction.docChanged) options.onChange(serialize(state));
        options.onSelection?.(activeOf(state));
      },
    },
  );
  return {
    run(command) {
      commandOf(command)(view.state, view.dispatch, view);
      view.focus();
    },
    setEditable(value) {
      editable = value;
      view.setProps({});
    },
    setHtml(html) {
      view.updateState(EditorState.create({ doc: parse(html), plugins }));
    },
    focus: () => view.focus(),
    destroy: () => view.destroy(),
  };
}
