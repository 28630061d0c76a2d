/** Every event the kit's elements fire: one file per name, with its detail type and its GlobalEventHandlersEventMap entry. */
export type * from './zwgk-checked.js';
export type * from './zwgk-copied.js';
export * from './zwgk-error.js';
export type * from './zwgk-rated.js';
export type * from './zwgk-search.js';
export type * from './zwgk-submit.js';
export type * from './zwgk-submitted.js';
