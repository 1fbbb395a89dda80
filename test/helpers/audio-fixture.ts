// A short article for the audio tests: synthesising one of these takes a second or two, where a demo
// article would take ten. It has every block the speech script must skip.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { MPEGDecoder } from 'mpg123-decoder';
import type { App } from '../../src/app/wire.ts';
import { demoArticles } from '../../src/demo/content/index.ts';
import type { Block } from '../../src/modules/articles/index.ts';
import { writeWav } from '../../src/platform/tts/wav.ts';

export const shortHeadline = "'We will appeal': Council votes to close the old library";
export const shortStandfirst = 'Campaigners say the decision ignores the people who use it most.';
export const neverSpoken = [
  'CAPTION NEVER READ',
  'CREDIT NEVER READ',
  'EMBED NEVER READ',
  'PULL QUOTE NEVER READ',
];

export interface ShortArticle {
  id: number;
  path: string;
  /** Headlines of the articles the "Read more" line and the teaser point at (never read aloud). */
  linkedHeadlines: string[];
}

/** Rewrites one demo article (not the lead) into the short test article, straight in the database. */
export async function useShortArticle(app: App, demoIndex = 3): Promise<ShortArticle> {
  const demo = demoArticles.filter((a) => a.homePosition !== 0)[demoIndex];
  const others = demoArticles.filter((a) => a.slug !== demo?.slug).slice(0, 2);
  if (!demo || others.length < 2) throw new Error('not enough demo articles');
  const page = await app.articles.articlePage(
    { requestId: 'fixture', now: new Date() },
    demo.section,
    demo.slug,
  );
  const linked = await Promise.all(
    others.map((o) => app.articles.articlePage({ requestId: 'fixture', now: new Date() }, o.section, o.slug)),
  );
  const [readMore, teaser] = linked.map((l) => l.article);
  if (!readMore || !teaser || !page.article.image) throw new Error('fixture needs pictures and links');
  const body: Block[] = [
    {
      type: 'paragraph',
      content: [
        {
          text: 'The council voted on Tuesday to close the old library, after a debate that lasted more than four hours. ',
        },
        { text: 'Campaigners', bold: true },
        { text: ' said they would appeal.' },
      ],
    },
    {
      type: 'image',
      mediaId: page.article.image.id,
      caption: 'CAPTION NEVER READ.',
      credit: 'CREDIT NEVER READ',
    },
    { type: 'readMore', articleId: readMore.id },
    {
      type: 'quote',
      content: [{ text: 'We will keep fighting for it.' }],
      attribution: 'Jane Doe, campaign leader',
    },
    { type: 'pullquote', text: 'PULL QUOTE NEVER READ' },
    {
      type: 'paragraph',
      content: [
        { text: 'The building opened in 1997 and cost £2.5m. About 1,200 people used it each week.' },
      ],
    },
    { type: 'teaser', articleId: teaser.id, kicker: 'Watch' },
    {
      type: 'embed',
      provider: 'youtube',
      url: 'https://www.youtube.com/watch?v=abc123',
      title: 'EMBED NEVER READ',
      caption: 'EMBED NEVER READ',
    },
    { type: 'paragraph', content: [{ text: 'A final decision is expected in June.' }] },
  ];
  await app.database.db.execute(sql`
    update articles set headline = ${shortHeadline}, standfirst = ${shortStandfirst},
      body = ${JSON.stringify(body)}::jsonb, modified_at = now()
    where id = ${page.article.id}`);
  app.articles.contentChanged();
  return {
    id: page.article.id,
    path: page.article.url,
    linkedHeadlines: [readMore.headline, teaser.headline],
  };
}

/** The event the newsroom would send after publishing or updating. */
export function articleEvent(type: 'published' | 'updated' | 'unpublished', articleId: number, at: Date) {
  return { type, articleId, sectionSlugs: [], authorSlugs: [], tagSlugs: [], at };
}

/** A tone of `samples` samples at `rate`, loud enough to count as speech (RMS about 0.17). */
export function tone(samples: number, rate: number, frequency = 220): Int16Array {
  return Int16Array.from({ length: samples }, (_, i) =>
    Math.round(8000 * Math.sin((2 * Math.PI * frequency * i) / rate)),
  );
}

/** How many samples the fake engines below speak for a text: 60 ms a character. */
export const fakeSpeechSamples = (text: string, rate: number) => Math.round(rate * 0.06 * text.length);

export interface FakePiper {
  command: string;
  model: string;
  config: string;
  /** Each run's arguments and the JSON lines it read, in order. */
  runs(): { argv: string[]; lines: { text: string; output_file: string; speaker_id?: number }[] }[];
}

/**
 * A stand-in for the piper program (which cannot be installed here): a Node script that speaks the
 * process protocol the adapter uses (--model, --config, --json-input; one JSON line per sentence on
 * stdin; one WAV per line at its output_file, the path echoed on stdout), writing a tone as long as the
 * text with 0.1 s of silence either side, as real engines pad. It records its arguments and input.
 * The voice config decides its behaviour: `fake.dieAtStart` exits at once (a broken model); a text
 * containing CRASH makes it fail mid-way.
 */
