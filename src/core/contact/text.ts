/** Turns a harvester-proofed address (pzxxgkb＠163.com) back into one a mail program accepts. */
export function normaliseEmail(email: string): string {
  return email
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/\(at\)|\[at\]/gi, '@');
}

/** Splits 办公时间 into its periods, one per line. */
export function hoursLines(hours: string | undefined): string[] {
  return (hours ?? '')
    .split(/\r?\n|；/)
    .map((line) => line.trim())
    .filter(Boolean);
}
