export { assemble, pauseMs, rms, trimSilence } from './assemble.ts';
export { AudioRepository } from './audio.repository.ts';
export { type AudioJobs, type AudioLogger, type AudioOptions, AudioService } from './audio.service.ts';
export * from './audio.ts';
export { speakable, wordCount } from './normalize.ts';
export { cardinal, numberWords, ordinal, yearWords } from './numbers.ts';
export type { AudioEncoder, AudioStorage, SpeechClips, SpeechEngine, VoiceInfo } from './ports.ts';
export {
  type Pause,
  type ScriptSentence,
  type SentenceMarks,
  type SentenceUnit,
  type SpeakableArticle,
  type SpeechScript,
  speechFormat,
  speechScript,
  spokenText,
  unitKey,
} from './script.ts';
export { sentencesOf, splitSentences } from './sentences.ts';
