/** The shared controllers: one concern each (see CONTRIBUTING.md, “State and rendering”). */
export * from './request.js';
export * from './data-source.js';
export * from './form-feedback.js';
export * from './server-errors.js';
export * from './draft.js';
export * from './submission.js';
export * from './url-state.js';
export * from './focus.js';
export * from './staff-session.js';
