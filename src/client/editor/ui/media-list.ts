import { useEffect, useRef, useState } from 'preact/hooks';
import { api, messageOf } from '../api.ts';
import type { EditorServices } from '../services.ts';
import type { MediaItem } from '../types.ts';

/**
 * The library's pictures for a search, page by page. Answers to an older search are ignored, so typing
 * quickly never leaves the grid showing the wrong results.
 */
export function useMediaList(query: string, services: EditorServices) {
  const [items, setItems] = useState<MediaItem[]>([]);
  const [page, setPage] = useState(1);
  const [pageCount, setPageCount] = useState(1);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState('');
  const latest = useRef(0);

  const load = async (wanted: number) => {
    const ticket = ++latest.current;
    setLoading(true);
    try {
      const answer = await api.media(query, wanted);
      if (ticket !== latest.current) return;
      for (const item of answer.items) services.media.remember(item);
      setItems((old) => (wanted === 1 ? answer.items : [...old, ...answer.items]));
      setPage(answer.page);
      setPageCount(answer.pageCount);
      setError('');
    } catch (failure) {
      if (ticket === latest.current) setError(messageOf(failure));
    } finally {
      if (ticket === latest.current) setLoading(false);
    }
  };
  useEffect(() => {
    void load(1);
  }, [query]);

  return {
    items,
    loading,
    error,
    hasMore: page < pageCount,
    more: () => load(page + 1),
    /** A picture whose details changed, updated in place. */
    put(item: MediaItem) {
      services.media.remember(item);
      setItems((old) => old.map((one) => (one.id === item.id ? item : one)));
    },
    /** A new upload, shown first. */
    prepend(item: MediaItem) {
      services.media.remember(item);
      setItems((old) => [item, ...old.filter((one) => one.id !== item.id)]);
    },
  };
}
