import { cardinal, decadeWords, numberWords, ordinal, yearWords } from './numbers.ts';

/**
 * Turns one written sentence into what a newsreader would say: numbers, money, percentages, dates,
 * times, titles and initialisms become words; quotation marks and symbols that engines mispronounce are
 * dropped. British English conventions ("per cent", "one hundred and five", "the 22nd of June").
 * Pure and deterministic: the result feeds the content hash that decides when audio is re-made.
 */

const months = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const monthPattern =
  '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?';

function monthName(written: string): string {
  const key = written.replace('.', '').slice(0, 3).toLowerCase();
  return months.find((m) => m.slice(0, 3).toLowerCase() === key) ?? written;
}

/** Initialisms said as words; every other run of capitals is spelled out ("BBC" → "B B C"). */
const wordAcronyms = new Set([
  'NATO',
  'NASA',
  'UNESCO',
  'UNICEF',
  'OPEC',
  'FIFA',
  'UEFA',
  'COVID',
  'AIDS',
  'ASEAN',
  'OFCOM',
  'OFSTED',
  'OFGEM',
  'OFWAT',
  'ACAS',
  'BAFTA',
  'NICE',
  'COP',
  'SATS',
  'GCSE',
  'LIDAR',
  'RADAR',
  'LASER',
  'SCUBA',
  'ISA',
  'ISAS',
  'PIN',
  'CAP',
  'WASP',
  'NIMBY',
  'NEET',
  'SWAT',
  'UNAIDS',
  'ERASMUS',
  'FOMO',
  'YOLO',
]);
/** Said as letters although they contain vowels and could be mistaken for words. */
const spelledOut = new Set([
  'GCSE',
  'OECD',
  'IAEA',
  'EU',
  'UN',
  'US',
  'UK',
  'AI',
  'IT',
  'ID',
  'IOC',
  'IMF',
  'OBE',
  'MBE',
  'CBE',
]);

const titles: Record<string, string> = {
  Mr: 'Mister',
  Mrs: 'Missus',
  Ms: 'Mizz',
  Dr: 'Doctor',
  Prof: 'Professor',
  Gen: 'General',
  Lt: 'Lieutenant',
  Col: 'Colonel',
  Capt: 'Captain',
  Sgt: 'Sergeant',
  Maj: 'Major',
  Cmdr: 'Commander',
  Adm: 'Admiral',
  Rev: 'Reverend',
  Sen: 'Senator',
  Rep: 'Representative',
  Gov: 'Governor',
  Supt: 'Superintendent',
  Insp: 'Inspector',
  Det: 'Detective',
  Cllr: 'Councillor',
  Fr: 'Father',
  Rt: 'Right',
  Hon: 'Honourable',
};

const units: Record<string, [string, string]> = {
  km: ['kilometre', 'kilometres'],
  kg: ['kilogram', 'kilograms'],
  mph: ['mile per hour', 'miles per hour'],
  kph: ['kilometre per hour', 'kilometres per hour'],
  'km/h': ['kilometre per hour', 'kilometres per hour'],
  cm: ['centimetre', 'centimetres'],
  mm: ['millimetre', 'millimetres'],
  ml: ['millilitre', 'millilitres'],
  kw: ['kilowatt', 'kilowatts'],
  mw: ['megawatt', 'megawatts'],
  gw: ['gigawatt', 'gigawatts'],
  kwh: ['kilowatt hour', 'kilowatt hours'],
  ft: ['foot', 'feet'],
  lb: ['pound', 'pounds'],
  lbs: ['pound', 'pounds'],
  '°c': ['degree Celsius', 'degrees Celsius'],
  '°f': ['degree Fahrenheit', 'degrees Fahrenheit'],
  '°': ['degree', 'degrees'],
};
const scaleWords: Record<string, string> = {
  k: 'thousand',
  thousand: 'thousand',
  m: 'million',
  mn: 'million',
  million: 'million',
  bn: 'billion',
  billion: 'billion',
  tn: 'trillion',
  trillion: 'trillion',
};
const currencies: Record<string, [string, string, string, string]> = {
  // symbol: [one, many, minor one, minor many]
  '£': ['pound', 'pounds', 'penny', 'pence'],
  $: ['dollar', 'dollars', 'cent', 'cents'],
  '€': ['euro', 'euros', 'cent', 'cents'],
};
const romanNumerals: Record<string, number> = { II: 2, III: 3, IV: 4, V: 5, VI: 6, VII: 7, VIII: 8, IX: 9 };

