/**
 * The server's answers to the mailbox, checked before they are shown: a
 * portal's own backend may implement the contract imperfectly, and a wrong
 * shape must become an error state, not a blank or a crash.
 */
import {
  FEEDBACK_CATEGORIES,
  FEEDBACK_RATINGS,
  FEEDBACK_STATUSES,
  type FeedbackCategory,
  type FeedbackLetterView,
  type FeedbackRating,
  type FeedbackReceipt,
  type FeedbackStatus,
  type PublishedLetter,
  type PublishedLettersPage,
} from '../../api/types/feedback.js';

type Parsed<T> = { value: T } | { problems: string[] };

const isObject = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';
const isDate = (value: unknown): value is string =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));
const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;
const isCategory = (value: unknown): value is FeedbackCategory => FEEDBACK_CATEGORIES.includes(value as FeedbackCategory);

/** The `201` answer of `POST /feedback`. */
export function parseFeedbackReceipt(raw: unknown): Parsed<FeedbackReceipt> {
  if (!isObject(raw)) return { problems: ['the answer is not an object'] };
  if (!isText(raw.queryCode)) return { problems: ['queryCode is missing'] };
  return { value: { queryCode: raw.queryCode, status: 'received' } };
}

/** The answer of `GET /feedback/{queryCode}?contact=…`. */
export function parseFeedbackLetter(raw: unknown): Parsed<FeedbackLetterView> {
  if (!isObject(raw)) return { problems: ['the answer is not an object'] };
  const problems: string[] = [];
  if (!isText(raw.queryCode)) problems.push('queryCode is missing');
  if (!isCategory(raw.category)) problems.push('category is not a known category');
  if (typeof raw.subject !== 'string') problems.push('subject is not text');
  if (typeof raw.message !== 'string') problems.push('message is not text');
  if (!FEEDBACK_STATUSES.includes(raw.status as FeedbackStatus)) problems.push('status is not a known status');
  if (!isDate(raw.receivedOn)) problems.push('receivedOn is not a YYYY-MM-DD date');
  const reply = raw.reply;
  if (reply !== undefined && reply !== null && !(isObject(reply) && typeof reply.text === 'string' && isDate(reply.repliedOn))) {
    problems.push('reply is not a reply with text and date');
  }
  if (raw.rating !== undefined && raw.rating !== null && !FEEDBACK_RATINGS.includes(raw.rating as FeedbackRating))
    problems.push('rating is not a known rating');
  if (problems.length) return { problems };
  const answer = isObject(reply) ? reply : undefined;
  return {
    value: {
      queryCode: raw.queryCode as string,
      category: raw.category as FeedbackCategory,
      subject: raw.subject as string,
      message: raw.message as string,
      status: raw.status as FeedbackStatus,
      publish: raw.publish === true,
      receivedOn: raw.receivedOn as string,
      ...(answer
        ? {
            reply: {
              text: answer.text as string,
              department: typeof answer.department === 'string' ? answer.department : '',
              repliedOn: answer.repliedOn as string,
            },
          }
        : {}),
      ...(raw.rating ? { rating: raw.rating as FeedbackRating } : {}),
    },
  };
}

/** The answer of `GET /feedback?page&pageSize`; a letter of the wrong shape makes the whole page an error. */
export function parsePublishedLettersPage(raw: unknown): Parsed<PublishedLettersPage> {
  if (!isObject(raw)) return { problems: ['the answer is not an object'] };
  const problems: string[] = [];
  if (!Array.isArray(raw.items)) problems.push('items is not a list');
  for (const key of ['total', 'page', 'pageSize'] as const) if (!isCount(raw[key])) problems.push(`${key} is not a whole number`);
  if (isCount(raw.page) && raw.page < 1) problems.push('page is below 1');
  if (isCount(raw.pageSize) && raw.pageSize < 1) problems.push('pageSize is below 1');
  const stats = raw.stats;
  const median = isObject(stats) ? stats.medianWorkingDaysToReply : undefined;
  if (
    !isObject(stats) ||
    !isCount(stats.received) ||
    !isCount(stats.replied) ||
    !(median === null || (typeof median === 'number' && median >= 0))
  ) {
    problems.push('stats are not the received, replied and median figures');
  }
  const items: PublishedLetter[] = [];
  (Array.isArray(raw.items) ? raw.items : []).forEach((item: unknown, index: number) => {
    const ok =
      isObject(item) &&
      (typeof item.id === 'string' || typeof item.id === 'number') &&
      isCategory(item.category) &&
      typeof item.subject === 'string' &&
      typeof item.message === 'string' &&
      typeof item.reply === 'string' &&
      isDate(item.receivedOn) &&
      isDate(item.repliedOn) &&
      typeof item.replyDepartment === 'string';
    if (!ok) return problems.push(`items[${index}] is not a published letter`);
    items.push({
      id: String(item.id),
      category: item.category as FeedbackCategory,
      subject: item.subject as string,
      message: item.message as string,
      reply: item.reply as string,
      receivedOn: item.receivedOn as string,
      repliedOn: item.repliedOn as string,
      replyDepartment: item.replyDepartment as string,
    });
  });
  if (problems.length) return { problems };
  const figures = stats as Record<string, unknown>;
  return {
    value: {
      items,
      total: raw.total as number,
      page: raw.page as number,
      pageSize: raw.pageSize as number,
      stats: {
        received: figures.received as number,
        replied: figures.replied as number,
        medianWorkingDaysToReply: median as number | null,
      },
    },
  };
}

/** How many pages `total` letters make. */
export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / Math.max(1, pageSize)));
}

/**
 * The page buttons to show: the first, the last, and the current one with its
 * neighbours; `gap` where pages are left out. Short enough for a phone.
 */
export function pageItems(current: number, pages: number): (number | 'gap')[] {
  const shown = new Set([1, pages, current - 1, current, current + 1].filter((p) => p >= 1 && p <= pages));
  const sorted = [...shown].sort((a, b) => a - b);
  const items: (number | 'gap')[] = [];
  sorted.forEach((page, index) => {
    const previous = sorted[index - 1];
    if (previous !== undefined && page - previous === 2) items.push(previous + 1);
    else if (previous !== undefined && page - previous > 2) items.push('gap');
    items.push(page);
  });
  return items;
}
