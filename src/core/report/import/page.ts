/**
 * The report inside a portal page: the smallest element holding its tables (the article,
 * not the menus, footer or scripts around it), its parts under the template's headings,
 * and what the page states about it (title, agency, year, publication date, contact).
 */
import type { ReportContact, ReportTable } from '../../../api/types/report.js';
import { type HtmlElement, type HtmlNode, findAll, isBlock, isElement, pathTo, sanitizedHtml, textOf } from './html-tree.js';
import { cleanText, labelKey } from './labels.js';

/** The element closest to the tables that contains all of them. */
export function articleOf(root: HtmlElement, tables: HtmlElement[]): HtmlElement {
  if (tables.length === 0) return root;
  const paths = tables.map((t) => pathTo(root, t) ?? [root]);
  let common = root;
  for (let depth = 0; ; depth++) {
    const step = paths[0]![depth];
    if (!step || !paths.every((p) => p[depth] === step)) break;
    common = step;
  }
  // One table alone: its container is the table itself; the article is further up, where the headings are.
  if (tables.length === 1 && common === tables[0]) {
    const path = paths[0]!;
    for (let depth = path.length - 2; depth >= 0; depth--) {
      if (HEADINGS.overview.test(headingKey(textOf(path[depth]!)))) return path[depth]!;
    }
    return path[path.length - 2] ?? root;
  }
  return common;
}

// ---- Blocks and headings ----

export type SectionKey = 'intro' | 'overview' | 'proactive' | 'requests' | 'reviews' | 'problems' | 'other';

/** The template's headings, numbered 一 … 六, with the words each has in every report seen. */
const HEADINGS: Record<Exclude<SectionKey, 'intro'>, RegExp> = {
  overview: /^一总体情况/,
  proactive: /^二主动公开/,
  requests: /^三收到和处理/,
  reviews: /^四.{0,12}(?:行政复议|行政诉讼)/,
  problems: /^五.{0,16}(?:问题|改进)/,
  other: /^六其他需要报告/,
};

const headingKey = (text: string) => labelKey(text).slice(0, 40);

function headingOf(block: HtmlElement): Exclude<SectionKey, 'intro'> | undefined {
  if (block.tag === 'table') return undefined;
  const text = cleanText(textOf(block));
  if (text.length > 60) return undefined;
  const key = headingKey(text);
  // 一是…、四是… start the points of a paragraph, not a part of the report.
  if (/^[一二三四五六]是/.test(key)) return undefined;
  return (Object.keys(HEADINGS) as Exclude<SectionKey, 'intro'>[]).find((section) => HEADINGS[section].test(key));
}

/** Elements that only group blocks: their blocks are read one by one. */
const CONTAINERS = new Set(['div', 'section', 'article', 'font', 'center']);

/** The article's blocks in reading order: paragraphs, headings, tables, lists; runs of inline content as one block. */
export function blocksOf(container: HtmlElement): HtmlElement[] {
  const blocks: HtmlElement[] = [];
  let inline: HtmlNode[] = [];
  const flush = () => {
    if (inline.some((node) => cleanText(textOf(node)) !== '')) blocks.push({ tag: 'p', attrs: {}, children: inline });
    inline = [];
  };
  const walk = (el: HtmlElement) => {
    for (const child of el.children) {
      const nestedBlocks = isElement(child) && CONTAINERS.has(child.tag) && child.children.some(isBlock);
      if (nestedBlocks) {
        flush();
        walk(child as HtmlElement);
      } else if (isBlock(child)) {
        flush();
        blocks.push(child);
      } else {
        inline.push(child);
      }
    }
  };
  walk(container);
  flush();
  return blocks;
}

export interface SectionedArticle {
  /** Blocks under each heading (the heading itself left out); intro = before 一. */
  parts: Partial<Record<SectionKey, HtmlElement[]>>;
}

export function sectionsOf(blocks: HtmlElement[]): SectionedArticle {
  const parts: Partial<Record<SectionKey, HtmlElement[]>> = { intro: [] };
  let current: SectionKey = 'intro';
  for (const block of blocks) {
    const heading = headingOf(block);
    if (heading && !parts[heading]) {
      current = heading;
      parts[heading] = [];
      continue;
    }
    parts[current]!.push(block);
  }
  return { parts };
}

const isEmpty = (block: HtmlElement) =>
  block.tag !== 'table' && cleanText(textOf(block)) === '' && findAll(block, (el) => el.tag === 'img').length === 0;

/** The blocks as sanitised HTML, without empty paragraphs at either end or report tables in between. */
export function partHtml(blocks: HtmlElement[] | undefined, reportTables: Set<HtmlElement>): string {
  const kept = (blocks ?? []).filter((block) => !reportTables.has(block) && findAll(block, (el) => reportTables.has(el)).length === 0);
  while (kept.length && isEmpty(kept[0]!)) kept.shift();
  while (kept.length && isEmpty(kept[kept.length - 1]!)) kept.pop();
  return kept.map(sanitizedHtml).join('');
}

