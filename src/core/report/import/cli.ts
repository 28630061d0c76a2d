/**
 * The command `zwgk-report-import page.html > report.json`: the document on standard output,
 * what could not be read on standard error, exit status 1 when the page has no report table.
 * Pure: the caller passes the file reader and the two streams (bin/zwgk-report-import.js).
 */
import type { ReportFinding, ReportLocale } from '../../../api/types/report.js';
import { validateReport } from '../rules.js';
import { importReport } from './index.js';
import type { ImportOptions, ImportProblem } from './types.js';

export interface CliIo {
  readFile(path: string): Promise<string>;
  stdout(text: string): void;
  stderr(text: string): void;
}

const USAGE = `Usage: zwgk-report-import [options] <page.html | ->

Reads a published 政府信息公开工作年度报告 page and prints the annual report document (JSON).
What could not be read goes to standard error; the exit status is 1 when the page has no report table.

Options:
  --check              also print the checks R1–R9 of the document (standard error)
  --previous <file>    last year's report (JSON), for the cross-year checks R6 and R7
  --format 2019|2021   the format, instead of detecting it from the labels
  --year <year>        the report year, instead of the page's
  --agency <name>      the reporting agency, instead of the page's
  --lang zh-CN|en      language of the messages (default zh-CN)
  -h, --help           this text
`;

interface Parsed {
  file?: string;
  check: boolean;
  previous?: string;
  locale: ReportLocale;
  options: ImportOptions;
  help: boolean;
  error?: string;
}

function parseArgs(args: string[]): Parsed {
  const parsed: Parsed = { check: false, locale: 'zh-CN', options: {}, help: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value = () => args[++i];
    if (arg === '-h' || arg === '--help') parsed.help = true;
    else if (arg === '--check') parsed.check = true;
    else if (arg === '--previous') parsed.previous = value();
    else if (arg === '--format') {
      const format = value();
      if (format !== '2019' && format !== '2021') parsed.error = `--format must be 2019 or 2021, not ${format ?? 'nothing'}`;
      else parsed.options.format = format;
    } else if (arg === '--year') {
      const year = Number(value());
      if (!Number.isInteger(year)) parsed.error = '--year must be a year such as 2024';
      else parsed.options.year = year;
    } else if (arg === '--agency') parsed.options.agency = value();
    else if (arg === '--lang') {
      const lang = value();
      if (lang !== 'zh-CN' && lang !== 'en') parsed.error = '--lang must be zh-CN or en';
      else parsed.locale = lang;
    } else if (arg.startsWith('-') && arg !== '-') parsed.error = `unknown option ${arg}`;
    else if (parsed.file === undefined) parsed.file = arg;
    else parsed.error = `one page at a time (got ${parsed.file} and ${arg})`;
  }
  if (!parsed.help && !parsed.error && parsed.file === undefined) parsed.error = 'no page given';
  return parsed;
}

const problemLine = (p: ImportProblem, locale: ReportLocale) => `${p.severity}: ${p.message[locale]}`;
const findingLine = (f: ReportFinding, locale: ReportLocale) => `${f.rule} ${f.severity}: ${f.message[locale]}`;

/** Runs the command; resolves to the exit status (0 read, 1 no report table, 2 wrong use or unreadable file). */
export async function runImportCli(args: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args);
  if (parsed.help) {
    io.stdout(USAGE);
    return 0;
  }
  if (parsed.error) {
    io.stderr(`zwgk-report-import: ${parsed.error}\n\n${USAGE}`);
    return 2;
  }
  let html: string;
  let previous: unknown;
  try {
    html = await io.readFile(parsed.file!);
    if (parsed.previous) previous = JSON.parse(await io.readFile(parsed.previous));
  } catch (error) {
    io.stderr(`zwgk-report-import: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  const { report, problems, found } = importReport(html, parsed.options);
  const noTable = !found['二'] && !found['三'] && !found['四'];
  for (const problem of problems) io.stderr(`${problemLine(problem, parsed.locale)}\n`);
  if (noTable) return 1;
  io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  if (parsed.check) {
    const findings = validateReport(report, { previous });
    const words = parsed.locale === 'zh-CN' ? '核对' : 'checks';
    io.stderr(`-- ${words} R1–R9: ${findings.length} --\n`);
    for (const finding of findings) io.stderr(`${findingLine(finding, parsed.locale)}\n`);
  }
  return 0;
}
