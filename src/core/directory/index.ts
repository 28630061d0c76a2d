/** Directory search (政府信息公开目录): pure functions shared by `<zwgk-directory>` and the server's `GET /disclosures`. */
export { normalizeSearchText, normalizeWithMap, searchTerms, type MappedText } from './normalize.js';
export { createDirectoryIndex, FIELD_WEIGHT, type DirectoryIndex } from './search-index.js';
export { queryDirectory } from './query.js';
export { effectiveSort, clampPageSize, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './query-options.js';
export { matchRanges } from './highlight.js';
export { parseDirectoryQuery, serializeDirectoryQuery, DIRECTORY_QUERY_KEYS } from './url-state.js';
export { validateDisclosureItems, isIsoDate, type DirectoryDataProblem } from './validate.js';
export { directoryIndexSteps, postingsSteps, titleOrderSteps } from './search-index.js';
export { runInSlices } from './slices.js';
