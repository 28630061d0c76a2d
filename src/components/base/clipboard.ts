/**
 * Writes text to the clipboard. Falls back to a selected textarea where the
 * async Clipboard API is missing or refused — many portals still serve plain
 * http, where it does not exist. Resolves false when both ways fail.
 */
export async function writeClipboard(text: string, root: ShadowRoot | HTMLElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'visually-hidden';
    root.appendChild(area);
    area.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    } finally {
      area.remove();
    }
  }
}
