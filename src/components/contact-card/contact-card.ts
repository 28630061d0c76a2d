import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { ZwgkElement, defineElement } from '../base/zwgk-element.js';
import { DataSourceController, inlineJson } from '../base/controllers/data-source.js';
import { saveFile } from '../base/download.js';
import type { ZwgkCopiedDetail } from '../../events/zwgk-copied.js';
import { heading } from '../base/heading.js';
import { renderEmpty, renderLoadError, renderSkeleton } from '../base/states.js';
import { writeClipboard } from '../base/clipboard.js';
import { buttons, states, tokens } from '../../styles/tokens.js';
import { contactCardStyles } from './contact-card.styles.js';
import type { ContactInfo } from '../../api/types/contact.js';
import { CONTACT_FIELDS, parseContactInfo } from '../../core/contact/parse.js';
import { parsePhoneList, sameNumber, type PhoneNumber } from '../../core/contact/phone.js';
import { hoursLines, normaliseEmail } from '../../core/contact/text.js';
import { safeHref } from '../../core/url.js';

type Field = keyof ContactInfo;

export type { ZwgkCopiedDetail as ContactCopiedDetail } from '../../events/zwgk-copied.js';

/**
 * 联系方式 — the contact card of the office that handles disclosure requests
 * (政府信息公开工作机构): name, 受理处室, 联系人, phones (tel: links, several
 * numbers, one combined 电话/传真 line), fax, e-mail (mailto:), address as an
 * `<address>`, 邮编, seasonal office hours, website and map. Every value has a
 * copy button with a spoken confirmation; "保存联系人" downloads a vCard; the
 * markup carries schema.org GovernmentOrganization / ContactPoint microdata.
 *
 * Data: attributes, or `src` (a URL returning the fields as JSON), the `data`
 * property, or an inline `<script type="application/json">` child (in that
 * order). Attributes set on the element win over loaded fields.
 *
 * @tagname zwgk-contact-card
 * @summary The disclosure office's contact card (政府信息公开受理机构).
 *
 * @fires {CustomEvent<ZwgkCopiedDetail>} zwgk-copied - A value was copied to the clipboard.
 *
 * @csspart card - The card around everything.
 * @csspart heading - The agency name.
 * @csspart department - The 受理处室 line.
 * @csspart list - The list of fields (a `<dl>`).
 * @csspart label - Each field's label.
 * @csspart value - Each field's value.
 * @csspart link - Every tel:, mailto: and web link.
 * @csspart copy-button - Each copy button.
 * @csspart actions - The row with the vCard and map links.
 * @csspart vcard-button - The 保存联系人 (vCard download) button.
 * @csspart map-link - The map link.
 * @csspart loading - The skeleton shown while `src` loads.
 * @csspart error - The error state.
 * @csspart retry-button - The error state's Retry button.
 * @csspart empty - Shown when there are no fields at all.
 *
 * @cssprop [--zwgk-contact-card-padding=1rem] - Space inside the card.
 * @cssprop [--zwgk-contact-card-background=#ffffff] - The card's background.
 * @cssprop [--zwgk-contact-card-heading-color=#1f2328] - The agency name's colour.
 * @cssprop [--zwgk-color-text=#1f2328] - Body text (shared token).
 * @cssprop [--zwgk-color-link=#0b57a4] - Links and copy buttons (shared token).
 * @cssprop [--zwgk-color-border=#8c959f] - Borders (shared token).
 * @cssprop [--zwgk-font-size-base=1rem] - Base text size (shared token; 1.25rem in the elder theme).
 * @cssprop [--zwgk-radius=0.375rem] - Corner radius (shared token).
 * @cssprop [--zwgk-focus-ring=0.1875rem solid #0b57a4] - Focus outline (shared token).
 */
export class ZwgkContactCard extends ZwgkElement {
  protected static override english = () => import('../../i18n/locales/en-contact-card.js');
  static override styles = [tokens, buttons, states, contactCardStyles];

