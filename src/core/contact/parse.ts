import type { ContactInfo } from '../../api/types/contact.js';

/** Every field of the card, in display order. */
export const CONTACT_FIELDS: readonly (keyof ContactInfo)[] = [
  'agency',
  'department',
  'contact',
  'phone',
  'fax',
  'email',
  'address',
  'postcode',
  'hours',
  'website',
  'mapHref',
];

/** Reads a contact payload; says what is wrong instead of throwing. Unknown keys are ignored. */
export function parseContactInfo(raw: unknown): { value: ContactInfo } | { problems: string[] } {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { problems: ['not an object'] };
  const record = raw as Record<string, unknown>;
  const problems: string[] = [];
  const value: Partial<ContactInfo> = {};
  for (const field of CONTACT_FIELDS) {
    const v = record[field];
    if (v === undefined || v === null || v === '') continue;
    if (typeof v === 'string') value[field] = v;
    else if (typeof v === 'number' && (field === 'phone' || field === 'fax' || field === 'postcode')) value[field] = String(v);
    else problems.push(`${field} is not text`);
  }
  if (problems.length) return { problems };
  return { value: { agency: '', ...value } };
}
