import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/contact-card.js';
import { stubUrl } from './support/fetch-stub.js';

const FUJIAN = {
  agency: '福建省商务厅',
  department: '办公室',
  contact: '林伟',
  phone: '0591-87270308',
  fax: '0591-87856133',
  email: 'swt＠fujian.gov.cn',
  address: '福州市铜盘路118号',
  postcode: '350003',
  hours: '周一至周五（法定节假日除外）\n夏令时：上午8:00至12:00，下午3:00至6:00\n冬令时：上午8:00至12:00，下午2:30至5:30',
  website: 'https://swt.fujian.gov.cn/',
  mapHref: 'https://map.baidu.com/search/福州市铜盘路118号',
};

type Args = typeof FUJIAN & { variant: 'full' | 'compact'; src?: string };

const meta: Meta<Args> = {
  title: 'Elements/Contact card',
  component: 'zwgk-contact-card',
  args: { ...FUJIAN, variant: 'full' },
  render: (args) =>
    html`<zwgk-contact-card
      agency=${args.agency}
      department=${args.department}
      contact=${args.contact}
      phone=${args.phone}
      fax=${args.fax}
      email=${args.email}
      address=${args.address}
      postcode=${args.postcode}
      hours=${args.hours}
      website=${args.website}
      map-href=${args.mapHref}
      variant=${args.variant}
    ></zwgk-contact-card>`,
};
export default meta;
type Story = StoryObj<Args>;

/** Every field of 福建省商务厅's disclosure office. */
export const Full: Story = {};

/** The agency, phones and e-mail only — for a sidebar or footer. */
export const Compact: Story = { args: { variant: 'compact' } };

/** Several numbers, one of them also the fax: one combined 电话/传真 line (平潭's published form). */
export const SeveralNumbers: Story = {
  render: () =>
    html`<zwgk-contact-card
      agency="平潭综合实验区管委会办公室"
      phone="0591-24339101（可传真）、0591-23165385"
      fax="0591-24339101"
      email="pzxxgkb＠163.com"
      address="福建省平潭综合实验区金井湾营运中心管委会大楼7号楼14层1407室"
      postcode="350400"
      hours="受理时间为正常上班时间，法定节假日除外。"
    ></zwgk-contact-card>`,
};

/** Loaded from `src` (here a stub that never answers, to show the skeleton). */
export const Loading: Story = {
  render: () => html`<zwgk-contact-card src=${stubUrl('contact-loading', { delayMs: Infinity })}></zwgk-contact-card>`,
};

/** Loaded from `src`. */
export const FromSrc: Story = {
  render: () => html`<zwgk-contact-card src=${stubUrl('contact', { body: FUJIAN, delayMs: 300 })}></zwgk-contact-card>`,
};

/** The server failed: what happened and a Retry button. */
export const ServerError: Story = {
  render: () =>
    html`<zwgk-contact-card
      src=${stubUrl('contact-503', { status: 503, body: { title: 'Service Unavailable', status: 503 } })}
    ></zwgk-contact-card>`,
};

/** No network. */
export const NetworkError: Story = {
  render: () => html`<zwgk-contact-card src=${stubUrl('contact-offline', { networkError: true })}></zwgk-contact-card>`,
};

/** A payload of the wrong shape is an error with a message, never a blank card. */
export const Malformed: Story = {
  render: () => html`<zwgk-contact-card .data=${{ agency: ['not', 'text'] }}></zwgk-contact-card>`,
};

/** Nothing to show. */
export const Empty: Story = { render: () => html`<zwgk-contact-card></zwgk-contact-card>` };

/** Inline JSON child: readable configuration for a CMS template. */
export const InlineJson: Story = {
  render: () =>
    html`<zwgk-contact-card>
      <script type="application/json">
        { "agency": "福建省商务厅", "phone": "0591-87270308", "address": "福州市铜盘路118号", "postcode": "350003" }
      </script>
    </zwgk-contact-card>`,
};

/** English labels (the toolbar's Language switch does this for every story). */
export const English: Story = { render: (args, context) => html`<div lang="en">${meta.render!(args, context)}</div>` };

/** The elder-friendly theme: larger text and targets, 7:1 contrast, strong focus ring. */
export const Elder: Story = { render: (args, context) => html`<div theme="elder">${meta.render!(args, context)}</div>` };

/** Site colours through custom properties. */
export const Themed: Story = {
  render: (args, context) => html`<div class="themed-example">${meta.render!(args, context)}</div>`,
  decorators: [
    (story) =>
      html`<style>
          .themed-example {
            --zwgk-color-link: #005a3c;
            --zwgk-contact-card-background: #f3faf6;
            --zwgk-radius: 0;
          }</style
        >${story()}`,
  ],
};

/** Hostile strings render as text; a javascript: website is dropped. */
export const HostileStrings: Story = {
  args: { agency: '<img src=x onerror=alert(1)>', contact: '<script>alert(1)</script>', website: 'javascript:alert(1)' },
};
