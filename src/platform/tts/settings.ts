import path from 'node:path';
import { z } from 'zod';

/**
 * The operator's text-to-speech settings, from the environment (docs/audio.md lists them all):
 * - TTS_ENGINE=flite (default, built in) | espeak | piper | polly | google;
 * - each engine's own keys (TTS_ESPEAK_*, TTS_PIPER_*, TTS_POLLY_* with the AWS_* credentials,
 *   TTS_GOOGLE_*), checked only when that engine is chosen, with a message naming what is missing;
 * - TTS_MP3_KBPS (default 48): MP3 bit rate; 32–64 suits speech;
 * - TTS_BACKFILL=auto (default) | never: at start-up, record every published article that has no audio.
 */
export const engineNames = ['flite', 'espeak', 'piper', 'polly', 'google'] as const;

export interface PiperSettings {
  /** The piper program (the MIT-licensed C++ release; espeak-ng, GPL, is inside it: a separate process). */
  command: string;
  /** Absolute path of the voice model (.onnx). */
  model: string;
  /** Absolute path of its config (.onnx.json): sample rate, speakers, language. */
  config: string;
}

export interface PollySettings {
  region: string;
  /** https://polly.<region>.amazonaws.com unless overridden (a VPC endpoint, a test server). */
  endpoint: string;
  engine: 'neural' | 'standard';
  /** The voice used until the newsroom chooses one (Amazon's VoiceId, e.g. "Amy"). */
  defaultVoice: string;
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
}

export interface GoogleSettings {
  /** Sent as x-goog-api-key; may be left out when the endpoint is a proxy that adds its own token. */
  apiKey: string | undefined;
  /** https://texttospeech.googleapis.com unless overridden. */
  endpoint: string;
  /** The voice used until the newsroom chooses one (e.g. "en-GB-Neural2-A"). */
  defaultVoice: string;
}

export type EngineSettings =
  | { engine: 'flite' }
  | { engine: 'espeak'; espeakCommand: string }
  | { engine: 'piper'; piper: PiperSettings }
  | { engine: 'polly'; polly: PollySettings }
  | { engine: 'google'; google: GoogleSettings };

export type TtsSettings = EngineSettings & { mp3Kbps: number; backfill: boolean };

const text = (name: string, why: string) =>
  z
    .string({ error: `${name} is required: ${why}` })
    .trim()
    .min(1, `${name} is required: ${why}`);
const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((v) => v || undefined);
const httpUrl = (name: string) =>
  z
    .url({ protocol: /^https?$/, error: `${name} must be an http(s) URL` })
    .transform((v) => v.replace(/\/+$/, ''));

const commonSchema = z.object({
  TTS_ENGINE: z
    .enum(engineNames, { error: `TTS_ENGINE must be one of ${engineNames.join(', ')}` })
    .default('flite'),
  TTS_MP3_KBPS: z.coerce
    .number()
    .int()
    .refine(
      (n) => [32, 40, 48, 56, 64, 80, 96, 112, 128].includes(n),
      'TTS_MP3_KBPS must be 32, 40, 48, 56, 64, 80, 96, 112 or 128',
    )
    .default(48),
  TTS_BACKFILL: z.enum(['auto', 'never']).default('auto'),
});

const espeakSchema = z
  .object({ TTS_ESPEAK_COMMAND: z.string().trim().min(1).default('espeak-ng') })
  .transform((e): EngineSettings => ({ engine: 'espeak', espeakCommand: e.TTS_ESPEAK_COMMAND }));

const piperSchema = z
  .object({
    TTS_PIPER_COMMAND: z.string().trim().min(1).default('piper'),
    TTS_PIPER_MODEL: text(
      'TTS_PIPER_MODEL',
      'the path to a Piper voice model, e.g. /voices/en_GB-alan-medium.onnx',
    ),
    TTS_PIPER_CONFIG: optionalText,
  })
  .transform((e): EngineSettings => {
    const model = path.resolve(e.TTS_PIPER_MODEL);
    return {
      engine: 'piper',
      piper: {
        command: e.TTS_PIPER_COMMAND,
        model,
        config: e.TTS_PIPER_CONFIG ? path.resolve(e.TTS_PIPER_CONFIG) : `${model}.json`,
      },
    };
  });

