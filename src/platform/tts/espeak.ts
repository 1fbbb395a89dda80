import { spawn } from 'node:child_process';
import type { SpeechClips, SpeechEngine, VoiceInfo } from '../../modules/audio/ports.ts';
import { parseWav } from './wav.ts';

/**
 * eSpeak NG through its command line (GPL-3.0, so it runs as a separate program and is never linked).
 * For operators who have it installed (`apt-get install espeak-ng`): more voices and accents, including
 * British English, at a robotic quality. Each sentence is one short-lived process, two at a time.
 */
export const espeakVoices: readonly VoiceInfo[] = [
  { id: 'en-gb', label: 'British English, male', language: 'en-GB' },
  { id: 'en-gb+f3', label: 'British English, female', language: 'en-GB' },
  { id: 'en-gb-x-rp', label: 'British English (Received Pronunciation), male', language: 'en-GB' },
  { id: 'en-gb-scotland', label: 'Scottish English, male', language: 'en-GB' },
  { id: 'en-us', label: 'US English, male', language: 'en-US' },
  { id: 'en-us+f3', label: 'US English, female', language: 'en-US' },
];

const parallel = 2;

export class EspeakEngine implements SpeechEngine {
  readonly id = 'espeak';
  readonly label = 'eSpeak NG';
  readonly voices = espeakVoices;
  readonly defaultVoice = 'en-gb';

  constructor(
    private readonly command = 'espeak-ng',
    private readonly wordsPerMinute = 165,
    private readonly timeoutMs = 60_000,
  ) {}

  async synthesize(texts: readonly string[], voice: string): Promise<SpeechClips> {
    const name = this.voices.some((v) => v.id === voice) ? voice : this.defaultVoice;
    const clips: Int16Array[] = new Array(texts.length);
    let sampleRate = 22050;
    let next = 0;
    const worker = async () => {
      while (next < texts.length) {
        const index = next++;
        const text = (texts[index] ?? '').trim();
        if (!text) {
          clips[index] = new Int16Array(0);
          continue;
        }
        const pcm = parseWav(await this.run(text, name));
        sampleRate = pcm.sampleRate;
        clips[index] = pcm.samples;
      }
    };
    await Promise.all(Array.from({ length: Math.min(parallel, texts.length) }, worker));
    return { sampleRate, clips };
  }

  /** The text goes in on stdin, never as an argument, so it cannot be taken for an option. */
  private run(text: string, voice: string): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const child = spawn(
        this.command,
        ['-v', voice, '-s', String(this.wordsPerMinute), '-b', '1', '--stdin', '--stdout'],
        {
          stdio: ['pipe', 'pipe', 'pipe'],
        },
      );
      const out: Buffer[] = [];
      let err = '';
      const timer = setTimeout(() => child.kill('SIGKILL'), this.timeoutMs);
      child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
      child.stderr.on('data', (chunk: Buffer) => {
        err += chunk.toString();
      });
      // An espeak-ng that exits early closes its stdin: the exit code tells what happened.
      child.stdin.on('error', () => {});
      child.on('error', (error) => {
        clearTimeout(timer);
        reject(new Error(`could not run ${this.command}: ${error.message}`));
      });
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        if (code === 0) resolve(Buffer.concat(out));
        else
          reject(
            new Error(`${this.command} failed (${signal ?? `exit ${code}`}): ${err.trim().slice(0, 200)}`),
          );
      });
      child.stdin.end(`${text}\n`);
    });
  }
}
