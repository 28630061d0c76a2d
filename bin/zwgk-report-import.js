#!/usr/bin/env node
// `npx zwgk-report-import page.html > report.json` — see runImportCli in src/core/report/import/cli.ts.
// The library comes from the build (dist/); ZWGK_REPORT_IMPORT_ENTRY points it at the source instead,
// so the test suite can run this very script as a process without building first.
import { readFile } from 'node:fs/promises';

const entry = process.env.ZWGK_REPORT_IMPORT_ENTRY ?? new URL('../dist/report-import.js', import.meta.url).href;
const { runImportCli } = await import(entry);
const status = await runImportCli(process.argv.slice(2), {
  readFile: (path) => (path === '-' ? readStdin() : readFile(path, 'utf8')),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
process.exitCode = status;

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}
