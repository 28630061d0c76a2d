import { _installMsgImplementation } from '@lit/localize/init/install.js';
import { defaultMsg } from '@lit/localize/internal/default-msg.js';
import type { runtimeMsg } from '@lit/localize/internal/runtime-msg.js';

export type Locale = 'zh-CN' | 'en';
export const SOURCE_LOCALE: Locale = 'zh-CN';

/** Maps any BCP 47 tag to a locale we ship: Chinese → zh-CN, anything else → en. */
export function toSupportedLocale(lang: string | null | undefined): Locale {
  if (!lang) return SOURCE_LOCALE;
  return /^zh\b/i.test(lang.trim()) ? 'zh-CN' : 'en';
}

/*
 * Each element resolves its own locale from the closest [lang], so two widgets
 * on one page may speak different languages. msg() (Lit Localize's) asks which
 * language to speak at every call; we answer with the locale of the element
 * that is rendering right now (render is synchronous). This is Lit Localize's
 * reentrant mode, installed by hand so that its lookup of a translation, which
 * hashes each message for its id (~0.5 KB gzip), comes with the English messages:
 * Chinese, the source language, needs no lookup.
 */
let rendering: Locale = SOURCE_LOCALE;
// English is loaded on first use, element by element (scripts/split-english.mjs): pages in Chinese never download
// it, and a page in English only the messages its elements use and those every element shares.
type EnglishTemplates = Record<string, unknown>;
type Translate = typeof runtimeMsg;
/** Loads one part of the English messages (src/i18n/locales/en-*.ts); the shared part also brings `translate`. */
export type EnglishLoader = () => Promise<{ templates: EnglishTemplates; translate?: Translate }>;
const english: EnglishTemplates = {};
/** Lit Localize's lookup of a message in `english`, once the shared part has brought it. */
let translate: Translate | undefined;
const sharedEnglish: EnglishLoader = () => import('./locales/en-shared.js');
/** Each part of the English messages asked for: `true` once loaded, its promise while it loads. */
const englishParts = new Map<EnglishLoader, true | Promise<void>>();

// The message as written (a string, or a str/html template with its values joined): Chinese. Through a plain
// function type, because lit-localize's extraction takes any call of Lit Localize's msg for a message.
const asWritten = defaultMsg as (template: Parameters<Translate>[1]) => ReturnType<Translate>;
try {
  _installMsgImplementation(((template, options) =>
    rendering !== SOURCE_LOCALE && translate ? translate(english as never, template, options) : asWritten(template)) as typeof defaultMsg);
} catch {
  // Another copy of Lit Localize on the page was configured first; messages then follow its setting.
}

/** Whether msg() can speak `locale` right now for an element whose own messages `own` loads. */
export function isLocaleReady(locale: Locale, own = sharedEnglish): boolean {
  return locale === SOURCE_LOCALE || (englishParts.get(sharedEnglish) === true && englishParts.get(own) === true);
}

/** Loads the messages of `locale` that every element shares and those `own` loads; each part once. */
export async function loadLocale(locale: Locale, own = sharedEnglish): Promise<void> {
  if (locale !== SOURCE_LOCALE) await Promise.all([loadEnglish(sharedEnglish), loadEnglish(own)]);
}

function loadEnglish(part: EnglishLoader): true | Promise<void> {
  let loaded = englishParts.get(part);
  if (!loaded) {
    loaded = part().then(
      (module) => {
        Object.assign(english, module.templates);
        translate ??= module.translate;
        englishParts.set(part, true);
      },
      (error: unknown) => {
        englishParts.delete(part); // offline: the next element to ask tries again
        throw error;
      },
    );
    englishParts.set(part, loaded);
  }
  return loaded;
}

/**
 * Every English message at once (src/i18n/locales/en.ts), as the part every element shares: for the server, where
 * one render may use any element's messages (elements there do not ask for their own part).
 */
export function addEveryEnglishMessage(templates: EnglishTemplates, lookup: Translate): void {
  Object.assign(english, templates);
  translate = lookup;
  englishParts.set(sharedEnglish, true);
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
