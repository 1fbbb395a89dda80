import type { SpeechClips, SpeechEngine } from '../../modules/audio/ports.ts';
import { fliteDefaultVoice, fliteVoices } from './flite-core.ts';
import type { TtsWorker } from './worker-client.ts';

/** The default engine: Flite in a worker thread (see flite-core.ts). */
export class FliteEngine implements SpeechEngine {
  readonly id = 'flite';
  readonly label = 'Flite';
  readonly voices = fliteVoices;
  readonly defaultVoice = fliteDefaultVoice;

  constructor(private readonly worker: TtsWorker) {}

  async synthesize(texts: readonly string[], voice: string): Promise<SpeechClips> {
    const reply = await this.worker.request({ op: 'flite', voice, texts: [...texts] });
    return { sampleRate: reply.sampleRate, clips: reply.buffers.map((b) => new Int16Array(b)) };
  }
}
