import type { ContactInfo } from '../../api/types/contact.js';
import { parsePhoneList } from './phone.js';
import { normaliseEmail } from './text.js';

/** RFC 2426 text escaping: backslash, comma, semicolon and newlines. */
function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/;/g, '\\;').replace(/\r?\n/g, '\\n');
}

/** Folds a content line at 75 octets without splitting a UTF-8 character (RFC 2425 §5.8.1). */
function fold(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    const limit = parts.length === 0 ? 75 : 74; // continuation lines start with a space
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** A vCard 3.0 of the office (widest support in phone address books), CRLF line ends. */
export function contactToVCard(info: ContactInfo): string {
  const lines = ['BEGIN:VCARD', 'VERSION:3.0', 'N:;;;;', `FN:${escapeText(info.agency)}`];
  lines.push(`ORG:${escapeText(info.agency)}${info.department ? `;${escapeText(info.department)}` : ''}`);
  lines.push('X-ABShowAs:COMPANY');
  for (const phone of parsePhoneList(info.phone)) lines.push(`TEL;TYPE=WORK,VOICE:${phone.display}`);
  for (const fax of parsePhoneList(info.fax)) lines.push(`TEL;TYPE=WORK,FAX:${fax.display}`);
  if (info.email) lines.push(`EMAIL;TYPE=INTERNET,WORK:${escapeText(normaliseEmail(info.email))}`);
  if (info.address || info.postcode) {
    lines.push(`ADR;TYPE=WORK:;;${escapeText(info.address ?? '')};;;${escapeText(info.postcode ?? '')};中国`);
  }
  if (info.website) lines.push(`URL:${info.website}`);
  const notes = [info.contact ? `联系人：${info.contact}` : '', info.hours ? `办公时间：${info.hours}` : ''].filter(Boolean);
  if (notes.length) lines.push(`NOTE:${escapeText(notes.join('\n'))}`);
  lines.push('END:VCARD');
  return lines.map(fold).join('\r\n') + '\r\n';
}