const num = '\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?';

function isOne(text: string): boolean {
  return Number(text.replace(/,/g, '')) === 1;
}

function money(symbol: string, amount: string, scale: string | undefined): string {
  const names = currencies[symbol];
  if (!names) return amount;
  const scaleWord = scale ? scaleWords[scale.toLowerCase()] : undefined;
  if (scaleWord) return `${numberWords(amount)} ${scaleWord} ${names[1]}`;
  const [whole = '0', fraction] = amount.replace(/,/g, '').split('.');
  const wholeWords = `${cardinal(Number(whole))} ${isOne(whole) ? names[0] : names[1]}`;
  if (!fraction || /^0+$/.test(fraction)) return wholeWords;
  const minor = Number(fraction.padEnd(2, '0').slice(0, 2));
  if (Number(whole) === 0) return `${cardinal(minor)} ${minor === 1 ? names[2] : names[3]}`;
  // "£1.50" is said "one pound fifty"
  return `${wholeWords} ${cardinal(minor)}`;
}

function clock(hours: number, minutes: number, suffix?: string): string {
  const h = cardinal(hours);
  const onTheHour = hours > 12 ? 'hundred' : "o'clock";
  const m =
    minutes === 0 ? (suffix ? '' : onTheHour) : minutes < 10 ? `oh ${cardinal(minutes)}` : cardinal(minutes);
  const period = suffix ? (suffix.toLowerCase().startsWith('a') ? 'A M' : 'P M') : '';
  return [h, m, period].filter(Boolean).join(' ');
}

function spellAcronym(letters: string, plural: boolean): string {
  const spelled = letters.split('').join(' ');
  return plural ? `${spelled}'s` : spelled;
}