// ---- What the page states ----

const TITLE = /\d{4}\s*年.*(?:政府信息公开|信息公开).*(?:年度报告|年报)|(?:政府信息公开|信息公开).*\d{4}\s*年.*(?:年度报告|年报)/;

/** The report's title: the CMS's ArticleTitle meta, a title element, the page title, or the article's first lines. */
export function titleOf(root: HtmlElement, article: HtmlElement, intro: HtmlElement[]): string | undefined {
  const metas = findAll(root, (el) => el.tag === 'meta' && /^(articletitle|title)$/i.test(el.attrs['name'] ?? ''));
  const candidates = [
    ...metas.map((m) => m.attrs['content'] ?? ''),
    ...findAll(root, (el) => /title/i.test(el.attrs['class'] ?? '') && el !== article).map((el) => textOf(el)),
    ...intro.slice(0, 3).map((el) => textOf(el)),
    ...findAll(root, (el) => el.tag === 'title').map((el) => textOf({ ...el, tag: 'span' }).split(/[_|｜]/)[0] ?? ''),
    ...findAll(root, (el) => el.tag === 'h1' || el.tag === 'h2').map((el) => textOf(el)),
  ];
  return candidates.map(cleanText).find((text) => text.length <= 80 && TITLE.test(text));
}

export function yearOf(title: string | undefined, articleText: string): number | undefined {
  const fromTitle = title && /(\d{4})\s*年/.exec(title);
  if (fromTitle) return Number(fromTitle[1]);
  const period = /(\d{4})\s*年\s*1\s*月\s*1\s*日/.exec(articleText);
  return period ? Number(period[1]) : undefined;
}

/** The agency is what the title says besides the year and the words 政府信息公开工作年度报告. */
export function agencyOf(title: string | undefined): string | undefined {
  if (!title) return undefined;
  const agency = title
    .replace(/\d{4}\s*年度?/, '')
    .replace(/(?:关于)?(?:政府)?信息公开(?:工作)?(?:年度报告|年报)$/, '')
    .replace(/^[《\s]+|[》\s的]+$/g, '')
    .trim();
  return agency || undefined;
}

const DATE = /(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})/;
const pad = (n: string) => n.padStart(2, '0');

/** The publication date: the CMS's PubDate meta, or a 发布日期/发布时间/时间 line on the page. */
export function publishedAtOf(root: HtmlElement): string | undefined {
  const meta = findAll(root, (el) => el.tag === 'meta' && /^(pubdate|publishdate|firstpublishedtime)$/i.test(el.attrs['name'] ?? ''))[0];
  const fromMeta = meta && DATE.exec(meta.attrs['content'] ?? '');
  const pageText = cleanText(textOf(root, { nestedTables: true }));
  const line = /(?:发布日期|发布时间|发文日期|成文日期|时间|日期)\s*[:：]\s*(\d{4}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2})/.exec(pageText);
  const found = fromMeta ?? (line ? DATE.exec(line[1]!) : null);
  return found ? `${found[1]}-${pad(found[2]!)}-${pad(found[3]!)}` : undefined;
}

/** Contact details stated in the report's introduction (地址、邮编、电话、传真、电子邮箱). */
export function contactOf(text: string): ReportContact | undefined {
  const contact: ReportContact = {};
  const pick = (pattern: RegExp) => pattern.exec(text)?.[1]?.trim();
  const office = pick(/请与\s*([^，,。；;]{2,40}?)\s*联系/);
  const address = pick(/(?:联系|通讯|办公)?地址\s*[:：]\s*([^；;。，,\n]{4,80})/);
  const postcode = pick(/邮(?:政)?编(?:码)?\s*[:：]?\s*(\d{6})/);
  const phoneAndFax = pick(/电话\s*[/、]\s*传真\s*[:：]\s*([\d\-－（）() ]{7,20}\d)/);
  const phone = phoneAndFax ?? pick(/(?:联系|咨询)?电话\s*[:：]\s*([\d\-－（）() ]{7,20}\d)/);
  const fax = phoneAndFax ?? pick(/传真\s*[:：]\s*([\d\-－（）() ]{7,20}\d)/);
  const email = pick(/([\w.+-]+@[\w-]+(?:\.[\w-]+)+)/);
  const person = pick(/联系人\s*[:：]\s*([^；;。，,\s]{2,20})/);
  if (office) contact.agency = office;
  if (person) contact.contact = person;
  if (address) contact.address = address;
  if (postcode) contact.postcode = postcode;
  if (phone) contact.phone = phone;
  if (fax) contact.fax = fax;
  if (email) contact.email = email;
  return Object.keys(contact).length ? contact : undefined;
}

export const REPORT_TABLE_SECTION: Record<ReportTable, SectionKey> = { 二: 'proactive', 三: 'requests', 四: 'reviews' };
