/**
 * Whether a letter may still be rated: once replied, not yet rated, within
 * 20 working days of the reply (common portal practice, reference.md §5:
 * "可以在回复您的来信后20个工作日内进行网上评价"). Loaded only when a replied
 * letter is shown, since it brings the holiday calendar.
 */
import type { FeedbackLetterView } from '../../api/types/feedback.js';
import { CalendarRangeError, addWorkingDays, provisionalWorkingDaysBetween } from '../calendar/index.js';

export const FEEDBACK_RATING_WINDOW_WORKING_DAYS = 20;

export interface RatingWindow {
  open: boolean;
  /** the last working day to rate (YYYY-MM-DD), when the calendar knows it */
  lastDay?: string;
}

export function ratingWindow(letter: Pick<FeedbackLetterView, 'status' | 'reply' | 'rating'>, today: string): RatingWindow {
  const repliedOn = letter.reply?.repliedOn;
  if (letter.status !== 'replied' || !repliedOn || letter.rating) return { open: false };
  let lastDay: string | undefined;
  try {
    lastDay = addWorkingDays(repliedOn, FEEDBACK_RATING_WINDOW_WORKING_DAYS);
  } catch (error) {
    if (!(error instanceof CalendarRangeError)) throw error;
  }
  // Counted as the server counts: working days after the reply up to today.
  const open = provisionalWorkingDaysBetween(repliedOn, today).value <= FEEDBACK_RATING_WINDOW_WORKING_DAYS;
  return lastDay ? { open, lastDay } : { open };
}

/** Today in China, for `ratingWindow` (re-exported so the element loads the calendar only with this file). */
export { todayInChina } from '../calendar/today.js';
