import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import aws4 from 'aws4';
import { pieces } from '../../src/platform/tts/cloud.ts';
import { GoogleEngine, linear16 } from '../../src/platform/tts/google.ts';
import { createSpeech, ttsSettings } from '../../src/platform/tts/index.ts';
import { PollyEngine } from '../../src/platform/tts/polly.ts';
import type { PollySettings } from '../../src/platform/tts/settings.ts';
import { writeWav } from '../../src/platform/tts/wav.ts';
import {
  type FakeRequest,
  type FakeServer,
  fakeSpeechSamples,
  fakeSpeechServer,
  googleAnswer,
  pollyAnswer,
  tone,
} from '../helpers/audio-fixture.ts';

const credentials = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
};

/** The Authorization header a correct SigV4 signer makes for exactly this request (same time, same body). */
function expectedAuthorization(request: FakeRequest, settings: PollySettings): string {
  const headers: Record<string, string> = {};
  for (const name of ['content-type', 'x-amz-date', 'x-amz-security-token', 'host']) {
    const value = request.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  const signed = aws4.sign(
    {
      host: String(request.headers.host),
      path: request.url,
      method: request.method,
      service: 'polly',
      region: settings.region,
      headers,
      body: request.body,
    },
    settings.credentials,
  );
  return String(signed.headers?.Authorization);
}

describe('Amazon Polly adapter (against a local stand-in for the SynthesizeSpeech API)', () => {
  let server: FakeServer;
  let settings: PollySettings;
  before(async () => {
    server = await fakeSpeechServer(pollyAnswer);
    const parsed = ttsSettings({
      TTS_ENGINE: 'polly',
      TTS_POLLY_REGION: 'eu-west-2',
      TTS_POLLY_ENDPOINT: `${server.url}/`,
      AWS_ACCESS_KEY_ID: credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      AWS_SESSION_TOKEN: 'session-token-example',
    });
    assert.ok(parsed.engine === 'polly');
    settings = parsed.polly;
  });
  after(() => server.close());

  it('sends signed SynthesizeSpeech requests for 16 kHz PCM, one per sentence, and keeps their order', async () => {
    server.requests.length = 0;
    const engine = new PollyEngine(settings);
    assert.equal(engine.id, 'polly-neural');
    assert.equal(engine.defaultVoice, 'Amy');
    const texts = [
      'The council voted on Tuesday.',
      '',
      'Campaigners said they would appeal the decision.',
      'Yes.',
    ];
    const speech = await engine.synthesize(texts, 'Brian');
    assert.equal(speech.sampleRate, 16000);
    assert.deepEqual(
      speech.clips.map((c) => c.length),
      texts.map((t) => (t ? fakeSpeechSamples(t, 16000) : 0)),
      'each clip is the PCM sent for its sentence, in order; empty sentences are not sent',
    );
    assert.deepEqual(speech.clips[3], tone(fakeSpeechSamples('Yes.', 16000), 16000));
    assert.equal(server.requests.length, 3);
    for (const request of server.requests) {
      assert.equal(request.method, 'POST');
      assert.equal(request.url, '/v1/speech');
      assert.equal(request.headers['content-type'], 'application/json');
      assert.equal(request.headers['x-amz-security-token'], 'session-token-example');
      assert.match(String(request.headers['x-amz-date']), /^\d{8}T\d{6}Z$/);
      const authorization = String(request.headers.authorization);
      assert.match(
        authorization,
        /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-2\/polly\/aws4_request, SignedHeaders=([a-z0-9-]+;)*host;([a-z0-9-]+;)*x-amz-date(;[a-z0-9-]+)*, Signature=[0-9a-f]{64}$/,
      );
      assert.ok(authorization.includes('x-amz-security-token'), 'the session token is signed');
      assert.equal(
        authorization,
        expectedAuthorization(request, settings),
        'the signature matches what was sent',
      );
      const body = JSON.parse(request.body);
      assert.deepEqual(Object.keys(body).sort(), [
        'Engine',
        'OutputFormat',
        'SampleRate',
        'Text',
        'TextType',
        'VoiceId',
      ]);
      assert.equal(body.Engine, 'neural');
      assert.equal(body.OutputFormat, 'pcm');
      assert.equal(body.SampleRate, '16000');
      assert.equal(body.TextType, 'text');
      assert.equal(body.VoiceId, 'Brian');
    }
    assert.deepEqual(
      server.requests.map((r) => JSON.parse(r.body).Text).sort(),
      texts.filter(Boolean).sort(),
    );
  });

  it('offers the voices of the chosen engine, and the configured one', () => {
    const standard = new PollyEngine({ ...settings, engine: 'standard', defaultVoice: 'Geraint' });
    assert.equal(standard.id, 'polly-standard');
    const ids = standard.voices.map((v) => v.id);
    assert.ok(ids.includes('Geraint') && ids.includes('Amy') && !ids.includes('Arthur'));
    const neural = new PollyEngine({ ...settings, defaultVoice: 'Brandnew' });
    assert.ok(neural.voices.some((v) => v.id === 'Arthur'));
    assert.equal(neural.voices.at(-1)?.id, 'Brandnew');
  });

  it('fails with a clear message on refusals (400, 403), without retrying what cannot succeed', async () => {
    const engine = new PollyEngine(settings, { retryDelaysMs: [1, 1] });
    server.requests.length = 0;
    server.answer = () => ({
      status: 403,
      headers: { 'x-amzn-errortype': 'UnrecognizedClientException:http://internal.amazon.com/coral/' },
      body: JSON.stringify({ message: 'The security token included in the request is invalid.' }),
    });
    await assert.rejects(
      engine.synthesize(['Hello.'], 'Amy'),
      /^SpeechServiceError: Amazon Polly refused the request \(403 UnrecognizedClientException\): The security token included in the request is invalid\.$/,
    );
    assert.equal(server.requests.length, 1);
    server.answer = () => ({
      status: 400,
      body: JSON.stringify({
        __type: 'com.amazonaws.polly#TextLengthExceededException',
        message: 'Too long',
      }),
    });
    await assert.rejects(
      engine.synthesize(['Hello.'], 'Amy'),
      /\(400 TextLengthExceededException\): Too long/,
    );
  });

  it('retries throttling a moment later, and fails clearly if it goes on', async () => {
    const engine = new PollyEngine(settings, { retryDelaysMs: [5, 5] });
    let calls = 0;
    server.answer = (request) =>
      ++calls === 1
        ? {
            status: 400,
            headers: { 'x-amzn-errortype': 'ThrottlingException:http://internal.amazon.com/' },
            body: JSON.stringify({ message: 'Rate exceeded' }),
          }
        : pollyAnswer(request);
    const speech = await engine.synthesize(['Hello.'], 'Amy');
    assert.equal(calls, 2);
    assert.equal(speech.clips[0]?.length, fakeSpeechSamples('Hello.', 16000));

    calls = 0;
    server.answer = () => ({ status: 429, body: JSON.stringify({ message: 'Rate exceeded' }) });
    await assert.rejects(
      engine.synthesize(['Hello.'], 'Amy'),
      /Amazon Polly refused the request \(429\): Rate exceeded/,
    );
    server.answer = () => ({ status: 503, body: '<html>Service Unavailable</html>' });
    await assert.rejects(engine.synthesize(['Hello.'], 'Amy'), /\(503\): <html>Service Unavailable<\/html>/);
    server.answer = pollyAnswer;
  });

  it('stops sending the rest of an article once a sentence has failed', async () => {
    const engine = new PollyEngine(settings, { retryDelaysMs: [], parallel: 1 });
    server.requests.length = 0;
    server.answer = () => ({ status: 403, body: JSON.stringify({ message: 'Denied' }) });
    await assert.rejects(engine.synthesize(['One.', 'Two.', 'Three.', 'Four.'], 'Amy'), /Denied/);
    assert.equal(server.requests.length, 1);
    server.answer = pollyAnswer;
  });

  it('splits a sentence longer than Polly accepts and joins the audio', async () => {
    const engine = new PollyEngine(settings);
    server.requests.length = 0;
    const long = Array.from({ length: 400 }, (_, i) => `word${i}`).join(' ');
    const speech = await engine.synthesize([long], 'Amy');
    assert.equal(server.requests.length, 2);
    assert.ok(server.requests.every((r) => JSON.parse(r.body).Text.length <= 2500));
    assert.ok((speech.clips[0]?.length ?? 0) >= fakeSpeechSamples(long, 16000) - 16000);
  });

  it('fails clearly when the service cannot be reached', async () => {
    const engine = new PollyEngine({ ...settings, endpoint: 'http://127.0.0.1:9' }, { retryDelaysMs: [] });
    await assert.rejects(engine.synthesize(['Hello.'], 'Amy'), /could not reach 127\.0\.0\.1:9/);
  });

  it('needs credentials and a region, named in the message', () => {
    assert.throws(
      () => ttsSettings({ TTS_ENGINE: 'polly', TTS_POLLY_REGION: 'eu-west-2' }),
      /AWS_ACCESS_KEY_ID is required: Amazon Polly needs AWS credentials; AWS_SECRET_ACCESS_KEY is required/,
    );
    assert.throws(
      () => ttsSettings({ TTS_ENGINE: 'polly', AWS_ACCESS_KEY_ID: 'a', AWS_SECRET_ACCESS_KEY: 'b' }),
      /TTS_POLLY_REGION \(or AWS_REGION\) is required/,
    );
    assert.throws(
      () =>
        ttsSettings({
          TTS_ENGINE: 'polly',
          AWS_REGION: 'eu-west-1',
          AWS_ACCESS_KEY_ID: 'a',
          AWS_SECRET_ACCESS_KEY: 'b',
          TTS_POLLY_ENGINE: 'generative',
        }),
      /TTS_POLLY_ENGINE must be neural or standard/,
    );
    const fromAwsRegion = ttsSettings({
      TTS_ENGINE: 'polly',
      AWS_REGION: 'eu-west-1',
      AWS_ACCESS_KEY_ID: 'a',
      AWS_SECRET_ACCESS_KEY: 'b',
    });
    assert.equal(
      fromAwsRegion.engine === 'polly' && fromAwsRegion.polly.endpoint,
      'https://polly.eu-west-1.amazonaws.com',
    );
  });
});

describe('Google Cloud Text-to-Speech adapter (against a local stand-in for text:synthesize)', () => {
  let server: FakeServer;
  before(async () => {
    server = await fakeSpeechServer(googleAnswer);
  });
  after(() => server.close());

  const engineFor = (env: Record<string, string> = {}) => {
    const settings = ttsSettings({
      TTS_ENGINE: 'google',
      TTS_GOOGLE_API_KEY: 'test-api-key',
      TTS_GOOGLE_ENDPOINT: server.url,
      ...env,
    });
    assert.ok(settings.engine === 'google');
    return new GoogleEngine(settings.google, { retryDelaysMs: [5] });
  };

  it('asks for LINEAR16 at 16 kHz with the API key, and strips the WAV header from the answer', async () => {
    server.requests.length = 0;
    const engine = engineFor();
    assert.equal(engine.defaultVoice, 'en-GB-Neural2-A');
    const texts = ['Good morning.', '', 'The library will close in the spring.'];
    const speech = await engine.synthesize(texts, 'en-GB-Neural2-B');
    assert.equal(speech.sampleRate, 16000);
    // Exactly the samples: a header left in would add 22 samples of noise at the start.
    assert.deepEqual(speech.clips[0], tone(fakeSpeechSamples('Good morning.', 16000), 16000));
    assert.equal(speech.clips[1]?.length, 0);
    assert.equal(speech.clips[2]?.length, fakeSpeechSamples(texts[2] ?? '', 16000));
    assert.equal(server.requests.length, 2);
    for (const request of server.requests) {
      assert.equal(request.method, 'POST');
      assert.equal(request.url, '/v1/text:synthesize');
      assert.equal(request.headers['x-goog-api-key'], 'test-api-key');
      const body = JSON.parse(request.body);
      assert.deepEqual(body.voice, { languageCode: 'en-GB', name: 'en-GB-Neural2-B' });
      assert.deepEqual(body.audioConfig, { audioEncoding: 'LINEAR16', sampleRateHertz: 16000 });
      assert.ok(texts.includes(body.input.text));
    }
  });

  it('reads WAV answers with extra chunks, and raw PCM if a proxy removed the header', () => {
    const samples = tone(1000, 16000);
    const wav = writeWav({ sampleRate: 16000, samples });
    // A LIST chunk between "fmt " and "data", as some encoders write: a fixed 44-byte skip would be wrong.
    const list = Buffer.concat([
      Buffer.from('LIST'),
      Buffer.from([10, 0, 0, 0]),
      Buffer.from('INFOISFT\0\0'),
    ]);
    const withList = Buffer.concat([wav.subarray(0, 36), list, wav.subarray(36)]);
    withList.writeUInt32LE(withList.length - 8, 4);
    assert.deepEqual(linear16(withList), samples);
    assert.deepEqual(linear16(wav.subarray(44)), samples);
    assert.throws(() => linear16(writeWav({ sampleRate: 24000, samples })), /24000 Hz audio, not 16000/);
  });

  it('fails with Google’s own message, retrying only what may pass later', async () => {
    const engine = engineFor();
    server.requests.length = 0;
    server.answer = () => ({
      status: 403,
      body: JSON.stringify({
        error: { code: 403, message: 'API key not valid.', status: 'PERMISSION_DENIED' },
      }),
    });
    await assert.rejects(
      engine.synthesize(['Hello.'], 'en-GB-Neural2-A'),
      /Google Text-to-Speech refused the request \(403 PERMISSION_DENIED\): API key not valid\./,
    );
    assert.equal(server.requests.length, 1);
    server.requests.length = 0;
    server.answer = () => ({
      status: 429,
      body: JSON.stringify({
        error: { code: 429, message: 'Quota exceeded.', status: 'RESOURCE_EXHAUSTED' },
      }),
    });
    await assert.rejects(
      engine.synthesize(['Hello.'], 'en-GB-Neural2-A'),
      /429 RESOURCE_EXHAUSTED\): Quota exceeded/,
    );
    assert.equal(server.requests.length, 2, 'one quick retry');
    server.answer = () => ({ status: 200, body: JSON.stringify({}) });
    await assert.rejects(engine.synthesize(['Hello.'], 'en-GB-Neural2-A'), /answered without audioContent/);
    server.answer = googleAnswer;
  });

  it('needs an API key unless a proxy endpoint adds credentials; checks voice names', () => {
    assert.throws(() => ttsSettings({ TTS_ENGINE: 'google' }), /TTS_GOOGLE_API_KEY is required/);
    const proxied = ttsSettings({ TTS_ENGINE: 'google', TTS_GOOGLE_ENDPOINT: 'https://tts-proxy.internal/' });
    assert.deepEqual(proxied.engine === 'google' && proxied.google, {
      apiKey: undefined,
      endpoint: 'https://tts-proxy.internal',
      defaultVoice: 'en-GB-Neural2-A',
    });
    assert.throws(
      () => ttsSettings({ TTS_ENGINE: 'google', TTS_GOOGLE_API_KEY: 'k', TTS_GOOGLE_VOICE: 'Amy' }),
      /TTS_GOOGLE_VOICE must be a voice name such as en-GB-Neural2-A/,
    );
    assert.throws(
      () => ttsSettings({ TTS_ENGINE: 'google', TTS_GOOGLE_API_KEY: 'k', TTS_GOOGLE_ENDPOINT: 'ftp://x' }),
      /TTS_GOOGLE_ENDPOINT must be an http\(s\) URL/,
    );
  });

  it('is chosen by TTS_ENGINE=google', async () => {
    const speech = createSpeech(
      ttsSettings({ TTS_ENGINE: 'google', TTS_GOOGLE_API_KEY: 'k', TTS_GOOGLE_ENDPOINT: server.url }),
    );
    try {
      assert.equal(speech.engine.id, 'google');
      assert.equal(speech.engine.label, 'Google Cloud Text-to-Speech');
    } finally {
      await speech.close();
    }
  });
});

describe('long texts for cloud services', () => {
  it('are cut at sentence, clause or word boundaries, never past the limit', () => {
    assert.deepEqual(pieces('Short.', 100), ['Short.']);
    assert.deepEqual(pieces('One two three. Four five six.', 20), ['One two three.', 'Four five six.']);
    assert.deepEqual(pieces('alpha, beta gamma delta', 14), ['alpha,', 'beta gamma', 'delta']);
    const unbroken = 'x'.repeat(25);
    assert.deepEqual(pieces(unbroken, 10), ['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
  });
});
