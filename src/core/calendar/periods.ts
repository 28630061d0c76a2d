/**
 * 答复期限: 20 working days (条例 art. 33), plus 20 more once when extended. Their own module, so the
 * receipt can name the period without loading the holiday calendar.
 */
export const REPLY_WORKING_DAYS = 20;
export const EXTENSION_WORKING_DAYS = 20;
