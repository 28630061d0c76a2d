import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/contact-card.js';
import type { ZwgkContactCard } from '../../src/components/contact-card/contact-card.js';
import { HOSTILE, pwned, shadow, textOf, waitForShadow } from './helpers.js';

const FUJIAN = html`<zwgk-contact-card
  agency="福建省商务厅"
  department="办公室"
  contact="林伟"
  phone="0591-87270308"
  fax="0591-87856133"
  email="swt＠fujian.gov.cn"
  address="福州市铜盘路118号"
  postcode="350003"
  hours="夏令时：上午8:00至12:00，下午3:00至6:00；冬令时：上午8:00至12:00，下午2:30至5:30"
  website="https://swt.fujian.gov.cn/"
  map-href="https://map.example.cn/?q=福州市铜盘路118号"
></zwgk-contact-card>`;

function row(el: Element, label: string): HTMLElement | undefined {
  const dt = [...shadow(el).querySelectorAll('dt')].find((d) => textOf(d) === label);
  return (dt?.nextElementSibling as HTMLElement) ?? undefined;
}

describe('<zwgk-contact-card>', () => {
  it('shows every field with the right links and an <address>', async () => {
    const el = await fixture<ZwgkContactCard>(FUJIAN);
    const root = shadow(el);
    expect(textOf(root.querySelector('h2'))).to.equal('福建省商务厅');
    expect(textOf(root.querySelector('[part="department"]'))).to.equal('办公室');
    expect(textOf(row(el, '联系人'))).to.contain('林伟');
    expect(row(el, '电话')!.querySelector('a')!.getAttribute('href')).to.equal('tel:+86-591-87270308');
    expect(row(el, '传真')!.querySelector('a')!.getAttribute('href')).to.equal('tel:+86-591-87856133');
    const mail = row(el, '电子邮箱')!.querySelector('a')!;
    expect(mail.getAttribute('href')).to.equal('mailto:swt@fujian.gov.cn');
    expect(textOf(mail)).to.equal('swt＠fujian.gov.cn');
    expect(textOf(row(el, '地址')!.querySelector('address'))).to.equal('福州市铜盘路118号');
    expect(textOf(row(el, '邮编'))).to.contain('350003');
    const hours = [...row(el, '办公时间')!.querySelectorAll('li')].map(textOf);
    expect(hours).to.deep.equal(['夏令时：上午8:00至12:00，下午3:00至6:00', '冬令时：上午8:00至12:00，下午2:30至5:30']);
    expect(row(el, '网站')!.querySelector('a')!.getAttribute('href')).to.equal('https://swt.fujian.gov.cn/');
    expect(root.querySelector('[part="map-link"]')!.getAttribute('href')).to.contain('map.example.cn');
  });

  it('lists several numbers with their notes and combines 电话/传真 when the fax is a phone', async () => {
    const el = await fixture<ZwgkContactCard>(
      html`<zwgk-contact-card
        agency="平潭综合实验区管委会办公室"
        phone="0591-24339101（可传真）、0591-23165385、13800138000"
        fax="0591-24339101"
      ></zwgk-contact-card>`,
    );
    const line = row(el, '电话/传真')!;
    const links = [...line.querySelectorAll('a')].map((a) => [textOf(a), a.getAttribute('href')]);
    expect(links).to.deep.equal([
      ['0591-24339101', 'tel:+86-591-24339101'],
      ['0591-23165385', 'tel:+86-591-23165385'],
      ['13800138000', 'tel:+86-13800138000'],
    ]);
    expect(textOf(line)).to.contain('可传真');
    expect(row(el, '传真'), 'no separate fax row').to.equal(undefined);
  });

  it('carries schema.org GovernmentOrganization and ContactPoint microdata', async () => {
    const el = await fixture<ZwgkContactCard>(FUJIAN);
    const org = shadow(el).querySelector('[itemtype="https://schema.org/GovernmentOrganization"]')!;
    expect(textOf(org.querySelector(':scope > h2 [itemprop="name"]'))).to.equal('福建省商务厅');
    const point = org.querySelector('[itemprop="contactPoint"][itemtype="https://schema.org/ContactPoint"]')!;
    expect(textOf(point.querySelector('[itemprop="telephone"]'))).to.equal('0591-87270308');
    expect(textOf(point.querySelector('[itemprop="faxNumber"]'))).to.equal('0591-87856133');
    expect(point.querySelector('[itemprop="postalCode"]')!.getAttribute('content')).to.equal('350003');
  });

  it('copies a value and says so in a polite live region', async () => {
    const el = await fixture<ZwgkContactCard>(FUJIAN);
    const button = row(el, '电话')!.querySelector('button')!;
    expect(button.getAttribute('aria-label')).to.equal('复制电话 0591-87270308');
    const event = oneEvent(el, 'zwgk-copied');
    button.click();
    const { detail } = await event;
    expect(detail).to.deep.equal({ field: 'phone', value: '0591-87270308' });
    const status = shadow(el).querySelector('[role="status"]')!;
    await waitUntil(() => textOf(status) !== '', 'no announcement');
    expect(status.getAttribute('aria-live')).to.equal('polite');
    expect(textOf(status)).to.equal('已复制电话：0591-87270308');
    expect(await navigator.clipboard.readText()).to.equal('0591-87270308');
  });

  it('offers a vCard with the office, numbers, address and hours', async () => {
    const el = await fixture<ZwgkContactCard>(FUJIAN);
    const button = shadow(el).querySelector<HTMLButtonElement>('[part="vcard-button"]')!;
    expect(textOf(button)).to.equal('保存联系人');
    // Catch the download link the button clicks, instead of letting the browser save a file.
    const clicked = new Promise<HTMLAnchorElement>((resolve) => {
      const original = HTMLAnchorElement.prototype.click;
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        HTMLAnchorElement.prototype.click = original;
        resolve(this);
      };
    });
    button.click();
    const link = await clicked;
    expect(link.download).to.equal('福建省商务厅.vcf');
    const response = await fetch(link.href);
    expect(response.headers.get('content-type')).to.contain('text/vcard');
    const vcard = await response.text();
    const lines = vcard.replace(/\r\n /g, '').split('\r\n');
    expect(lines[0]).to.equal('BEGIN:VCARD');
    expect(lines).to.include.members([
      'VERSION:3.0',
      'FN:福建省商务厅',
      'ORG:福建省商务厅;办公室',
      'TEL;TYPE=WORK,VOICE:0591-87270308',
      'TEL;TYPE=WORK,FAX:0591-87856133',
      'EMAIL;TYPE=INTERNET,WORK:swt@fujian.gov.cn',
      'ADR;TYPE=WORK:;;福州市铜盘路118号;;;350003;中国',
      'URL:https://swt.fujian.gov.cn/',
      'END:VCARD',
    ]);
    expect(lines.find((l) => l.startsWith('NOTE:'))).to.contain('联系人：林伟');
  });

  it('speaks English when the closest lang is en, and follows a change of lang', async () => {
    const wrapper = await fixture(html`<div lang="en">${FUJIAN}</div>`);
    const el = wrapper.querySelector('zwgk-contact-card')!;
    await waitUntil(() => row(el, 'Phone'), 'no English labels');
    expect(row(el, 'Address')).to.exist;
    expect(textOf(shadow(el).querySelector('[part="vcard-button"]'))).to.equal('Save contact');
    wrapper.setAttribute('lang', 'zh-CN');
    await waitUntil(() => row(el, '电话'), 'did not switch back to Chinese');
  });

  it('shows its Chinese with a notice when its English cannot be fetched, and switches once Try again gets it', async () => {
    let offline = true;
    class OfflineEnglishCard extends (customElements.get('zwgk-contact-card') as typeof ZwgkContactCard) {
      // A stub for a failure the test cannot otherwise cause: the network dropping this element's part of the English.
      static override english = () =>
        offline ? Promise.reject(new TypeError('Failed to fetch (stub)')) : import('../../src/i18n/locales/en-contact-card.js');
    }
    customElements.define('offline-english-card', OfflineEnglishCard);
    const unhandled: unknown[] = [];
    const onUnhandled = (event: PromiseRejectionEvent) => unhandled.push(event.reason);
    window.addEventListener('unhandledrejection', onUnhandled);
    try {
      const wrapper = await fixture(
        html`<div lang="en"><offline-english-card agency="福建省商务厅" phone="0591-87270308"></offline-english-card></div>`,
      );
      const el = wrapper.firstElementChild!;
      await waitUntil(() => row(el, '电话'), 'the card stayed empty');
      const notice = shadow(el).querySelector('[role="status"][lang="en"]')!;
      expect(textOf(notice)).to.contain('could not be loaded');
      expect(shadow(el).querySelector('.zwgk-root')!.getAttribute('lang')).to.equal('zh-CN');
      await expect(wrapper).to.be.accessible();

      offline = false;
      notice.querySelector('button')!.click();
      await (el as ZwgkContactCard).updateComplete;
      expect(row(el, '电话') ?? row(el, 'Phone'), 'blank while the English loads').to.exist;
      await waitUntil(() => row(el, 'Phone'), 'no English after Try again');
      expect(shadow(el).querySelector('[role="status"][lang="en"]')).to.equal(null);
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(unhandled).to.deep.equal([]);
    } finally {
      window.removeEventListener('unhandledrejection', onUnhandled);
    }
  });

  it('shows the compact variant with the agency, phones and e-mail only', async () => {
    const el = await fixture<ZwgkContactCard>(FUJIAN);
    el.variant = 'compact';
    await el.updateComplete;
    expect(row(el, '电话')).to.exist;
    expect(row(el, '电子邮箱')).to.exist;
    expect(row(el, '地址')).to.equal(undefined);
    expect(shadow(el).querySelector('[part="actions"]')).to.equal(null);
  });

  it('grows to the elder theme: 18px+ text, 44px+ targets, 7:1 text contrast', async () => {
    const wrapper = await fixture(html`<div theme="elder">${FUJIAN}</div>`);
    const el = wrapper.querySelector('zwgk-contact-card')!;
    await el.updateComplete;
    const root = shadow(el).querySelector('.zwgk-root')!;
    expect(root.getAttribute('data-theme')).to.equal('elder');
    expect(parseFloat(getComputedStyle(root).fontSize)).to.be.at.least(18);
    const button = shadow(el).querySelector('button.copy')!.getBoundingClientRect();
    expect(button.height).to.be.at.least(44);
    expect(button.width).to.be.at.least(44);
    expect(getComputedStyle(root).color).to.equal('rgb(0, 0, 0)');
  });

  it('keeps its size when the host page shrinks body text to 12px', async () => {
    document.body.style.fontSize = '12px';
    try {
      const el = await fixture<ZwgkContactCard>(FUJIAN);
      const root = shadow(el).querySelector('.zwgk-root')!;
      expect(parseFloat(getComputedStyle(root).fontSize)).to.equal(16);
    } finally {
      document.body.style.fontSize = '';
    }
  });

  it('renders hostile strings as text and drops unsafe links', async () => {
    const el = await fixture<ZwgkContactCard>(
      html`<zwgk-contact-card
        agency=${HOSTILE.markup}
        contact=${HOSTILE.script}
        address=${HOSTILE.quote}
        website=${HOSTILE.url}
        map-href=${HOSTILE.url}
      ></zwgk-contact-card>`,
    );
    const root = shadow(el);
    expect(textOf(root.querySelector('h2'))).to.equal(HOSTILE.markup);
    expect(textOf(row(el, '联系人'))).to.contain(HOSTILE.script);
    expect(textOf(row(el, '地址')!.querySelector('address'))).to.equal(HOSTILE.quote);
    expect(root.querySelector('img, script, svg')).to.equal(null);
    expect(row(el, '网站')).to.equal(undefined);
    expect(root.querySelector('[part="map-link"]')).to.equal(null);
    expect(pwned()).to.equal(false);
  });

  it('loads from src, with a skeleton while it waits', async () => {
    const el = await fixture<ZwgkContactCard>(html`<zwgk-contact-card src="/__stubs/slow?ms=400"></zwgk-contact-card>`);
    expect(shadow(el).querySelector('[part="loading"]')!.getAttribute('aria-busy')).to.equal('true');
    await waitForShadow(el, 'h2');
    expect(textOf(shadow(el).querySelector('h2'))).to.equal('福建省商务厅');
  });

  it('reads the data property and an inline JSON child', async () => {
    const fromProperty = await fixture<ZwgkContactCard>(
      html`<zwgk-contact-card .data=${{ agency: '属性机构', phone: '0591-1234567' }}></zwgk-contact-card>`,
    );
    expect(textOf(shadow(fromProperty).querySelector('h2'))).to.equal('属性机构');
    const inline = await fixture<ZwgkContactCard>(
      html`<zwgk-contact-card>
        <script type="application/json">
          { "agency": "内联机构", "postcode": "350003" }
        </script>
      </zwgk-contact-card>`,
    );
    expect(textOf(shadow(inline).querySelector('h2'))).to.equal('内联机构');
  });

  it('shows a malformed payload as an error with a message, not a blank card', async () => {
    const wrongShape = await fixture<ZwgkContactCard>(html`<zwgk-contact-card .data=${{ agency: ['not', 'text'] }}></zwgk-contact-card>`);
    const error = shadow(wrongShape).querySelector('[part="error"]')!;
    expect(error.getAttribute('role')).to.equal('alert');
    expect(textOf(error)).to.contain('收到的数据格式不正确');
    const notJson = await fixture<ZwgkContactCard>(html`<zwgk-contact-card src="/__stubs/not-json"></zwgk-contact-card>`);
    const error2 = await waitForShadow(notJson, '[part="error"]');
    expect(textOf(error2)).to.contain('收到的数据格式不正确');
  });

  it('explains a failed request and recovers with Retry', async () => {
    const key = `retry-${Math.random().toString(36).slice(2)}`;
    const el = await fixture<ZwgkContactCard>(html`<zwgk-contact-card src="/__stubs/fail-once/${key}"></zwgk-contact-card>`);
    const error = await waitForShadow(el, '[part="error"]');
    expect(textOf(error)).to.contain('服务器出现错误（503）');
    const retry = shadow(el).querySelector<HTMLButtonElement>('[part="retry-button"]')!;
    expect(textOf(retry)).to.equal('重试');
    retry.click();
    await waitForShadow(el, 'h2');
    expect(textOf(shadow(el).querySelector('h2'))).to.equal('福建省商务厅');
  });

  it('says so when there is nothing to show', async () => {
    const el = await fixture<ZwgkContactCard>(html`<zwgk-contact-card></zwgk-contact-card>`);
    expect(textOf(shadow(el).querySelector('[part="empty"]'))).to.equal('暂无联系方式。');
  });

  it('passes axe in the full and compact variants', async () => {
    await expect(await fixture(FUJIAN)).to.be.accessible();
    await expect(
      await fixture(html`<zwgk-contact-card variant="compact" agency="福建省商务厅" phone="0591-87270308"></zwgk-contact-card>`),
    ).to.be.accessible();
  });

  it('passes axe in English with the elder theme', async () => {
    const wrapper = await fixture(html`<div lang="en" theme="elder">${FUJIAN}</div>`);
    await waitUntil(() => row(wrapper.querySelector('zwgk-contact-card')!, 'Phone'), 'no English labels');
    await expect(wrapper).to.be.accessible();
  });

  it('passes axe in the error and empty states', async () => {
    const failing = await fixture<ZwgkContactCard>(html`<zwgk-contact-card .data=${{ agency: 42n }}></zwgk-contact-card>`);
    await waitForShadow(failing, '[part="error"]');
    await expect(failing).to.be.accessible();
    await expect(await fixture(html`<zwgk-contact-card></zwgk-contact-card>`)).to.be.accessible();
  });
});
