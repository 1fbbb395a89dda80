import { parentPort } from 'node:worker_threads';
import { fliteSpeak } from './flite-core.ts';
import { encodeMp3 } from './mp3-core.ts';
import type { WorkerReply, WorkerRequest } from './worker-protocol.ts';

/** The worker thread: CPU-heavy speech and encoding run here, so the web server never stalls. */
const port = parentPort;
if (!port) throw new Error('tts-worker must run as a worker thread');

port.on('message', (request: WorkerRequest) => {
  try {
    if (request.op === 'flite') {
      let sampleRate = 16000;
      const clips = request.texts.map((text) => {
        const pcm = fliteSpeak(text, request.voice);
        if (pcm.samples.length) sampleRate = pcm.sampleRate;
        return pcm.samples.buffer as ArrayBuffer;
      });
      const reply: WorkerReply = { id: request.id, ok: true, sampleRate, buffers: clips };
      port.postMessage(reply, clips);
    } else {
      const data = encodeMp3(new Int16Array(request.pcm), request.sampleRate, request.kbps);
      const buffer = data.buffer as ArrayBuffer;
      const reply: WorkerReply = {
        id: request.id,
        ok: true,
        sampleRate: request.sampleRate,
        buffers: [buffer],
      };
      port.postMessage(reply, [buffer]);
    }
  } catch (error) {
    const reply: WorkerReply = {
      id: request.id,
      ok: false,
      message: error instanceof Error ? error.message : String(error),
    };
    port.postMessage(reply);
  }
});
