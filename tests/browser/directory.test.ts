import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/directory.js';
import type { ZwgkDirectory } from '../../src/components/directory/directory.js';
import { newestValidItems } from '../../src/components/directory/catalog.js';
import { validateInSlices } from '../../src/components/directory/long-list.js';
import { isoDateFromText } from '../../src/components/directory/table-source.js';
import { hrefWithQuery } from '../../src/components/directory/url-sync.js';
import { pageWindow } from '../../src/components/directory/view.js';
import type { DisclosureItem } from '../../src/api/types/directory.js';
import { FUJIAN_COMMERCE_2020_DOCUMENTS } from '../../src/core/directory/fixtures.js';
import { generateDisclosureItems } from '../../src/core/directory/generate.js';
import { createDirectoryIndex, queryDirectory, validateDisclosureItems } from '../../src/core/directory/index.js';
import { HOSTILE, chooseOption, pwned, shadow, textOf, waitForShadow } from './harness.js';

const START_URL = location.href;
const DOCUMENTS = [...FUJIAN_COMMERCE_2020_DOCUMENTS];
const CONVENIENCE = '福建省商务厅等13部门关于推动我省品牌连锁便利店加快发展的实施意见';

/** A few documents whose order, facets and validity the tests know by heart. */
const SMALL: DisclosureItem[] = [
  {
    id: 'a',
    indexNo: 'FJ0035910/2020-00131',
    title: CONVENIENCE,
    url: '/docs/a.htm',
    docNo: '闽商务〔2020〕76号',
    publisher: '福建省商务厅',
    category: '商贸、海关、旅游\\国内贸易',
    publishedAt: '2020-08-14',
    writtenAt: '2020-08-07',
    keywords: ['便利店', '连锁经营'],
    validity: '有效',
    summary: '推动品牌连锁便利店加快发展。',
  },
  {
    id: 'b',
    indexNo: 'FJ0035910/2019-00012',
    title: '关于促进夜间经济发展的通知',
    url: 'https://example.gov.cn/b.htm',
    docNo: '闽商务〔2019〕3号',
    publisher: '福建省商务厅',
    category: '商贸、海关、旅游\\国内贸易',
    publishedAt: '2019-03-01',
    validity: '废止',
  },
  {
    id: 'c',
    indexNo: 'sggzyjyzx/2018-00002',
    title: '福州市商务局关于开展2018年外贸企业统计的通知',
    url: '/docs/c.htm',
    publisher: '福州市商务局',
    category: '商贸、海关、旅游\\对外经贸合作',
    publishedAt: '2018-05-20',
    validity: '失效',
  },
];

function root(el: Element): ShadowRoot {
  return shadow(el);
}
function titles(el: Element): string[] {
  return [...root(el).querySelectorAll('[part="item-title"]')].map((h) => textOf(h.querySelector('.name')));
}
function count(el: Element): string {
  return textOf(root(el).querySelector('[part="count"]'));
}
function input(el: Element): HTMLInputElement {
  return root(el).querySelector<HTMLInputElement>('#q')!;
}
function select(el: Element, id: string): HTMLSelectElement {
  return root(el).querySelector<HTMLSelectElement>(`#${id}`)!;
}
function announcer(el: Element): HTMLElement {
  return root(el).querySelector<HTMLElement>('[part="announcer"]')!;
}
function pageButtons(el: Element): HTMLButtonElement[] {
  return [...root(el).querySelectorAll<HTMLButtonElement>('[part="page-button"]')];
}
/** Types into the search box as the citizen does, one input event per character. */
function typeText(el: Element, text: string): void {
  const box = input(el);
  for (const character of text) {
    box.value += character;
    box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, data: character, inputType: 'insertText' }));
  }
}
/** Waits until results (or "nothing found") are shown and no search is under way. */
async function ready(el: ZwgkDirectory): Promise<void> {
  await waitUntil(
    () => root(el).querySelector('[part="list"], [part="empty"]') && !count(el).startsWith('正在'),
    'the directory never settled',
    { timeout: 8000 },
  );
}
/** Records every text the live region says. */
function listen(el: Element): string[] {
  const said: string[] = [];
  const region = announcer(el);
  new MutationObserver(() => {
    const text = textOf(region);
    if (text) said.push(text);
  }).observe(region, { childList: true, characterData: true, subtree: true });
  return said;
}
const params = () => new URL(location.href).searchParams;

