import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { ZwgkElement, defineElement } from '../base/zwgk-element.js';
import { DataSourceController } from '../base/data-source.js';
import { renderEmpty, renderLoadError, renderSkeleton } from '../base/states.js';
import { buttons, states, tokens } from '../../styles/tokens.js';
import { contactCardStyles } from './contact-card.styles.js';
import type { ContactInfo } from '../../api/types/contact.js';
import { contactToVCard, hoursLines, normaliseEmail, parseContactInfo, parsePhoneList, sameNumber, type PhoneNumber } from '../../core/contact/index.js';
import { safeHref } from '../../core/url.js';

type Field = keyof ContactInfo;

/** Detail of `zwgk-copied`. */
export interface ContactCopiedDetail {
  field: Field;
  value: string;
}

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
 * @fires {CustomEvent<ContactCopiedDetail>} zwgk-copied - A value was copied to the clipboard.
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
 * @csspart vcard-link - The 保存联系人 (vCard) link.
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
  /** The heading level of the agency name (2–6), to fit the host page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;
  /** A URL returning the contact fields as JSON (`GET {api-base}/contact`). */
  @property() src?: string;
  /** The contact fields as an object (used when `src` is not set). */
  @property({ attribute: false }) data?: unknown;

  @state() private announcement = '';

  private readonly source = new DataSourceController<ContactInfo>(this, parseContactInfo);

  /** The fields shown: loaded data, overridden by attributes set on the element. */
  get contactInfo(): ContactInfo {
    const loaded = this.source.state.status === 'ready' ? this.source.state.value : { agency: '' };
    const own: Partial<ContactInfo> = {
      agency: this.agency, department: this.department, contact: this.contact, phone: this.phone, fax: this.fax,
      email: this.email, address: this.address, postcode: this.postcode, hours: this.hours, website: this.website,
      mapHref: this.mapHref,
    };
    const merged: ContactInfo = { ...loaded };
    for (const [key, value] of Object.entries(own)) if (value) merged[key as Field] = value;
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
          ${!compact && info.contact ? this.row(msg('联系人'), html`<span class="value"><span itemprop="name">${info.contact}</span>${this.copyButton('contact', msg('联系人'), info.contact)}</span>`) : nothing}
          ${phones.length ? this.row(phoneLabel, this.renderNumbers(phones, 'phone', phoneLabel, combined ? 'telephone faxNumber' : 'telephone')) : nothing}
          ${faxes.length && !combined && !compact ? this.row(msg('传真'), this.renderNumbers(faxes, 'fax', msg('传真'), 'faxNumber')) : nothing}
          ${info.email
            ? this.row(msg('电子邮箱'), html`<span class="value"><a part="link" href="mailto:${email}" itemprop="email">${info.email}</a>${this.copyButton('email', msg('电子邮箱'), email)}</span>`)
            : nothing}
          ${!compact && info.address
            ? this.row(msg('地址'), html`<span class="value"><address itemprop="address" itemscope itemtype="https://schema.org/PostalAddress">
                  <span itemprop="streetAddress">${info.address}</span>${info.postcode ? html`<meta itemprop="postalCode" content=${info.postcode} />` : nothing}<meta itemprop="addressCountry" content="CN" />
                </address>${this.copyButton('address', msg('地址'), info.address)}</span>`)
            : nothing}
          ${!compact && info.postcode ? this.row(msg('邮编'), html`<span class="value"><span>${info.postcode}</span>${this.copyButton('postcode', msg('邮编'), info.postcode)}</span>`) : nothing}
          ${!compact && hours.length ? this.row(msg('办公时间'), html`<ul>${hours.map((line) => html`<li>${line}</li>`)}</ul>`) : nothing}
          ${!compact && website ? this.row(msg('网站'), html`<a part="link" href=${website} itemprop="url">${info.website}</a>`) : nothing}
        </dl>
      </div>
      ${compact ? nothing : this.renderActions(info, mapHref)}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    </section>`;
  }

  private renderHeading(agency: string): TemplateResult {
    const content = html`<span itemprop="name">${agency}</span>`;
    switch (Math.min(6, Math.max(2, this.headingLevel || 2))) {
      case 3: return html`<h3 id="heading" class="heading" part="heading">${content}</h3>`;
      case 4: return html`<h4 id="heading" class="heading" part="heading">${content}</h4>`;
      case 5: return html`<h5 id="heading" class="heading" part="heading">${content}</h5>`;
      case 6: return html`<h6 id="heading" class="heading" part="heading">${content}</h6>`;
      default: return html`<h2 id="heading" class="heading" part="heading">${content}</h2>`;
    }
  }

  private row(label: string, value: unknown): TemplateResult {
    return html`<div class="row"><dt part="label">${label}</dt><dd part="value">${value}</dd></div>`;
  }

  private renderNumbers(numbers: PhoneNumber[], field: Field, label: string, itemprop: string): TemplateResult {
    return html`<ul>
      ${numbers.map(
        (number) => html`<li class="value">
          <a part="link" href=${number.href} itemprop=${itemprop}>${number.display}</a>
          ${number.note ? html`<span class="note">（${number.note}）</span>` : nothing}
          ${this.copyButton(field, label, number.display)}
        </li>`,
      )}
    </ul>`;
  }

  private copyButton(field: Field, label: string, value: string): TemplateResult {
    return html`<button type="button" class="copy" part="copy-button" aria-label=${msg(str`复制${label} ${value}`)} @click=${() => this.copy(field, label, value)}>
      ${msg('复制')}
    </button>`;
  }

  private renderActions(info: ContactInfo, mapHref: string | undefined): TemplateResult {
    const vcard = `data:text/vcard;charset=utf-8,${encodeURIComponent(contactToVCard(info))}`;
    return html`<div class="actions" part="actions">
      <a class="button secondary" part="vcard-link" href=${vcard} download="${info.agency || 'contact'}.vcf">${msg('保存联系人')}</a>
      ${mapHref ? html`<a class="button secondary" part="map-link" href=${mapHref} target="_blank" rel="noopener">${msg('查看地图')}</a>` : nothing}
    </div>`;
  }

  private async copy(field: Field, label: string, value: string): Promise<void> {
    const copied = await writeClipboard(value, this.renderRoot as ShadowRoot);
    // Clear first so that copying the same value twice is announced twice.
    this.announcement = '';
    await this.updateComplete;
    this.announcement = this.localize(() => (copied ? msg(str`已复制${label}：${value}`) : msg(str`无法自动复制，请手动选择${label}后复制。`)));
    if (copied) this.emit<ContactCopiedDetail>('zwgk-copied', { field, value });
  }
}

/** Writes text to the clipboard; falls back to a selected textarea where the async API is missing or refused. */
async function writeClipboard(text: string, root: ShadowRoot): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'visually-hidden';
    root.appendChild(area);
    area.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    } finally {
      area.remove();
    }
  }
}

defineElement('zwgk-contact-card', ZwgkContactCard);

declare global {
  interface HTMLElementTagNameMap {
    'zwgk-contact-card': ZwgkContactCard;
  }
}
