/** The only query parameters that change a cached reader page; all others (utm_*, fbclid…) are ignored. */
export const pageCacheParams = ['page', 'before', 'after'] as const;

/** The cache key of a request URL: its path plus the parameters that change the page, in a fixed order. */
export function cacheKey(url: string): string {
  const mark = url.indexOf('?');
  if (mark === -1) return url;
  const path = url.slice(0, mark);
  const query = new URLSearchParams(url.slice(mark + 1));
  const kept: string[] = [];
  for (const name of pageCacheParams) {
    const value = query.get(name);
    if (value !== null) kept.push(`${name}=${encodeURIComponent(value)}`);
  }
  return kept.length > 0 ? `${path}?${kept.join('&')}` : path;
}
