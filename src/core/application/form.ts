/**
 * The model behind <zwgk-application-form>: what the citizen has typed (plain
 * strings, as the inputs hold them), the request body made from it, and the
 * shared validation (core/validate) mapped back onto the form's fields and
 * steps. No DOM: the element renders, this decides.
 */
import {
  DELIVERY_FORMATS,
  DELIVERY_METHODS,
  ID_TYPES,
  ORG_TYPES,
  type ApplicationRequest,
  type DeliveryFormat,
  type DeliveryMethod,
  type IdType,
  type OrgType,
} from '../../api/types/application.js';
import { validateApplication } from '../validate/application.js';
import type { MessageKey } from '../validate/messages.js';
import type { MessageParams } from '../validate/result.js';

/** The four steps, in order. */
export const APPLICATION_STEPS = ['applicant', 'request', 'delivery', 'review'] as const;
export type ApplicationStep = (typeof APPLICATION_STEPS)[number];

export interface ApplicationFormValues {
  applicantType: '' | 'person' | 'organization';
  // 公民
  name: string;
  idType: IdType;
  idNumber: string;
  workUnit: string;
  // 法人或者其他组织
  orgType: '' | OrgType;
  orgName: string;
  creditCode: string;
  legalRepresentative: string;
  contactName: string;
  // contact details of either
  phone: string;
  email: string;
  address: string;
  postcode: string;
  // 所需政府信息
  title: string;
  docNo: string;
  description: string;
  purpose: string;
  // 形式要求; the delivery address fields show only with the method that needs them
  formats: DeliveryFormat[];
  methods: DeliveryMethod[];
  deliveryEmail: string;
  deliveryAddress: string;
  deliveryPostcode: string;
  /** 承诺: not sent, but the form cannot be submitted without it */
  declaration: boolean;
}

export type FieldName = keyof ApplicationFormValues;
/** Everything an issue can land on: a field, the attachments, or the agency (set by the page, not the citizen). */
export type FormField = FieldName | 'attachments' | 'agency';

export function emptyApplicationValues(): ApplicationFormValues {
  return {
    applicantType: '',
    name: '',
    idType: 'resident-id',
    idNumber: '',
    workUnit: '',
    orgType: '',
    orgName: '',
    creditCode: '',
    legalRepresentative: '',
    contactName: '',
    phone: '',
    email: '',
    address: '',
    postcode: '',
    title: '',
    docNo: '',
    description: '',
    purpose: '',
    formats: [],
    methods: [],
    deliveryEmail: '',
    deliveryAddress: '',
    deliveryPostcode: '',
    declaration: false,
  };
}

/** The step each field is asked on. */
export const FIELD_STEP: Record<FormField, ApplicationStep> = {
  applicantType: 'applicant',
  name: 'applicant',
  idType: 'applicant',
  idNumber: 'applicant',
  workUnit: 'applicant',
  orgType: 'applicant',
  orgName: 'applicant',
  creditCode: 'applicant',
  legalRepresentative: 'applicant',
  contactName: 'applicant',
  phone: 'applicant',
  email: 'applicant',
  address: 'applicant',
  postcode: 'applicant',
  attachments: 'applicant',
  title: 'request',
  docNo: 'request',
  description: 'request',
  purpose: 'request',
  formats: 'delivery',
  methods: 'delivery',
  deliveryEmail: 'delivery',
  deliveryAddress: 'delivery',
  deliveryPostcode: 'delivery',
  declaration: 'review',
  agency: 'review',
};

const blank = (text: string) => text.trim() === '';
/** Only the fields that hold something: an empty input means "not given". */
function given<T extends Record<string, string | undefined>>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined && !blank(value))) as Partial<T>;
}

/**
 * The body of `POST /applications` as typed (not yet normalised). Fields of
 * the applicant type not chosen are left out, and so are the delivery
 * address fields of a method not chosen.
 */
