/**
 * The validation messages in English (messages-common.ts and messages.ts have them in Chinese). Node and the
 * server import messages.ts, which adds them at once; in a browser they are loaded with import() only when a
 * form speaks English (components/base/controllers/form-feedback.ts), so a Chinese page never downloads them.
 */
import type { MessageKey } from './messages.js';

export const ENGLISH_MESSAGES: Record<MessageKey, string> = {
  required: 'This field is required. Please fill it in.',
  'type.invalid': 'This value is not in the right format. Please enter it again.',
  'body.invalid': 'The form could not be read. Please reload the page and fill it in again.',
  'field.unknown': 'The form contains something we do not recognise. Please reload the page and fill it in again.',
  'choice.invalid': 'Please choose one of the options given.',
  'choice.required': 'Please choose at least one option.',
  'text.tooLong': 'This is too long: at most {max} characters. Please shorten it.',
  'text.forbiddenCharacters': 'This contains hidden control characters. Please type it again rather than pasting it.',
  'text.invisible': 'This holds only spaces or invisible characters. Please write what you mean.',
  'mobile.format': 'A mobile number has 11 digits and starts with 1. Please check it.',
  'landline.format':
    'Please write a landline as area code, hyphen, number, e.g. 0591-87270308, with any extension after another hyphen, e.g. 0591-87270308-123.',
  'phone.format': 'Please enter an 11-digit mobile number, or a landline as area code and number, e.g. 0591-87270308.',
  'email.format': 'This e-mail address does not look right; it should look like name@example.com. Please check it.',
  'feedback.contactRequired': 'Please give a phone number or an e-mail address so that we can reply.',
  'list.tooMany': 'You can submit at most {max}. Please remove the extra ones.',
  'postcode.format': 'A postcode has 6 digits. Please check it.',
  'idNumber.oldFormat': 'This is an old 15-digit ID number. Please enter the 18-digit number you use now.',
  'idNumber.format': 'An ID card number has 18 characters: 17 digits, then a digit or the letter X. Please check it.',
  'idNumber.birthDate': 'The date of birth in the ID number (characters 7 to 14) is not a real date. Please check it.',
  'idNumber.futureBirthDate': 'The date of birth in the ID number (characters 7 to 14) is after today. Please check it.',
  'idNumber.checkDigit': 'The last character of the ID number does not match the others. Please check the number.',
  'idNumber.otherFormat': 'A document number has 5 to 30 letters or digits. Please check it.',
  'creditCode.length': 'A unified social credit code has 18 characters. Please check it.',
  'creditCode.charset':
    'A unified social credit code has only digits and capital letters, never I, O, S, V or Z (the letter O is the digit 0). Please check it.',
  'creditCode.region': 'Characters 3 to 8 of a unified social credit code are digits (the registration area code). Please check it.',
  'creditCode.checkChar': 'The last character of the unified social credit code does not match the others. Please check the code.',
  'creditCode.orgCodeCheck':
    'Characters 9 to 17 of the code (the organisation code) do not check out. Please look again; if it is right, you can still submit.',
  'attachment.invalid': 'An attachment could not be recognised. Please remove it and upload it again.',
  'request.missing': 'Please give at least one of: the name of the information, its document number, or a description.',
  'delivery.emailRequired': 'You chose to receive it by e-mail. Please enter an e-mail address.',
  'delivery.addressRequired': 'You chose to receive it by post. Please enter a postal address.',
  'delivery.postcodeRequired': 'You chose to receive it by post. Please enter the postcode.',
};

/** The messages that name their question (messages-common.ts NAMED). */
export const ENGLISH_NAMED: Partial<Record<MessageKey, string>> = {
  required: 'Enter {field}.',
  'choice.required': 'Choose {field}.',
  'choice.invalid': 'Choose one of the options given for {field}.',
  'text.invisible': '{field} holds only spaces or invisible characters. Please write what you mean.',
  'text.tooLong': '{field} is too long: at most {max} characters. Please shorten it.',
};
