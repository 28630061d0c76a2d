/** The 答复书: its nine elements as editable fields, a preview, and a print page. */
import { html, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { AnswerLetter } from '../../api/types/staff.js';

type LetterField = keyof AnswerLetter;

/** The JS-NORM elements in the order the letter reads. */
function letterLabels(): Record<LetterField, string> {
  return {
    title: msg('标题'),
    docNo: msg('文号'),
    applicantName: msg('申请人姓名（名称）'),
    facts: msg('申请事实'),
    legalBasis: msg('法律依据'),
    decision: msg('处理决定'),
    remedies: msg('复议、诉讼的权利和期限'),
    issuer: msg('答复主体'),
    date: msg('答复日期'),
  };
}

const LONG: readonly LetterField[] = ['facts', 'legalBasis', 'decision', 'remedies'];

export function renderLetterFields(letter: AnswerLetter): TemplateResult {
  const labels = letterLabels();
  return html`${(Object.keys(labels) as LetterField[]).map((name) => {
    const id = `letter-${name}`;
    return html`<div class="field">
      <label class="label" for=${id}>${labels[name]}</label>
      ${LONG.includes(name)
        ? html`<textarea class="input" id=${id} name=${id} data-letter=${name} rows="4" .value=${letter[name]}></textarea>`
        : html`<input class="input" id=${id} name=${id} data-letter=${name} .value=${letter[name]} />`}
    </div>`;
  })}`;
}

/** The letter as it will be issued (text only: whatever the fields hold renders as text). */
export function renderLetter(letter: AnswerLetter): TemplateResult {
  return html`<article class="letter" part="answer-letter" aria-label=${msg('答复书预览')}>
    <h4>${letter.title}</h4>
    <p class="doc-no">${letter.docNo}</p>
    <p>${letter.applicantName}：</p>
    <p>${letter.facts}</p>
    <p>${letter.decision}</p>
    <p>${letter.legalBasis}</p>
    <p>${letter.remedies}</p>
    <p class="signature">${letter.issuer}<br />${letter.date}</p>
  </article>`;
}

const PRINT_CSS = `body{font-family:FangSong,STFangsong,serif;font-size:16pt;line-height:1.8;margin:2.5cm}
h1{text-align:center;font-size:22pt;font-weight:700}p{text-indent:2em;margin:0 0 .5em;white-space:pre-wrap}
.doc-no{text-align:center;text-indent:0}.to{text-indent:0}.signature{text-align:right}`;

/**
 * Prints the letter from a window of its own, built node by node with text
 * only and styled by a constructed stylesheet, so a strict CSP (no inline
 * style or script) allows it.
 */
export function printLetter(letter: AnswerLetter, lang: string): void {
  const win = window.open('', '_blank');
  if (!win) return;
  const doc = win.document;
  doc.documentElement.lang = lang;
  doc.title = letter.title;
  const sheet = new (win as Window & typeof globalThis).CSSStyleSheet();
  sheet.replaceSync(PRINT_CSS);
  doc.adoptedStyleSheets = [sheet];
  const add = (tag: string, text: string, className = '') => {
    const node = doc.createElement(tag);
    node.textContent = text;
    if (className) node.className = className;
    doc.body.append(node);
  };
  add('h1', letter.title);
  add('p', letter.docNo, 'doc-no');
  add('p', `${letter.applicantName}：`, 'to');
  for (const text of [letter.facts, letter.decision, letter.legalBasis, letter.remedies]) add('p', text);
  add('p', letter.issuer, 'signature');
  add('p', letter.date, 'signature');
  win.focus();
  win.print();
}
