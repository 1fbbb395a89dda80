// The optional engines chosen by configuration (TTS_ENGINE), through the whole app: Amazon Polly and
// Google Cloud Text-to-Speech against local stand-ins for their APIs, Piper against a stand-in program.
// Each makes the same kind of recording as the built-in engine: a valid MP3 with sentence timings.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import {
  AudioRepository,
  AudioService,
  type AudioTrack,
  audioJobKey,
} from '../../src/modules/audio/index.ts';
import { DiskStorage } from '../../src/platform/storage/disk-storage.ts';
import { createSpeech, type Speech, ttsSettings } from '../../src/platform/tts/index.ts';
import { signedIn } from '../helpers/admin-client.ts';
import { databaseKinds, startTestApp, type TestApp } from '../helpers/app.ts';
import {
  articleEvent,
  decodeMp3,
  type FakeServer,
  fakeSpeechServer,
  googleAnswer,
  pollyAnswer,
  rmsOf,
  type ShortArticle,
  useShortArticle,
  writeFakePiper,
} from '../helpers/audio-fixture.ts';

const pollyEnv = {
  TTS_ENGINE: 'polly',
  TTS_POLLY_REGION: 'eu-west-2',
  AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
};

/** Sets environment variables while `run` wires the app (wire reads TTS_* from the environment). */
async function withEnv<T>(env: Record<string, string>, run: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    return await run();
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

for (const kind of databaseKinds) {
  describe(`article audio from the configured engines on ${kind}`, () => {
    let t: TestApp;
    let polly: FakeServer;
    let google: FakeServer;
    let article: ShortArticle;
    let now = new Date();
    const scratch = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-engines-'));
    const get = (address: string) => t.server.inject({ method: 'GET', url: address });
    const fileOf = (track: AudioTrack) => path.join(t.app.config.mediaDir, track.storageKey);
    const track = async () => (await t.app.audio.statuses([article.id]))[0];

    /** The recording is a valid MP3 whose length, timings and loudness fit the article's sentences. */
    async function checkRecording(recording: AudioTrack, sampleRate: number): Promise<void> {
      const page = await t.app.articles.publishedById(article.id);
      assert.ok(page);
      const sentences = t.app.audio.scriptOf(page).sentences.length;
      assert.equal(recording.sentenceStarts.length, sentences);
      const res = await get(`/audio/${article.id}/${recording.version}.mp3`);
      assert.equal(res.statusCode, 200);
      const decoded = await decodeMp3(new Uint8Array(res.rawPayload));
      assert.equal(decoded.errors, 0);
      assert.equal(decoded.sampleRate, sampleRate);
      const seconds = decoded.samples.length / decoded.sampleRate;
      assert.ok(Math.abs(seconds - recording.durationMs / 1000) < 0.3, `${seconds} s decoded`);
      recording.sentenceStarts.forEach((start, i) => {
        if (i > 0) assert.ok(start > (recording.sentenceStarts[i - 1] ?? 0), `sentence ${i} starts later`);
        const from = Math.round((start / 1000) * decoded.sampleRate);
        assert.ok(
          rmsOf(decoded.samples, from, from + decoded.sampleRate / 4) > 0.05,
          `sentence ${i} is audible`,
        );
      });
    }

    before(async () => {
      polly = await fakeSpeechServer(pollyAnswer);
      google = await fakeSpeechServer(googleAnswer);
      t = await withEnv({ ...pollyEnv, TTS_POLLY_ENDPOINT: polly.url }, () =>
        startTestApp(kind, { clock: () => now }),
      );
      article = await useShortArticle(t.app);
    });
    after(async () => {
      await t?.close();
      await polly?.close();
      await google?.close();
      rmSync(scratch, { recursive: true, force: true });
    });

    it('records with Amazon Polly when TTS_ENGINE=polly: signed requests, a valid MP3, sentence timings', async () => {
      assert.equal(t.app.audio.engineId, 'polly-neural');
      await t.app.articleEvents.emit(articleEvent('published', article.id, now));
      now = new Date(now.getTime() + 3000);
      assert.equal(await t.app.jobs.runDue(), 1);
      const status = await track();
      assert.equal(status?.state, 'ready');
      assert.ok(status?.track);
      assert.equal(status.track.engine, 'polly-neural');
      assert.equal(status.track.voice, 'Amy');
      assert.equal(polly.requests.length, status.track.sentenceStarts.length, 'one request a sentence');
      for (const request of polly.requests) {
        assert.match(
          String(request.headers.authorization),
          /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-2\/polly\/aws4_request, SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{64}$/,
        );
        assert.equal(JSON.parse(request.body).VoiceId, 'Amy');
      }
      await checkRecording(status.track, 16000);
      assert.match((await get(article.path)).body, /class="listen"/);

      const editor = await signedIn(t.app, t.server, 'administrator');
      const api = (await editor.client.api('GET', '/admin/api/audio')).json<{
        engine: string;
        voices: { id: string }[];
      }>();
      assert.equal(api.engine, 'polly-neural');
      assert.ok(
        api.voices.some((v) => v.id === 'Arthur'),
        'the newsroom chooses among Polly’s voices',
      );
      const page = await editor.client.request('GET', '/admin/audio');
      assert.match(page.body, /read aloud by the Amazon Polly \(neural\) speech engine/);
    });

    it('fails the job with Polly’s own message when it refuses or throttles, retries with backoff, never breaks the site', async () => {
      const before = (await track())?.track;
      assert.ok(before);
      polly.answer = () => ({
        status: 403,
        headers: { 'x-amzn-errortype': 'AccessDeniedException:http://internal.amazon.com/' },
        body: JSON.stringify({ message: 'User is not authorized to perform: polly:SynthesizeSpeech' }),
      });
      await t.app.database.db.execute(
        sql`update articles set standfirst = 'The library will close in the spring.', modified_at = now() where id = ${article.id}`,
      );
      t.app.articles.contentChanged();
      await t.app.articleEvents.emit(articleEvent('updated', article.id, now));
      now = new Date(now.getTime() + 6000);
      assert.equal(await t.app.jobs.runDue(), 1);
      let status = await track();
      assert.equal(status?.state, 'pending', 'waiting to retry');
      assert.equal(status?.attempts, 1);
      assert.equal(
        status?.lastError,
        'Amazon Polly refused the request (403 AccessDeniedException): User is not authorized to perform: polly:SynthesizeSpeech',
      );
      assert.ok(status?.nextRunAt && status.nextRunAt.getTime() >= now.getTime() + 9000, 'after a backoff');
      assert.equal(status?.track?.version, before.version, 'the previous recording is kept');
      assert.ok(existsSync(fileOf(before)), 'and its file');
      const page = await get(article.path);
      assert.equal(page.statusCode, 200);
      assert.ok(!page.body.includes('class="listen"'), 'old audio is not offered for new words');

      polly.answer = () => ({
        status: 400,
        headers: { 'x-amzn-errortype': 'ThrottlingException:http://internal.amazon.com/' },
        body: JSON.stringify({ message: 'Rate exceeded' }),
      });
      now = new Date(now.getTime() + 10_000);
      assert.equal(await t.app.jobs.runDue(), 1);
      status = await track();
      assert.equal(status?.state, 'pending');
      assert.equal(status?.attempts, 2);
      assert.equal(
        status?.lastError,
        'Amazon Polly refused the request (400 ThrottlingException): Rate exceeded',
      );

      polly.answer = pollyAnswer;
      now = new Date(now.getTime() + 20_000);
      assert.equal(await t.app.jobs.runDue(), 1);
      status = await track();
      assert.equal(status?.state, 'ready');
      assert.ok(status?.track && status.track.version !== before.version);
      assert.ok(!existsSync(fileOf(before)), 'the replaced recording is deleted once the new one is stored');
      assert.ok(existsSync(fileOf(status.track)));
      assert.equal(await t.app.jobs.pending(audioJobKey(article.id)), undefined);
    });

    /** An AudioService over the same database and files with another engine, as another deployment would wire it. */
    function serviceWith(speech: Speech): AudioService {
      return new AudioService(
        new AudioRepository(t.app.database.db),
        t.app.articles,
        t.app.jobs,
        new DiskStorage(t.app.config.mediaDir),
        speech.engine,
        speech.encoder,
        t.app.users,
        { clock: () => now },
      );
    }

    it('records with Google Cloud Text-to-Speech (API key, LINEAR16 WAV answers)', async () => {
      const speech = createSpeech(
        ttsSettings({
          TTS_ENGINE: 'google',
          TTS_GOOGLE_API_KEY: 'test-key',
          TTS_GOOGLE_ENDPOINT: google.url,
        }),
      );
      try {
        const previous = (await track())?.track;
        assert.ok(previous);
        const recording = await serviceWith(speech).synthesize(article.id);
        assert.ok(recording);
        assert.equal(recording.engine, 'google');
        assert.equal(recording.voice, 'en-GB-Neural2-A');
        assert.ok(google.requests.every((r) => r.headers['x-goog-api-key'] === 'test-key'));
        assert.equal(google.requests.length, recording.sentenceStarts.length);
        await checkRecording(recording, 16000);
        assert.ok(!existsSync(fileOf(previous)), 'the Polly recording it replaced is deleted');
      } finally {
        await speech.close();
      }
    });

    it('records with Piper (a local program, here a stand-in speaking its protocol at 22.05 kHz)', async () => {
      const fake = writeFakePiper(path.join(scratch, 'piper'), { sampleRate: 22050 });
      const speech = createSpeech(
        ttsSettings({ TTS_ENGINE: 'piper', TTS_PIPER_MODEL: fake.model, TTS_PIPER_COMMAND: fake.command }),
      );
      try {
        const recording = await serviceWith(speech).synthesize(article.id);
        assert.ok(recording);
        assert.equal(recording.engine, 'piper');
        assert.equal(recording.voice, 'en_GB-test-medium');
        assert.equal(fake.runs().length, 1, 'one piper process for the article');
        await checkRecording(recording, 22050);
      } finally {
        await speech.close();
      }
    });
  });
}
