import type { FeedbackRating } from '../api/types/feedback.js';

/** Detail of `zwgk-rated`: the writer's rating of a reply. */
export interface ZwgkRatedDetail {
  queryCode: string;
  rating: FeedbackRating;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'zwgk-rated': CustomEvent<ZwgkRatedDetail>;
  }
}
