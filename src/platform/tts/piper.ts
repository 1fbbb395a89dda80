import { spawn } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { SpeechClips, SpeechEngine, VoiceInfo } from '../../modules/audio/ports.ts';
import type { PiperSettings } from './settings.ts';
import { parseWav } from './wav.ts';

/**
 * Piper (rhasspy/piper, MIT), a local neural engine, through its command line. Its phonemizer, espeak-ng,
 * is GPL-3.0: it is linked into the piper program, never into ours, which only ever starts it as a
 * separate process. One process per recording (the model loads once), fed JSON lines on stdin:
 * `{"text": …, "output_file": "<tmp>/<n>.wav"}` with `--json-input`, so every sentence becomes its own
 * WAV file and sentence timings work as with every engine. The text never appears in the arguments.
 */

/** What the model's .onnx.json says about the voice. */
export interface PiperModel {
  name: string;
  sampleRate: number;
  voices: VoiceInfo[];
  /** Voice id → piper speaker id, for models with several speakers. */
  speakers: Map<string, number>;
}

function configError(message: string): Error {
  return new Error(`Invalid configuration: ${message}`);
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The program named by TTS_PIPER_COMMAND must exist at start-up: found on PATH, or a path to it. */
function checkCommand(command: string): void {
  const found = command.includes('/')
    ? isExecutable(command)
    : (process.env.PATH ?? '')
        .split(path.delimiter)
        .some((dir) => dir && isExecutable(path.join(dir, command)));
  if (!found) {
    throw configError(
      `TTS_PIPER_COMMAND: "${command}" was not found${command.includes('/') ? ' or is not executable' : ' on PATH'} (install Piper or give the path to its piper program)`,
    );
  }
}

/** Reads the voice model's config at start-up; a missing or unreadable model stops start-up here. */
export function readPiperModel(settings: PiperSettings): PiperModel {
  try {
    accessSync(settings.model, constants.R_OK);
  } catch {
    throw configError(`TTS_PIPER_MODEL: there is no readable voice model at ${settings.model}`);
  }
  let config: {
    audio?: { sample_rate?: unknown };
    speaker_id_map?: unknown;
    language?: { code?: unknown };
    espeak?: { voice?: unknown };
    dataset?: unknown;
  };
  try {
    config = JSON.parse(readFileSync(settings.config, 'utf8'));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'it does not exist' : String(error);
    throw configError(
      `the Piper voice config ${settings.config} cannot be read (${reason}); it comes with the model (set TTS_PIPER_CONFIG if it is elsewhere)`,
    );
  }
  const sampleRate = config.audio?.sample_rate;
  if (
    typeof sampleRate !== 'number' ||
    !Number.isInteger(sampleRate) ||
    sampleRate < 8000 ||
    sampleRate > 48000
  ) {
    throw configError(`the Piper voice config ${settings.config} has no usable audio.sample_rate`);
  }
  const name = path.basename(settings.model).replace(/\.onnx$/i, '');
  const code = typeof config.language?.code === 'string' ? config.language.code : undefined;
  const language = (code ?? (typeof config.espeak?.voice === 'string' ? config.espeak.voice : 'en')).replace(
    '_',
    '-',
  );
  const speakerMap =
    config.speaker_id_map && typeof config.speaker_id_map === 'object'
      ? Object.entries(config.speaker_id_map as Record<string, unknown>).filter(
          (entry): entry is [string, number] => typeof entry[1] === 'number',
        )
      : [];
  const speakers = new Map<string, number>();
  const voices: VoiceInfo[] = [];
  if (speakerMap.length > 1) {
    for (const [speaker, id] of speakerMap) {
      const voiceId = `${name}:${speaker}`;
      speakers.set(voiceId, id);
      voices.push({ id: voiceId, label: `${name}, speaker ${speaker}`, language });
    }
  } else {
    voices.push({ id: name, label: `${name} (${language})`, language });
  }
  return { name, sampleRate, voices, speakers };
}

export interface PiperOptions {
  /** How long piper may take: a fixed allowance plus some per sentence. */
  timeoutMs?: (sentences: number) => number;
}

export class PiperEngine implements SpeechEngine {
  readonly id = 'piper';
  readonly label = 'Piper';
  readonly voices: readonly VoiceInfo[];
  readonly defaultVoice: string;
  private readonly model: PiperModel;

  constructor(
    private readonly settings: PiperSettings,
    private readonly options: PiperOptions = {},
  ) {
    this.model = readPiperModel(settings);
    checkCommand(settings.command);
    this.voices = this.model.voices;
    this.defaultVoice = this.model.voices[0]?.id ?? this.model.name;
  }

  get sampleRate(): number {
    return this.model.sampleRate;
  }

  async synthesize(texts: readonly string[], voice: string): Promise<SpeechClips> {
    const speaker = this.model.speakers.get(voice) ?? this.model.speakers.get(this.defaultVoice);
    const folder = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-piper-'));
    try {
      const wanted = texts
        .map((text, index) => ({ index, text: oneLine(text) }))
        .filter((t) => t.text !== '')
        .map((t) => ({ ...t, file: path.join(folder, `${t.index}.wav`) }));
      if (wanted.length) await this.run(wanted, speaker);
      const clips: Int16Array[] = texts.map(() => new Int16Array(0));
      for (const { index, file } of wanted) {
        const wav = parseWav(await readFile(file).catch(() => Promise.reject(this.missing(index))));
        if (wav.sampleRate !== this.model.sampleRate) {
          throw new Error(
            `piper wrote ${wav.sampleRate} Hz audio, but ${path.basename(this.settings.config)} says ${this.model.sampleRate} Hz`,
          );
        }
        clips[index] = wav.samples;
      }
      return { sampleRate: this.model.sampleRate, clips };
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }

  private missing(index: number): Error {
    return new Error(`${this.settings.command} wrote no audio for sentence ${index + 1}`);
  }

  private run(lines: { text: string; file: string }[], speaker: number | undefined): Promise<void> {
    const { command, model, config } = this.settings;
    const timeoutMs = this.options.timeoutMs?.(lines.length) ?? 60_000 + 10_000 * lines.length;
    return new Promise((resolve, reject) => {
      const child = spawn(command, ['--model', model, '--config', config, '--json-input'], {
        stdio: ['pipe', 'ignore', 'pipe'],
      });
      let stderr = '';
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        child.kill('SIGKILL');
      }, timeoutMs);
      child.stderr.on('data', (chunk: Buffer) => {
        // Piper logs progress on stderr: the end is where an error is.
        stderr = (stderr + chunk.toString()).slice(-2000);
      });
      // A piper that exits early (a bad model) closes its stdin: the exit code tells what happened.
      child.stdin.on('error', () => {});
      child.on('error', (error) => {
        clearTimeout(timer);
        reject(new Error(`could not run ${command}: ${error.message}`));
      });
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        if (code === 0) return resolve();
        const why = timedOut
          ? `took longer than ${timeoutMs / 1000} s`
          : signal
            ? `stopped by ${signal}`
            : `exit ${code}`;
        const detail = lastLines(stderr);
        reject(new Error(`${command} failed (${why})${detail ? `: ${detail}` : ''}`));
      });
      const input = lines
        .map(({ text, file }) =>
          JSON.stringify({
            text,
            output_file: file,
            ...(speaker === undefined ? {} : { speaker_id: speaker }),
          }),
        )
        .join('\n');
      child.stdin.end(`${input}\n`);
    });
  }
}

/** One line of plain text: piper reads a line per utterance. */
function oneLine(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
}

/** The last lines of piper's log, without colour codes, for the newsroom's error column. */
function lastLines(log: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI colour codes are what is removed
  const clean = log.replace(/\u001b\[[0-9;]*m/g, '').trim();
  return clean.split('\n').slice(-3).join(' ').slice(-300);
}
