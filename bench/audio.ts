// `npm run bench -- --audio`: text-to-speech speed on this machine.
// 1. Synthesis speed: a ~700-word article spoken by the configured engine (TTS_ENGINE, default flite) and
//    encoded to MP3, as seconds of audio per CPU second (process CPU, worker threads included).
// 2. Publish → audio ready: a 700-word article published through the newsroom workflow on an embedded
//    database with the job worker running as in production (1 s poll, 2 s publish debounce), timed until
//    its recording is ready. Uses data/bench-audio (seeded with the demo newsroom on first run).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { wire } from '../src/app/wire.ts';
import { loadConfig } from '../src/config/config.ts';
import { demoArticles } from '../src/demo/content/index.ts';
import { seedDemo } from '../src/demo/seed.ts';
import { type Block, inlineText } from '../src/modules/articles/index.ts';
import { assemble, speechScript, wordCount } from '../src/modules/audio/index.ts';
import { systemActor } from '../src/modules/users/index.ts';
import { createSpeech, ttsSettings } from '../src/platform/tts/index.ts';

/** Paragraphs, headings and quotes from the demo articles, in order, until there are `words` words. */
function articleOf(words: number): { headline: string; standfirst: string; body: Block[] } {
  const body: Block[] = [];
  let count = 0;
  for (const demo of demoArticles) {
    for (const block of demo.body) {
      if (block.type !== 'paragraph' && block.type !== 'heading' && block.type !== 'quote') continue;
      body.push(block);
      count += wordCount(block.type === 'heading' ? block.text : inlineText(block.content));
      if (count >= words) {
        return {
          headline: 'A long read for the audio benchmark',
          standfirst: 'Seven hundred words, read aloud.',
          body,
        };
      }
    }
  }
  throw new Error('not enough demo text');
}

const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
};

export async function audioBench(): Promise<void> {
  const settings = ttsSettings(process.env);
  const article = articleOf(700);
  const script = speechScript(article);
  const written = article.body.reduce(
    (n, b) =>
      n +
      wordCount(
        b.type === 'heading'
          ? b.text
          : b.type === 'paragraph' || b.type === 'quote'
            ? inlineText(b.content)
            : '',
      ),
    0,
  );
  console.log(
    `Text-to-speech: engine ${settings.engine}, MP3 ${settings.mp3Kbps} kbps; article of ${written} words ` +
      `(${script.sentences.length} sentences, ${script.wordCount} words as spoken)\n`,
  );

  // 1. Synthesis speed, in this process (the engine runs in a worker thread, counted in process CPU).
  const speech = createSpeech(settings);
  try {
    const voice = speech.engine.defaultVoice;
    await speech.engine.synthesize(['Warming up.'], voice);
    const rows = [];
    for (let run = 1; run <= 2; run++) {
      const wall0 = performance.now();
      const cpu0 = process.cpuUsage();
      const clips = await speech.engine.synthesize(
        script.sentences.map((s) => s.spoken),
        voice,
      );
      const synthWall = (performance.now() - wall0) / 1000;
      const synthCpu = cpuSeconds(cpu0);
      const recording = assemble(
        clips.clips,
        script.sentences.map((s) => s.pause),
        clips.sampleRate,
      );
      const wall1 = performance.now();
      const cpu1 = process.cpuUsage();
      const mp3 = await speech.encoder.encode(recording.pcm, recording.sampleRate);
      const encodeWall = (performance.now() - wall1) / 1000;
      const encodeCpu = cpuSeconds(cpu1);
      const audio = recording.durationMs / 1000;
      rows.push({
        run,
        'audio s': Number(audio.toFixed(1)),
        'speech wall s': Number(synthWall.toFixed(2)),
        'speech audio s/CPU s': Number((audio / synthCpu).toFixed(1)),
        'MP3 wall s': Number(encodeWall.toFixed(2)),
        'MP3 audio s/CPU s': Number((audio / encodeCpu).toFixed(1)),
        'total audio s/CPU s': Number((audio / (synthCpu + encodeCpu)).toFixed(1)),
        'MP3 KB': Math.round(mp3.length / 1024),
      });
    }
    console.log('Synthesis speed (seconds of audio per CPU second; higher is faster):');
    console.table(rows);
  } finally {
    await speech.close();
  }

  // 2. Publish → audio ready, through the real workflow and job queue.
  const dataDir = path.resolve('data', 'bench-audio');
  mkdirSync(dataDir, { recursive: true });
  const config = loadConfig({ ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
  const app = await wire(config, { tts: { ...settings, backfill: false } });
  try {
    if ((await app.articles.sections()).length === 0) {
      console.log('\nFirst run: seeding data/bench-audio with the demo newsroom…');
      await seedDemo(app);
    }
    const [section] = await app.articles.sections();
    const author = await app.authors.getBySlug(demoArticles[0]?.authors[0] ?? '');
    if (!section) throw new Error('no sections');
    app.jobs.start();
    const draft = await app.editorial.create(systemActor);
    const saved = await app.editorial.save(systemActor, draft.id, {
      version: draft.version,
      headline: article.headline,
      standfirst: article.standfirst,
      label: 'none',
      sectionId: section.id,
      tags: [],
      authorIds: [author.id],
      leadMediaId: null,
      slug: `audio-bench-${Date.now().toString(36)}`,
      seoTitle: '',
      seoDescription: '',
      socialTitle: '',
      socialDescription: '',
      body: article.body,
      embargoUntil: null,
    });
    const started = performance.now();
    const published = await app.editorial.publish(systemActor, draft.id, saved.version);
    const publishMs = performance.now() - started;
    let status = (await app.audio.statuses([draft.id]))[0];
    while (status?.state !== 'ready' && performance.now() - started < 300_000) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      status = (await app.audio.statuses([draft.id]))[0];
      if (status?.state === 'failed') throw new Error(`synthesis failed: ${status.lastError}`);
    }
    const readyMs = performance.now() - started;
    const track = status?.track;
    console.log('\nPublish → audio ready (embedded PGlite, job worker polling every second):');
    console.table([
      {
        'publish call ms': Math.round(publishMs),
        'publish → ready s': Number((readyMs / 1000).toFixed(2)),
        'of which debounce s': 2,
        'synthesis + encoding + storing s': track ? Number((track.synthesisMs / 1000).toFixed(2)) : null,
        'audio s': track ? Number((track.durationMs / 1000).toFixed(1)) : null,
      },
    ]);
    await app.editorial.unpublish(systemActor, draft.id, published.version);
  } finally {
    await app.close();
  }
}
