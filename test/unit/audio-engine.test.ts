import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, describe, it } from 'node:test';
import { MPEGDecoder } from 'mpg123-decoder';
import { clock, parseRate, resumeAt, sentenceAt, spoken } from '../../src/client/player/timing.ts';
import { rangeUnsatisfiable } from '../../src/http/site/audio.routes.ts';
import { rms, speakable } from '../../src/modules/audio/index.ts';
import { EspeakEngine } from '../../src/platform/tts/espeak.ts';
import { FliteEngine } from '../../src/platform/tts/flite.ts';
import { fliteSpeak, fliteVoices } from '../../src/platform/tts/flite-core.ts';
import { ttsSettings } from '../../src/platform/tts/index.ts';
import { Mp3Encoder } from '../../src/platform/tts/mp3-encoder.ts';
import { parseWav, resample, writeWav } from '../../src/platform/tts/wav.ts';
import { TtsWorker } from '../../src/platform/tts/worker-client.ts';
import { audioFeedXml, feedDuration } from '../../src/render/audio-feed.ts';

const seconds = (samples: Int16Array, rate: number) => samples.length / rate;

describe('Flite, built in (WASI, in memory)', () => {
  it('writes a valid 16 kHz WAV of speech for a sentence', () => {
    const { sampleRate, samples } = fliteSpeak(
      speakable('The council voted on Tuesday to close the library.'),
      'slt',
    );
    assert.equal(sampleRate, 16000);
    const length = seconds(samples, sampleRate);
    assert.ok(length > 1.5 && length < 6, `${length} s for nine words`);
    assert.ok(rms(samples) > 0.03, `not silence: ${rms(samples)}`);
    // The WAV the engine wrote is read back by a parser that checks RIFF, format and data chunks.
    const wav = writeWav({ sampleRate, samples });
    assert.deepEqual(parseWav(wav).samples, samples);
  });

  it('speaks with every built-in voice', () => {
    for (const voice of fliteVoices) {
      const { samples, sampleRate } = fliteSpeak('Good morning.', voice.id);
      assert.ok(samples.length > sampleRate * 0.3, voice.id);
      assert.ok(rms(samples) > 0.02, voice.id);
    }
  });

  it('runs sentence after sentence in one process without crashing (node:wasi would, after memory growth)', () => {
    const words = 'the defence secretary said on Thursday that he would not stand for the post'.split(' ');
    for (let i = 0; i < 25; i++) {
      const sentence = Array.from(
        { length: 4 + ((i * 7) % 30) },
        (_, j) => words[(i + j * 3) % words.length],
      ).join(' ');
      assert.ok(fliteSpeak(`${sentence}.`, 'slt').samples.length > 0);
    }
  });

  it('gives silence, not an error, for an empty sentence', () => {
    assert.equal(fliteSpeak('   ', 'slt').samples.length, 0);
  });
});

describe('the speech worker thread', () => {
  const worker = new TtsWorker(1000);
  after(() => worker.close());

  it('synthesises one clip per sentence and encodes MP3 off the main thread', async () => {
    const engine = new FliteEngine(worker);
    const speech = await engine.synthesize(['First sentence.', '', 'And the second one.'], 'rms');
    assert.equal(speech.sampleRate, 16000);
    assert.equal(speech.clips.length, 3);
    assert.equal(speech.clips[1]?.length, 0);
    assert.ok((speech.clips[2]?.length ?? 0) > 8000);
    const pcm = speech.clips[2] ?? new Int16Array(0);
    const mp3 = await new Mp3Encoder(worker, 48).encode(pcm, speech.sampleRate);
    assert.equal(mp3[0], 0xff, 'starts with an MPEG frame sync');
    assert.equal((mp3[1] ?? 0) & 0xe0, 0xe0);
    const decoder = new MPEGDecoder();
    await decoder.ready;
    const decoded = decoder.decode(new Uint8Array(mp3));
    decoder.free();
    assert.equal(decoded.errors.length, 0);
    assert.equal(decoded.sampleRate, 16000);
    const decodedSeconds = decoded.samplesDecoded / decoded.sampleRate;
    assert.ok(Math.abs(decodedSeconds - seconds(pcm, 16000)) < 0.2, `${decodedSeconds} s decoded`);
  });

  it('resamples rates MP3 cannot carry', async () => {
    const tone = new Int16Array(10000).map((_, i) => Math.round(9000 * Math.sin(i / 4)));
    const mp3 = await new Mp3Encoder(worker, 48).encode(tone, 10000);
    const decoder = new MPEGDecoder();
    await decoder.ready;
    const decoded = decoder.decode(new Uint8Array(mp3));
    decoder.free();
    assert.equal(decoded.sampleRate, 11025);
    assert.equal(resample(tone, 10000, 20000).length, 20000);
  });
});

const espeak = spawnSync('espeak-ng', ['--version']).status === 0;

describe('eSpeak NG adapter (optional: needs espeak-ng installed)', () => {
  it('speaks through the espeak-ng command', {
    skip: espeak ? false : 'espeak-ng is not installed',
  }, async () => {
    const engine = new EspeakEngine();
    const speech = await engine.synthesize(
      ['Hello from espeak.', '', '--not-an-option, just text.'],
      'en-gb',
    );
    assert.equal(speech.sampleRate, 22050);
    assert.equal(speech.clips.length, 3);
    assert.equal(speech.clips[1]?.length, 0);
    for (const clip of [speech.clips[0], speech.clips[2]]) {
      assert.ok(clip && clip.length > 11025 * 0.5);
      assert.ok(rms(clip) > 0.02);
    }
  });

  it('fails clearly when the command is missing', async () => {
    const engine = new EspeakEngine('/nonexistent/espeak-ng');
    await assert.rejects(engine.synthesize(['Hello.'], 'en-gb'), /could not run/);
  });
});

