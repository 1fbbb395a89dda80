// The database thread: owns the PGlite instance and answers the serving thread's requests.
import { parentPort } from 'node:worker_threads';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { workerInput } from '../../shared/worker-thread.ts';
import { textParsers } from './parsers.ts';
import { type OpenOptions, type Reply, type Request, toWireError } from './protocol.ts';

if (!parentPort) throw new Error('the PGlite thread must run as a worker');
const port = parentPort;
const open = workerInput<OpenOptions>();

const pglite = await PGlite.create({
  dataDir: open.dataDir,
  loadDataDir: open.loadDataDir ? new Blob([open.loadDataDir]) : undefined,
  startParams: open.startParams,
});

interface OpenTransaction {
  tx: Transaction;
  finish(commit: boolean): void;
  done: Promise<void>;
}
const transactions = new Map<number, OpenTransaction>();
let nextTransaction = 0;
/** Thrown inside PGlite's transaction callback to make it roll back; never reaches a caller. */
const rollbackRequested = new Error('rollback requested');

const queryOptions = textParsers(pglite, open.textTypes);

function runner(tx: number | undefined): Pick<Transaction, 'query'> {
  if (tx === undefined) return pglite;
  const transaction = transactions.get(tx);
  if (!transaction) throw new Error('the transaction has ended');
  return transaction.tx;
}

async function begin(): Promise<number> {
  const id = ++nextTransaction;
  return new Promise<number>((started, failed) => {
    const done = pglite
      .transaction(
        (tx) =>
          new Promise<void>((resolve, reject) => {
            const finish = (commit: boolean) => (commit ? resolve() : reject(rollbackRequested));
            transactions.set(id, { tx, finish, done });
            started(id);
          }),
      )
      .catch((error: unknown) => {
        if (error !== rollbackRequested) throw error;
      })
      .finally(() => transactions.delete(id));
    // BEGIN itself failed: the callback never ran.
    done.catch(failed);
  });
}

async function end(tx: number, commit: boolean): Promise<void> {
  const transaction = transactions.get(tx);
  if (!transaction) throw new Error('the transaction has ended');
  transaction.finish(commit);
  await transaction.done;
}

async function dump(compression: 'gzip' | 'none'): Promise<ArrayBuffer> {
  const file = await pglite.dumpDataDir(compression);
  return file.arrayBuffer();
}

async function handle(request: Request): Promise<unknown> {
  switch (request.op) {
    case 'query':
      return runner(request.tx).query(request.sql, request.params, queryOptions(request.options));
    case 'begin':
      return begin();
    case 'commit':
      return end(request.tx, true);
    case 'rollback':
      return end(request.tx, false);
    case 'dump':
      return dump(request.compression);
    case 'close':
      return pglite.close();
  }
}

port.on('message', ({ id, request }: { id: number; request: Request }) => {
  handle(request).then(
    (value) => {
      const reply: Reply = { id, ok: true, value };
      port.postMessage(reply, value instanceof ArrayBuffer ? [value] : []);
      // Closing the port lets the thread end once PGlite is closed.
      if (request.op === 'close') port.close();
    },
    (error: unknown) => {
      const reply: Reply = { id, ok: false, error: toWireError(error) };
      port.postMessage(reply);
    },
  );
});
port.postMessage({ ready: true });
