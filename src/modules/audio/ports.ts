import type { BlobStorage } from '../media/index.ts';

/**
 * What the audio module needs from the outside world. Adapters live in src/platform/tts and are chosen
 * in app/wire.ts (TTS_ENGINE); the module never knows which engine speaks.
 */

export interface VoiceInfo {
  /** The engine's own name for the voice, stored in the settings ("slt", "en-gb"). */
  id: string;
  /** What editors see when choosing: "Sarah: US English, female". */
  label: string;
  language: string;
}

/** Mono 16-bit PCM, one clip per text given. */
export interface SpeechClips {
  sampleRate: number;
  clips: Int16Array[];
}

export interface SpeechEngine {
  /** Recorded with every audio file, so changing engine re-makes the audio. */
  readonly id: string;
  /** What the newsroom reads ("Amazon Polly (neural)"); the id when absent. */
  readonly label?: string;
  readonly voices: readonly VoiceInfo[];
  readonly defaultVoice: string;
  /**
   * Speaks each text as one clip, in order. An empty text gives an empty clip. Long work must not block
   * the event loop (adapters use a worker thread or a child process).
   */
  synthesize(texts: readonly string[], voice: string): Promise<SpeechClips>;
  close?(): Promise<void>;
}

export interface AudioEncoder {
  readonly mimeType: string;
  /** File extension without the dot, part of the public URL ("mp3"). */
  readonly extension: string;
  encode(pcm: Int16Array, sampleRate: number): Promise<Buffer>;
  close?(): Promise<void>;
}

/** Where recordings are kept: media storage that can also delete, so replaced recordings do not pile up. */
export interface AudioStorage extends BlobStorage {
  /** Removes the file; a file that is already gone is not an error. */
  delete(key: string): Promise<void>;
}
