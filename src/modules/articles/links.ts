/**
 * Links may only point to the web, to mail, or inside the site. Everything else is refused.
 * Kept free of dependencies: the browser editor bundles it, and must not pull in the schemas.
 */
export function isSafeHref(href: string): boolean {
  const value = href.trim();
  if (value.startsWith('/') && !value.startsWith('//')) return true;
  if (value.startsWith('#')) return true;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'mailto:';
  } catch {
    return false;
  }
}
