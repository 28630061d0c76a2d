// The demo portal loads the kit the way a web team would: one import.
import '../src/index.js';
import { translatePage } from './page-language.js';

const root = document.documentElement;

const elderButton = document.querySelector<HTMLButtonElement>('#toggle-elder')!;
elderButton.addEventListener('click', () => {
  const elder = root.getAttribute('theme') !== 'elder';
  if (elder) root.setAttribute('theme', 'elder');
  else root.removeAttribute('theme');
  elderButton.setAttribute('aria-pressed', String(elder));
});

const langButton = document.querySelector<HTMLButtonElement>('#toggle-lang')!;
langButton.addEventListener('click', () => {
  const english = root.lang !== 'en';
  root.lang = english ? 'en' : 'zh-CN';
  langButton.textContent = english ? '中文' : 'English';
  langButton.lang = english ? 'zh-CN' : 'en';
  translatePage(document, english ? 'en' : 'zh-CN');
});
