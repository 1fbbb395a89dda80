import { isSafeHref } from './safe-href.ts';

/**
 * Turns what a journalist types into the link box into a safe href, or explains why not.
 * "example.com/page" gets https:// in front; "javascript:" and friends are refused.
 */
export function normaliseHref(input: string): { ok: true; href: string } | { ok: false; message: string } {
  const value = input.trim();
  if (value === '') return { ok: false, message: 'Type or paste a link.' };
  if (/^[\w.+-]+@[\w-]+\.[\w.-]+$/.test(value)) return { ok: true, href: `mailto:${value}` };
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(value);
  const looksLikeHost = /^[\w-]+(\.[\w-]+)+(:\d+)?([/?#]|$)/.test(value);
  const href = !hasScheme && looksLikeHost ? `https://${value}` : value;
  if (!isSafeHref(href)) {
    return {
      ok: false,
      message: 'Links must start with https://, http://, mailto: or / (a page on this site).',
    };
  }
  return { ok: true, href };
}
