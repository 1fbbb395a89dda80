import type { PGlite, QueryOptions } from '@electric-sql/pglite';
import type { WireQueryOptions } from './protocol.ts';

const keepText = (value: string) => value;
const keyOf = (types: readonly number[]) => [...types].sort((a, b) => a - b).join(',');

/**
 * Query options for the thread's PGlite, where the types Drizzle keeps as text (`usual`) are kept as text
 * by the instance itself. PGlite copies its whole parser table whenever a query brings parsers of its own
 * (about 90 µs a query, more than a simple statement takes to run), so the usual choice brings none; any
 * other choice names every type it keeps or parses, and pays that copy.
 */
export function textParsers(
  pglite: PGlite,
  usual: readonly number[],
): (wire: WireQueryOptions) => QueryOptions {
  const defaults = { ...pglite.parsers };
  for (const type of usual) pglite.parsers[type] = keepText;
  const usualKey = keyOf(usual);
  return (wire) => {
    const textTypes = wire.textTypes ?? [];
    if (keyOf(textTypes) === usualKey) return { rowMode: wire.rowMode };
    const parsers: NonNullable<QueryOptions['parsers']> = {};
    for (const type of usual) parsers[type] = defaults[type] ?? keepText;
    for (const type of textTypes) parsers[type] = keepText;
    return { rowMode: wire.rowMode, parsers };
  };
}
