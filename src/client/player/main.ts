import { clock, parseRate, resumeAt, sentenceAt, spoken } from './timing.ts';

/**
 * The "Listen to this article" island. The server renders a working native <audio controls>; this swaps
 * in the custom controls, remembers where the reader stopped and highlights the sentence being read
 * (sentence N of the article text is every element with data-s="N"; start times come from the page's
 * JSON data block, so no inline script is needed).
 */

const rateKey = 'broadsheet:listen:rate';
const positionKey = (src: string) => `broadsheet:listen:${src}`;

function store(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Private browsing or storage disabled: the player works, it just forgets.
  }
}

function stored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function enhance(root: HTMLElement): void {
  const audio = root.querySelector<HTMLAudioElement>('audio.listen-native');
  const controls = root.querySelector<HTMLElement>('.listen-controls');
  const play = root.querySelector<HTMLButtonElement>('.listen-play');
  const seek = root.querySelector<HTMLInputElement>('.listen-seek');
  const elapsed = root.querySelector<HTMLElement>('.listen-elapsed');
  const rate = root.querySelector<HTMLSelectElement>('.listen-rate-select');
  const data = root.querySelector<HTMLScriptElement>('script.listen-data');
  if (!audio || !controls || !play || !seek || !elapsed || !rate || !data) return;

  let starts: number[] = [];
  try {
    const parsed = JSON.parse(data.textContent ?? '{}') as { starts?: unknown };
    if (Array.isArray(parsed.starts))
      starts = parsed.starts.filter((n): n is number => typeof n === 'number');
  } catch {
    starts = [];
  }
  const src = audio.getAttribute('src') ?? '';
  let duration = Number(root.dataset.duration) || 0;
  const sentences = new Map<number, HTMLElement[]>();
  for (const element of document.querySelectorAll<HTMLElement>('[data-s]')) {
    const n = Number(element.dataset.s);
    sentences.set(n, [...(sentences.get(n) ?? []), element]);
  }

  // From here on the custom controls replace the native ones.
  audio.controls = false;
  controls.hidden = false;
  root.classList.add('is-enhanced');

  let pending = resumeAt(stored(positionKey(src)), duration);
  let dragging = false;
  let lastSaved = 0;
  let reading = -1;

  const savedRate = parseRate(stored(rateKey));
  if (savedRate) {
    rate.value = String(savedRate);
    audio.defaultPlaybackRate = savedRate;
    audio.playbackRate = savedRate;
  }

  const position = () => (pending ?? audio.currentTime) || 0;

  const highlight = (seconds: number, active: boolean) => {
    const next = active ? sentenceAt(starts, seconds * 1000 + 60) : -1;
    if (next === reading) return;
    for (const element of sentences.get(reading) ?? []) element.classList.remove('is-reading');
    reading = next;
    for (const element of sentences.get(reading) ?? []) element.classList.add('is-reading');
  };

  const render = () => {
    const at = position();
    if (!dragging) seek.value = String(Math.round(at));
    elapsed.textContent = clock(at);
    seek.setAttribute('aria-valuetext', `${spoken(at)} of ${spoken(duration)}`);
    highlight(at, !audio.paused || (at > 0 && !audio.ended));
  };

  const savePosition = (force = false) => {
    const now = Date.now();
    if (!force && now - lastSaved < 5000) return;
    lastSaved = now;
    const at = position();
    store(positionKey(src), at >= 5 && at < duration - 5 ? String(Math.round(at)) : null);
  };

  const moveTo = (seconds: number) => {
    const target = Math.min(Math.max(0, seconds), Math.max(0, duration - 0.25));
    if (audio.readyState === 0 && audio.paused) {
      // Not loaded yet (preload="none"): remember it, and start there on play.
      pending = target;
    } else {
      pending = undefined;
      audio.currentTime = target;
    }
    render();
    savePosition(true);
  };

  const toggle = () => {
    if (audio.paused) {
      if (pending !== undefined) {
        audio.currentTime = pending;
        pending = undefined;
      }
      audio.play().catch(() => {
        root.classList.add('has-error');
      });
    } else {
      audio.pause();
    }
  };

  const setPlaying = (playing: boolean) => {
    root.classList.toggle('is-playing', playing);
    play.setAttribute('aria-label', (playing ? play.dataset.labelPause : play.dataset.labelPlay) ?? 'Play');
  };

  play.addEventListener('click', toggle);
  for (const button of root.querySelectorAll<HTMLButtonElement>('[data-skip]')) {
    button.addEventListener('click', () => moveTo(position() + Number(button.dataset.skip)));
  }
  seek.addEventListener('input', () => {
    dragging = true;
    elapsed.textContent = clock(Number(seek.value));
  });
  seek.addEventListener('change', () => {
    dragging = false;
    moveTo(Number(seek.value));
  });
  seek.addEventListener('keydown', (event) => {
    // Arrows move five seconds (a one-second step is too fine to hear), Home and End the ends.
    const step = { ArrowLeft: -5, ArrowDown: -5, ArrowRight: 5, ArrowUp: 5 }[event.key];
    if (step !== undefined) {
      event.preventDefault();
      moveTo(position() + step);
    }
  });
  rate.addEventListener('change', () => {
    const value = parseRate(rate.value) ?? 1;
    audio.playbackRate = value;
    audio.defaultPlaybackRate = value;
    store(rateKey, String(value));
  });
  root.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target as HTMLElement;
    if (target.tagName === 'SELECT') return;
    // YouTube's keys, while focus is in the player: K play/pause, J back, L forward.
    const key = event.key.toLowerCase();
    if (key === 'k') toggle();
    else if (key === 'j') moveTo(position() - 15);
    else if (key === 'l') moveTo(position() + 15);
    else return;
    event.preventDefault();
  });

  audio.addEventListener('play', () => setPlaying(true));
  audio.addEventListener('pause', () => {
    setPlaying(false);
    savePosition(true);
    render();
  });
  audio.addEventListener('loadedmetadata', () => {
    if (Number.isFinite(audio.duration) && audio.duration > 0) {
      duration = audio.duration;
      seek.max = String(Math.ceil(duration));
    }
  });
  audio.addEventListener('timeupdate', () => {
    render();
    if (!audio.paused) savePosition();
  });
  audio.addEventListener('seeked', render);
  audio.addEventListener('ratechange', () => {
    rate.value = String(parseRate(String(audio.playbackRate)) ?? rate.value);
  });
  audio.addEventListener('ended', () => {
    setPlaying(false);
    store(positionKey(src), null);
    highlight(0, false);
  });
  audio.addEventListener('error', () => {
    // Give the reader the browser's own control back, with whatever it can tell them.
    root.classList.add('has-error');
    controls.hidden = true;
    audio.controls = true;
  });
  window.addEventListener('pagehide', () => savePosition(true));

  // Lock-screen and headset controls on phones.
  if ('mediaSession' in navigator) {
    const title = document.querySelector('h1')?.textContent?.trim() ?? document.title;
    const handlers: [MediaSessionAction, MediaSessionActionHandler][] = [
      ['play', () => audio.paused && toggle()],
      ['pause', () => !audio.paused && toggle()],
      ['seekbackward', () => moveTo(position() - 15)],
      ['seekforward', () => moveTo(position() + 15)],
      ['seekto', (details) => moveTo(details.seekTime ?? position())],
    ];
    audio.addEventListener('play', () => {
      navigator.mediaSession.metadata = new MediaMetadata({
        title,
        artist: document.title.split(' | ').pop() ?? '',
      });
      for (const [action, handler] of handlers) {
        try {
          navigator.mediaSession.setActionHandler(action, handler);
        } catch {
          // Actions a browser does not know are skipped.
        }
      }
    });
  }

  render();
}

for (const root of document.querySelectorAll<HTMLElement>('.listen')) enhance(root);
