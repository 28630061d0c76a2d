/**
 * Joins an element's `api-base` and a path without doubling or dropping slashes. (Beside the API client, not in it:
 * a page of elements without an `api-base` — a contact card, a directory, a report viewer — does not download it.)
 */
export function apiUrl(base: string, path: string, query?: Record<string, string | number | undefined>): string {
  const url = `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined && value !== '') params.set(key, String(value));
  const search = params.toString();
  return search ? `${url}?${search}` : url;
}
