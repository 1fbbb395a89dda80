/**
 * "Listen to this article", rendered on the server with its duration: without JavaScript the native
 * <audio controls> plays it; the player island (src/client/player) swaps in the custom controls
 * (play/pause, seek, 15 s back and forward, speed), remembers the position and highlights the sentence
 * being read, using the start times in the JSON data block.
 */

export interface AudioPlayerProps {
  url: string;
  mimeType: string;
  durationMs: number;
  sentenceStarts: number[];
  /** The player island's hashed URL; absent when the bundle is not built (the native control remains). */
  scriptUrl?: string;
}

export const playbackRates = [0.75, 1, 1.25, 1.5, 1.75, 2] as const;

/** "4 min 12 sec" for people; "PT4M12S" for machines. */
export function spokenDuration(ms: number): { text: string; iso: string; clock: string } {
  const total = Math.max(1, Math.round(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  const text = minutes ? `${minutes} min${seconds ? ` ${seconds} sec` : ''}` : `${seconds} sec`;
  return {
    text,
    iso: `PT${minutes ? `${minutes}M` : ''}${seconds}S`,
    clock: `${minutes}:${String(seconds).padStart(2, '0')}`,
  };
}

/** Inside a <script type="application/json">: "<" escaped so nothing can close the element. */
function dataBlock(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function Icon({ name }: { name: 'play' | 'pause' | 'back' | 'forward' | 'headphones' }) {
  const paths = {
    play: 'M8 5.5v13l11-6.5z',
    pause: 'M7 5h3.5v14H7zm6.5 0H17v14h-3.5z',
    back: 'M12 5V2L7 6l5 4V7a6 6 0 1 1-6 6H4a8 8 0 1 0 8-8z',
    forward: 'M12 5V2l5 4-5 4V7a6 6 0 1 0 6 6h2a8 8 0 1 1-8-8z',
    headphones:
      'M12 3a9 9 0 0 0-9 9v6a3 3 0 0 0 3 3h1a1 1 0 0 0 1-1v-6a1 1 0 0 0-1-1H5v-1a7 7 0 0 1 14 0v1h-2a1 1 0 0 0-1 1v6a1 1 0 0 0 1 1h1a3 3 0 0 0 3-3v-6a9 9 0 0 0-9-9z',
  };
  return (
    <svg
      class={`listen-icon listen-icon-${name}`}
      viewBox="0 0 24 24"
      width="24"
      height="24"
      aria-hidden="true"
      focusable="false"
    >
      <path d={paths[name]} />
    </svg>
  );
}

export function AudioPlayer({ audio }: { audio: AudioPlayerProps }) {
  const duration = spokenDuration(audio.durationMs);
  const seconds = Math.round(audio.durationMs / 1000);
  return (
    <section class="listen" aria-labelledby="listen-title" data-duration={seconds}>
      <div class="listen-head">
        <Icon name="headphones" />
        <p class="listen-title" id="listen-title">
          Listen to this article
        </p>
        <p class="listen-length">
          <time datetime={duration.iso}>{duration.text}</time>
        </p>
      </div>
      {/* biome-ignore lint/a11y/useMediaCaption: the transcript is the article itself, on this page */}
      <audio class="listen-native" controls preload="none" src={audio.url}>
        <a href={audio.url}>Download the audio ({duration.text})</a>
      </audio>
      <div class="listen-controls" hidden>
        <button type="button" class="listen-skip" data-skip="-15" aria-label="Back 15 seconds">
          <Icon name="back" />
          <span class="listen-skip-n" aria-hidden="true">
            15
          </span>
        </button>
        <button
          type="button"
          class="listen-play"
          aria-label="Play"
          data-label-play="Play"
          data-label-pause="Pause"
        >
          <Icon name="play" />
          <Icon name="pause" />
        </button>
        <button type="button" class="listen-skip" data-skip="15" aria-label="Forward 15 seconds">
          <Icon name="forward" />
          <span class="listen-skip-n" aria-hidden="true">
            15
          </span>
        </button>
        <div class="listen-progress">
          <input
            class="listen-seek"
            type="range"
            min="0"
            max={seconds}
            step="1"
            value="0"
            aria-label="Position"
            aria-valuetext={`0:00 of ${duration.clock}`}
          />
          <p class="listen-time" aria-hidden="true">
            <span class="listen-elapsed">0:00</span> / <span class="listen-total">{duration.clock}</span>
          </p>
        </div>
        <label class="listen-rate">
          <span class="visually-hidden">Playback speed</span>
          <select class="listen-rate-select">
            {playbackRates.map((rate) => (
              <option value={String(rate)} selected={rate === 1}>
                {rate}×
              </option>
            ))}
          </select>
        </label>
      </div>
      <p class="listen-note">Read by an automated voice.</p>
      <script
        type="application/json"
        class="listen-data"
        dangerouslySetInnerHTML={{ __html: dataBlock({ starts: audio.sentenceStarts }) }}
      />
      {audio.scriptUrl && <script type="module" src={audio.scriptUrl} />}
    </section>
  );
}
