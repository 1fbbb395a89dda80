import { z } from 'zod';
import type { AudioEncoder, SpeechEngine } from '../../modules/audio/ports.ts';
import { EspeakEngine } from './espeak.ts';
import { FliteEngine } from './flite.ts';
import { Mp3Encoder } from './mp3-encoder.ts';
import { TtsWorker } from './worker-client.ts';

/**
 * The operator's text-to-speech settings, from the environment:
 * - TTS_ENGINE=flite (default, built in) | espeak (needs espeak-ng installed);
 * - TTS_ESPEAK_COMMAND (default `espeak-ng`): the espeak-ng program;
 * - TTS_MP3_KBPS (default 48): MP3 bit rate; 32–64 suits speech;
 * - TTS_BACKFILL=auto (default) | never: at start-up, record every published article that has no audio.
 * Piper, Amazon Polly and Google Cloud Text-to-Speech are not provided yet (docs/audio.md says how to
 * add one): naming them fails at start-up rather than silently making no audio.
 */
export interface TtsSettings {
  engine: 'flite' | 'espeak';
  espeakCommand: string;
  mp3Kbps: number;
  backfill: boolean;
}

const notProvided = ['piper', 'polly', 'google'] as const;

const envSchema = z.object({
  TTS_ENGINE: z.enum(['flite', 'espeak', ...notProvided]).default('flite'),
  TTS_ESPEAK_COMMAND: z.string().min(1).default('espeak-ng'),
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

export function ttsSettings(env: Record<string, string | undefined>): TtsSettings {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  if (e.TTS_ENGINE === 'piper' || e.TTS_ENGINE === 'polly' || e.TTS_ENGINE === 'google') {
    throw new Error(
      `Invalid configuration: TTS_ENGINE=${e.TTS_ENGINE} is not provided in this version (use flite or espeak; see docs/audio.md).`,
    );
  }
  return {
    engine: e.TTS_ENGINE,
    espeakCommand: e.TTS_ESPEAK_COMMAND,
    mp3Kbps: e.TTS_MP3_KBPS,
    backfill: e.TTS_BACKFILL === 'auto',
  };
}

export interface Speech {
  engine: SpeechEngine;
  encoder: AudioEncoder;
  close(): Promise<void>;
}

/** The engine and encoder the settings ask for, sharing one worker thread. */
export function createSpeech(settings: TtsSettings): Speech {
  const worker = new TtsWorker();
  const engine =
    settings.engine === 'espeak' ? new EspeakEngine(settings.espeakCommand) : new FliteEngine(worker);
  return {
    engine,
    encoder: new Mp3Encoder(worker, settings.mp3Kbps),
    close: () => worker.close(),
  };
}
