/**
 * Splits display text into sentences. The same function decides what the speech engine reads as one
 * sentence and which words the article page wraps in `<span data-s="N">`, so the highlight follows the
 * voice exactly: it must stay pure and deterministic (no locale, no Intl segmenter whose data can differ
 * between machines).
 */

/** Words that end with a full stop without ending the sentence ("Mr. Smith", "No. 10", "Jan. 5"). */
const beforeNumbers = new Set([
  'no',
  'nos',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'vol',
  'op',
  'fig',
]);
const abbreviations = new Set([
  'mr',
  'mrs',
  'ms',
  'mx',
  'dr',
  'prof',
  'st',
  'sr',
  'jr',
  'gen',
  'col',
  'lt',
  'capt',
  'cpt',
  'sgt',
  'maj',
  'cmdr',
  'adm',
  'rev',
  'hon',
  'sen',
  'rep',
  'gov',
  'pres',
  'supt',
  'insp',
  'det',
  'cllr',
  'rt',
  'fr',
  'vs',
  'v',
  'inc',
  'ltd',
  'co',
  'corp',
  'approx',
  'est',
  'dept',
  'univ',
  'mt',
  'ft',
  'al',
]);

/**
 * End punctuation, optionally followed by closing quotes or brackets, then space and something that can
 * start a sentence (a capital, a digit, a currency sign or an opening quote).
 */
const boundary = /[.!?…]+["'”’)\]]*(?=\s+["'“‘([]?[A-Z0-9£$€])/g;

function isAbbreviation(text: string, punctuationAt: number): boolean {
  if (text[punctuationAt] !== '.') return false;
  let start = punctuationAt;
  while (start > 0 && !/\s/.test(text[start - 1] ?? '')) start--;
  const word = text.slice(start, punctuationAt).replace(/^["'“‘([]+/, '');
  if (word.length === 0) return false;
  // Initials and dotted abbreviations: "J. K. Rowling", "U.S.", "e.g."
  if (/^[A-Za-z]$/.test(word) || /^([A-Za-z]\.)+[A-Za-z]$/.test(word)) return true;
  const lower = word.toLowerCase();
  // "No. 10", "Jan. 5": these only abbreviate before a number ("He said no. Then…" ends a sentence).
  if (beforeNumbers.has(lower)) return /^\s+\d/.test(text.slice(punctuationAt + 1));
  return abbreviations.has(lower);
}

/** Character ranges [start, end) of the sentences in `text`, trimmed of surrounding white space. */
export function splitSentences(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  let start = 0;
  const push = (from: number, to: number) => {
    let a = from;
    let b = to;
    while (a < b && /\s/.test(text[a] ?? '')) a++;
    while (b > a && /\s/.test(text[b - 1] ?? '')) b--;
    if (b > a) ranges.push([a, b]);
  };
  boundary.lastIndex = 0;
  for (let match = boundary.exec(text); match; match = boundary.exec(text)) {
    if (isAbbreviation(text, match.index)) continue;
    const end = match.index + match[0].length;
    push(start, end);
    start = end;
  }
  push(start, text.length);
  return ranges;
}

/** The sentences themselves, for callers that do not need positions. */
export function sentencesOf(text: string): string[] {
  return splitSentences(text).map(([a, b]) => text.slice(a, b));
}
