import type { SpeechClips, SpeechEngine, VoiceInfo } from '../../modules/audio/ports.ts';
import {
  answerText,
  type CloudSpeechOptions,
  type HttpAnswer,
  pcm16,
  post,
  SpeechServiceError,
  speakThroughApi,
} from './cloud.ts';
import type { GoogleSettings } from './settings.ts';
import { parseWav } from './wav.ts';

/**
 * Google Cloud Text-to-Speech (POST /v1/text:synthesize) with an API key in the x-goog-api-key header.
 * Each sentence is one request for LINEAR16 at 16 kHz: Google returns it base64-encoded as a WAV file
 * (header included), which is parsed rather than skipped by a fixed offset.
 */

const accents: Record<string, string> = {
  'en-GB': 'British English',
  'en-AU': 'Australian English',
  'en-US': 'US English',
};

const googleVoices: readonly [name: string, gender: string][] = [
  ['en-GB-Neural2-A', 'female'],
  ['en-GB-Neural2-B', 'male'],
  ['en-GB-Neural2-C', 'female'],
  ['en-GB-Neural2-D', 'male'],
  ['en-GB-Neural2-F', 'female'],
  ['en-GB-Standard-A', 'female'],
  ['en-GB-Standard-B', 'male'],
  ['en-AU-Neural2-A', 'female'],
  ['en-AU-Neural2-B', 'male'],
  ['en-US-Neural2-F', 'female'],
  ['en-US-Neural2-J', 'male'],
];

/** "en-GB-Neural2-A" → "en-GB": the language Google wants next to the voice name. */
export function languageOfVoice(name: string): string {
  return name.split('-').slice(0, 2).join('-');
}

export function googleVoicesFor(configured: string): VoiceInfo[] {
  const voices: VoiceInfo[] = googleVoices.map(([id, gender]) => {
    const language = languageOfVoice(id);
    const kind = id.includes('Neural2') ? 'natural' : 'standard';
    return { id, label: `${id}: ${accents[language] ?? language}, ${gender} (${kind})`, language };
  });
  if (!voices.some((v) => v.id === configured)) {
    voices.push({
      id: configured,
      label: `${configured} (set by TTS_GOOGLE_VOICE)`,
      language: languageOfVoice(configured),
    });
  }
  return voices;
}

/** Google limits the input to 5,000 bytes; this leaves room for any UTF-8 text. */
const maxChars = 1200;
const sampleRate = 16000;

export interface GoogleOptions extends CloudSpeechOptions {
  timeoutMs?: number;
}

export class GoogleEngine implements SpeechEngine {
  readonly id = 'google';
  readonly label = 'Google Cloud Text-to-Speech';
  readonly voices: readonly VoiceInfo[];
  readonly defaultVoice: string;
  private readonly url: URL;

  constructor(
    private readonly settings: GoogleSettings,
    private readonly options: GoogleOptions = {},
  ) {
    this.voices = googleVoicesFor(settings.defaultVoice);
    this.defaultVoice = settings.defaultVoice;
    this.url = new URL('/v1/text:synthesize', `${settings.endpoint}/`);
  }

  async synthesize(texts: readonly string[], voice: string): Promise<SpeechClips> {
    const name = this.voices.some((v) => v.id === voice) ? voice : this.defaultVoice;
    const clips = await speakThroughApi(texts, maxChars, this.options, (piece) => this.request(piece, name));
    return { sampleRate, clips };
  }

  private async request(text: string, voice: string): Promise<Int16Array> {
    const body = JSON.stringify({
      input: { text },
      voice: { languageCode: languageOfVoice(voice), name: voice },
      audioConfig: { audioEncoding: 'LINEAR16', sampleRateHertz: sampleRate },
    });
    const headers: Record<string, string> = { 'Content-Type': 'application/json; charset=utf-8' };
    if (this.settings.apiKey) headers['x-goog-api-key'] = this.settings.apiKey;
    const answer = await post(this.url, headers, body, this.options.timeoutMs ?? 30_000);
    if (answer.status !== 200) throw googleError(answer);
    let audio: unknown;
    try {
      audio = (JSON.parse(answer.body.toString('utf8')) as { audioContent?: unknown }).audioContent;
    } catch {
      audio = undefined;
    }
    if (typeof audio !== 'string' || !audio) {
      throw new SpeechServiceError('Google Text-to-Speech answered without audioContent', true);
    }
    return linear16(Buffer.from(audio, 'base64'));
  }
}

/** LINEAR16 comes as a WAV file; if a proxy ever strips the header, the bytes are taken as raw PCM. */
export function linear16(bytes: Buffer): Int16Array {
  if (bytes.subarray(0, 4).toString('latin1') !== 'RIFF') return pcm16(bytes);
  const wav = parseWav(bytes);
  if (wav.sampleRate !== sampleRate) {
    throw new SpeechServiceError(
      `Google Text-to-Speech sent ${wav.sampleRate} Hz audio, not ${sampleRate}`,
      false,
    );
  }
  return wav.samples;
}

/** "Google Text-to-Speech refused the request (403 PERMISSION_DENIED): API key not valid." */
function googleError(answer: HttpAnswer): SpeechServiceError {
  let message = answerText(answer.body);
  let status = '';
  try {
    const parsed = JSON.parse(answer.body.toString('utf8')) as {
      error?: { message?: unknown; status?: unknown };
    };
    if (typeof parsed.error?.message === 'string') message = parsed.error.message;
    if (typeof parsed.error?.status === 'string') status = parsed.error.status;
  } catch {
    // Not JSON: the raw text is shown.
  }
  const retryable =
    answer.status === 429 ||
    answer.status >= 500 ||
    ['RESOURCE_EXHAUSTED', 'UNAVAILABLE', 'DEADLINE_EXCEEDED'].includes(status);
  return new SpeechServiceError(
    `Google Text-to-Speech refused the request (${answer.status}${status ? ` ${status}` : ''}): ${message || 'no message'}`,
    retryable,
  );
}
