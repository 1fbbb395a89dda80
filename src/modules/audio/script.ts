import { createHash } from 'node:crypto';
import { type Block, inlineText } from '../articles/index.ts';
import { speakable, wordCount } from './normalize.ts';
import { splitSentences } from './sentences.ts';

/**
 * What an article sounds like: the headline, the standfirst and the body text in reading order, one
 * entry per sentence. Captions, credits, embeds, "Read more" lines, related-story teasers, pull quotes
 * (they repeat the body) and dividers are not read.
 *
 * The same script tells the page where each sentence is: `marks` maps every piece of text that is read
 * (by a stable key) to the index of its first sentence and the character ranges of its sentences, so the
 * renderer can wrap sentence N in `<span data-s="N">` and the player can highlight it at its start time.
 */

/** Bump when the way text becomes speech changes: every article's audio is then made again. */
export const speechFormat = 1;

export type Pause = 'start' | 'sentence' | 'paragraph' | 'section' | 'title';

export interface ScriptSentence {
  /** As written on the page. */
  text: string;
  /** As the engine should say it. */
  spoken: string;
  /** The silence before it. */
  pause: Pause;
}

export interface SentenceUnit {
  /** Index of the unit's first sentence in the whole script. */
  start: number;
  /** Character ranges [from, to) of its sentences within the unit's text. */
  ranges: [number, number][];
}

/** Keys of the pieces of text that are read, shared by the script and the renderer. */
export const unitKey = {
  headline: 'headline',
  standfirst: 'standfirst',
  /** A paragraph, heading or quote's own text. */
  block: (index: number) => `${index}`,
  /** An item of a list or fact box. */
  item: (index: number, item: number) => `${index}.${item}`,
  /** A fact box title. */
  title: (index: number) => `${index}.title`,
  /** A quote's attribution. */
  attribution: (index: number) => `${index}.by`,
} as const;

export type SentenceMarks = ReadonlyMap<string, SentenceUnit>;

export interface SpeechScript {
  sentences: ScriptSentence[];
  marks: SentenceMarks;
  /** Hash of what is said and how it is paced: equal hashes mean the same recording. */
  textHash: string;
  /** Spoken words, for duration estimates. */
  wordCount: number;
}

export interface SpeakableArticle {
  headline: string;
  standfirst: string;
  body: readonly Block[];
}

export function speechScript(article: SpeakableArticle): SpeechScript {
  const sentences: ScriptSentence[] = [];
  const marks = new Map<string, SentenceUnit>();
  let nextPause: Pause = 'start';

  const read = (key: string, text: string, pause: Pause, within: Pause = 'sentence') => {
    const ranges = splitSentences(text);
    if (ranges.length === 0) return;
    marks.set(key, { start: sentences.length, ranges });
    ranges.forEach(([from, to], i) => {
      const written = text.slice(from, to);
      sentences.push({ text: written, spoken: speakable(written), pause: i === 0 ? pause : within });
    });
    nextPause = 'paragraph';
  };

  read(unitKey.headline, article.headline, 'start');
  read(unitKey.standfirst, article.standfirst, 'title');
  nextPause = 'title';
  article.body.forEach((block, index) => {
    switch (block.type) {
      case 'paragraph':
        read(unitKey.block(index), inlineText(block.content), nextPause);
        break;
      case 'heading':
        read(unitKey.block(index), block.text, 'section');
        break;
      case 'list':
        block.items.forEach((item, i) => {
          read(unitKey.item(index, i), inlineText(item), i === 0 ? nextPause : 'sentence');
        });
        break;
      case 'quote':
        read(unitKey.block(index), inlineText(block.content), nextPause);
        if (block.attribution) read(unitKey.attribution(index), block.attribution, 'sentence');
        break;
      case 'factbox':
        read(unitKey.title(index), block.title, 'section');
        block.items.forEach((item, i) => {
          read(unitKey.item(index, i), inlineText(item), i === 0 ? 'paragraph' : 'sentence');
        });
        break;
      // Not read: captions and credits (image), embeds, "Read more" lines, teasers, pull quotes
      // (a repeat of the body), dividers.
      case 'image':
      case 'embed':
      case 'readMore':
      case 'teaser':
      case 'pullquote':
      case 'divider':
        break;
    }
  });

  const hash = createHash('sha256').update(
    JSON.stringify([speechFormat, sentences.map((s) => [s.pause, s.spoken])]),
  );
  return {
    sentences,
    marks,
    textHash: hash.digest('hex'),
    wordCount: sentences.reduce((sum, s) => sum + wordCount(s.spoken), 0),
  };
}

/** The words as spoken, one sentence per line (for tests, previews and transcripts). */
export function spokenText(script: SpeechScript): string {
  return script.sentences.map((s) => s.spoken).join('\n');
}
