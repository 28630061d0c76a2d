// The machine's own Chromium or Chrome: CHROME_PATH, else the usual install paths. Never a downloaded one.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export function findBrowser() {
  const candidates = [
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  ];
  const path = candidates.find((candidate) => candidate && existsSync(candidate));
  if (!path) throw new Error('No Chromium or Chrome found. Install one (Debian: apt-get install -y chromium) or set CHROME_PATH.');
  return path;
}

/** Flags for headless Chromium on a closed network; --no-sandbox only when running as root. */
export function browserArgs() {
  const args = [
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-dev-shm-usage',
  ];
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  return args;
}

/**
 * Which font the machine's Chromium lays Chinese text out in, for a benchmark's first line: figures from machines
 * with and without one do not compare. Every visitor of a Chinese portal has one; a server image often has none, and
 * then Chinese is drawn as empty boxes. Measured on this kit's directory (page thread time, 1×): the first layout of
 * the results 1.3× as long with Noto Sans CJK (its file loads), a keystroke 0.92×. Debian: apt-get install -y
 * fonts-noto-cjk.
 */
export function chineseFont() {
  try {
    const [family, langs] = execFileSync('fc-match', ['-f', '%{family[0]}\\n%{lang}', 'sans-serif:lang=zh-cn'], { encoding: 'utf8' }).split(
      '\n',
    );
    return langs.split('|').includes('zh-cn')
      ? `Chinese in ${family}`
      : "no Chinese font (apt-get install -y fonts-noto-cjk): Chinese is drawn as boxes, not as on a visitor's device";
  } catch {
    return 'Chinese font unknown (no fc-match)';
  }
}
