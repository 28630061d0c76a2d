export { parsePhoneList, telHref, sameNumber, type PhoneNumber } from './phone.js';
export { contactToVCard, normaliseEmail, hoursLines } from './vcard.js';
export { parseContactInfo } from './parse.js';
