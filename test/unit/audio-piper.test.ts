import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { assemble, rms } from '../../src/modules/audio/index.ts';
import { createSpeech, ttsSettings } from '../../src/platform/tts/index.ts';
import { PiperEngine, readPiperModel } from '../../src/platform/tts/piper.ts';
import { fakeSpeechSamples, writeFakePiper } from '../helpers/audio-fixture.ts';

const root = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-piper-test-'));
after(() => rmSync(root, { recursive: true, force: true }));

const piperTemp = () =>
  readdirSync(os.tmpdir()).filter((f) => f.startsWith('broadsheet-piper-') && !f.includes('test'));

describe('Piper adapter (a local program; tested against a stand-in speaking its protocol)', () => {
  it('speaks each sentence as its own clip, at the sample rate of the voice config, text on stdin only', async () => {
    const fake = writeFakePiper(path.join(root, 'single'), { sampleRate: 22050 });
    const engine = new PiperEngine({ command: fake.command, model: fake.model, config: fake.config });
    assert.deepEqual(engine.voices, [
      { id: 'en_GB-test-medium', label: 'en_GB-test-medium (en-GB)', language: 'en-GB' },
    ]);
    const texts = ['The council voted on Tuesday.', '', '--help; rm -rf / "quoted"\nsecond line', 'Done.'];
    const before = piperTemp();
    const speech = await engine.synthesize(texts, engine.defaultVoice);
    assert.equal(speech.sampleRate, 22050);
    assert.equal(speech.clips.length, 4);
    assert.equal(speech.clips[1]?.length, 0, 'an empty sentence is silence, not sent to piper');
    const pad = Math.round(22050 * 0.1) * 2;
    assert.equal(speech.clips[0]?.length, pad + fakeSpeechSamples(texts[0] ?? '', 22050));
    assert.equal(speech.clips[3]?.length, pad + fakeSpeechSamples('Done.', 22050));
    assert.ok((speech.clips[2]?.length ?? 0) > (speech.clips[3]?.length ?? 0), 'longer text, longer clip');

    const runs = fake.runs();
    assert.equal(runs.length, 1, 'one process for the whole article: the model loads once');
    const [run] = runs;
    assert.deepEqual(run?.argv, ['--model', fake.model, '--config', fake.config, '--json-input']);
    assert.deepEqual(
      run?.lines.map((l) => l.text),
      ['The council voted on Tuesday.', '--help; rm -rf / "quoted" second line', 'Done.'],
      'the text goes in as JSON lines (one line each), never as arguments',
    );
    assert.ok(run?.lines.every((l) => l.speaker_id === undefined));
    assert.deepEqual(piperTemp(), before, 'its temporary WAV files are removed');

    // The clips go through the same assembly as every engine: timings increase, the audio is not silence.
    const recording = assemble(
      speech.clips,
      ['title', 'sentence', 'sentence', 'paragraph'],
      speech.sampleRate,
    );
    assert.equal(recording.sentenceStarts.length, 4);
    assert.ok((recording.sentenceStarts[3] ?? 0) > (recording.sentenceStarts[2] ?? 0));
    assert.ok(rms(recording.pcm) > 0.05);
  });

  it('offers each speaker of a multi-speaker voice and passes the chosen one per line', async () => {
    const fake = writeFakePiper(path.join(root, 'multi'), {
      sampleRate: 16000,
      speakers: { alba: 0, jenny: 3 },
    });
    const engine = new PiperEngine({ command: fake.command, model: fake.model, config: fake.config });
    assert.deepEqual(
      engine.voices.map((v) => v.id),
      ['en_GB-test-medium:alba', 'en_GB-test-medium:jenny'],
    );
    await engine.synthesize(['One.', 'Two.'], 'en_GB-test-medium:jenny');
    assert.deepEqual(
      fake.runs()[0]?.lines.map((l) => l.speaker_id),
      [3, 3],
    );
  });

  it('fails the recording with piper’s own message when it exits with an error', async () => {
    const fake = writeFakePiper(path.join(root, 'crash'), { sampleRate: 16000 });
    const engine = new PiperEngine({ command: fake.command, model: fake.model, config: fake.config });
    await assert.rejects(
      engine.synthesize(['Fine.', 'Please CRASH now.', 'Never reached.'], engine.defaultVoice),
      /piper failed \(exit 3\): \[piper\] \[error\] the voice cannot say that/,
    );
  });

  it('survives a piper that dies before reading its input (no broken-pipe crash)', async () => {
    const fake = writeFakePiper(path.join(root, 'dies'), { sampleRate: 16000, dieAtStart: true });
    const engine = new PiperEngine({ command: fake.command, model: fake.model, config: fake.config });
    const many = Array.from(
      { length: 400 },
      (_, i) => `Sentence number ${i} is long enough to fill a pipe buffer.`,
    );
    await assert.rejects(engine.synthesize(many, engine.defaultVoice), /exit 1\): .*Failed to load voice/);
  });

  it('kills a piper that hangs, after its time allowance', async () => {
    const fake = writeFakePiper(path.join(root, 'hang'), { sampleRate: 16000 });
    const stuck = path.join(root, 'hang', 'stuck-piper');
    writeFileSync(stuck, '#!/bin/sh\nexec sleep 30\n', { mode: 0o755 });
    const engine = new PiperEngine(
      { command: stuck, model: fake.model, config: fake.config },
      { timeoutMs: () => 300 },
    );
    await assert.rejects(
      engine.synthesize(['Hello.'], engine.defaultVoice),
      /stuck-piper failed \(took longer than 0\.3 s\)/,
    );
  });

  it('stops start-up with a clear message when the model, its config or the program is missing', () => {
    const fake = writeFakePiper(path.join(root, 'config'), { sampleRate: 16000 });
    assert.throws(
      () => ttsSettings({ TTS_ENGINE: 'piper' }),
      /Invalid configuration: TTS_PIPER_MODEL is required: the path to a Piper voice model/,
    );
    const missingModel = ttsSettings({ TTS_ENGINE: 'piper', TTS_PIPER_MODEL: path.join(root, 'nope.onnx') });
    assert.throws(
      () => createSpeech(missingModel),
      /TTS_PIPER_MODEL: there is no readable voice model at .*nope\.onnx/,
    );
    assert.throws(
      () => readPiperModel({ command: fake.command, model: fake.model, config: path.join(root, 'x.json') }),
      /voice config .*x\.json cannot be read \(it does not exist\)/,
    );
    const settings = ttsSettings({
      TTS_ENGINE: 'piper',
      TTS_PIPER_MODEL: fake.model,
      TTS_PIPER_COMMAND: 'no-such-piper-program',
    });
    assert.deepEqual(settings, {
      engine: 'piper',
      piper: { command: 'no-such-piper-program', model: fake.model, config: fake.config },
      mp3Kbps: 48,
      backfill: true,
    });
    assert.throws(
      () => createSpeech(settings),
      /TTS_PIPER_COMMAND: "no-such-piper-program" was not found on PATH/,
    );
  });

  it('is chosen by TTS_ENGINE=piper', async () => {
    const fake = writeFakePiper(path.join(root, 'chosen'), { sampleRate: 16000 });
    const speech = createSpeech(
      ttsSettings({ TTS_ENGINE: 'piper', TTS_PIPER_MODEL: fake.model, TTS_PIPER_COMMAND: fake.command }),
    );
    try {
      assert.equal(speech.engine.id, 'piper');
      const { clips } = await speech.engine.synthesize(['Hello there.'], speech.engine.defaultVoice);
      assert.ok((clips[0]?.length ?? 0) > 16000 * 0.6);
    } finally {
      await speech.close();
    }
  });
});
