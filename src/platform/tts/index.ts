import type { AudioEncoder, SpeechEngine } from '../../modules/audio/ports.ts';
import { EspeakEngine } from './espeak.ts';
import { FliteEngine } from './flite.ts';
import { GoogleEngine } from './google.ts';
import { Mp3Encoder } from './mp3-encoder.ts';
import { PiperEngine } from './piper.ts';
import { PollyEngine } from './polly.ts';
import type { TtsSettings } from './settings.ts';
import { TtsWorker } from './worker-client.ts';

export { engineNames, type TtsSettings, ttsSettings } from './settings.ts';

export interface Speech {
  engine: SpeechEngine;
  encoder: AudioEncoder;
  close(): Promise<void>;
}

function engineFor(settings: TtsSettings, worker: TtsWorker): SpeechEngine {
  switch (settings.engine) {
    case 'flite':
      return new FliteEngine(worker);
    case 'espeak':
      return new EspeakEngine(settings.espeakCommand);
    case 'piper':
      return new PiperEngine(settings.piper);
    case 'polly':
      return new PollyEngine(settings.polly);
    case 'google':
      return new GoogleEngine(settings.google);
  }
}

/**
 * The engine the settings ask for and the MP3 encoder (in a worker thread, which Flite shares). Local
 * engines check their files here, so a missing Piper model stops start-up with a clear message.
 */
export function createSpeech(settings: TtsSettings): Speech {
  const worker = new TtsWorker();
  const engine = engineFor(settings, worker);
  return {
    engine,
    encoder: new Mp3Encoder(worker, settings.mp3Kbps),
    close: async () => {
      await engine.close?.();
      await worker.close();
    },
  };
}