  /** 机构名称 — the agency. */
  @property() agency?: string;
  /** 受理处室 — the office within the agency (optional). */
  @property() department?: string;
  /** 联系人 — the contact person. */
  @property() contact?: string;
  /** 联系电话 — one number or several separated by 、 , or ; each may carry a note in brackets, e.g. `0591-24339101（可传真）、0591-23165385`. */
  @property() phone?: string;
  /** 传真 — a fax equal to one of the phones shows one combined 电话/传真 line. */
  @property() fax?: string;
  /** 电子邮箱 — a full-width ＠ is accepted and shown as published. */
  @property() email?: string;
  /** 办公地址 */
  @property() address?: string;
  /** 邮编 (6 digits) */
  @property() postcode?: string;
  /** 办公时间 — one period per line (newline or ；), e.g. 夏令时 and 冬令时 hours. */
  @property() hours?: string;
  /** The agency's website (http or https). */
  @property() website?: string;
  /** A link to a map of the address (http or https). */
  @property({ attribute: 'map-href' }) mapHref?: string;
  /** `full` shows every field and the actions; `compact` shows the agency, phones and e-mail. */
  @property({ reflect: true }) variant: 'full' | 'compact' = 'full';
  /** The heading level of the agency name (1–6), to fit the host page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;
  /** A URL returning the contact fields as JSON (`GET {api-base}/contact`). */
  @property() src?: string;
  /** The contact fields as an object (used when `src` is not set). */
  @property({ attribute: false }) data?: unknown;

  private readonly source = new DataSourceController<ContactInfo>(this, {
    src: () => this.src,
    data: () => this.data,
    inline: () => inlineJson(this),
    parse: parseContactInfo,
    label: () => this.localName,
  });

  /** The fields shown: loaded data, overridden by attributes set on the element. */
  get contactInfo(): ContactInfo {
    const loaded = this.source.state.status === 'ready' ? this.source.state.value : { agency: '' };
    const merged: ContactInfo = { ...loaded };
    for (const field of CONTACT_FIELDS) if (this[field]) merged[field] = this[field]!;
    return merged;
  }

  protected renderContent(): unknown {
    const state = this.source.state;
    if (state.status === 'loading') return renderSkeleton(this.variant === 'compact' ? 3 : 7);
    if (state.status === 'error') return renderLoadError(state.error, () => this.source.retry());
    const info = this.contactInfo;
    const hasAny = Object.values(info).some(Boolean);
    if (!hasAny) return renderEmpty(msg('暂无联系方式。'));
    return this.renderCard(info);
  }

  private renderCard(info: ContactInfo): TemplateResult {
    const compact = this.variant === 'compact';
    const phones = parsePhoneList(info.phone);
    const faxes = parsePhoneList(info.fax);
    // A fax that is also a phone number makes one 电话/传真 line instead of two.
    const combined = faxes.length > 0 && faxes.every((fax) => phones.some((p) => sameNumber(p.display, fax.display)));
    const phoneLabel = combined || phones.some((p) => p.note?.includes('传真')) ? msg('电话/传真') : msg('电话');
    const email = info.email ? normaliseEmail(info.email) : '';
    const website = safeHref(info.website, ['http:', 'https:']);
    const mapHref = safeHref(info.mapHref, ['http:', 'https:']);
    const hours = hoursLines(info.hours);

    return html`<section
      class="card ${compact ? 'compact' : ''}"
      part="card"
      aria-labelledby="heading"
      itemscope
      itemtype="https://schema.org/GovernmentOrganization"
    >
      ${this.renderHeading(info.agency)}
      ${info.department && !compact ? html`<p class="department" part="department">${info.department}</p>` : nothing}
      <div itemprop="contactPoint" itemscope itemtype="https://schema.org/ContactPoint">
        <meta itemprop="contactType" content="政府信息公开" />
        <dl part="list">
          ${compact ? nothing : this.textRow('contact', msg('联系人'), info.contact, 'name')}
          ${phones.length ? this.row(phoneLabel, this.renderNumbers(phones, 'phone', phoneLabel, combined ? 'telephone faxNumber' : 'telephone')) : nothing}
          ${faxes.length && !combined && !compact ? this.row(msg('传真'), this.renderNumbers(faxes, 'fax', msg('传真'), 'faxNumber')) : nothing}
          ${
            info.email
              ? this.row(
                  msg('电子邮箱'),
                  html`<span class="value"
                    ><a part="link" href="mailto:${email}" itemprop="email">${info.email}</a
                    >${this.copyButton('email', msg('电子邮箱'), email)}</span
                  >`,
                )
              : nothing
          }
          ${
            !compact && info.address
              ? this.row(
                  msg('地址'),
                  html`<span class="value"
                    ><address itemprop="address" itemscope itemtype="https://schema.org/PostalAddress">
                      <span itemprop="streetAddress">${info.address}</span
                      >${info.postcode ? html`<meta itemprop="postalCode" content=${info.postcode} />` : nothing}<meta
                        itemprop="addressCountry"
                        content="CN"
                      />
                    </address>
                    ${this.copyButton('address', msg('地址'), info.address)}</span
                  >`,
                )
              : nothing
          }
          ${compact ? nothing : this.textRow('postcode', msg('邮编'), info.postcode)}
          ${
            !compact && hours.length
              ? this.row(
                  msg('办公时间'),
                  html`<ul>
                    ${hours.map((line) => html`<li>${line}</li>`)}
                  </ul>`,
                )
              : nothing
          }
          ${!compact && website ? this.row(msg('网站'), html`<a part="link" href=${website} itemprop="url">${info.website}</a>`) : nothing}
        </dl>
      </div>
      ${compact ? nothing : this.renderActions(mapHref)}
    </section>`;
  }

