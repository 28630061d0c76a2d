import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/directory.js';
import type { ZwgkDirectory } from '../src/directory.js';
import type { DisclosureItem } from '../src/api/types/directory.js';
import { FUJIAN_COMMERCE_2020_DOCUMENTS } from '../src/core/directory/fixtures.js';
import { generateDisclosureItems } from '../src/core/directory/generate.js';
import { createDirectoryIndex, parseDirectoryQuery, queryDirectory } from '../src/core/directory/index.js';
import { stubUrl } from './support/fetch-stub.js';

/*
 * Storybook only: a `src` list is fetched by the directory's search worker, whose requests the stubbed fetch of these
 * stories cannot answer; here the worker is refused, so the element does the same on the page (its fallback).
 */
const PageWorker = window.Worker;
window.Worker = class extends PageWorker {
  constructor(url: string | URL, options?: WorkerOptions) {
    if (options?.name === 'zwgk-directory') throw new DOMException('stories search on the page', 'NotSupportedError');
    super(url, options);
  }
};

/** The documents 福建省商务厅's 2020 annual report names, among generated ones (as on the demo page). */
const ITEMS: DisclosureItem[] = [...FUJIAN_COMMERCE_2020_DOCUMENTS, ...generateDisclosureItems(300, 2020)];

/*
 * Storybook only: a search endpoint answering like `GET /disclosures`, computed
 * from the same core the reference server uses, so the remote story searches for real.
 */
const REMOTE_PATH = '/story/disclosures';
const remoteIndex = createDirectoryIndex(ITEMS);
const storyFetch = window.fetch;
window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
  const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url, location.href);
  if (url.pathname !== REMOTE_PATH) return storyFetch(input, init);
  await new Promise((resolve) => setTimeout(resolve, 300)); // a network's delay, so the busy state shows
  if (init?.signal?.aborted) throw new DOMException('Aborted', 'AbortError');
  const page = queryDirectory(remoteIndex, parseDirectoryQuery(url.searchParams));
  return new Response(JSON.stringify(page), { headers: { 'Content-Type': 'application/json' } });
};

type Args = { pageSize: number; headingLevel: number };

const meta: Meta<Args> = {
  title: 'Elements/Directory',
  component: 'zwgk-directory',
  args: { pageSize: 10, headingLevel: 3 },
  // url-state="off": Storybook's own frame URL is not the place for a story's search.
  render: (args) =>
    html`<zwgk-directory
      url-state="off"
      page-size=${args.pageSize}
      heading-level=${args.headingLevel}
      .data=${{ items: ITEMS }}
    ></zwgk-directory>`,
};
export default meta;
type Story = StoryObj<Args>;

/** Client mode: the element searches 313 documents — try 闽商务[2020]76号, 便利店 or a 索引号. */
export const ClientMode: Story = {};

/** Remote mode: each search goes to the server (here a Storybook stub computing real results); typing aborts stale requests. */
export const RemoteMode: Story = {
  render: (args) => html`<zwgk-directory mode="remote" src=${REMOTE_PATH} url-state="off" page-size=${args.pageSize}></zwgk-directory>`,
};

/** A server-rendered `<table>` with `data-field` headers: readable without JavaScript, searchable with it. */
export const EnhancedTable: Story = {
  render: () =>
    html`<zwgk-directory url-state="off">
      <table>
        <thead>
          <tr>
            <th data-field="indexNo">索引号</th>
            <th data-field="title">名称</th>
            <th data-field="docNo">文号</th>
            <th data-field="publisher">发布机构</th>
            <th data-field="publishedAt">发布日期</th>
            <th data-field="validity">有效性</th>
          </tr>
        </thead>
        <tbody>
          ${FUJIAN_COMMERCE_2020_DOCUMENTS.map(
            (item) =>
              html`<tr>
                <td>${item.indexNo}</td>
                <td><a href=${item.url}>${item.title}</a></td>
                <td>${item.docNo ?? ''}</td>
                <td>${item.publisher}</td>
                <td>${item.publishedAt}</td>
                <td>${item.validity ?? ''}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </zwgk-directory>`,
};

/** 100,000 documents in client mode: the newest page at once, search ready once indexed in idle time. */
export const OneHundredThousand: Story = {
  render: () => html`<zwgk-directory url-state="off" .data=${generateDisclosureItems(100_000, 2020)}></zwgk-directory>`,
};

/** Loaded from `src` (here a stub that never answers, to show the skeleton). */
export const Loading: Story = {
  render: () => html`<zwgk-directory url-state="off" src=${stubUrl('directory-loading', { delayMs: Infinity })}></zwgk-directory>`,
};

/** Nothing matches: what to do, and a button that clears every condition. */
export const NoResults: Story = {
  play: async ({ canvasElement }) => {
    const directory = canvasElement.querySelector<ZwgkDirectory>('zwgk-directory')!;
    await directory.updateComplete;
    directory.search({ q: '不存在的文件', validity: '废止' });
  },
};

/** An empty directory. */
export const Empty: Story = { render: () => html`<zwgk-directory url-state="off" .data=${{ items: [] }}></zwgk-directory>` };

/** The server failed: what happened and a Retry button. */
export const ServerError: Story = {
  render: () =>
    html`<zwgk-directory
      mode="remote"
      url-state="off"
      src=${stubUrl('directory-503', { status: 503, body: { title: 'Service Unavailable', status: 503 } })}
    ></zwgk-directory>`,
};

/** No network. */
export const NetworkError: Story = {
  render: () => html`<zwgk-directory url-state="off" src=${stubUrl('directory-offline', { networkError: true })}></zwgk-directory>`,
};

/** A payload of the wrong shape is an error with a message, never a blank list. */
export const Malformed: Story = {
  render: () => html`<zwgk-directory url-state="off" .data=${{ items: 'not a list' }}></zwgk-directory>`,
};

/** English labels and dates (the toolbar's Language switch does this for every story); data stays as published. */
export const English: Story = { render: (args, context) => html`<div lang="en">${meta.render!(args, context)}</div>` };

/** The elder-friendly theme: larger text and targets, 7:1 contrast, strong focus ring. */
export const Elder: Story = { render: (args, context) => html`<div theme="elder">${meta.render!(args, context)}</div>` };

/** Site colours through custom properties. */
export const Themed: Story = {
  render: (args, context) => html`<div class="themed-directory">${meta.render!(args, context)}</div>`,
  decorators: [
    (story) =>
      html`<style>
          .themed-directory {
            --zwgk-color-link: #005a3c;
            --zwgk-directory-mark-background: #c8f0d8;
            --zwgk-directory-filters-background: #f3faf6;
            --zwgk-radius: 0;
          }
        </style>
        ${story()}`,
  ],
};

/** Hostile strings in every field render as text; the item whose URL is javascript: is left out. */
export const HostileStrings: Story = {
  render: () => {
    const hostile = (id: string, url: string) => ({
      id,
      indexNo: '"><svg onload=alert(1)>',
      title: '<img src=x onerror=alert(1)> 标题',
      url,
      docNo: '<script>alert(1)</script>',
      publisher: '<b>发布机构</b>',
      category: '"><svg onload=alert(1)>',
      publishedAt: '2021-01-01',
      keywords: ['<script>alert(1)</script>'],
      summary: '<img src=x onerror=alert(1)>',
    });
    return html`<zwgk-directory
      url-state="off"
      .data=${[hostile('safe', '/ok.htm'), hostile('unsafe', 'javascript:alert(1)')]}
    ></zwgk-directory>`;
  },
};
