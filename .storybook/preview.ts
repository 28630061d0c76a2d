import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { html } from 'lit';
import manifest from '../custom-elements.json';

interface Member {
  kind: string;
  name: string;
  privacy?: string;
  static?: boolean;
}
interface Declaration {
  customElement?: boolean;
  members?: Member[];
  attributes?: { name: string; fieldName?: string }[];
}

/**
 * Docs and controls come from custom-elements.json, generated from the elements' JSDoc — its public API only:
 * no private or protected members, no statics, and a property that is also an attribute listed once (as the attribute).
 */
function publicApi(source: typeof manifest): typeof manifest {
  const copy = JSON.parse(JSON.stringify(source)) as { modules: { declarations?: Declaration[] }[] };
  for (const module of copy.modules) {
    for (const declaration of module.declarations ?? []) {
      if (!declaration.customElement) continue;
      const attributeFields = new Set((declaration.attributes ?? []).map((attribute) => attribute.fieldName ?? attribute.name));
      declaration.members = (declaration.members ?? []).filter(
        (member) =>
          (member.privacy ?? 'public') === 'public' &&
          !member.static &&
          !member.name.startsWith('_') &&
          !member.name.startsWith('#') &&
          !(member.kind === 'field' && attributeFields.has(member.name)),
      );
    }
  }
  return copy as unknown as typeof manifest;
}
setCustomElementsManifest(publicApi(manifest));

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