  private renderHeading(agency: string): TemplateResult {
    return heading(
      { level: this.headingLevel, fallback: 2, id: 'heading', className: 'heading', part: 'heading' },
      html`<span itemprop="name">${agency}</span>`,
    );
  }

  private row(label: string, value: unknown): TemplateResult {
    return html`<div class="row">
      <dt part="label">${label}</dt>
      <dd part="value">${value}</dd>
    </div>`;
  }

  private textRow(field: Field, label: string, value: string | undefined, itemprop?: string): unknown {
    return value
      ? this.row(
          label,
          html`<span class="value"><span itemprop=${itemprop ?? nothing}>${value}</span>${this.copyButton(field, label, value)}</span>`,
        )
      : nothing;
  }

  private renderNumbers(numbers: PhoneNumber[], field: Field, label: string, itemprop: string): TemplateResult {
    return html`<ul>
      ${numbers.map(
        (number) =>
          html`<li class="value">
            <a part="link" href=${number.href} itemprop=${itemprop}>${number.display}</a>
            ${number.note ? html`<span class="note">（${number.note}）</span>` : nothing} ${this.copyButton(field, label, number.display)}
          </li>`,
      )}
    </ul>`;
  }

  private copyButton(field: Field, label: string, value: string): TemplateResult {
    return html`<button
      type="button"
      class="copy"
      part="copy-button"
      aria-label=${msg(str`复制${label} ${value}`)}
      @click=${() => this.copy(field, label, value)}
    >
      ${msg('复制')}
    </button>`;
  }

  private renderActions(mapHref: string | undefined): TemplateResult {
    return html`<div class="actions" part="actions">
      <button type="button" class="button secondary" part="vcard-button" @click=${() => this.downloadVCard()}>${msg('保存联系人')}</button>
      ${mapHref ? html`<a class="button secondary" part="map-link" href=${mapHref} target="_blank" rel="noopener">${msg('查看地图')}</a>` : nothing}
    </div>`;
  }

  /** Downloads the card as a vCard (.vcf) that phones and mail programs import. */
  async downloadVCard(): Promise<void> {
    const info = this.contactInfo;
    // Loaded on demand: most visitors never save the card.
    const { contactToVCard } = await import('../../core/contact/vcard.js');
    saveFile(`${info.agency || 'contact'}.vcf`, contactToVCard(info), 'text/vcard;charset=utf-8');
  }

  private async copy(field: Field, label: string, value: string): Promise<void> {
    const copied = await writeClipboard(value, this.renderRoot as ShadowRoot);
    this.announce(this.localize(() => (copied ? msg(str`已复制${label}：${value}`) : msg(str`无法自动复制，请手动选择${label}后复制。`))));
    if (copied) this.emit<ZwgkCopiedDetail>('zwgk-copied', { field, value });
  }
}

defineElement('zwgk-contact-card', ZwgkContactCard);

declare global {
  interface HTMLElementTagNameMap {
    'zwgk-contact-card': ZwgkContactCard;
  }
}
