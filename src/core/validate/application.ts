/**
 * validateApplication: the rules for `POST /applications`, shared by
 * <zwgk-application-form> (as a courtesy) and the server (as the law).
 * Conditional rules follow 条例 art. 29 and the JS-NORM 补正 triggers
 * (reference.md §2.1–2.2, §2.5).
 */
import {
  DELIVERY_FORMATS,
  DELIVERY_METHODS,
  ID_TYPES,
  ORG_TYPES,
  type Applicant,
  type ApplicationRequest,
  type DeliveryRequest,
  type InformationRequested,
} from '../../api/types/application.js';
import { BodyReader, compact, pointer, type JsonObject } from './body.js';
import { validateEmail, validatePhone, validatePostcode } from './contact.js';
import { validateIdNumber, validateOtherIdNumber } from './id-number.js';
import { validateCreditCode } from './credit-code.js';
import type { BodyValidation } from './result.js';

/** Length limits of the application's text fields, in characters. */
export const APPLICATION_LIMITS = {
  agency: 100,
  personName: 50,
  orgName: 100,
  legalRepresentative: 50,
  contactName: 50,
  workUnit: 100,
  address: 200,
  title: 200,
  docNo: 100,
  description: 2000,
  purpose: 500,
  attachments: 10,
} as const;

const ATTACHMENT_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Checks and normalises an application body. `value` is set only when there
 * are no errors; `warnings` never block (e.g. a doubtful 组织机构代码).
 * `today` (`YYYY-MM-DD`, China) bounds the birth date of an ID number.
 */
export function validateApplication(body: unknown, options: { today?: string } = {}): BodyValidation<ApplicationRequest> {
  const read = new BodyReader();
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    read.error('', 'body.invalid');
    return { errors: read.errors, warnings: read.warnings };
  }
  const root = body as JsonObject;
  read.onlyKnown(root, ['agency', 'applicant', 'request', 'delivery', 'attachments'], '');

  const agency = read.line(root.agency, '/agency', APPLICATION_LIMITS.agency, true);
  const applicant = readApplicant(read, root.applicant, options.today);
  const request = readRequest(read, root.request);
  const delivery = readDelivery(read, root.delivery, root.applicant);
  const attachments = readAttachments(read, root.attachments);

  if (read.errors.length > 0 || !agency || !applicant || !request || !delivery || !attachments) {
    return { errors: read.errors, warnings: read.warnings };
  }
  return { value: { agency, applicant, request, delivery, attachments }, errors: [], warnings: read.warnings };
}

function readApplicant(read: BodyReader, value: unknown, today: string | undefined): Applicant | undefined {
  const at = '/applicant';
  const o = read.object(value, at);
  if (!o) return undefined;
  const type = read.choice(o.type, `${at}/type`, ['person', 'organization'] as const);
  const L = APPLICATION_LIMITS;
  const contact = {
    phone: read.string(o.phone, `${at}/phone`, validatePhone, true),
    email: read.string(o.email, `${at}/email`, validateEmail),
    address: read.text(o.address, `${at}/address`, L.address),
    postcode: read.string(o.postcode, `${at}/postcode`, validatePostcode),
  };

  if (type === 'person') {
    read.onlyKnown(o, ['type', 'name', 'idType', 'idNumber', 'phone', 'email', 'address', 'postcode', 'workUnit'], at);
    const name = read.line(o.name, `${at}/name`, L.personName, true);
    const idType = read.choice(o.idType, `${at}/idType`, ID_TYPES);
    const idCheck = idType === 'resident-id' ? (text: string) => validateIdNumber(text, today) : validateOtherIdNumber;
    const idNumber = read.string(o.idNumber, `${at}/idNumber`, idCheck, true);
    const workUnit = read.line(o.workUnit, `${at}/workUnit`, L.workUnit);
    if (!name || !idType || !idNumber || !contact.phone) return undefined;
    return compact({ type, name, idType, idNumber, ...contact, phone: contact.phone, workUnit });
  }
  if (type === 'organization') {
    read.onlyKnown(
      o,
      ['type', 'orgType', 'name', 'creditCode', 'legalRepresentative', 'contactName', 'phone', 'email', 'address', 'postcode'],
      at,
    );
    const orgType = read.choice(o.orgType, `${at}/orgType`, ORG_TYPES);
    const name = read.line(o.name, `${at}/name`, L.orgName, true);
    const creditCode = read.string(o.creditCode, `${at}/creditCode`, validateCreditCode, true);
    const legalRepresentative = read.line(o.legalRepresentative, `${at}/legalRepresentative`, L.legalRepresentative, true);
    const contactName = read.line(o.contactName, `${at}/contactName`, L.contactName, true);
    if (!orgType || !name || !creditCode || !legalRepresentative || !contactName || !contact.phone) return undefined;
    return compact({ type, orgType, name, creditCode, legalRepresentative, contactName, ...contact, phone: contact.phone });
  }
  return undefined;
}

