/** Messages between the server and the speech worker thread. */
export type WorkerRequest =
  | { id: number; op: 'flite'; voice: string; texts: string[] }
  | { id: number; op: 'mp3'; pcm: ArrayBuffer; sampleRate: number; kbps: number };

export type WorkerReply =
  | { id: number; ok: true; sampleRate: number; buffers: ArrayBuffer[] }
  | { id: number; ok: false; message: string };

/** A request without its id (the client numbers them). */
export type WorkerJob =
  | { op: 'flite'; voice: string; texts: string[] }
  | { op: 'mp3'; pcm: ArrayBuffer; sampleRate: number; kbps: number };
