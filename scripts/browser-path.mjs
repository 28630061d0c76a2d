// The machine's own Chromium or Chrome: CHROME_PATH, else the usual install paths. Never a downloaded one.
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
