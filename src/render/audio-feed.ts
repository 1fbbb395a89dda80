import type { FeedEpisode } from '../modules/audio/index.ts';

/**
 * The podcast feed of article audio: RSS 2.0 with the iTunes namespace that listening apps read
 * (enclosure with length and type, itunes:duration, author, episode type). Every value is escaped.
 */

export interface FeedSite {
  name: string;
  /** Absolute origin, no trailing slash. */
  url: string;
  language: string;
}

function xml(text: string): string {
  return (
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
      // Characters XML 1.0 does not allow at all.
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
  );
}

function absolute(site: FeedSite, href: string): string {
  return /^https?:\/\//.test(href) ? href : `${site.url}${href}`;
}

/** "1:02:03" or "4:05", as podcast apps show it. */
export function feedDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

export function audioFeedXml(site: FeedSite, episodes: readonly FeedEpisode[], now = new Date()): string {
  const title = `${site.name}: listen to the news`;
  const description = `Every story from ${site.name}, read aloud. New episodes as stories are published.`;
  const newest = episodes[0]?.publishedAt ?? now;
  const items = episodes.map((e) => {
    const link = absolute(site, e.link);
    const author = e.authors.length ? e.authors.join(', ') : site.name;
    return [
      '    <item>',
      `      <title>${xml(e.title)}</title>`,
      `      <link>${xml(link)}</link>`,
      // Stable across re-recordings, so apps do not show a corrected story as a new episode.
      `      <guid isPermaLink="false">${xml(`${site.url}/audio/${e.articleId}`)}</guid>`,
      `      <pubDate>${e.publishedAt.toUTCString()}</pubDate>`,
      `      <description>${xml(e.summary)}</description>`,
      `      <category>${xml(e.section)}</category>`,
      `      <enclosure url="${xml(absolute(site, e.url))}" length="${e.bytes}" type="${xml(e.mimeType)}"/>`,
      `      <itunes:title>${xml(e.title)}</itunes:title>`,
      `      <itunes:author>${xml(author)}</itunes:author>`,
      `      <itunes:summary>${xml(e.summary)}</itunes:summary>`,
      `      <itunes:duration>${feedDuration(e.durationMs)}</itunes:duration>`,
      `      <itunes:episodeType>full</itunes:episodeType>`,
      '      <itunes:explicit>false</itunes:explicit>',
      e.imageUrl ? `      <itunes:image href="${xml(absolute(site, e.imageUrl))}"/>` : '',
      '    </item>',
    ]
      .filter(Boolean)
      .join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:atom="http://www.w3.org/2005/Atom">',
    '  <channel>',
    `    <title>${xml(title)}</title>`,
    `    <link>${xml(`${site.url}/`)}</link>`,
    `    <atom:link href="${xml(`${site.url}/audio/feed.xml`)}" rel="self" type="application/rss+xml"/>`,
    `    <description>${xml(description)}</description>`,
    `    <language>${xml(site.language.toLowerCase())}</language>`,
    `    <lastBuildDate>${newest.toUTCString()}</lastBuildDate>`,
    '    <generator>Broadsheet</generator>',
    `    <itunes:author>${xml(site.name)}</itunes:author>`,
    `    <itunes:summary>${xml(description)}</itunes:summary>`,
    '    <itunes:type>episodic</itunes:type>',
    '    <itunes:explicit>false</itunes:explicit>',
    '    <itunes:category text="News"/>',
    `    <itunes:owner><itunes:name>${xml(site.name)}</itunes:name></itunes:owner>`,
    ...items,
    '  </channel>',
    '</rss>',
    '',
  ].join('\n');
}