const pollySchema = z
  .object({
    TTS_POLLY_REGION: optionalText,
    AWS_REGION: optionalText,
    AWS_DEFAULT_REGION: optionalText,
    TTS_POLLY_ENDPOINT: httpUrl('TTS_POLLY_ENDPOINT').optional(),
    TTS_POLLY_ENGINE: z
      .enum(['neural', 'standard'], { error: 'TTS_POLLY_ENGINE must be neural or standard' })
      .default('neural'),
    TTS_POLLY_VOICE: z.string().trim().min(1).default('Amy'),
    AWS_ACCESS_KEY_ID: text('AWS_ACCESS_KEY_ID', 'Amazon Polly needs AWS credentials'),
    AWS_SECRET_ACCESS_KEY: text('AWS_SECRET_ACCESS_KEY', 'Amazon Polly needs AWS credentials'),
    AWS_SESSION_TOKEN: optionalText,
  })
  .transform((e, ctx): EngineSettings => {
    const region = e.TTS_POLLY_REGION ?? e.AWS_REGION ?? e.AWS_DEFAULT_REGION;
    if (!region) {
      ctx.addIssue({
        code: 'custom',
        path: ['TTS_POLLY_REGION'],
        message: 'TTS_POLLY_REGION (or AWS_REGION) is required: the AWS region to call, e.g. eu-west-2',
      });
      return z.NEVER;
    }
    return {
      engine: 'polly',
      polly: {
        region,
        endpoint: e.TTS_POLLY_ENDPOINT ?? `https://polly.${region}.amazonaws.com`,
        engine: e.TTS_POLLY_ENGINE,
        defaultVoice: e.TTS_POLLY_VOICE,
        credentials: {
          accessKeyId: e.AWS_ACCESS_KEY_ID,
          secretAccessKey: e.AWS_SECRET_ACCESS_KEY,
          ...(e.AWS_SESSION_TOKEN ? { sessionToken: e.AWS_SESSION_TOKEN } : {}),
        },
      },
    };
  });

const googleSchema = z
  .object({
    TTS_GOOGLE_API_KEY: optionalText,
    TTS_GOOGLE_ENDPOINT: httpUrl('TTS_GOOGLE_ENDPOINT').optional(),
    TTS_GOOGLE_VOICE: z
      .string()
      .trim()
      .regex(
        /^[a-z]{2,3}-[A-Z]{2}-[A-Za-z0-9-]+$/,
        'TTS_GOOGLE_VOICE must be a voice name such as en-GB-Neural2-A',
      )
      .default('en-GB-Neural2-A'),
  })
  .transform((e, ctx): EngineSettings => {
    if (!e.TTS_GOOGLE_API_KEY && !e.TTS_GOOGLE_ENDPOINT) {
      ctx.addIssue({
        code: 'custom',
        path: ['TTS_GOOGLE_API_KEY'],
        message:
          'TTS_GOOGLE_API_KEY is required (or TTS_GOOGLE_ENDPOINT, a proxy that adds its own credentials)',
      });
      return z.NEVER;
    }
    return {
      engine: 'google',
      google: {
        apiKey: e.TTS_GOOGLE_API_KEY,
        endpoint: e.TTS_GOOGLE_ENDPOINT ?? 'https://texttospeech.googleapis.com',
        defaultVoice: e.TTS_GOOGLE_VOICE,
      },
    };
  });

const engineSchemas = {
  flite: z.object({}).transform((): EngineSettings => ({ engine: 'flite' })),
  espeak: espeakSchema,
  piper: piperSchema,
  polly: pollySchema,
  google: googleSchema,
} satisfies Record<(typeof engineNames)[number], z.ZodType<EngineSettings, unknown>>;

function problems(error: z.ZodError): string {
  return error.issues
    .map((i) => {
      const key = i.path.join('.');
      // Our own messages start with the key already.
      return !key || i.message.startsWith(key) ? i.message : `${key}: ${i.message}`;
    })
    .join('; ');
}

/** Reads and checks the TTS_* settings; a mistake stops start-up with a message naming the key. */
export function ttsSettings(env: Record<string, string | undefined>): TtsSettings {
  const common = commonSchema.safeParse(env);
  if (!common.success) throw new Error(`Invalid configuration: ${problems(common.error)}`);
  const engine = engineSchemas[common.data.TTS_ENGINE].safeParse(env);
  if (!engine.success) throw new Error(`Invalid configuration: ${problems(engine.error)}`);
  return {
    ...engine.data,
    mp3Kbps: common.data.TTS_MP3_KBPS,
    backfill: common.data.TTS_BACKFILL === 'auto',
  };
}