describe('text-to-speech settings', () => {
  it('defaults to the built-in engine', () => {
    assert.deepEqual(ttsSettings({}), { engine: 'flite', mp3Kbps: 48, backfill: true });
    assert.deepEqual(ttsSettings({ TTS_ENGINE: 'espeak', TTS_BACKFILL: 'never' }), {
      engine: 'espeak',
      espeakCommand: 'espeak-ng',
      mp3Kbps: 48,
      backfill: false,
    });
  });

  it('refuses unknown engines and bad values with a message naming the setting', () => {
    assert.throws(
      () => ttsSettings({ TTS_ENGINE: 'nonsense' }),
      /^Error: Invalid configuration: TTS_ENGINE must be one of flite, espeak, piper, polly, google$/,
    );
    assert.throws(() => ttsSettings({ TTS_MP3_KBPS: '33' }), /TTS_MP3_KBPS must be 32, 40/);
    // Each engine's own keys are checked only when it is chosen.
    assert.doesNotThrow(() => ttsSettings({ TTS_ENGINE: 'flite', TTS_POLLY_ENGINE: 'nonsense' }));
  });
});

describe('WAV files', () => {
  it('reads streamed WAVs whose header gives no real length (espeak-ng --stdout)', () => {
    const wav = writeWav({ sampleRate: 22050, samples: new Int16Array([1, -2, 3, 4]) });
    wav.writeUInt32LE(0x7ffff000, 40);
    assert.deepEqual([...parseWav(wav).samples], [1, -2, 3, 4]);
    assert.throws(() => parseWav(Buffer.from('not a wav file at all')), /not a WAV/);
  });
});

describe('HTTP ranges', () => {
  it('answers 416 only for well-formed ranges that miss the file', () => {
    assert.equal(rangeUnsatisfiable('bytes=100-', 100), true);
    assert.equal(rangeUnsatisfiable('bytes=200-300', 100), true);
    assert.equal(rangeUnsatisfiable('bytes=-0', 100), true);
    assert.equal(rangeUnsatisfiable('bytes=0-0', 100), false);
    assert.equal(rangeUnsatisfiable('bytes=99-', 100), false);
    assert.equal(rangeUnsatisfiable('bytes=-50', 100), false);
    assert.equal(rangeUnsatisfiable('bytes=200-300, 0-10', 100), false);
    assert.equal(rangeUnsatisfiable('items=0-10', 100), false);
    assert.equal(rangeUnsatisfiable('bytes=abc', 100), false);
  });
});

describe('the podcast feed', () => {
  it('escapes everything and formats durations as apps expect', () => {
    const site = {
      name: 'The <Paper> & Co',
      url: 'https://news.example',
      language: 'en-GB',
      artwork: '/audio/artwork.png',
      image: { url: '/brand/icon-144.png', width: 144, height: 144 },
      ownerEmail: 'desk@news.example',
    };
    const xml = audioFeedXml(site, [
      {
        articleId: 7,
        title: 'Tom & Jerry say "<hi>"',
        summary: "It's \u0001fine",
        link: '/world/story',
        publishedAt: new Date('2026-06-22T06:21:00Z'),
        authors: ['A. Writer'],
        section: 'World',
        url: '/audio/7/0123456789abcdef.mp3',
        mimeType: 'audio/mpeg',
        bytes: 12345,
        durationMs: 3_723_400,
        imageUrl: '/media/3/1600.jpg',
      },
    ]);
    assert.ok(xml.includes('<title>Tom &amp; Jerry say &quot;&lt;hi&gt;&quot;</title>'));
    assert.ok(xml.includes('<description>It&apos;s fine</description>'));
    assert.ok(xml.includes('<itunes:author>The &lt;Paper&gt; &amp; Co</itunes:author>'));
    assert.ok(
      xml.includes(
        '<enclosure url="https://news.example/audio/7/0123456789abcdef.mp3" length="12345" type="audio/mpeg"/>',
      ),
    );
    assert.ok(xml.includes('<itunes:duration>1:02:03</itunes:duration>'));
    assert.ok(xml.includes('<pubDate>Mon, 22 Jun 2026 06:21:00 GMT</pubDate>'));
    assert.ok(xml.includes('<language>en-gb</language>'));
    assert.equal(feedDuration(65_000), '1:05');
  });
});

describe('the player island', () => {
  it('finds the sentence being read', () => {
    const starts = [250, 4000, 9000];
    assert.equal(sentenceAt(starts, 0), -1);
    assert.equal(sentenceAt(starts, 250), 0);
    assert.equal(sentenceAt(starts, 3999), 0);
    assert.equal(sentenceAt(starts, 4000), 1);
    assert.equal(sentenceAt(starts, 60_000), 2);
    assert.equal(sentenceAt([], 10), -1);
  });

  it('formats times, speeds and resume positions', () => {
    assert.equal(clock(83), '1:23');
    assert.equal(clock(3723), '1:02:03');
    assert.equal(clock(Number.NaN), '0:00');
    assert.equal(spoken(83), '1 minute 23 seconds');
    assert.equal(spoken(60), '1 minute');
    assert.equal(spoken(1), '1 second');
    assert.equal(parseRate('1.5'), 1.5);
    assert.equal(parseRate('3'), undefined);
    assert.equal(resumeAt('120', 300), 120);
    assert.equal(resumeAt('2', 300), undefined, 'not worth resuming at the very start');
    assert.equal(resumeAt('298', 300), undefined, 'nor in the last seconds');
    assert.equal(resumeAt(null, 300), undefined);
  });
});
