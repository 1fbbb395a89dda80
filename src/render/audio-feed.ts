import type { FeedEpisode } from '../modules/audio/index.ts';

/**
 * The podcast feed of article audio: RSS 2.0 with the iTunes namespace that listening apps read
 * (channel artwork, owner, category, explicit flag; enclosure with length and type, itunes:duration,
 * author, episode type). Every value is escaped.
 */

export interface FeedSite {
  name: string;
  /** Absolute origin, no trailing slash. */
  url: string;
  language: string;
  /** The square show artwork Apple asks for (1400–3000 px, PNG or JPEG): itunes:image. */
  artwork: string;
  /** The small logo of RSS 2.0's <image> (at most 144 px wide). */
  image: { url: string; width: number; height: number };
  /** Where podcast directories write to the owner (itunes:owner); left out when unknown. */
  ownerEmail: string | undefined;
}

/** The podcast's owner address: PODCAST_OWNER_EMAIL if set, else the address in MAIL_FROM. */
export function podcastOwnerEmail(explicit: string | undefined, mailFrom: string): string | undefined {
  const address = (text: string) => /<([^<>\s@]+@[^<>\s@]+)>\s*$/.exec(text)?.[1] ?? text.trim();
  const valid = (text: string) => /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(text);
  if (explicit?.trim()) {
    const email = address(explicit);
    if (!valid(email))
      throw new Error(`Invalid configuration: PODCAST_OWNER_EMAIL "${explicit}" is not an e-mail address`);
    return email;
  }
  const fallback = address(mailFrom);
  // The default MAIL_FROM (newsroom@localhost) is no address a directory could write to.
  return valid(fallback) ? fallback : undefined;
}

/** Size of the rendered show artwork: Apple's recommended 3000 px square. */
export const podcastArtworkSize = 3000;

const serif = "'DejaVu Serif', Georgia, 'Times New Roman', serif";

/**
 * The show artwork, drawn from the site's name in the masthead's colours (black, white, the red rule):
 * the name, "Listen to the news" and a sound wave. Our own drawing, rendered to PNG by the HTTP layer.
 */
export function podcastArtworkSvg(siteName: string): string {
  const name = siteName.trim() || 'Broadsheet';
  // Fits the name on one line inside the 240-unit text box, however long it is.
  const nameSize = Math.min(46, Math.floor(240 / Math.max(1, name.length * 0.66)));
  const heights = [14, 30, 52, 38, 64, 44, 24, 58, 70, 40, 22, 48, 34, 16];
  const bars = heights
    .map((h, i) => {
      const x = 30 + i * 17.5;
      const fill = i % 5 === 2 ? '#c8102e' : '#ffffff';
      return `<rect x="${x}" y="${(250 - h / 2).toFixed(1)}" width="9" height="${h}" rx="4.5" fill="${fill}"/>`;
    })
    .join('');
  const size = podcastArtworkSize;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 300 300">
<rect width="300" height="300" fill="#121212"/>
<rect x="30" y="42" width="56" height="6" fill="#c8102e"/>
<text x="30" y="${110 + Math.round(nameSize * 0.35)}" font-family="${serif}" font-weight="700" font-size="${nameSize}" letter-spacing="-0.5" fill="#ffffff">${xml(name)}</text>
<text x="30" y="160" font-family="${serif}" font-size="20" fill="#e6e6e6">Listen to the news</text>
${bars}
</svg>`;
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
    '    <image>',
    `      <url>${xml(absolute(site, site.image.url))}</url>`,
    `      <title>${xml(title)}</title>`,
    `      <link>${xml(`${site.url}/`)}</link>`,
    `      <width>${site.image.width}</width>`,
    `      <height>${site.image.height}</height>`,
    '    </image>',
    `    <lastBuildDate>${newest.toUTCString()}</lastBuildDate>`,
    '    <generator>Broadsheet</generator>',
    `    <itunes:author>${xml(site.name)}</itunes:author>`,
    `    <itunes:summary>${xml(description)}</itunes:summary>`,
    '    <itunes:type>episodic</itunes:type>',
    '    <itunes:explicit>false</itunes:explicit>',
    '    <itunes:category text="News"/>',
    `    <itunes:image href="${xml(absolute(site, site.artwork))}"/>`,
    '    <itunes:owner>',
    `      <itunes:name>${xml(site.name)}</itunes:name>`,
    site.ownerEmail ? `      <itunes:email>${xml(site.ownerEmail)}</itunes:email>` : '',
    '    </itunes:owner>',
    ...items,
    '  </channel>',
    '</rss>',
    '',
  ]
    .filter((line, i, all) => line !== '' || i === all.length - 1)
    .join('\n');
}
