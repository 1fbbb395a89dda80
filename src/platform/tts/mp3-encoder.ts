import type { AudioEncoder } from '../../modules/audio/ports.ts';
import { resample } from './wav.ts';
import type { TtsWorker } from './worker-client.ts';

/** Sample rates MPEG audio can carry; anything else is resampled to the nearest one above. */
const mpegRates = [8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100, 48000];

/** MP3 (lamejs) in the speech worker thread. */
export class Mp3Encoder implements AudioEncoder {
  readonly mimeType = 'audio/mpeg';
  readonly extension = 'mp3';

  constructor(
    private readonly worker: TtsWorker,
    private readonly kbps = 48,
  ) {}

  async encode(pcm: Int16Array, sampleRate: number): Promise<Buffer> {
    const rate = mpegRates.find((r) => r >= sampleRate) ?? 48000;
    const samples = resample(pcm, sampleRate, rate);
    // A copy the worker may own: the caller's array stays usable.
    const buffer = samples.slice().buffer as ArrayBuffer;
    const reply = await this.worker.request({ op: 'mp3', pcm: buffer, sampleRate: rate, kbps: this.kbps }, [
      buffer,
    ]);
    const [data] = reply.buffers;
    if (!data) throw new Error('the encoder returned nothing');
    return Buffer.from(data);
  }
}
