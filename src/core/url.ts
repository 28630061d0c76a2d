/**
 * Keeps a URL that came from data or an attribute only when it is safe to put
 * in an href: http(s), mailto, tel, or a relative reference. `javascript:`,
 * `data:` and every other scheme give undefined.
 */
export function safeHref(
  url: string | null | undefined,
  allowed: readonly string[] = ['http:', 'https:', 'mailto:', 'tel:'],
): string | undefined {
  const value = url?.trim();
  if (!value) return undefined;
  // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:"): look without them.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this strips
  const probe = value.replace(/[\u0000-\u0020\u007f]/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(probe);
  if (!scheme) return value;
  return allowed.includes(`${scheme[1]!.toLowerCase()}:`) ? value : undefined;
}
