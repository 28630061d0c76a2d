/**
 * Every element renders on the server (@lit-labs/ssr in Node) from attributes, `data`, inline JSON and
 * with theme="elder", touching no browser global, into declarative shadow DOM that shows the content.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { html } from 'lit';
import { CASES, renderToString, report } from './render.ts';
import { setServerContext } from '../../src/ssr.ts';

const BROWSER_GLOBALS = [
  'window',
  'document',
  'location',
  'Element',
  'ShadowRoot',
  'MutationObserver',
  'localStorage',
  'sessionStorage',
  'history',
];

test('Node has none of the browser globals an element could lean on', () => {
  for (const name of BROWSER_GLOBALS) assert.equal(name in globalThis, false, `${name} is not defined in Node`);
});

for (const [name, { template, shows }] of Object.entries(CASES)) {
  test(`server rendering: ${name}`, () => {
    const out = renderToString(template);
    assert.match(out, /<template shadowroot="open" shadowrootmode="open">/, 'declarative shadow DOM');
    assert.match(out, shows);
    assert.doesNotMatch(out, /part="error"/, 'no error state');
  });
}

test('server rendering: given data, the contact card, the directory and the report viewer render ready, not empty or loading', () => {
  for (const name of ['contact card from data', 'directory from data', 'report viewer from data']) {
    const out = renderToString(CASES[name].template);
    assert.doesNotMatch(out, /part="(empty|loading)"/, name);
  }
});

test('server rendering: the report viewer shows its tables, findings and charts, and sanitises the narratives without a DOM', () => {
  const overview = [
    '<p>正文一</p>',
    '<script>globalThis.__pwned=1</script>',
    '<img src="javascript:globalThis.__pwned=1" onerror="globalThis.__pwned=1"><img src="https://example.gov.cn/b.png" alt="机构图">',
    '"><svg onload="globalThis.__pwned=1">',
    '<p><a href="javascript:globalThis.__pwned=1">危险链接</a> <a href="https://www.pingtan.gov.cn/">门户网站</a></p>',
    '<style>:host { display: none }</style>',
    '<p style="position: fixed" onclick="x()" class="visually-hidden" id="report-title">样式文字</p>',
    '<h1>小标题</h1>',
    '<form action="https://example.com"><input name="q"><button>提交</button></form>',
  ].join('');
  const doc = { ...report, sections: { ...report.sections, overview, other: '没有其他需要报告的事项 & 说明' } };
  const out = renderToString(html`<zwgk-report-viewer .data=${doc}></zwgk-report-viewer>`);
  assert.match(out, /part="findings"[\s\S]*part="table"[\s\S]*part="chart"/);
  const narrative = /<div class="narrative" part="narrative" lang="zh-CN">([\s\S]*?)<\/div>/.exec(out)?.[1] ?? '';
  assert.match(narrative, /<p>正文一<\/p>/);
  assert.match(narrative, /<p><strong>小标题<\/strong><\/p>/, 'a heading becomes a bold paragraph');
  assert.match(narrative, /<img alt="机构图" src="https:\/\/example.gov.cn\/b.png">/);
  assert.match(narrative, /<img alt="">/, 'an unsafe source is dropped, and the image is never left unlabelled');
  assert.match(narrative, /<a>危险链接<\/a> <a href="https:\/\/www.pingtan.gov.cn\/" rel="noopener noreferrer">门户网站<\/a>/);
  assert.match(narrative, /<p>样式文字<\/p>/);
  assert.doesNotMatch(narrative, /<(script|style|svg|form|input|button|h1)\b|\s(on\w+|style|class|id)=|__pwned|display: none/i);
  // Plain text is text: escaped, with no sanitiser involved.
  assert.match(out, /没有其他需要报告的事项 &amp; 说明/);
});

test("server rendering: the page's language and theme reach the elements through setServerContext; their own attributes win", async () => {
  await setServerContext({ lang: 'en-GB', theme: 'elder' });
  try {
    const page = renderToString(html`<zwgk-contact-card agency="福建省商务厅" phone="0591-87270308"></zwgk-contact-card>`);
    assert.match(page, /class="zwgk-root" data-theme="elder" lang="en"/);
    assert.match(page, />\s*Phone\s*</, 'English labels');
    const own = renderToString(html`<zwgk-contact-card lang="zh-CN" theme="default" agency="福建省商务厅" phone="1"></zwgk-contact-card>`);
    assert.match(own, /class="zwgk-root" data-theme="default" lang="zh-CN"/);
  } finally {
    await setServerContext({});
  }
  assert.match(renderToString(html`<zwgk-contact-card agency="x"></zwgk-contact-card>`), /data-theme="default" lang="zh-CN"/);
});
