import { useEffect, useReducer, useState } from 'preact/hooks';

interface Source {
  subscribe(listener: () => void): () => unknown;
}

/** Redraws the component whenever the source says it changed. */
export function useSubscription(source: Source | null | undefined): void {
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    if (!source) return;
    const stop = source.subscribe(() => redraw(undefined));
    return () => {
      stop();
    };
  }, [source]);
}

/** A value that settles `delay` ms after it stops changing (search boxes). */
export function useDebounced<T>(value: T, delay: number): T {
  const [settled, set] = useReducer((_: T, next: T) => next, value);
  useEffect(() => {
    const timer = setTimeout(() => set(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return settled;
}

let lastId = 0;

/**
 * An id unique in the whole page. Preact's useId is unique per render root, and every card in the body
 * is its own root, so two cards would hand out the same ids and labels would point at the wrong field.
 */
export function useUniqueId(): string {
  const [id] = useState(() => {
    lastId += 1;
    return `ed-${lastId}`;
  });
  return id;
}