/** One written sentence → the words an engine should say. */
export function speakable(sentence: string): string {
  let s = ` ${sentence} `;

  // Typography: spaces, quotation marks, apostrophes, dashes, ellipses.
  s = s.replace(/[\u00a0\u2009\u202f]/g, ' ');
  s = s.replace(/(\w)[’‘'](\w)/g, "$1'$2");
  s = s.replace(/[“”"«»„]/g, ' ');
  s = s.replace(/[’‘]/g, ' ');
  s = s.replace(/(^|[\s([])'|'(?=[\s.,;:!?)\]]|$)/g, '$1 ');
  s = s.replace(/…|\.{3,}/g, '. ');
  s = s.replace(/\s+[–—]\s+|\s*—\s*|\s+-{1,2}\s+/g, ', ');

  // Links and e-mail addresses: say the site, not the scheme and path.
  s = s.replace(/\bhttps?:\/\/(?:www\.)?([a-z0-9.-]+)[^\s]*/gi, (_m, host: string) =>
    host.replace(/\./g, ' dot '),
  );
  s = s.replace(
    /\b([\w.+-]+)@([\w-]+(?:\.[\w-]+)+)\b/g,
    (_m, user: string, host: string) => `${user} at ${host.replace(/\./g, ' dot ')}`,
  );

  // Titles and common abbreviations.
  s = s.replace(
    /\b(Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Capt|Sgt|Maj|Cmdr|Adm|Rev|Sen|Rep|Gov|Supt|Insp|Det|Cllr|Fr|Rt|Hon)\.?(?=\s+[A-Z])/g,
    (t: string) => titles[t.replace('.', '')] ?? t,
  );
  s = s.replace(/\bSt\.?(?=\s+[A-Z])/g, 'Saint');
  s = s.replace(/(?<=\b[A-Z][a-z]+\s)St\b\.?/g, 'Street');
  s = s.replace(/\bNos?\.\s*(?=\d)/g, (m) => (m.startsWith('Nos') ? 'numbers ' : 'number '));
  s = s.replace(/\be\.g\.(?=\s|,|$)/gi, 'for example');
  s = s.replace(/\bi\.e\.(?=\s|,|$)/gi, 'that is');
  s = s.replace(/\betc\.?(?=[\s,;:!?]|$)/gi, 'et cetera');
  s = s.replace(/\s(?:vs\.?|v\.)\s/g, ' versus ');
  s = s.replace(/\bapprox\.?(?=\s)/gi, 'approximately');
  s = s.replace(/\bplc\b/g, 'P L C');
  s = s.replace(/\bLtd\b\.?/g, 'Limited');
  s = s.replace(
    /\b(World War|Charles|Elizabeth|George|Henry|Edward|William|Richard|James|John|Paul|Benedict|Leo|Pius|Louis|Napoleon|Mary|Victoria|Anne|Philip|Frederick|Felipe|Juan Carlos|Gustaf|Harald|Willem|Alexander|Nicholas|Peter|Catherine|Ivan) (II|III|IV|V|VI|VII|VIII|IX)\b/g,
    (_m, name: string, numeral: string) => {
      const n = romanNumerals[numeral] ?? 0;
      return name === 'World War' ? `${name} ${cardinal(n)}` : `${name} the ${ordinal(n)}`;
    },
  );

  // Money, with or without a scale: "£2.5bn", "$10", "€3m", "50p".
  s = s.replace(
    new RegExp(`([£$€])\\s?(${num})(?:\\s?(bn|billion|mn|million|m|k|thousand|tn|trillion)\\b)?`, 'gi'),
    (_m, symbol: string, amount: string, scale?: string) => money(symbol, amount, scale),
  );
  s = s.replace(
    /\b(\d+)p\b/g,
    (_m, pence: string) => `${cardinal(Number(pence))} ${isOne(pence) ? 'penny' : 'pence'}`,
  );

  // Percentages.
  s = s.replace(
    new RegExp(`(${num})\\s?(?:%|per ?cent\\b)`, 'gi'),
    (_m, n: string) => `${numberWords(n)} per cent`,
  );

  // Times: "9.30am", "9am", "06:21", "18:05".
  s = s.replace(
    /\b(\d{1,2})(?:[:.](\d{2}))?\s?(am|pm|a\.m\.|p\.m\.)(?=\W|$)/gi,
    (_m, h: string, m: string | undefined, p: string) => clock(Number(h), Number(m ?? 0), p),
  );
  s = s.replace(/\b([01]?\d|2[0-3]):([0-5]\d)\b/g, (_m, h: string, m: string) => clock(Number(h), Number(m)));

  // Dates: "22 June 2023", "22nd June", "June 22, 2023", "June 2023".
  s = s.replace(
    new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${monthPattern}(?:,?\\s+(\\d{4}))?\\b`, 'g'),
    (_m, d: string, mo: string, y?: string) =>
      `the ${ordinal(Number(d))} of ${monthName(mo)}${y ? ` ${yearWords(Number(y))}` : ''}`,
  );
  s = s.replace(
    new RegExp(`\\b${monthPattern}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\b`, 'g'),
    (_m, mo: string, d: string, y?: string) =>
      `${monthName(mo)} ${ordinal(Number(d))}${y ? `, ${yearWords(Number(y))}` : ''}`,
  );
  s = s.replace(
    new RegExp(`\\b${monthPattern}\\s+(\\d{4})\\b`, 'g'),
    (_m, mo: string, y: string) => `${monthName(mo)} ${yearWords(Number(y))}`,
  );

  // Ordinals, decades, seasons and ranges of years.
  s = s.replace(/\b(\d+)(st|nd|rd|th)\b/g, (_m, n: string) => ordinal(Number(n)));
  s = s.replace(/\b(1[1-9]|20)(\d0)s\b/g, (_m, c: string, d: string) => decadeWords(Number(c + d)));
  s = s.replace(
    /(^|\s)['’](\d0)s\b/g,
    (_m, pre: string, d: string) => `${pre}${decadeWords(1900 + Number(d)).replace(/^nineteen /, '')}`,
  );
  s = s.replace(
    /\b(1[1-9]\d\d|20\d\d)[-–/](\d\d)\b(?!\d)/g,
    (_m, y: string, short: string) =>
      `${yearWords(Number(y))} to ${yearWords(Number(y.slice(0, 2) + short))}`,
  );
  s = s.replace(
    new RegExp(`(${num})\\s?[–-]\\s?(${num})(?=\\s|$|[.,;:!?])`, 'g'),
    (_m, a: string, b: string) => `${a} to ${b}`,
  );

  // Years standing alone (four digits, no comma): "in 2023", "since 1997".
  s = s.replace(/(?<![\d,.£$€])\b(1[1-9]\d\d|20\d\d)\b(?![\d,.]\d|\s?%)/g, (_m, y: string) =>
    yearWords(Number(y)),
  );

  // Quantities: "5m", "2.5bn", "10km", "30°C".
  s = s.replace(
    new RegExp(`(${num})\\s?(bn|mn|m|k|tn)\\b`, 'g'),
    (_m, n: string, scale: string) => `${numberWords(n)} ${scaleWords[scale.toLowerCase()] ?? scale}`,
  );
  s = s.replace(
    new RegExp(`(${num})\\s?(km/h|kwh|kph|km|kg|mph|cm|mm|ml|kw|mw|gw|ft|lbs|lb|°c|°f|°)(?=\\W|$)`, 'gi'),
    (_m, n: string, unit: string) => {
      const names = units[unit.toLowerCase()];
      return names ? `${numberWords(n)} ${isOne(n) ? names[0] : names[1]}` : `${n} ${unit}`;
    },
  );

  // Fractions and every other number.
  s = s.replace(/½/g, ' and a half').replace(/¼/g, ' and a quarter').replace(/¾/g, ' and three quarters');
  s = s.replace(/(^|[^\w.])-(?=\d)/g, '$1minus ');
  // "M25", "G7", "COP28": letters and the number are said apart.
  s = s.replace(/([A-Za-z])(\d)/g, '$1 $2').replace(/(\d)([A-Za-z])/g, '$1 $2');
  s = s.replace(new RegExp(`(${num})`, 'g'), (_m, n: string) => numberWords(n));

  // Initialisms: "U.S." → "U S", "BBC" → "B B C", "MPs" → "M P's", "NATO" → "Nato".
  s = s.replace(/\b((?:[A-Z]\.){2,})/g, (m: string) => `${m.replace(/\./g, ' ')}`);
  s = s.replace(/\b([A-Z]{2,})(s?)\b/g, (_m, letters: string, plural: string) => {
    if (wordAcronyms.has(letters) && !spelledOut.has(letters)) {
      return `${letters[0]}${letters.slice(1).toLowerCase()}${plural}`;
    }
    if (letters.length > 5 && /[AEIOU]/.test(letters))
      return `${letters[0]}${letters.slice(1).toLowerCase()}${plural}`;
    return spellAcronym(letters, plural === 's');
  });

  // Symbols engines read badly or not at all.
  s = s.replace(/\s&\s/g, ' and ').replace(/&/g, ' and ');
  s = s.replace(/(\w)\/(\w)/g, '$1 or $2');
  s = s.replace(/\s\+\s?|\+(?=\d)/g, ' plus ');
  s = s.replace(/\s=\s/g, ' equals ');
  s = s.replace(/#(?=\w)/g, 'hashtag ');
  s = s.replace(/[*_~^|<>{}[\]\\#@]/g, ' ');
  s = s.replace(/[()]/g, ', ');

  // Tidy: no space before punctuation, no doubled commas, single spaces.
  s = s.replace(/\s+/g, ' ');
  s = s.replace(/\s+([.,;:!?])/g, '$1');
  s = s.replace(/([,;:])(?:\s*[,;:])+/g, '$1');
  s = s.replace(/^[\s,;:]+|[\s,;:]+$/g, '');
  return s.trim();
}

/** Words in a piece of text, for durations and reading times. */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}
