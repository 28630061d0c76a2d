// Every story of the built Storybook (storybook-static/, from `npm run build-storybook`) in the machine's
// Chromium: each story renders, its play function (if any) finishes, nothing is written to the console as an
// error, and axe finds no serious or critical violation in it. Prints one line per failing story, then
// `storybook: N passed, M failed` — a test run, which CI counts. Run: npm run test:storybook
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import puppeteer from 'puppeteer-core';
import { browserArgs, findBrowser } from './browser-path.mjs';

const root = new URL('../storybook-static/', import.meta.url).pathname;
if (!existsSync(join(root, 'index.json'))) {
  console.error('storybook-static/index.json is missing: run npm run build-storybook first.');
  process.exit(2);
}
const axeSource = readFileSync(new URL('../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

const { entries } = JSON.parse(readFileSync(join(root, 'index.json'), 'utf8'));
const stories = Object.values(entries).filter(
  (entry) => entry.type === 'story' && (!process.env.ONLY || entry.id.includes(process.env.ONLY)),
);

// The static Storybook; its stories' stubs answer inside the page (see stories/support), so no backend is needed.
const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  // The browser asks every new page for a favicon that Storybook does not ship: no content, and no console error.
  if (path === '/favicon.ico') return res.writeHead(204).end();
  const file = join(root, path === '/' ? 'index.html' : path);
  if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) return res.writeHead(404).end();
  res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await puppeteer.launch({ executablePath: findBrowser(), headless: true, args: browserArgs() });
// Several windows take stories from one queue: most of a story's time is the wait for its requests and play
// function, which costs no CPU, so three windows finish in well under half the time of one, even on two cores.
const WINDOWS = Number(process.env.STORYBOOK_WINDOWS ?? 3);
const queue = [...stories];
const outcomes = new Map();

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The story's serious and critical axe violations, axe put in the page first. */
async function axeViolations(tab) {
  await tab.evaluate(axeSource);
  for (let attempt = 0; ; attempt++) {
    try {
      return await tab.evaluate(async () => {
        const result = await window.axe.run(document.querySelector('#storybook-root') ?? document, { resultTypes: ['violations'] });
        return result.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `axe ${v.impact}: ${v.id} (${v.nodes.length}×) ${v.nodes[0]?.target?.join(' ') ?? ''}`);
      });
    } catch (error) {
      // axe runs once at a time in a page, and a story's own code may have started it: wait for that run.
      if (!/already running/.test(error.message) || attempt >= 100) throw error;
      await pause(100);
    }
  }
}

async function checkStories() {
  // A window of its own, not a background tab (a background tab gets no animation frames), in a context of its
  // own, so that one window's stories never see another's drafts in localStorage.
  const context = await browser.createBrowserContext();
  const tab = await context.newPage({ type: 'window' });
  await tab.setViewport({ width: 1280, height: 900 });
  let problems = [];
  tab.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  tab.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  // Say which address failed: the console line alone does not.
  tab.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()} for ${response.url().replace(origin, '')}`);
  });
  for (let story = queue.shift(); story; story = queue.shift()) {
    problems = [];
    // a11y.manual: the accessibility addon's own axe run in the preview is for the Storybook panel; this check runs
    // axe itself, so the addon's run would only double the CPU on the report tables (seconds a story).
    const url = `${origin}/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story&globals=a11y.manual:!true`;
    await tab.goto(url, { waitUntil: 'load' }).catch((error) => problems.push(`did not load: ${error.message}`));
    // Storybook says when the story rendered and its play function ended (or failed).
    const outcome = await tab
      .waitForFunction(
        () => {
          const root = document.querySelector('#storybook-root');
          if (document.body.classList.contains('sb-show-errordisplay')) return 'error';
          return root && root.childElementCount > 0 && !document.body.classList.contains('sb-show-preparing-story') ? 'rendered' : false;
        },
        { timeout: 20_000 },
      )
      .then((handle) => handle.jsonValue())
      .catch(() => 'timeout');
    if (outcome !== 'rendered') problems.push(`story did not render (${outcome})`);
    // Let play functions and the elements' first requests finish.
    await pause(800);
    problems.push(...(await axeViolations(tab).catch((error) => [`axe did not run: ${error.message}`])));
    outcomes.set(story, [...problems]); // a copy: what the next story's navigation reports is not this story's
  }
}

try {
  await Promise.all(Array.from({ length: WINDOWS }, checkStories));
} finally {
  await browser.close();
  server.close();
}
// In the index's order, whichever window checked each story.
let passed = 0;
const failures = [];
for (const story of stories) {
  const problems = outcomes.get(story);
  if (problems.length === 0) passed++;
  else failures.push(`✗ ${story.title} / ${story.name} (${story.id})\n    ${problems.slice(0, 5).join('\n    ')}`);
}
for (const failure of failures) console.log(failure);
console.log(`storybook: ${passed} passed, ${failures.length} failed`);
process.exitCode = failures.length ? 1 : 0;
