/** The machine's own Chromium or Chrome (CHROME_PATH, else the usual install paths). */
export function findBrowser(): string;
/** Flags for headless Chromium on a closed network. */
export function browserArgs(): string[];
