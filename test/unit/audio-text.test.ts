import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Block } from '../../src/modules/articles/index.ts';
import {
  assemble,
  cardinal,
  numberWords,
  ordinal,
  rms,
  sentencesOf,
  speakable,
  speechScript,
  splitSentences,
  spokenText,
  trimSilence,
  unitKey,
  yearWords,
} from '../../src/modules/audio/index.ts';

describe('numbers as words', () => {
  it('says cardinals the British way', () => {
    assert.equal(cardinal(0), 'zero');
    assert.equal(cardinal(7), 'seven');
    assert.equal(cardinal(21), 'twenty-one');
    assert.equal(cardinal(105), 'one hundred and five');
    assert.equal(cardinal(1200), 'one thousand two hundred');
    assert.equal(cardinal(2050), 'two thousand and fifty');
    assert.equal(cardinal(1_000_005), 'one million and five');
    assert.equal(cardinal(312_000_000), 'three hundred and twelve million');
    assert.equal(cardinal(-4), 'minus four');
  });

  it('says decimals, ordinals and years', () => {
    assert.equal(numberWords('3.25'), 'three point two five');
    assert.equal(numberWords('1,200,000'), 'one million two hundred thousand');
    assert.equal(ordinal(1), 'first');
    assert.equal(ordinal(22), 'twenty-second');
    assert.equal(ordinal(40), 'fortieth');
    assert.equal(ordinal(112), 'one hundred and twelfth');
    assert.equal(yearWords(1997), 'nineteen ninety-seven');
    assert.equal(yearWords(2005), 'two thousand and five');
    assert.equal(yearWords(2023), 'twenty twenty-three');
    assert.equal(yearWords(1900), 'nineteen hundred');
    assert.equal(yearWords(1906), 'nineteen oh six');
  });
});

describe('sentences', () => {
  it('splits at full stops, question and exclamation marks, keeping closing quotes', () => {
    assert.deepEqual(sentencesOf('It rained. Then it stopped! Did it? Yes.'), [
      'It rained.',
      'Then it stopped!',
      'Did it?',
      'Yes.',
    ]);
    assert.deepEqual(sentencesOf('He said: "I will not stand." Then he left.'), [
      'He said: "I will not stand."',
      'Then he left.',
    ]);
  });

  it('does not split after titles, initials, decimals or "No." before a number', () => {
    assert.deepEqual(sentencesOf('Mr. Smith met Dr. Jones at No. 10 on Downing St.'), [
      'Mr. Smith met Dr. Jones at No. 10 on Downing St.',
    ]);
    assert.deepEqual(sentencesOf('J. K. Rowling and the U.S. economy grew 2.5 per cent.'), [
      'J. K. Rowling and the U.S. economy grew 2.5 per cent.',
    ]);
    assert.deepEqual(sentencesOf('"Why?" he asked. "Because," she said.'), [
      '"Why?" he asked.',
      '"Because," she said.',
    ]);
    assert.deepEqual(sentencesOf('He said no. Then he left.'), ['He said no.', 'Then he left.']);
  });

  it('gives ranges into the text, trimmed, covering every word once', () => {
    const text = '  First one.  Second one?   Third ';
    const ranges = splitSentences(text);
    assert.deepEqual(
      ranges.map(([a, b]) => text.slice(a, b)),
      ['First one.', 'Second one?', 'Third'],
    );
    for (let i = 1; i < ranges.length; i++) assert.ok((ranges[i]?.[0] ?? 0) >= (ranges[i - 1]?.[1] ?? 0));
    assert.deepEqual(splitSentences('   '), []);
  });
});

