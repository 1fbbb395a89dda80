/**
 * The messages between the serving thread and the thread that runs PGlite (see client.ts for why).
 * Everything here crosses `postMessage`, so it is plain data: no functions, no class instances.
 */

/** How PGlite is opened inside the database thread. */
export interface OpenOptions {
  dataDir?: string | undefined;
  /** A data dump (`dumpDataDir`) to start from, as bytes. */
  loadDataDir?: ArrayBuffer | undefined;
  startParams: string[];
  /** The types kept as text unless a query says otherwise (those Drizzle keeps: dates and times). */
  textTypes: number[];
}

/** A query's options in plain data: `textTypes` are the type ids left as text instead of parsed. */
export interface WireQueryOptions {
  rowMode?: 'array' | 'object';
  textTypes?: number[];
}

export type Request =
  | { op: 'query'; sql: string; params: unknown[]; options: WireQueryOptions; tx?: number }
  | { op: 'begin' }
  | { op: 'commit'; tx: number }
  | { op: 'rollback'; tx: number }
  | { op: 'dump'; compression: 'gzip' | 'none' }
  | { op: 'close' };

export type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: WireError };

/** An error's message and its own fields (a database error's `code`, `detail`, `constraint` and so on). */
export interface WireError {
  name: string;
  message: string;
  fields: Record<string, string | number | boolean | null>;
}

export function toWireError(error: unknown): WireError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error), fields: {} };
  const fields: WireError['fields'] = {};
  for (const [key, value] of Object.entries(error)) {
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) {
      fields[key] = value as string | number | boolean | null;
    }
  }
  return { name: error.name, message: error.message, fields };
}

export function fromWireError(wire: WireError): Error {
  const error = Object.assign(new Error(wire.message), wire.fields);
  error.name = wire.name;
  return error;
}
