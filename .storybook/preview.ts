import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { html } from 'lit';
import manifest from '../custom-elements.json';

// Docs and controls come from custom-elements.json, generated from the elements' JSDoc.
setCustomElementsManifest(manifest);

const preview: Preview = {
  globalTypes: {
    locale: {
      description: 'Language of the widgets',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'zh-CN', title: '中文 (zh-CN)' },
          { value: 'en', title: 'English' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Theme of the widgets',
      toolbar: {
        title: 'Theme',
        icon: 'accessibility',
        items: [
          { value: 'default', title: 'Default' },
          { value: 'elder', title: 'Elder-friendly (适老化)' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'zh-CN', theme: 'default' },
  decorators: [
    (story, context) => html`<div lang=${context.globals.locale ?? 'zh-CN'} theme=${context.globals.theme ?? 'default'}>${story()}</div>`,
  ],
  parameters: {
    controls: { expanded: true },
    a11y: { test: 'error' },
    docs: { toc: true },
  },
  tags: ['autodocs'],
};
export default preview;