describe('speakable text', () => {
  const cases: [string, string][] = [
    ['Mr Wallace, 54, said so.', 'Mister Wallace, fifty-four, said so.'],
    ['It cost £2.5bn and $10m.', 'It cost two point five billion pounds and ten million dollars.'],
    ['A coffee is £1.50, or 50p.', 'A coffee is one pound fifty, or fifty pence.'],
    ['Inflation rose 3.5% in May.', 'Inflation rose three point five per cent in May.'],
    ['On 22 June 2023 at 06:21.', 'On the twenty-second of June twenty twenty-three at six twenty-one.'],
    ['By June 5th, 2024.', 'By June fifth, twenty twenty-four.'],
    ['At 9.30pm and 7am.', 'At nine thirty P M and seven A M.'],
    ['Since 1997, in the 1990s.', 'Since nineteen ninety-seven, in the nineteen nineties.'],
    ['The 2019-20 season.', 'The twenty nineteen to twenty twenty season.'],
    ['MPs, the BBC and NATO met in the UK.', "M P's, the B B C and Nato met in the U K."],
    ['The U.S. and e.g. the EU.', 'The U S and for example the E U.'],
    ['King Charles III and World War II.', 'King Charles the third and World War two.'],
    ['COVID-19 reached the M25.', 'Covid-nineteen reached the M twenty-five.'],
    ['"Not for me," he said — firmly.', 'Not for me, he said, firmly.'],
    ["'We will appeal': the council's vote.", "We will appeal: the council's vote."],
    ['Roads & rail, 10km at 30°C.', 'Roads and rail, ten kilometres at thirty degrees Celsius.'],
    ['See https://www.example.co.uk/x?y=1 now.', 'See example dot co dot uk now.'],
    ['Between 10 and 15, or 10-15.', 'Between ten and fifteen, or ten to fifteen.'],
  ];
  for (const [written, said] of cases) {
    it(`says "${written}"`, () => assert.equal(speakable(written), said));
  }

  it('never leaves digits or symbols engines stumble on', () => {
    const said = speakable('On 3 Jan, 4,500 (12%) of the £3.2m went to #1 & co * 7.');
    assert.ok(!/\d/.test(said), said);
    assert.ok(!/[£$€%&*#()]/.test(said), said);
  });
});

const body: Block[] = [
  {
    type: 'paragraph',
    content: [{ text: 'First paragraph. It has ' }, { text: 'two', bold: true }, { text: ' sentences.' }],
  },
  { type: 'image', mediaId: 1, caption: 'A caption, never read.', credit: 'A credit' },
  { type: 'readMore', articleId: 2 },
  { type: 'teaser', articleId: 3, kicker: 'Watch' },
  {
    type: 'embed',
    provider: 'youtube',
    url: 'https://www.youtube.com/watch?v=x',
    title: 'An embed',
    caption: 'Embed caption',
  },
  { type: 'pullquote', text: 'A pull quote repeats the body.' },
  { type: 'heading', level: 2, text: 'What happens next' },
  { type: 'list', ordered: false, items: [[{ text: 'One item' }], [{ text: 'Another item.' }]] },
  { type: 'quote', content: [{ text: 'A quoted line.' }], attribution: 'Someone, somewhere' },
  { type: 'factbox', title: 'Key facts', items: [[{ text: 'A fact.' }]] },
  { type: 'divider' },
];

describe('the speech script', () => {
  const script = speechScript({ headline: 'A headline', standfirst: 'The standfirst.', body });

  it('reads headline, standfirst and body text in order, skipping what is not prose', () => {
    assert.deepEqual(
      script.sentences.map((s) => s.text),
      [
        'A headline',
        'The standfirst.',
        'First paragraph.',
        'It has two sentences.',
        'What happens next',
        'One item',
        'Another item.',
        'A quoted line.',
        'Someone, somewhere',
        'Key facts',
        'A fact.',
      ],
    );
    const text = spokenText(script);
    for (const skipped of ['caption', 'credit', 'embed', 'Embed', 'pull quote', 'Watch', 'Read more']) {
      assert.ok(!text.includes(skipped), skipped);
    }
  });

  it('paces it: longer pauses after the headline, between paragraphs and before headings', () => {
    assert.deepEqual(
      script.sentences.map((s) => s.pause),
      [
        'start',
        'title',
        'title',
        'sentence',
        'section',
        'paragraph',
        'sentence',
        'paragraph',
        'sentence',
        'section',
        'paragraph',
      ],
    );
  });

  it('marks where each sentence is, for the page', () => {
    assert.deepEqual(script.marks.get(unitKey.headline), { start: 0, ranges: [[0, 10]] });
    assert.deepEqual(script.marks.get(unitKey.block(0)), {
      start: 2,
      ranges: [
        [0, 16],
        [17, 38],
      ],
    });
    assert.equal(script.marks.get(unitKey.block(6))?.start, 4);
    assert.equal(script.marks.get(unitKey.item(7, 1))?.start, 6);
    assert.equal(script.marks.get(unitKey.attribution(8))?.start, 8);
    assert.equal(script.marks.get(unitKey.title(9))?.start, 9);
    assert.equal(script.marks.get(unitKey.block(1)), undefined, 'nothing of the picture is marked');
  });

  it('hashes what is said: the same words give the same hash, other words another', () => {
    const again = speechScript({ headline: 'A headline', standfirst: 'The standfirst.', body });
    assert.equal(again.textHash, script.textHash);
    const captionOnly = speechScript({
      headline: 'A headline',
      standfirst: 'The standfirst.',
      body: body.map((b) => (b.type === 'image' ? { ...b, caption: 'A different caption' } : b)),
    });
    assert.equal(captionOnly.textHash, script.textHash, 'captions are not read, so they do not count');
    const changed = speechScript({ headline: 'A new headline', standfirst: 'The standfirst.', body });
    assert.notEqual(changed.textHash, script.textHash);
  });
});

describe('assembling the recording', () => {
  const tone = (ms: number, rate: number) => {
    const clip = new Int16Array(Math.round((ms / 1000) * rate) + 1600);
    // 50 ms of silence either side, as engines leave it.
    for (let i = 800; i < clip.length - 800; i++) clip[i] = Math.round(8000 * Math.sin(i / 5));
    return clip;
  };

  it('trims each clip, inserts even pauses and records increasing start times', () => {
    const rate = 16000;
    const recording = assemble(
      [tone(1000, rate), tone(500, rate), tone(800, rate)],
      ['start', 'sentence', 'paragraph'],
      rate,
    );
    const [a = 0, b = 0, c = 0] = recording.sentenceStarts;
    assert.equal(a, 250);
    // Each clip keeps 40 ms either side of its sound; then comes the pause.
    assert.ok(
      Math.abs(b - a - (1000 + 80 + 320)) <= 2,
      `second starts after the first and a sentence pause: ${b}`,
    );
    assert.ok(Math.abs(c - b - (500 + 80 + 650)) <= 2, `a paragraph pause is longer: ${c - b}`);
    assert.equal(recording.durationMs, Math.round((recording.pcm.length / rate) * 1000));
    assert.ok(rms(recording.pcm) > 0.05);
  });

  it('keeps a silent sentence in the timings without sound', () => {
    const rate = 8000;
    const recording = assemble(
      [tone(300, rate), new Int16Array(0), tone(300, rate)],
      ['start', 'sentence', 'sentence'],
      rate,
    );
    assert.equal(recording.sentenceStarts.length, 3);
    assert.ok((recording.sentenceStarts[2] ?? 0) > (recording.sentenceStarts[1] ?? 0));
    assert.equal(trimSilence(new Int16Array(100), rate).length, 0);
    assert.equal(rms(new Int16Array(10)), 0);
  });
});