describe('<zwgk-directory>', () => {
  afterEach(() => {
    history.replaceState(null, '', START_URL);
  });

  describe('client mode', () => {
    it('lists documents newest first with 文号, 发布机构, date, validity and a link', async () => {
      const el = await fixture<ZwgkDirectory>(html`<zwgk-directory .data=${{ items: SMALL }}></zwgk-directory>`);
      expect(titles(el)).to.deep.equal([CONVENIENCE, '关于促进夜间经济发展的通知', '福州市商务局关于开展2018年外贸企业统计的通知']);
      expect(count(el)).to.equal('共 3 条，第 1/1 页');
      const first = root(el).querySelector('article')!;
      expect(first.querySelector('h3 a')!.getAttribute('href')).to.equal('/docs/a.htm');
      const meta = [...first.querySelectorAll('[part="item-meta"] > div')].map((pair) => [
        textOf(pair.querySelector('dt')),
        textOf(pair.querySelector('dd')),
      ]);
      expect(meta).to.deep.equal([
        ['文号', '闽商务〔2020〕76号'],
        ['发布机构', '福建省商务厅'],
        ['发布日期', '2020年8月14日'],
      ]);
      expect(first.querySelector('time')!.getAttribute('datetime')).to.equal('2020-08-14');
      expect(textOf(first.querySelector('[part="badge"]'))).to.equal('有效');
      expect(textOf(first.querySelector('[part="item-summary"]'))).to.equal('推动品牌连锁便利店加快发展。');
      expect(root(el).querySelectorAll('ol[part="list"] > li > article')).to.have.length(3);
    });

    it('labels 失效 and 废止 in words and strikes their titles through', async () => {
      const el = await fixture<ZwgkDirectory>(html`<zwgk-directory .data=${SMALL}></zwgk-directory>`);
      const [, repealed, expired] = [...root(el).querySelectorAll('[part="item-title"]')];
      expect(textOf(repealed!.querySelector('[part="badge"]'))).to.equal('废止');
      expect(textOf(expired!.querySelector('[part="badge"]'))).to.equal('失效');
      expect(textOf(repealed), 'the badge is part of the heading').to.contain('废止');
      expect(getComputedStyle(repealed!.querySelector('.name')!).textDecorationLine).to.contain('line-through');
      expect(getComputedStyle(expired!.querySelector('.name')!).textDecorationLine).to.contain('line-through');
      const valid = root(el).querySelector('[part="item-title"] .name')!;
      expect(getComputedStyle(valid).textDecorationLine).not.to.contain('line-through');
      const colours = [...root(el).querySelectorAll('[part="badge"]')].map((badge) => getComputedStyle(badge).color);
      expect(new Set(colours).size, 'each validity has its own colour').to.equal(3);
    });

    it('searches as you type, across 文号 bracket forms, and marks the matches', async () => {
      const el = await fixture<ZwgkDirectory>(html`<zwgk-directory .data=${{ items: DOCUMENTS }}></zwgk-directory>`);
      typeText(el, '闽商务[2020]76号');
      await el.updateComplete;
      expect(titles(el)).to.deep.equal([CONVENIENCE]);
      const docNo = root(el).querySelector('[part="item-meta"] dd')!;
      expect(textOf(docNo.querySelector('mark'))).to.equal('闽商务〔2020〕76号');
      input(el).value = '';
      typeText(el, '便利店');
      await el.updateComplete;
      const title = root(el).querySelector('[part="item-title"] .name')!;
      expect(textOf(title), 'the title text stays whole').to.equal(CONVENIENCE);
      expect([...title.querySelectorAll('mark')].map(textOf)).to.deep.equal(['便利店']);
    });

    it('announces the count once the citizen pauses, not per keystroke, and fires zwgk-search', async () => {
      const el = await fixture<ZwgkDirectory>(html`<zwgk-directory .data=${{ items: DOCUMENTS }}></zwgk-directory>`);
      const said = listen(el);
      const searched = oneEvent(el, 'zwgk-search');
      typeText(el, '政务');
      await new Promise((resolve) => setTimeout(resolve, 150));
      typeText(el, '公开');
      const { detail } = await searched;
      expect(detail.q).to.equal('政务公开');
      await waitUntil(() => said.length > 0, 'nothing was announced');
      const expected = `找到 ${el.total} 条信息，当前第 1 页，共 1 页。`;
      expect(said).to.deep.equal([expected]);
      expect(announcer(el).getAttribute('aria-live')).to.equal('polite');
    });

    it('says when nothing matches and clears every condition with one button', async () => {
      const el = await fixture<ZwgkDirectory>(html`<zwgk-directory .data=${SMALL}></zwgk-directory>`);
      typeText(el, '不存在的文件');
      await el.updateComplete;
      const empty = root(el).querySelector('[part="empty"]')!;
      expect(textOf(empty)).to.contain('没有找到符合条件的信息。');
      (empty.querySelector('[part="reset-button"]') as HTMLButtonElement).click();
      await el.updateComplete;
      expect(titles(el)).to.have.length(3);
      expect(input(el).value).to.equal('');
      expect(root(el).activeElement).to.equal(input(el));
    });

    it('filters by 主题分类, 发布机构, year and 有效性 with counts per value', async () => {
      const el = await fixture<ZwgkDirectory>(html`<zwgk-directory .data=${SMALL}></zwgk-directory>`);
      const options = (id: string) => [...select(el, id).options].map((o) => o.textContent!.trim());
      expect(options('filter-category')).to.deep.equal(['全部', '商贸、海关、旅游\\国内贸易（2）', '商贸、海关、旅游\\对外经贸合作（1）']);
      expect(options('filter-publisher')).to.deep.equal(['全部', '福建省商务厅（2）', '福州市商务局（1）']);
      expect(options('filter-year')).to.deep.equal(['全部', '2018（1）', '2019（1）', '2020（1）']);
      expect(options('filter-validity')).to.deep.equal(['全部', '废止（1）', '失效（1）', '有效（1）']);
      for (const id of ['filter-category', 'filter-publisher', 'filter-year', 'filter-validity', 'sort']) {
        expect(textOf(root(el).querySelector(`label[for="${id}"]`)), `${id} has a visible label`).not.to.equal('');
      }
      await chooseOption(el, 'filter-publisher', '福建省商务厅');
      expect(titles(el)).to.deep.equal([CONVENIENCE, '关于促进夜间经济发展的通知']);
      expect(options('filter-validity')).to.deep.equal(['全部', '废止（1）', '有效（1）']);
      await chooseOption(el, 'filter-validity', '废止');
      expect(titles(el)).to.deep.equal(['关于促进夜间经济发展的通知']);
      expect(params().get('publisher')).to.equal('福建省商务厅');
      expect(params().get('validity')).to.equal('废止');
    });

    it('sorts oldest first and by title', async () => {
      const el = await fixture<ZwgkDirectory>(html`<zwgk-directory .data=${SMALL}></zwgk-directory>`);
      expect(select(el, 'sort').value).to.equal('newest');
      await chooseOption(el, 'sort', 'oldest');
      expect(titles(el)[0]).to.equal('福州市商务局关于开展2018年外贸企业统计的通知');
      await chooseOption(el, 'sort', 'title');
      // Pinyin order: 福(fu) before 关(guan).
      expect(titles(el).map((t) => t[0])).to.deep.equal(['福', '福', '关']);
    });

    it('pages with large buttons, aria-current and focus on the count', async () => {
      const items = generateDisclosureItems(95, 3);
      const el = await fixture<ZwgkDirectory>(html`<zwgk-directory .data=${items}></zwgk-directory>`);
      expect(root(el).querySelectorAll('[part="item"]')).to.have.length(20);
      expect(count(el)).to.equal('共 95 条，第 1/5 页');
      const nav = root(el).querySelector('nav[part="pagination"]')!;
      expect(nav.getAttribute('aria-label')).to.equal('分页');
      expect(pageButtons(el).map(textOf)).to.deep.equal(['1', '2', '3', '4', '5', '下一页']);
      expect(pageButtons(el)[0]!.getAttribute('aria-current')).to.equal('page');
      expect(pageButtons(el)[1]!.getAttribute('aria-label')).to.equal('第 2 页');
      for (const button of pageButtons(el)) {
        const box = button.getBoundingClientRect();
        expect(box.width, textOf(button)).to.be.at.least(44);
        expect(box.height, textOf(button)).to.be.at.least(44);
      }
      pageButtons(el).at(-1)!.click();
      await waitUntil(() => root(el).activeElement === root(el).querySelector('[part="count"]'), 'focus did not move to the count');
      expect(count(el)).to.equal('共 95 条，第 2/5 页');
      expect(titles(el)[0]).to.equal(items[20]!.title);
      expect(pageButtons(el).map(textOf)).to.deep.equal(['上一页', '1', '2', '3', '4', '5', '下一页']);
      expect(params().get('page')).to.equal('2');
    });

    it('expands each document to the standard metadata table with row headers', async () => {
      const el = await fixture<ZwgkDirectory>(html`<zwgk-directory .data=${SMALL}></zwgk-directory>`);
      const details = root(el).querySelector<HTMLDetailsElement>('[part="item-details"]')!;
      expect(textOf(details.querySelector('summary'))).to.equal(`详细信息 ${CONVENIENCE}`);
      expect(details.querySelector('table'), 'closed details keep the DOM small').to.equal(null);
      details.querySelector('summary')!.click();
      const table = await waitForShadow<HTMLTableElement>(el, '[part="metadata"]');
      const rows = [...table.querySelectorAll('tbody tr')].map((row) => [textOf(row.querySelector('th')), textOf(row.querySelector('td'))]);
      expect(rows).to.deep.equal([
        ['索引号', 'FJ0035910/2020-00131'],
        ['发布机构', '福建省商务厅'],
        ['生成日期', '2020年8月14日'],
        ['成文日期', '2020年8月7日'],
        ['文号', '闽商务〔2020〕76号'],
        ['主题分类', '商贸、海关、旅游\\国内贸易'],
        ['主题词', '便利店 连锁经营'],
        ['有效性', '有效'],
      ]);
      for (const th of table.querySelectorAll('th')) expect(th.getAttribute('scope')).to.equal('row');
    });

    it('shows the newest page of a long list at once (a screen of it first), then searches it all, keeping one page in the DOM', async () => {
      const items = generateDisclosureItems(12_000, 11);
      const el = await fixture<ZwgkDirectory>(html`<zwgk-directory .data=${{ items }}></zwgk-directory>`);
      const firstPage = items.slice(0, 20).map((item) => item.title);
      expect(titles(el), 'a screen of the first page before indexing').to.deep.equal(firstPage.slice(0, 6));
      expect(count(el)).to.equal('正在准备检索…');
      // The rest of the page a painted frame later, in a task of its own.
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
      await el.updateComplete;
      expect(titles(el), 'the first page before indexing').to.deep.equal(firstPage);
      expect(count(el)).to.equal('正在准备检索…');
      typeText(el, '跨境电商'); // before the index is ready: shown once it is
      await ready(el);
      const expected = queryDirectory(createDirectoryIndex(items), { q: '跨境电商' });
      expect(count(el)).to.equal(`共 ${expected.total.toLocaleString('en')} 条，第 1/${Math.ceil(expected.total / 20)} 页`);
      expect(titles(el)).to.deep.equal(expected.items.map((item) => item.title));
      expect(root(el).querySelectorAll('[part="item"]')).to.have.length(20);
      expect(root(el).querySelectorAll('*').length, 'elements in the shadow root').to.be.below(600);
      (root(el).querySelector('[part="clear-button"]') as HTMLButtonElement).click();
      await el.updateComplete;
      expect(count(el)).to.equal('共 12,000 条，第 1/600 页');
    });

    it('leaves out items that cannot be shown and says why in the console', async () => {
      const warnings: unknown[][] = [];
      const warn = console.warn;
      console.warn = (...args: unknown[]) => warnings.push(args);
      try {
        const el = await fixture<ZwgkDirectory>(
          html`<zwgk-directory .data=${{ items: [...SMALL, { id: 'x', title: '缺少字段' }] }}></zwgk-directory>`,
        );
        expect(titles(el)).to.have.length(3);
        expect(JSON.stringify(warnings)).to.contain('items[3]');
      } finally {
        console.warn = warn;
      }
    });
  });

  describe('keyboard', () => {
    it('uses the search box, clear button, filters, sort, details and pages from the keyboard', async () => {
      const items = [...SMALL, ...generateDisclosureItems(40, 5)];
      const el = await fixture<ZwgkDirectory>(html`<zwgk-directory .data=${items}></zwgk-directory>`);
      input(el).focus();
      await sendKeys({ type: 'FJ0035910/2020-00131' });
      await el.updateComplete;
      expect(titles(el)).to.deep.equal([CONVENIENCE]);
      await sendKeys({ press: 'Tab' });
      const clear = root(el).querySelector<HTMLButtonElement>('[part="clear-button"]')!;
      expect(root(el).activeElement).to.equal(clear);
      expect(clear.getAttribute('aria-label')).to.equal('清除搜索内容');
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(input(el).value).to.equal('');
      expect(root(el).activeElement).to.equal(input(el));
      expect(titles(el)).to.have.length(20);

      // Enter in the box searches at once.
      await sendKeys({ type: 'sggzyjyzx' });
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(titles(el)).to.deep.equal(['福州市商务局关于开展2018年外贸企业统计的通知']);
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(titles(el)).to.have.length(20);

      // Tab to the first filter and choose with the arrow keys.
      select(el, 'filter-category').focus();
      const before = select(el, 'filter-category').value;
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(select(el, 'filter-category').value).not.to.equal(before);
      const category = select(el, 'filter-category').value;
      expect(root(el).querySelectorAll('[part="item"]').length).to.be.above(0);
      expect(params().get('category')).to.equal(category);

      select(el, 'sort').focus();
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(select(el, 'sort').value).to.equal('oldest');

      // Open the details with Enter on its summary.
      const summary = root(el).querySelector<HTMLElement>('[part="item-details-summary"]')!;
      summary.focus();
      await sendKeys({ press: 'Enter' });
      await waitForShadow(el, '[part="metadata"]');

      // Pages: reset the filter, then Enter on 下一页.
      await chooseOption(el, 'filter-category', '');
      pageButtons(el).at(-1)!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => count(el).includes('第 2/'), 'Enter on 下一页 did nothing');
    });

    it('waits for the end of a composition (pinyin) before searching', async () => {
      const el = await fixture<ZwgkDirectory>(html`<zwgk-directory .data=${SMALL}></zwgk-directory>`);
      const box = input(el);
      box.value = 'bianli';
      box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, isComposing: true, inputType: 'insertCompositionText' }));
      await el.updateComplete;
      expect(titles(el)).to.have.length(3);
      box.value = '便利';
      box.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, composed: true, data: '便利' }));
      await el.updateComplete;
      expect(titles(el)).to.deep.equal([CONVENIENCE]);
    });
  });

  describe('URL state', () => {
    it('mirrors the search in the URL with a prefix, and Back and Forward restore it', async () => {
      const el = await fixture<ZwgkDirectory>(html`<zwgk-directory url-param-prefix="dir-" .data=${SMALL}></zwgk-directory>`);
      const length = history.length;
      typeText(el, '通知');
      await waitUntil(() => params().get('dir-q') === '通知', 'the URL never followed the search');
      expect(history.length, 'one entry for the whole typing burst').to.equal(length + 1);
      await oneEvent(el, 'zwgk-search');
      await chooseOption(el, 'filter-validity', '废止');
      expect(params().get('dir-validity')).to.equal('废止');
      expect(params().get('validity'), 'unprefixed names are left alone').to.equal(null);
      expect(history.length).to.equal(length + 2);
      expect(titles(el)).to.deep.equal(['关于促进夜间经济发展的通知']);

      history.back();
      await waitUntil(() => titles(el).length === 2, 'Back did not restore the search');
      expect(select(el, 'filter-validity').value).to.equal('');
      expect(input(el).value).to.equal('通知');
      history.back();
      await waitUntil(() => titles(el).length === 3, 'Back did not restore the empty search');
      expect(input(el).value).to.equal('');
      history.forward();
      await waitUntil(() => input(el).value === '通知', 'Forward did not restore the search');
    });

    it('opens a shared link on its search, filters and page', async () => {
      history.replaceState(null, '', hrefWithQuery(location.href, { q: '商务', publisher: '福建省商务厅', page: 2 }, 'dir-'));
      const items = generateDisclosureItems(200, 9);
      const el = await fixture<ZwgkDirectory>(html`<zwgk-directory url-param-prefix="dir-" .data=${items}></zwgk-directory>`);
      expect(input(el).value).to.equal('商务');
      expect(select(el, 'filter-publisher').value).to.equal('福建省商务厅');
      expect(count(el)).to.match(/第 2\//);
      const expected = queryDirectory(createDirectoryIndex(items), { q: '商务', publisher: '福建省商务厅', page: 2 });
      expect(titles(el)).to.deep.equal(expected.items.map((item) => item.title));
    });

    it('leaves the URL alone with url-state="off"', async () => {
      history.replaceState(null, '', hrefWithQuery(location.href, { q: '夜间' }, ''));
      const el = await fixture<ZwgkDirectory>(html`<zwgk-directory url-state="off" .data=${SMALL}></zwgk-directory>`);
      expect(titles(el), 'the URL is not read either').to.have.length(3);
      const before = location.href;
      const length = history.length;
      typeText(el, '通知');
      await chooseOption(el, 'sort', 'oldest');
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(location.href).to.equal(before);
      expect(history.length).to.equal(length);
    });
  });

  describe('remote mode', () => {
    before(async function () {
      // The reference server starts on the first request to /api: seconds on a busy machine.
      this.timeout(60_000);
      await fetch('/api/disclosures');
    });

    it('sends the query to the server and shows its page and facets', async () => {
      const el = await fixture<ZwgkDirectory>(html`<zwgk-directory mode="remote" src="/api/disclosures"></zwgk-directory>`);
      await ready(el);
      expect(titles(el)).to.have.length(20);
      expect(count(el)).to.match(/^共 4\d\d 条，第 1\/2\d 页$/);
      expect(select(el, 'filter-publisher').options.length).to.be.above(2);
      typeText(el, '闽商务(2020)76号');
      await waitUntil(() => titles(el).length === 1, 'the remote search did not arrive', { timeout: 5000 });
      expect(titles(el)).to.deep.equal([CONVENIENCE]);
      expect(textOf(root(el).querySelector('mark'))).to.equal('闽商务〔2020〕76号');
    });

    it('aborts stale requests while the citizen keeps typing', async () => {
      // Wrap fetch to slow the server down and see each request's signal.
      const realFetch = window.fetch;
      const requests: { url: string; signal: AbortSignal }[] = [];
      window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
        requests.push({ url: String(input), signal: init!.signal! });
        await new Promise((resolve) => setTimeout(resolve, 400));
        return realFetch(input, init);
      };
      try {
        const el = await fixture<ZwgkDirectory>(html`<zwgk-directory mode="remote" src="/api/disclosures"></zwgk-directory>`);
        await ready(el);
        requests.length = 0;
        typeText(el, '闽商务');
        await new Promise((resolve) => setTimeout(resolve, 320)); // the first request is on its way
        typeText(el, '〔2020〕76号');
        await waitUntil(() => !root(el).querySelector('[part="list"][aria-busy="true"]') && titles(el).length === 1, 'no results', {
          timeout: 5000,
        });
        expect(requests.map((r) => new URL(r.url).searchParams.get('q'))).to.deep.equal(['闽商务', '闽商务〔2020〕76号']);
        expect(requests[0]!.signal.aborted, 'the stale request was aborted').to.equal(true);
        expect(requests[1]!.signal.aborted).to.equal(false);
        expect(titles(el)).to.deep.equal([CONVENIENCE]);
      } finally {
        window.fetch = realFetch;
      }
    });

    it('explains a failing server and recovers with Retry', async () => {
      const key = `directory-${Date.now()}`;
      const el = await fixture<ZwgkDirectory>(
        html`<zwgk-directory mode="remote" src="/__stubs/fail-once-then/${key}?then=/api/disclosures"></zwgk-directory>`,
      );
      const failed = await oneEvent(el, 'zwgk-error');
      expect(failed.detail).to.include({ kind: 'http', status: 503 });
      const error = await waitForShadow(el, '[part="error"]');
      expect(error.getAttribute('role')).to.equal('alert');
      expect(textOf(error)).to.contain('服务器出现错误（503）');
      (error.querySelector('[part="retry-button"]') as HTMLButtonElement).click();
      await ready(el);
      expect(titles(el)).to.have.length(20);
    });
  });

  describe('other sources and states', () => {
    it('loads { items } from src, and recovers from a failed load with Retry', async () => {
      const key = `directory-client-${Date.now()}`;
      const el = await fixture<ZwgkDirectory>(
        html`<zwgk-directory src="/__stubs/fail-once-then/${key}?then=/api/disclosures"></zwgk-directory>`,
      );
      const error = await waitForShadow(el, '[part="error"]');
      (error.querySelector('[part="retry-button"]') as HTMLButtonElement).click();
      await ready(el);
      expect(titles(el)).to.have.length(20);
    });

    it('shows a skeleton while loading, and an answer that is not JSON or not a list as an error', async () => {
      const slow = await fixture<ZwgkDirectory>(html`<zwgk-directory src="/__stubs/slow?ms=400"></zwgk-directory>`);
      expect(root(slow).querySelector('[part="loading"]')!.getAttribute('aria-busy')).to.equal('true');
      // The slow stub answers with a contact card: not a directory.
      await waitForShadow(slow, '[part="error"]');
      expect(textOf(root(slow).querySelector('[part="error"]'))).to.contain('收到的数据格式不正确');
      const broken = await fixture<ZwgkDirectory>(html`<zwgk-directory src="/__stubs/not-json"></zwgk-directory>`);
      await waitForShadow(broken, '[part="error"]');
      expect(textOf(root(broken).querySelector('[part="error"]'))).to.contain('收到的数据格式不正确');
    });

    it('reads an inline JSON child, and says when the directory is empty', async () => {
      const el = await fixture<ZwgkDirectory>(
        html`<zwgk-directory>
          <script type="application/json">
            {
              "items": [
                {
                  "id": "1",
                  "indexNo": "FJ0035910/2020-00001",
                  "title": "内联数据的文件",
                  "url": "/1.htm",
                  "publisher": "福建省商务厅",
                  "category": "综合政务\\\\其他",
                  "publishedAt": "2020-01-02"
                }
              ]
            }
          </script>
        </zwgk-directory>`,
      );
      expect(titles(el)).to.deep.equal(['内联数据的文件']);
      const empty = await fixture<ZwgkDirectory>(html`<zwgk-directory .data=${{ items: [] }}></zwgk-directory>`);
      expect(textOf(root(empty).querySelector('[part="empty"]'))).to.equal('目录中暂无信息。');
    });

    it('upgrades a server-rendered table: read, hidden, searchable, links kept', async () => {
      const el = await fixture<ZwgkDirectory>(
        html`<zwgk-directory>
          <table>
            <thead>
              <tr>
                <th data-field="indexNo">索引号</th>
                <th data-field="title">名称</th>
                <th data-field="docNo">文号</th>
                <th data-field="publishedAt">发布日期</th>
                <th data-field="validity">有效性</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <td>FJ0035910/2020-00131</td>
                <td><a href="/zwgk/76.htm">${CONVENIENCE}</a></td>
                <td>闽商务〔2020〕76号</td>
                <td>2020年8月14日</td>
                <td>有效</td>
              </tr>
              <tr>
                <td>FJ0035910/2019-00012</td>
                <td><a href="/zwgk/3.htm">关于促进夜间经济发展的通知</a></td>
                <td>闽商务〔2019〕3号</td>
                <td>2019/3/1</td>
                <td>已废止</td>
              </tr>
            </tbody>
          </table>
        </zwgk-directory>`,
      );
      const table = el.querySelector('table')!;
      expect(table.hidden, 'the table is hidden, not removed').to.equal(true);
      expect(titles(el)).to.deep.equal([CONVENIENCE, '关于促进夜间经济发展的通知']);
      expect(root(el).querySelector('[part="item-link"]')!.getAttribute('href')).to.equal('/zwgk/76.htm');
      expect(textOf(root(el).querySelectorAll('[part="badge"]')[1])).to.equal('废止');
      typeText(el, '闽商务(2019)3号');
      await el.updateComplete;
      expect(titles(el)).to.deep.equal(['关于促进夜间经济发展的通知']);
    });

    it('leaves a table it cannot read visible', async () => {
      const el = await fixture<ZwgkDirectory>(
        html`<zwgk-directory>
          <table>
            <tr>
              <th>名称</th>
            </tr>
            <tr>
              <td>某文件</td>
            </tr>
          </table>
        </zwgk-directory>`,
      );
      const table = el.querySelector('table')!;
      expect(table.hidden).to.equal(false);
      expect(table.getBoundingClientRect().height).to.be.above(0);
    });

    it('renders hostile strings in every field as text and drops unsafe links', async () => {
      const hostile = (id: string, url: string): Record<string, unknown> => ({
        id,
        indexNo: HOSTILE.quote,
        title: `${HOSTILE.markup} 标题`,
        url,
        docNo: HOSTILE.script,
        publisher: HOSTILE.markup,
        category: HOSTILE.quote,
        publishedAt: '2021-01-01',
        keywords: [HOSTILE.script],
        summary: HOSTILE.markup,
      });
      const el = await fixture<ZwgkDirectory>(
        html`<zwgk-directory .data=${[hostile('h1', '/ok.htm'), hostile('h2', HOSTILE.url)]}></zwgk-directory>`,
      );
      expect(titles(el), 'the javascript: item is left out').to.deep.equal([`${HOSTILE.markup} 标题`]);
      root(el).querySelector<HTMLElement>('summary')!.click();
      await waitForShadow(el, '[part="metadata"]');
      typeText(el, '<img');
      await el.updateComplete;
      expect(textOf(root(el).querySelector('mark'))).to.equal('<img');
      const text = textOf(root(el).querySelector('[part="list"]'));
      for (const value of [HOSTILE.markup, HOSTILE.script, HOSTILE.quote]) expect(text).to.contain(value);
      expect(root(el).querySelector('[part="list"] img, [part="list"] script, [part="list"] svg')).to.equal(null);
      expect([...root(el).querySelectorAll('select option')].map((o) => o.textContent)).to.include(`${HOSTILE.markup}（1）`);
      // A table cell's javascript: link is kept as text, never as a link.
      const table = await fixture<ZwgkDirectory>(
        html`<zwgk-directory>
          <table>
            <thead>
              <tr>
                <th data-field="title">名称</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <td><a href=${HOSTILE.url}>${HOSTILE.markup}</a></td>
              </tr>
            </tbody>
          </table>
        </zwgk-directory>`,
      );
      expect(titles(table)).to.deep.equal([HOSTILE.markup]);
      expect(root(table).querySelector('[part="item-link"]')).to.equal(null);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(pwned()).to.equal(false);
    });

    it('speaks English: labels, count, dates and validity', async () => {
      const wrapper = await fixture(html`<div lang="en"><zwgk-directory .data=${SMALL}></zwgk-directory></div>`);
      const el = wrapper.querySelector('zwgk-directory')!;
      await waitUntil(() => count(el) === '3 found, page 1 of 1', `English count never appeared: ${count(el)}`);
      expect(textOf(root(el).querySelector('[part="search-label"]'))).to.equal('Search the directory');
      expect(textOf(root(el).querySelector('time'))).to.equal('14 August 2020');
      expect([...root(el).querySelectorAll('[part="badge"]')].map(textOf)).to.deep.equal(['In force', 'Repealed', 'Expired']);
      expect(pageButtons(el)).to.have.length(0);
    });

    it('grows to the elder theme and fits a 320 px phone', async () => {
      await setViewport({ width: 320, height: 640 });
      try {
        const wrapper = await fixture(
          html`<div theme="elder"><zwgk-directory .data=${generateDisclosureItems(50, 4)}></zwgk-directory></div>`,
        );
        const el = wrapper.querySelector('zwgk-directory')!;
        expect(parseFloat(getComputedStyle(root(el).querySelector('.zwgk-root')!).fontSize)).to.be.at.least(18);
        await waitForShadow(el, '[part="filters-toggle"]');
        root(el).querySelector<HTMLButtonElement>('[part="filters-toggle"]')!.click();
        await (el as ZwgkDirectory).updateComplete;
        for (const control of root(el).querySelectorAll<HTMLElement>('input, select, [part="page-button"], [part="search-button"]')) {
          expect(control.getBoundingClientRect().height, control.id || textOf(control)).to.be.at.least(47);
        }
        const directory = root(el).querySelector<HTMLElement>('[part="directory"]')!;
        expect(directory.scrollWidth, 'no sideways scrolling').to.be.at.most(directory.clientWidth + 1);
        expect(el.getBoundingClientRect().width).to.be.at.most(320);
      } finally {
        await setViewport({ width: 800, height: 600 });
      }
    });

    it('on a 360 px phone in elder mode: filters fold behind one button, and 搜索 brings the count into view and speech', async () => {
      await setViewport({ width: 360, height: 640 });
      try {
        const wrapper = await fixture(
          html`<div theme="elder"><zwgk-directory .data=${[...SMALL, ...generateDisclosureItems(60, 4)]}></zwgk-directory></div>`,
        );
        const el = wrapper.querySelector<ZwgkDirectory>('zwgk-directory')!;
        await ready(el);
        const toggle = await waitForShadow<HTMLButtonElement>(el, '[part="filters-toggle"]');
        const filtersBox = root(el).querySelector<HTMLElement>('[part="filters"]')!;
        expect(toggle.getAttribute('aria-expanded')).to.equal('false');
        expect(toggle.getAttribute('aria-controls')).to.equal(filtersBox.id);
        expect(filtersBox.getBoundingClientRect().height, 'the filters take no room while folded').to.equal(0);
        expect(toggle.getBoundingClientRect().height).to.be.at.least(48);
        // The first result starts within the first screen below the search box.
        expect(root(el).querySelector('[part="list"]')!.getBoundingClientRect().top).to.be.below(640);

        toggle.click();
        await el.updateComplete;
        expect(toggle.getAttribute('aria-expanded')).to.equal('true');
        expect(select(el, 'filter-category').getBoundingClientRect().height).to.be.at.least(48);
        await chooseOption(el, 'filter-validity', '有效');
        expect(textOf(toggle)).to.contain('已选 1 项');

        window.scrollTo(0, 0);
        const spoken = listen(el);
        input(el).value = '便利店';
        root(el).querySelector<HTMLButtonElement>('[part="search-button"]')!.click();
        const countLine = root(el).querySelector<HTMLElement>('[part="count"]')!;
        await waitUntil(() => spoken.some((text) => /^找到 \d+ 条信息/.test(text)), `the count was not spoken: ${spoken.join(' | ')}`);
        await waitUntil(() => countLine.getBoundingClientRect().top < 50, 'the count was not brought to the top of the screen');
        const box = countLine.getBoundingClientRect();
        expect(box.top, 'the count is on screen').to.be.at.least(0);
        expect(box.bottom, 'the count is on screen').to.be.at.most(window.innerHeight);
        expect(textOf(countLine)).to.match(/^共 \d+ 条/);
        // The first result shows right below it.
        expect(root(el).querySelector('[part="list"]')!.getBoundingClientRect().top).to.be.below(window.innerHeight);
      } finally {
        await setViewport({ width: 800, height: 600 });
      }
    });

    it('on a wide screen the filters show without the button', async () => {
      const el = await fixture<ZwgkDirectory>(html`<zwgk-directory .data=${SMALL}></zwgk-directory>`);
      await ready(el);
      expect(getComputedStyle(root(el).querySelector('[part="filters-toggle"]')!).display).to.equal('none');
      expect(select(el, 'filter-category').getBoundingClientRect().height).to.be.at.least(40);
    });

    it('finishes loading when moved in the page while loading', async () => {
      const el = await fixture<ZwgkDirectory>(html`<zwgk-directory mode="remote" src="/__stubs/slow?ms=300"></zwgk-directory>`);
      const other = document.createElement('div');
      document.body.append(other);
      other.append(el); // disconnected and connected again: the first request is aborted
      await waitForShadow(el, '[part="error"]'); // the slow stub answers with a contact card, not a page of results
      other.remove();
    });

    it('passes axe: results with details open, filtered and empty', async () => {
      const el = await fixture<ZwgkDirectory>(
        html`<zwgk-directory .data=${[...SMALL, ...generateDisclosureItems(30, 2)]}></zwgk-directory>`,
      );
      root(el).querySelector<HTMLElement>('summary')!.click();
      await waitForShadow(el, '[part="metadata"]');
      await expect(el).to.be.accessible();
      typeText(el, '便利店');
      await el.updateComplete;
      await expect(el).to.be.accessible();
      typeText(el, '不存在');
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });

    it('passes axe: English, elder and the error state', async () => {
      const english = await fixture(html`<div lang="en"><zwgk-directory .data=${SMALL}></zwgk-directory></div>`);
      await waitUntil(() => count(english.firstElementChild!).startsWith('3 found'));
      await expect(english).to.be.accessible();
      const elder = await fixture(html`<div theme="elder"><zwgk-directory .data=${SMALL}></zwgk-directory></div>`);
      await expect(elder).to.be.accessible();
      const failing = await fixture<ZwgkDirectory>(html`<zwgk-directory src="/__stubs/not-json"></zwgk-directory>`);
      await waitForShadow(failing, '[part="error"]');
      await expect(failing).to.be.accessible();
    });
  });

  describe('helpers', () => {
    it('gives the same first page without the index as with it', () => {
      const items = generateDisclosureItems(3000, 21);
      const shuffled = [...items].sort((a, b) => a.id.localeCompare(b.id) * (a.indexNo.length % 2 ? 1 : -1));
      const withInvalid = [{ id: 'bad', publishedAt: '2999-01-01' }, ...shuffled];
      const expected = queryDirectory(createDirectoryIndex(validateDisclosureItems(withInvalid).items), { pageSize: 20 }).items.map(
        (i) => i.id,
      );
      expect(newestValidItems(withInvalid, 20).map((i) => i.id)).to.deep.equal(expected);
    });

    it('validates in slices exactly as in one go, repeated ids across slices included', async () => {
      const items: unknown[] = generateDisclosureItems(50, 8);
      items.push({ ...(items[3] as object) }, { id: 'broken' });
      const whole = validateDisclosureItems(items);
      const sliced = await validateInSlices(items, { slice: 7, budgetMs: 0 });
      expect(sliced!.items.map((i) => i.id)).to.deep.equal(whole.items.map((i) => i.id));
      expect(sliced!.problems.map((p) => p.message)).to.deep.equal(whole.problems.map((p) => p.message));
    });

    it('reads dates as portals write them and offers page numbers around the current page', () => {
      expect(
        ['2020-08-14', '2020/8/14', '2020.08.14', '2020年8月14日', '２０２０年８月１４日', '2020-02-30', '八月'].map(isoDateFromText),
      ).to.deep.equal(['2020-08-14', '2020-08-14', '2020-08-14', '2020-08-14', '2020-08-14', undefined, undefined]);
      expect(pageWindow(1, 1)).to.deep.equal([1]);
      expect(pageWindow(3, 7)).to.deep.equal([1, 2, 3, 4, 5, 6, 7]);
      expect(pageWindow(1, 5000)).to.deep.equal([1, 2, null, 5000]);
      expect(pageWindow(4, 10)).to.deep.equal([1, 2, 3, 4, 5, null, 10]);
      expect(pageWindow(2500, 5000)).to.deep.equal([1, null, 2499, 2500, 2501, null, 5000]);
    });

    it('keeps other parameters and the hash when writing the URL', () => {
      expect(hrefWithQuery('https://a.gov.cn/zwgk/?tab=2&dir-q=old#list', { q: '通知', page: 3 }, 'dir-')).to.equal(
        'https://a.gov.cn/zwgk/?tab=2&dir-q=%E9%80%9A%E7%9F%A5&dir-page=3#list',
      );
    });

    it("asks a remote src with the query's parameters, keeping its own (an agency code) and dropping stale ones", () => {
      expect(hrefWithQuery('/api/disclosures?agency=FJ0035&page=9', { q: '外贸', year: 2020 }, '', 'https://a.gov.cn/zwgk/?q=x')).to.equal(
        'https://a.gov.cn/api/disclosures?agency=FJ0035&q=%E5%A4%96%E8%B4%B8&year=2020',
      );
    });
  });
});