function readRequest(read: BodyReader, value: unknown): InformationRequested | undefined {
  const at = '/request';
  const o = read.object(value, at);
  if (!o) return undefined;
  read.onlyKnown(o, ['title', 'docNo', 'description', 'purpose'], at);
  const L = APPLICATION_LIMITS;
  const before = read.errors.length;
  const request = compact({
    title: read.text(o.title, `${at}/title`, L.title),
    docNo: read.text(o.docNo, `${at}/docNo`, L.docNo),
    description: read.text(o.description, `${at}/description`, L.description),
    purpose: read.text(o.purpose, `${at}/purpose`, L.purpose),
  });
  if (read.errors.length > before) return undefined;
  // 条例 art. 29(二): 名称、文号 or another description the agency can search by.
  if (!request.title && !request.docNo && !request.description) return read.error(`${at}/description`, 'request.missing');
  return request;
}

function readDelivery(read: BodyReader, value: unknown, rawApplicant: unknown): DeliveryRequest | undefined {
  const at = '/delivery';
  const o = read.object(value, at);
  if (!o) return undefined;
  read.onlyKnown(o, ['formats', 'methods', 'email', 'address', 'postcode'], at);
  const formats = read.choices(o.formats, `${at}/formats`, DELIVERY_FORMATS);
  const methods = read.choices(o.methods, `${at}/methods`, DELIVERY_METHODS);
  const email = read.string(o.email, `${at}/email`, validateEmail);
  const address = read.text(o.address, `${at}/address`, APPLICATION_LIMITS.address);
  const postcode = read.string(o.postcode, `${at}/postcode`, validatePostcode);

  // JS-NORM 补正 triggers: delivery by e-mail needs an address to send to, by post a postal
  // address and 邮编. The applicant's own details count. A value typed but invalid has
  // already been reported where it was typed, so it is not reported again as missing.
  const typed = (object: unknown, field: string) => {
    const raw = object && typeof object === 'object' ? (object as JsonObject)[field] : undefined;
    return typeof raw === 'string' && raw.trim() !== '';
  };
  const has = (field: string) => typed(o, field) || typed(rawApplicant, field);
  if (methods?.includes('email') && !has('email')) read.error(`${at}/email`, 'delivery.emailRequired');
  if (methods?.includes('post')) {
    if (!has('address')) read.error(`${at}/address`, 'delivery.addressRequired');
    if (!has('postcode')) read.error(`${at}/postcode`, 'delivery.postcodeRequired');
  }
  if (!formats || !methods) return undefined;
  return compact({ formats, methods, email, address, postcode });
}

function readAttachments(read: BodyReader, value: unknown): string[] | undefined {
  const at = '/attachments';
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return read.error(at, 'type.invalid');
  if (value.length > APPLICATION_LIMITS.attachments) return read.error(at, 'list.tooMany', { max: APPLICATION_LIMITS.attachments });
  const before = read.errors.length;
  value.forEach((id, index) => {
    if (typeof id !== 'string' || !ATTACHMENT_ID.test(id)) read.error(at + pointer(index), 'attachment.invalid');
  });
  return read.errors.length === before ? [...new Set(value as string[])] : undefined;
}