export function toApplicationBody(values: ApplicationFormValues, agency: string, attachments: string[]): Record<string, unknown> {
  const v = values;
  const contact = given({ phone: v.phone, email: v.email, address: v.address, postcode: v.postcode });
  const applicant =
    v.applicantType === 'person'
      ? { type: 'person', ...given({ name: v.name, idType: v.idType, idNumber: v.idNumber, workUnit: v.workUnit }), ...contact }
      : v.applicantType === 'organization'
        ? {
            type: 'organization',
            ...given({ orgType: v.orgType, name: v.orgName, creditCode: v.creditCode }),
            ...given({ legalRepresentative: v.legalRepresentative, contactName: v.contactName }),
            ...contact,
          }
        : contact;
  const byEmail = v.methods.includes('email');
  const byPost = v.methods.includes('post');
  return {
    agency,
    applicant,
    request: given({ title: v.title, docNo: v.docNo, description: v.description, purpose: v.purpose }),
    delivery: {
      formats: [...v.formats],
      methods: [...v.methods],
      ...given({
        email: byEmail ? v.deliveryEmail : undefined,
        address: byPost ? v.deliveryAddress : undefined,
        postcode: byPost ? v.deliveryPostcode : undefined,
      }),
    },
    attachments: [...attachments],
  };
}

/** Codes the form adds to the shared validation messages (the element words them). */
export type FormMessageKey = MessageKey | 'declaration.required';

export interface FormIssue {
  code: FormMessageKey;
  params?: MessageParams;
}

export interface FormValidation {
  /** at most one issue per field, the first one found */
  errors: Map<FormField, FormIssue>;
  /** doubts that do not block (e.g. the 组织机构代码 inside a 统一社会信用代码) */
  warnings: Map<FormField, FormIssue>;
  /** the normalised body, when there are no errors */
  value?: ApplicationRequest;
}

const RADIO_GROUPS: readonly FormField[] = ['applicantType', 'orgType', 'idType'];

/**
 * Validates the whole form with the server's own rules (validateApplication),
 * then adds what only the form asks: the declaration, and an address to send
 * to when a delivery method needs one — the delivery fields are what the
 * citizen sees next to the method, so they must be filled even when an
 * address was given on the applicant step (they are pre-filled from it).
 */
export function validateApplicationForm(
  values: ApplicationFormValues,
  context: { agency: string; attachments: string[]; today?: string },
): FormValidation {
  const body = toApplicationBody(values, context.agency, context.attachments);
  const result = validateApplication(body, { today: context.today });
  const errors = new Map<FormField, FormIssue>();
  const warnings = new Map<FormField, FormIssue>();
  const add = (into: Map<FormField, FormIssue>, field: FormField | undefined, issue: FormIssue) => {
    if (field && !into.has(field)) into.set(field, issue);
  };
  for (const issue of result.errors) {
    const field = fieldOfPointer(issue.field, values.applicantType);
    // A radio group left empty: "choose one of the options", not "fill this in".
    const code = issue.code === 'required' && field && RADIO_GROUPS.includes(field) ? 'choice.invalid' : issue.code;
    add(errors, field, issue.params ? { code, params: issue.params } : { code });
  }
  for (const issue of result.warnings) add(warnings, fieldOfPointer(issue.field, values.applicantType), { code: issue.code });

  if (values.methods.includes('email') && blank(values.deliveryEmail)) add(errors, 'deliveryEmail', { code: 'delivery.emailRequired' });
  if (values.methods.includes('post')) {
    if (blank(values.deliveryAddress)) add(errors, 'deliveryAddress', { code: 'delivery.addressRequired' });
    if (blank(values.deliveryPostcode)) add(errors, 'deliveryPostcode', { code: 'delivery.postcodeRequired' });
  }
  if (!values.declaration) add(errors, 'declaration', { code: 'declaration.required' });
  return errors.size === 0 && result.value ? { errors, warnings, value: result.value } : { errors, warnings };
}

const APPLICANT_FIELDS: Record<string, FieldName> = {
  type: 'applicantType',
  idType: 'idType',
  idNumber: 'idNumber',
  workUnit: 'workUnit',
  orgType: 'orgType',
  creditCode: 'creditCode',
  legalRepresentative: 'legalRepresentative',
  contactName: 'contactName',
  phone: 'phone',
  email: 'email',
  address: 'address',
  postcode: 'postcode',
};
const REQUEST_FIELDS: Record<string, FieldName> = { title: 'title', docNo: 'docNo', description: 'description', purpose: 'purpose' };
const DELIVERY_FIELDS: Record<string, FieldName> = {
  formats: 'formats',
  methods: 'methods',
  email: 'deliveryEmail',
  address: 'deliveryAddress',
  postcode: 'deliveryPostcode',
};

/**
 * The form field a JSON pointer of the request body (from the validator or
 * the server's problem `errors[].field`) refers to; undefined when none does.
 */
