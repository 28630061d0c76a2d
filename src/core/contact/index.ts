export { parsePhoneList, telHref, sameNumber, type PhoneNumber } from './phone.js';
export { contactToVCard } from './vcard.js';
export { normaliseEmail, hoursLines } from './text.js';
export { parseContactInfo, CONTACT_FIELDS } from './parse.js';
