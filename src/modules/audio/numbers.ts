/** Numbers as British English words: "one hundred and twenty-five", "twenty-second", "twenty twenty-three". */

const ones = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const tens = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const scales: [number, string][] = [
  [1e12, 'trillion'],
  [1e9, 'billion'],
  [1e6, 'million'],
  [1e3, 'thousand'],
];

function belowHundred(n: number): string {
  if (n < 20) return ones[n] ?? '';
  const unit = n % 10;
  return `${tens[Math.floor(n / 10)]}${unit ? `-${ones[unit]}` : ''}`;
}

function belowThousand(n: number): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (!hundreds) return belowHundred(rest);
  return `${ones[hundreds]} hundred${rest ? ` and ${belowHundred(rest)}` : ''}`;
}

/** A whole number in words; numbers beyond the trillions are read digit by digit. */
export function cardinal(n: number): string {
  if (!Number.isSafeInteger(n)) return String(n).split('').map(digitWord).join(' ');
  if (n < 0) return `minus ${cardinal(-n)}`;
  if (n === 0) return 'zero';
  if (n >= 1e15) return String(n).split('').map(digitWord).join(' ');
  const parts: string[] = [];
  let rest = n;
  for (const [value, name] of scales) {
    if (rest >= value) {
      parts.push(`${belowThousand(Math.floor(rest / value))} ${name}`);
      rest %= value;
    }
  }
  if (rest) parts.push(parts.length && rest < 100 ? `and ${belowHundred(rest)}` : belowThousand(rest));
  // "one thousand and five", "one thousand two hundred" (no commas: they would become pauses)
  return parts.join(' ');
}

function digitWord(d: string): string {
  return ones[Number(d)] ?? d;
}

/** "3.25" → "three point two five"; "1,200" → "one thousand two hundred". */
export function numberWords(text: string): string {
  const clean = text.replace(/,/g, '');
  const [whole = '0', fraction] = clean.split('.');
  const head = whole.length > 15 ? whole.split('').map(digitWord).join(' ') : cardinal(Number(whole));
  if (fraction === undefined || fraction === '') return head;
  return `${head} point ${fraction.split('').map(digitWord).join(' ')}`;
}

const irregularOrdinals: Record<string, string> = {
  one: 'first',
  two: 'second',
  three: 'third',
  five: 'fifth',
  eight: 'eighth',
  nine: 'ninth',
  twelve: 'twelfth',
};

/** 22 → "twenty-second". */
export function ordinal(n: number): string {
  const words = cardinal(n);
  return words.replace(/([a-z]+)$/, (last) => {
    const irregular = irregularOrdinals[last];
    if (irregular) return irregular;
    if (last.endsWith('y')) return `${last.slice(0, -1)}ieth`;
    return `${last}th`;
  });
}

/** Years as people say them: 1997 → "nineteen ninety-seven", 2005 → "two thousand and five", 2023 → "twenty twenty-three". */
export function yearWords(year: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) return cardinal(year);
  const high = Math.floor(year / 100);
  const low = year % 100;
  if (year >= 2000 && year < 2010) return cardinal(year);
  if (low === 0) return `${belowHundred(high)} hundred`;
  if (low < 10) return `${belowHundred(high)} oh ${ones[low]}`;
  return `${belowHundred(high)} ${belowHundred(low)}`;
}

/** 1990 → "nineteen nineties" (for "the 1990s"). */
export function decadeWords(decade: number): string {
  const words = yearWords(decade);
  if (decade % 100 === 0) return `${words}s`;
  return words.replace(/([a-z]+)$/, (last) => (last.endsWith('y') ? `${last.slice(0, -1)}ies` : `${last}s`));
}
