import { DomainError } from '../../shared/errors.ts';

/** A banner as readers get it (server-rendered and pushed): everything in it is public. */
export interface BannerView {
  id: number;
  text: string;
  /** A site path (one of our articles) or an https URL. */
  href: string;
  /** ISO time after which the banner is no longer shown; null when it stays until cleared. */
  expiresAt: string | null;
}

/** A banner with who set it, for the newsroom's page. */
export interface BannerRecord extends BannerView {
  articleId: number | null;
  createdAt: Date;
  createdByName: string | null;
  clearedAt: Date | null;
  clearedByName: string | null;
  clearedReason: 'cleared' | 'replaced' | 'expired' | null;
}

export interface BannerInput {
  text: string;
  /** A link to one of our articles (path or full URL on this site) or an https URL. */
  link: string;
  /** When it comes down by itself; null or absent: until an editor clears it. */
  expiresAt?: Date | null;
  /** Or: how many minutes from now it comes down (the newsroom form offers a few durations). */
  expiresInMinutes?: number | null;
}

/** The realtime event every reader page receives (topic `site`) when the banner changes. */
export const bannerEventType = 'banner';
export interface BannerEventData {
  banner: BannerView | null;
}

export const maxTextLength = 160;
/** Which form field a validation error is about (DomainError details), so the form can point at it. */
export type BannerField = 'text' | 'link' | 'expires';
export const textField = { field: 'text' as BannerField };
export const linkField = { field: 'link' as BannerField };
export const expiresField = { field: 'expires' as BannerField };
export const maxExpiryMs = 7 * 24 * 3_600_000;
const maxUrlLength = 2000;

/** One line of plain text: whitespace runs (newlines included) become single spaces. */
export function cleanText(value: unknown): string {
  const text = typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : '';
  if (text.length === 0)
    throw new DomainError('validation_failed', 'Write the breaking news line.', textField);
  if (text.length > maxTextLength) {
    throw new DomainError(
      'validation_failed',
      `Keep the breaking news line to ${maxTextLength} characters (it has ${text.length}).`,
      textField,
    );
  }
  return text;
}

export function checkExpiry(expiresAt: Date | null | undefined, now: Date): Date | null {
  if (expiresAt === undefined || expiresAt === null) return null;
  if (Number.isNaN(expiresAt.getTime())) {
    throw new DomainError('validation_failed', 'That expiry time is not a time.', expiresField);
  }
  if (expiresAt.getTime() <= now.getTime()) {
    throw new DomainError('validation_failed', 'The expiry time has already passed.', expiresField);
  }
  if (expiresAt.getTime() - now.getTime() > maxExpiryMs) {
    throw new DomainError(
      'validation_failed',
      'A banner can be set to expire at most 7 days ahead.',
      expiresField,
    );
  }
  return expiresAt;
}

export type ParsedLink =
  | { kind: 'article'; section: string; slug: string }
  | { kind: 'external'; url: string };

const badLink = () =>
  new DomainError(
    'validation_failed',
    'Link to one of our articles (for example /politics/some-story) or to an https:// address.',
    linkField,
  );

/**
 * Which kind of link an editor gave: a path on this site (or a full URL on it) must name an article as
 * `/<section>/<slug>`; anything else must be a plain https URL (no credentials, no other scheme).
 */
export function parseLink(value: unknown, siteUrl: string): ParsedLink {
  const link = typeof value === 'string' ? value.trim() : '';
  if (link === '' || link.length > maxUrlLength) throw badLink();
  let path: string | undefined;
  if (link.startsWith('/') && !link.startsWith('//')) path = link;
  else {
    let url: URL;
    try {
      url = new URL(link);
    } catch {
      throw badLink();
    }
    if (url.origin === new URL(siteUrl).origin) path = url.pathname;
    else {
      if (url.protocol !== 'https:' || !url.hostname || url.username || url.password) throw badLink();
      return { kind: 'external', url: url.href };
    }
  }
  const match = /^\/([a-z0-9-]{1,100})\/([a-z0-9-]{1,200})\/?(?:[?#].*)?$/.exec(path);
  if (!match?.[1] || !match[2]) throw badLink();
  return { kind: 'article', section: match[1], slug: match[2] };
}
