import aws4 from 'aws4';
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
import type { PollySettings } from './settings.ts';

/**
 * Amazon Polly through its SynthesizeSpeech REST call (POST /v1/speech), signed with AWS Signature
 * Version 4 by the small `aws4` library rather than the whole AWS SDK. Each sentence is one request for
 * 16 kHz 16-bit PCM (what Polly's "pcm" format is), so sentence timings work as with every engine.
 */

interface PollyVoice {
  id: string;
  name: string;
  language: string;
  engines: readonly ('neural' | 'standard')[];
}

const accents: Record<string, string> = {
  'en-GB': 'British English',
  'en-GB-WLS': 'Welsh English',
  'en-IE': 'Irish English',
  'en-AU': 'Australian English',
  'en-US': 'US English',
};

/** English voices with the engines Amazon offers them in (the newsroom picks among those that fit). */
const pollyVoices: readonly PollyVoice[] = [
  { id: 'Amy', name: 'female', language: 'en-GB', engines: ['neural', 'standard'] },
  { id: 'Emma', name: 'female', language: 'en-GB', engines: ['neural', 'standard'] },
  { id: 'Brian', name: 'male', language: 'en-GB', engines: ['neural', 'standard'] },
  { id: 'Arthur', name: 'male', language: 'en-GB', engines: ['neural'] },
  { id: 'Geraint', name: 'male', language: 'en-GB-WLS', engines: ['standard'] },
  { id: 'Niamh', name: 'female', language: 'en-IE', engines: ['neural'] },
  { id: 'Olivia', name: 'female', language: 'en-AU', engines: ['neural'] },
  { id: 'Nicole', name: 'female', language: 'en-AU', engines: ['standard'] },
  { id: 'Russell', name: 'male', language: 'en-AU', engines: ['standard'] },
  { id: 'Joanna', name: 'female', language: 'en-US', engines: ['neural', 'standard'] },
  { id: 'Matthew', name: 'male', language: 'en-US', engines: ['neural', 'standard'] },
  { id: 'Ruth', name: 'female', language: 'en-US', engines: ['neural'] },
  { id: 'Stephen', name: 'male', language: 'en-US', engines: ['neural'] },
];

export function pollyVoicesFor(engine: PollySettings['engine'], configured: string): VoiceInfo[] {
  const voices: VoiceInfo[] = pollyVoices
    .filter((v) => v.engines.includes(engine))
    .map((v) => ({
      id: v.id,
      label: `${v.id}: ${accents[v.language] ?? v.language}, ${v.name}`,
      language: v.language,
    }));
  // A voice the operator named that this list does not know (a newer one) is offered too.
  if (!voices.some((v) => v.id === configured)) {
    voices.push({ id: configured, label: `${configured} (set by TTS_POLLY_VOICE)`, language: 'en' });
  }
  return voices;
}

/** Polly bills and limits by characters: 3,000 per request. */
const maxChars = 2500;
const sampleRate = 16000;

export interface PollyOptions extends CloudSpeechOptions {
  timeoutMs?: number;
}

export class PollyEngine implements SpeechEngine {
  readonly id: string;
  readonly label: string;
  readonly voices: readonly VoiceInfo[];
  readonly defaultVoice: string;
  private readonly url: URL;

  constructor(
    private readonly settings: PollySettings,
    private readonly options: PollyOptions = {},
  ) {
    // Neural and standard voices sound different: a change of engine makes new recordings.
    this.id = `polly-${settings.engine}`;
    this.label = `Amazon Polly (${settings.engine})`;
    this.voices = pollyVoicesFor(settings.engine, settings.defaultVoice);
    this.defaultVoice = settings.defaultVoice;
    this.url = new URL('/v1/speech', `${settings.endpoint}/`);
  }

  async synthesize(texts: readonly string[], voice: string): Promise<SpeechClips> {
    const voiceId = this.voices.some((v) => v.id === voice) ? voice : this.defaultVoice;
    const clips = await speakThroughApi(texts, maxChars, this.options, (piece) =>
      this.request(piece, voiceId),
    );
    return { sampleRate, clips };
  }

  private async request(text: string, voiceId: string): Promise<Int16Array> {
    const body = JSON.stringify({
      Engine: this.settings.engine,
      OutputFormat: 'pcm',
      SampleRate: String(sampleRate),
      Text: text,
      TextType: 'text',
      VoiceId: voiceId,
    });
    const signed = aws4.sign(
      {
        host: this.url.host,
        path: this.url.pathname,
        method: 'POST',
        service: 'polly',
        region: this.settings.region,
        headers: { 'Content-Type': 'application/json' },
        body,
      },
      this.settings.credentials,
    );
    const headers = Object.fromEntries(
      Object.entries(signed.headers ?? {}).map(([name, value]) => [name, String(value)]),
    );
    const answer = await post(this.url, headers, body, this.options.timeoutMs ?? 30_000);
    if (answer.status !== 200) throw pollyError(answer);
    if (answer.body.length % 2 !== 0) {
      throw new SpeechServiceError('Amazon Polly sent audio that is not 16-bit PCM (odd length)', true);
    }
    return pcm16(answer.body);
  }
}

/** "Amazon Polly refused the request (403 UnrecognizedClientException): The security token … is invalid." */
function pollyError(answer: HttpAnswer): SpeechServiceError {
  let message = answerText(answer.body);
  let type = String(answer.headers['x-amzn-errortype'] ?? '');
  try {
    const parsed = JSON.parse(answer.body.toString('utf8')) as {
      message?: unknown;
      Message?: unknown;
      __type?: unknown;
    };
    const text = parsed.message ?? parsed.Message;
    if (typeof text === 'string') message = text;
    if (!type && typeof parsed.__type === 'string') type = parsed.__type;
  } catch {
    // Not JSON (a proxy's error page): the raw text is shown.
  }
  // "ThrottlingException:http://internal.amazon.com/…" or "com.amazonaws.polly#ThrottlingException".
  const name = type.split(':')[0]?.split('#').pop() ?? '';
  const retryable =
    answer.status === 429 || answer.status >= 500 || /Throttl|ServiceFailure|Unavailable|Timeout/i.test(name);
  return new SpeechServiceError(
    `Amazon Polly refused the request (${answer.status}${name ? ` ${name}` : ''}): ${message || 'no message'}`,
    retryable,
  );
}
