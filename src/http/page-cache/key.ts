/** The only query parameters that change a cached reader page; all others (utm_*, fbclid…) are ignored. */
export const pageCacheParams = ['page'] as const;
