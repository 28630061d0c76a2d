export { draftKey, saveDraft, loadDraft, clearDraft, DRAFT_MAX_AGE_MS, type KeyValueStore, type DraftRead } from './store.js';
