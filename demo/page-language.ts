/**
 * The demo page's own words (headings, navigation, buttons) in the page's language: each carries its English
 * in `data-en` (and `data-en-aria-label`); the Chinese is kept in `data-zh` the first time it is replaced.
 * The widgets follow `lang` by themselves.
 */
export function translatePage(doc: Document, lang: 'zh-CN' | 'en'): void {
  for (const node of doc.querySelectorAll<HTMLElement>('[data-en]')) {
    node.dataset.zh ??= node.textContent ?? '';
    node.textContent = lang === 'en' ? node.dataset.en! : node.dataset.zh;
  }
  for (const node of doc.querySelectorAll<HTMLElement>('[data-en-aria-label]')) {
    node.dataset.zhAriaLabel ??= node.getAttribute('aria-label') ?? '';
    node.setAttribute('aria-label', lang === 'en' ? node.dataset.enAriaLabel! : node.dataset.zhAriaLabel);
  }
}
