// The command zwgk-report-import run as a process, the way a shell runs it: the document on standard
// output, problems (and with --check the R1–R9 findings) on standard error, exit status 1 without a table.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin/zwgk-report-import.js');
const fixture = (name: string) => join(ROOT, 'tests/fixtures/reports', name);

/** Runs the real bin script; the library is taken from the source (no build in the test run). */
function run(args: string[], input?: string) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', BIN, ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    env: { ...process.env, ZWGK_REPORT_IMPORT_ENTRY: pathToFileURL(join(ROOT, 'src/report-import.ts')).href },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('a report page: the document on standard output, exit status 0', () => {
  const { status, stdout, stderr } = run([fixture('pingtan-2025.html')]);
  assert.equal(status, 0, stderr);
  const doc = JSON.parse(stdout);
  const expected = JSON.parse(readFileSync(fixture('pingtan-2025.expected.json'), 'utf8'));
  assert.equal(doc.format, '2021');
  assert.equal(doc.year, 2025);
  assert.deepEqual(doc.requests, expected.requests);
  assert.deepEqual(doc.reviews, expected.reviews);
  assert.equal(stderr, '', 'nothing to report for this page');
});

test('--check prints the R1–R9 findings on standard error, and the page can come from standard input', () => {
  const disclosed = '<p>（一）予以公开</p></td><td valign="center"><p>';
  const html = readFileSync(fixture('pingtan-2025.html'), 'utf8').replace(`${disclosed}33</p>`, `${disclosed}34</p>`);
  const { status, stdout, stderr } = run(['--check', '--lang', 'en', '-'], html);
  assert.equal(status, 0);
  assert.equal(JSON.parse(stdout).requests['3.1'][0], 34);
  assert.match(stderr, /-- checks R1–R9: \d+ --/);
  assert.match(stderr, /^R2 error: Table 3, column “Natural persons”/m);
  assert.match(stderr, /^R3 error: Table 3, row “\(1\) Disclosed”/m);
});

test('what could not be read goes to standard error, in Chinese by default', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zwgk-import-'));
  const page = join(dir, 'page.html');
  writeFileSync(page, readFileSync(fixture('pingtan-2025.html'), 'utf8').replace('<p>49</p>', '<p>见附件</p>'));
  const { status, stdout, stderr } = run([page]);
  assert.equal(status, 0);
  assert.equal(JSON.parse(stdout).requests['3.4.1'][0], null);
  assert.match(stderr, /^error: 页面第 2 个表格第 16 行第 4 列的“见附件”不是数字，按空白处理。$/m);
});

test('a page without a report table: nothing on standard output, exit status 1', () => {
  const { status, stdout, stderr } = run(['-'], '<html><body><h1>通知公告</h1><p>无</p></body></html>');
  assert.equal(status, 1);
  assert.equal(stdout, '');
  assert.match(stderr, /页面上没有找到年度报告的统计表/);
});

test('wrong use and a missing file: a message and exit status 2', () => {
  assert.equal(run([]).status, 2);
  const missing = run([join(ROOT, 'no-such-page.html')]);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /no-such-page\.html/);
  assert.equal(run(['--format', '2020', fixture('pingtan-2025.html')]).status, 2);
  const help = run(['--help']);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /Usage: zwgk-report-import/);
});
