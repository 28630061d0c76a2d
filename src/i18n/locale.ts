import { configureReentrantLocalization } from '@lit/localize/init/reentrant.js';

export type Locale = 'zh-CN' | 'en';
export const SOURCE_LOCALE: Locale = 'zh-CN';

type Templates = (typeof import('./locales/en.js'))['templates'];

/** Maps any BCP 47 tag to a locale we ship: Chinese → zh-CN, anything else → en. */
export function toSupportedLocale(lang: string | null | undefined): Locale {
  if (!lang) return SOURCE_LOCALE;
  return /^zh\b/i.test(lang.trim()) ? 'zh-CN' : 'en';
}

/*
 * Each element resolves its own locale from the closest [lang], so two widgets
 * on one page may speak different languages. Lit Localize's reentrant mode asks
 * getLocale() before every msg() call; we answer with the locale of the element
 * that is rendering right now (render is synchronous).
 */
let rendering: Locale = SOURCE_LOCALE;
// English is loaded on first use, so pages in Chinese never download it.
let english: Templates | undefined;
let englishLoading: Promise<void> | undefined;

try {
  configureReentrantLocalization({
    sourceLocale: SOURCE_LOCALE,
    targetLocales: ['en'],
    getLocale: () => rendering,
    loadLocaleSync: (locale) => (locale === 'en' && english ? { templates: english } : undefined),
  });
} catch {
  // Another copy of Lit Localize on the page was configured first; messages then follow its setting.
}

/** Whether msg() can speak `locale` right now. */
export function isLocaleReady(locale: Locale): boolean {
  return locale === SOURCE_LOCALE || english !== undefined;
}

/** Loads the messages of `locale` (once); resolves when msg() can speak it. */
export function loadLocale(locale: Locale): Promise<void> {
  if (isLocaleReady(locale)) return Promise.resolve();
  englishLoading ??= import('./locales/en.js').then((module) => {
    english = module.templates;
  });
  return englishLoading;
}

/** The language msg() speaks right now: the rendering element's (for plural() inside a template helper). */
export function renderingLocale(): Locale {
  return rendering;
}

/** Runs `fn` with `locale` as the language of every msg() call inside it. */
export function withLocale<T>(locale: Locale, fn: () => T): T {
  const previous = rendering;
  rendering = locale;
  try {
    return fn();
  } finally {
    rendering = previous;
  }
}

/** The language tag to give Intl for dates and numbers. */
export function intlTag(locale: Locale): string {
  return locale === 'en' ? 'en-GB' : 'zh-CN';
}