export function writeFakePiper(
  folder: string,
  voice: { sampleRate: number; speakers?: Record<string, number>; dieAtStart?: boolean },
): FakePiper {
  mkdirSync(folder, { recursive: true });
  const log = path.join(folder, 'runs.jsonl');
  const command = path.join(folder, 'piper');
  const model = path.join(folder, 'en_GB-test-medium.onnx');
  const config = `${model}.json`;
  writeFileSync(model, 'not really a neural network');
  writeFileSync(
    config,
    JSON.stringify({
      dataset: 'test',
      audio: { sample_rate: voice.sampleRate, quality: 'medium' },
      language: { code: 'en_GB' },
      espeak: { voice: 'en-gb' },
      num_speakers: Object.keys(voice.speakers ?? {}).length || 1,
      speaker_id_map: voice.speakers ?? {},
      fake: { dieAtStart: voice.dieAtStart === true },
    }),
  );
  const script = `#!${process.execPath}
const fs = require('node:fs');
const argv = process.argv.slice(2);
const option = (name) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : undefined; };
const run = { argv, lines: [] };
const save = () => fs.appendFileSync(${JSON.stringify(log)}, JSON.stringify(run) + '\\n');
const model = option('--model');
if (!model || !fs.existsSync(model)) { save(); process.stderr.write("[error] Model file doesn't exist\\n"); process.exit(1); }
const config = JSON.parse(fs.readFileSync(option('--config') || model + '.json', 'utf8'));
if (config.fake.dieAtStart) { save(); process.stderr.write('[piper] [error] Failed to load voice: protobuf parsing failed\\n'); process.exit(1); }
if (!argv.includes('--json-input')) { save(); process.stderr.write('expected --json-input\\n'); process.exit(2); }
const rate = config.audio.sample_rate;
let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => {
  for (const line of input.split('\\n').filter(Boolean)) {
    const request = JSON.parse(line);
    run.lines.push(request);
    if (request.text.includes('CRASH')) { save(); process.stderr.write('[piper] [error] the voice cannot say that\\n'); process.exit(3); }
    const pad = Math.round(rate * 0.1);
    const spoken = Math.round(rate * 0.06 * request.text.length);
    const frames = pad * 2 + spoken;
    const wav = Buffer.alloc(44 + frames * 2);
    wav.write('RIFF', 0, 'ascii'); wav.writeUInt32LE(36 + frames * 2, 4); wav.write('WAVEfmt ', 8, 'ascii');
    wav.writeUInt32LE(16, 16); wav.writeUInt16LE(1, 20); wav.writeUInt16LE(1, 22); wav.writeUInt32LE(rate, 24);
    wav.writeUInt32LE(rate * 2, 28); wav.writeUInt16LE(2, 32); wav.writeUInt16LE(16, 34);
    wav.write('data', 36, 'ascii'); wav.writeUInt32LE(frames * 2, 40);
    for (let i = 0; i < spoken; i++) wav.writeInt16LE(Math.round(8000 * Math.sin(2 * Math.PI * 220 * i / rate)), 44 + (pad + i) * 2);
    fs.writeFileSync(request.output_file, wav);
    process.stdout.write(request.output_file + '\\n');
  }
  save();
});
`;
  writeFileSync(command, script, { mode: 0o755 });
  return {
    command,
    model,
    config,
    runs: () => {
      try {
        return readFileSync(log, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line));
      } catch {
        return [];
      }
    },
  };
}

export interface FakeRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface FakeAnswer {
  status: number;
  headers?: Record<string, string>;
  body: string | Buffer;
}

export interface FakeServer {
  url: string;
  requests: FakeRequest[];
  /** Replaces how the server answers (the default is set at start). */
  answer: (request: FakeRequest) => FakeAnswer;
  close(): Promise<void>;
}

/** A local HTTP server on 127.0.0.1 standing in for a cloud speech service. */
export async function fakeSpeechServer(answer: (request: FakeRequest) => FakeAnswer): Promise<FakeServer> {
  const requests: FakeRequest[] = [];
  const fake: FakeServer = { url: '', requests, answer, close: async () => {} };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(request);
      const reply = fake.answer(request);
      res.writeHead(reply.status, reply.headers ?? {});
      res.end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  fake.url = `http://127.0.0.1:${port}`;
  fake.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}

/** 16-bit little-endian bytes of samples, as Polly's "pcm" format sends them. */
export function pcmBytes(samples: Int16Array): Buffer {
  const out = Buffer.alloc(samples.length * 2);
  samples.forEach((s, i) => {
    out.writeInt16LE(s, i * 2);
  });
  return out;
}

/** What Amazon Polly answers for a SynthesizeSpeech request: PCM as long as the text. */
export function pollyAnswer(request: FakeRequest): FakeAnswer {
  const { Text } = JSON.parse(request.body) as { Text: string };
  return {
    status: 200,
    headers: { 'content-type': 'audio/pcm' },
    body: pcmBytes(tone(fakeSpeechSamples(Text, 16000), 16000)),
  };
}

/** What Google answers for text:synthesize with LINEAR16: a whole WAV file, base64 in JSON. */
export function googleAnswer(request: FakeRequest): FakeAnswer {
  const { input } = JSON.parse(request.body) as { input: { text: string } };
  const wav = writeWav({ sampleRate: 16000, samples: tone(fakeSpeechSamples(input.text, 16000), 16000) });
  return {
    status: 200,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify({ audioContent: wav.toString('base64') }),
  };
}

/** Decodes an MP3 to its first channel's samples, counting frames the decoder could not read. */
export async function decodeMp3(
  data: Uint8Array,
): Promise<{ samples: Float32Array; sampleRate: number; errors: number }> {
  const decoder = new MPEGDecoder();
  await decoder.ready;
  try {
    const result = decoder.decode(data);
    return {
      samples: result.channelData[0] ?? new Float32Array(0),
      sampleRate: result.sampleRate,
      errors: result.errors.length,
    };
  } finally {
    decoder.free();
  }
}

/** Root mean square of samples[from, to): how loud, so silence is caught. */
export function rmsOf(samples: Float32Array, from = 0, to = samples.length): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += (samples[i] ?? 0) ** 2;
  return Math.sqrt(sum / Math.max(1, to - from));
}
