// The demo page as a web team would copy it: its own words follow the language switch, and its widgets'
// attributes keep the documented URLs working.
import { expect } from '@open-wc/testing';
import { readMailboxState } from '../../src/core/feedback/url-state.js';
import { translatePage } from '../../demo/page-language.js';

async function demoPage(): Promise<Document> {
  const response = await fetch('/demo/index.html');
  expect(response.status).to.equal(200);
  return new DOMParser().parseFromString(await response.text(), 'text/html');
}

const HAN = /\p{Script=Han}/u;

describe('demo page', () => {
  it('shows its own headings, navigation and buttons in English in English mode, and back in Chinese', async () => {
    const doc = await demoPage();
    const chinese = [...doc.querySelectorAll('h1, h2, h3')].map((h) => h.textContent);
    translatePage(doc, 'en');
    const own = [
      ...doc.querySelectorAll('title, h1, h2, h3, nav a, .portal-tools button:not([lang]), .lede, footer p, .skip-link, .portal-name'),
    ];
    expect(own.length).to.be.at.least(12);
    for (const node of own) expect(node.textContent, node.outerHTML.slice(0, 80)).not.to.match(HAN);
    for (const node of doc.querySelectorAll('[aria-label]')) expect(node.getAttribute('aria-label')).not.to.match(HAN);
    translatePage(doc, 'zh-CN');
    expect([...doc.querySelectorAll('h1, h2, h3')].map((h) => h.textContent)).to.deep.equal(chinese);
  });

  it('opens the mailbox views from the documented ?mailbox=lookup and ?mailbox=published', async () => {
    const doc = await demoPage();
    const mailbox = doc.querySelector('zwgk-feedback-mailbox')!;
    const prefix = mailbox.getAttribute('url-param-prefix') ?? '';
    expect(readMailboxState('?mailbox=lookup', prefix).view).to.equal('lookup');
    expect(readMailboxState('?mailbox=published&mailbox-page=2', prefix)).to.deep.equal({ view: 'published', page: 2 });
  });
});
