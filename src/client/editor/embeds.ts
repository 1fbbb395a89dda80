import type { EmbedProvider } from './types.ts';

/** Recognises what a pasted URL points at, so the journalist only ever pastes a link. */

export type EmbedGuess =
  | { ok: true; provider: EmbedProvider; url: string; title: string }
  | { ok: false; message: string };

const videoFile = /\.(mp4|webm|mov|m4v|ogv)$/i;
const audioFile = /\.(mp3|m4a|aac|oga|ogg|opus|wav|flac)$/i;

function isYouTube(url: URL): boolean {
  const host = url.hostname.replace(/^(www|m|music)\./, '');
  if (host === 'youtu.be') return /^\/[\w-]{6,}/.test(url.pathname);
  if (host !== 'youtube.com' && host !== 'youtube-nocookie.com') return false;
  return (
    (url.pathname === '/watch' && url.searchParams.has('v')) ||
    /^\/(shorts|embed|live)\/[\w-]{6,}/.test(url.pathname)
  );
}

function isXPost(url: URL): boolean {
  const host = url.hostname.replace(/^(www|mobile)\./, '');
  return (host === 'x.com' || host === 'twitter.com') && /^\/\w{1,15}\/status\/\d+/.test(url.pathname);
}

function providerOf(url: URL): EmbedProvider | null {
  if (isYouTube(url)) return 'youtube';
  if (isXPost(url)) return 'x';
  if (videoFile.test(url.pathname)) return 'video';
  if (audioFile.test(url.pathname)) return 'audio';
  return null;
}

const defaultTitles: Record<EmbedProvider, string> = {
  youtube: 'Video on YouTube',
  x: 'Post on X',
  video: 'Video',
  audio: 'Audio',
};

export function detectEmbed(input: string): EmbedGuess {
  const text = input.trim();
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`);
  } catch {
    return { ok: false, message: 'That is not a web address. Paste the full link, starting with https://' };
  }
  if (url.protocol !== 'https:') {
    return { ok: false, message: 'Only secure links (https://) can be embedded.' };
  }
  const provider = providerOf(url);
  if (!provider) {
    return {
      ok: false,
      message:
        'We can embed YouTube videos, posts on X, and video or audio files (.mp4, .webm, .mp3, .m4a…).',
    };
  }
  return { ok: true, provider, url: url.href, title: defaultTitles[provider] };
}

export const providerNames: Record<EmbedProvider, string> = {
  youtube: 'YouTube',
  x: 'X',
  video: 'Video file',
  audio: 'Audio file',
};
