// Worker threads do not inherit tsx's loader on Node 20, so a TypeScript worker is loaded through it.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