export function fieldOfPointer(pointer: string, applicantType: ApplicationFormValues['applicantType']): FormField | undefined {
  const [, group = '', key = ''] = pointer.split('/');
  switch (group) {
    case 'agency':
      return 'agency';
    case 'attachments':
      return 'attachments';
    case 'applicant':
      if (key === '') return 'applicantType';
      if (key === 'name') return applicantType === 'organization' ? 'orgName' : 'name';
      return APPLICANT_FIELDS[key];
    case 'request':
      return key === '' ? 'description' : REQUEST_FIELDS[key];
    case 'delivery':
      return key === '' ? 'methods' : DELIVERY_FIELDS[key];
    default:
      return undefined;
  }
}

/** The fields shown on `step` for these values, in the order they appear (the error summary follows it). */
export function fieldsOfStep(step: ApplicationStep, values: ApplicationFormValues): FormField[] {
  switch (step) {
    case 'applicant': {
      const contact: FormField[] = ['phone', 'email', 'address', 'postcode', 'attachments'];
      if (values.applicantType === 'person') return ['applicantType', 'name', 'idType', 'idNumber', 'workUnit', ...contact];
      if (values.applicantType === 'organization') {
        return ['applicantType', 'orgType', 'orgName', 'creditCode', 'legalRepresentative', 'contactName', ...contact];
      }
      return ['applicantType'];
    }
    case 'request':
      return ['title', 'docNo', 'description', 'purpose'];
    case 'delivery': {
      const fields: FormField[] = ['formats', 'methods'];
      if (values.methods.includes('email')) fields.push('deliveryEmail');
      if (values.methods.includes('post')) fields.push('deliveryAddress', 'deliveryPostcode');
      return fields;
    }
    case 'review':
      return ['declaration', 'agency'];
  }
}

/** What a draft holds: the values, the step, and the names (never the bytes) of files to attach again. */
export interface ApplicationDraft {
  values: ApplicationFormValues;
  step: ApplicationStep;
  attachmentNames: string[];
  /**
   * The submission in flight when the page was left: its Idempotency-Key and
   * body, so that sending the same body again after a reload replays the
   * original answer instead of creating a second application.
   */
  submission?: { key: string; body: string };
}

const TEXT_FIELDS = Object.entries(emptyApplicationValues())
  .filter(([, value]) => typeof value === 'string')
  .map(([key]) => key as FieldName);

/** A stored draft checked field by field; anything unexpected falls back to empty. Undefined when it is no draft at all. */
export function parseApplicationDraft(data: unknown): ApplicationDraft | undefined {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const raw = data as Record<string, unknown>;
  const stored = raw.values && typeof raw.values === 'object' ? (raw.values as Record<string, unknown>) : undefined;
  if (!stored) return undefined;
  const values = emptyApplicationValues() as unknown as Record<string, unknown>;
  for (const field of TEXT_FIELDS) if (typeof stored[field] === 'string') values[field] = stored[field];
  const v = values as unknown as ApplicationFormValues;
  if (!['', 'person', 'organization'].includes(v.applicantType)) v.applicantType = '';
  if (!ID_TYPES.includes(v.idType)) v.idType = 'resident-id';
  if (v.orgType !== '' && !ORG_TYPES.includes(v.orgType)) v.orgType = '';
  v.formats = codes(stored.formats, DELIVERY_FORMATS);
  v.methods = codes(stored.methods, DELIVERY_METHODS);
  v.declaration = stored.declaration === true;

  const step = APPLICATION_STEPS.includes(raw.step as ApplicationStep) ? (raw.step as ApplicationStep) : 'applicant';
  const attachmentNames = Array.isArray(raw.attachmentNames) ? raw.attachmentNames.filter((n): n is string => typeof n === 'string') : [];
  const submission = raw.submission as ApplicationDraft['submission'] | undefined;
  const draft: ApplicationDraft = { values: v, step, attachmentNames };
  if (submission && typeof submission.key === 'string' && typeof submission.body === 'string')
    draft.submission = { key: submission.key, body: submission.body };
  return draft;
}

function codes<T extends string>(value: unknown, allowed: readonly T[]): T[] {
  return Array.isArray(value) ? [...new Set(value.filter((item): item is T => allowed.includes(item as T)))] : [];
}

/** Whether anything was typed or chosen (an untouched form leaves no draft behind). */
export function hasAnyValue(values: ApplicationFormValues): boolean {
  const empty = emptyApplicationValues();
  return (Object.keys(empty) as FieldName[]).some((field) => JSON.stringify(values[field]) !== JSON.stringify(empty[field]));
}
