import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ArticleView } from '../../modules/articles/index.ts';
import type { PageAudio } from '../../modules/audio/index.ts';
import { brandAssets } from '../../modules/feeds/index.ts';
import {
  audioFeedXml,
  type FeedSite,
  podcastArtworkSvg,
  podcastOwnerEmail,
} from '../../render/audio-feed.ts';
import { notFound } from '../../shared/errors.ts';
import type { HttpDeps } from '../deps.ts';
import { markForCache } from '../page-cache/index.ts';

/** What the article page needs for the player: the recording, and the player script's cache-safe URL. */
export interface ArticleAudioProps extends PageAudio {
  scriptUrl: string | undefined;
}

/** The article's recording for its page, or null while there is none that matches the text. */
export async function articleAudio(deps: HttpDeps, article: ArticleView): Promise<ArticleAudioProps | null> {
  const audio = await deps.audio.pageAudio(article);
  if (!audio) return null;
  let scriptUrl: string | undefined;
  try {
    scriptUrl = deps.assets.url('player.js');
  } catch {
    // Without the built player the native <audio controls> still plays.
    scriptUrl = undefined;
  }
  return { ...audio, scriptUrl };
}

const fileName = /^([0-9a-f]{16})\.mp3$/;

/**
 * True when a Range header is well formed but asks only for bytes past the end: the answer is 416 with
 * a Content-Range of "bytes \*\/size" (RFC 9110 15.5.17). Malformed headers are ignored (the whole file).
 */
export function rangeUnsatisfiable(header: string, size: number): boolean {
  const match = /^bytes=(.+)$/i.exec(header.trim());
  if (!match?.[1]) return false;
  let valid = false;
  for (const part of match[1].split(',')) {
    const range = /^\s*(\d*)-(\d*)\s*$/.exec(part);
    if (!range || (range[1] === '' && range[2] === '')) return false;
    valid = true;
    if (range[1] === '') {
      if (Number(range[2]) > 0) return false;
    } else if (Number(range[1]) < size && (range[2] === '' || Number(range[2]) >= Number(range[1]))) {
      return false;
    }
  }
  return valid;
}

/**
 * /audio/<article id>/<version>.mp3: one URL per recording, cached for a year; byte ranges for seeking
 * (206 with Content-Range, 416 for impossible ranges) come from @fastify/static's sendFile, registered
 * by the media routes. /audio/feed.xml: the podcast feed; /audio/artwork.png its square show artwork.
 */
export function registerAudioRoutes(app: FastifyInstance, deps: HttpDeps): void {
  // Read once, when the routes are registered: a malformed address stops start-up.
  const feedSite: FeedSite = {
    name: deps.config.siteName,
    url: deps.config.siteUrl,
    language: deps.config.language,
    artwork: '/audio/artwork.png',
    image: {
      url: brandAssets.smallIcon.path,
      width: brandAssets.smallIcon.width,
      height: brandAssets.smallIcon.height,
    },
    ownerEmail: podcastOwnerEmail(deps.config.podcastOwnerEmail, deps.config.mailFrom),
  };

  app.get<{ Params: { id: string; file: string } }>('/audio/:id/:file', async (request, reply) => {
    const id = /^\d{1,9}$/.test(request.params.id) ? Number(request.params.id) : Number.NaN;
    const version = fileName.exec(request.params.file)?.[1];
    if (!Number.isSafeInteger(id) || !version) throw notFound('The recording');
    const file = await deps.audio.file(id, version);
    if ('moved' in file) {
      // An older recording: the article was re-recorded. Pages cached with the old address still play.
      return reply.header('cache-control', 'public, max-age=60').redirect(file.moved, 302);
    }
    const range = request.headers.range;
    if (range && rangeUnsatisfiable(range, file.bytes)) {
      return reply
        .code(416)
        .header('content-range', `bytes */${file.bytes}`)
        .header('accept-ranges', 'bytes')
        .send();
    }
    const relative = path.relative(deps.config.mediaDir, file.path);
    return reply
      .type(file.mimeType)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .sendFile(relative, deps.config.mediaDir, { cacheControl: false });
  });

  // Kept in the page cache, tagged `feeds`: dropped when a recording changes (AudioService.onRecordingChanged)
  // and on every publish.
  app.get('/audio/feed.xml', { config: { pageCache: true } }, async (_request, reply) => {
    markForCache(reply, ['feeds'], 'feed');
    const episodes = await deps.audio.feed(50);
    const xml = audioFeedXml(feedSite, episodes);
    return reply
      .type('application/rss+xml; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      .send(xml);
  });

  // Drawn from the site name and rendered once per process (the media module keeps the PNG in memory).
  app.get('/audio/artwork.png', async (_request, reply) => {
    const png = await deps.crops.svgToPng(podcastArtworkSvg(deps.config.siteName));
    return reply.type('image/png').header('cache-control', 'public, max-age=86400').send(png);
  });
}
