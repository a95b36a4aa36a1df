import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api, type Filters, isAbort } from './api';
import { RecordPager } from './pager';
import type { Order } from './route';

/**
 * Calls {@code load} now and then every {@code intervalMs} after the previous call ended (never
 * two at once), while {@code intervalMs} is not null; restarts when {@code deps} change.
 */
export function usePoll<T>(
  load: (signal: AbortSignal) => Promise<T>,
  intervalMs: number | null,
  deps: unknown[],
): { data: T | null; error: Error | null; refresh: () => void } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [nonce, setNonce] = useState(0);
  const interval = useRef(intervalMs);
  interval.current = intervalMs;
  useEffect(() => {
    const abort = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      try {
        const value = await load(abort.signal);
        if (abort.signal.aborted) return;
        setData(value);
        setError(null);
      } catch (e) {
        if (abort.signal.aborted || isAbort(e)) return;
        setError(e instanceof Error ? e : new Error(String(e)));
      }
      if (interval.current !== null && !abort.signal.aborted) timer = setTimeout(tick, interval.current);
    };
    void tick();
    return () => {
      abort.abort();
      clearTimeout(timer);
    };
  }, [...deps, nonce, intervalMs === null]);
  return { data, error, refresh: () => setNonce(n => n + 1) };
}

/**
 * A {@link RecordPager} over one search (one bundle, or several merged: ids comma-separated),
 * re-rendering the caller as pages arrive; a new one for every new search. Rows 0-100 load first.
 */
export function useSearchPager(bundleId: string, filters: Filters, order: Order): { pager: RecordPager; searchKey: string } {
  const searchKey = JSON.stringify([bundleId, filters, order]);
  const pager = useMemo(
    () => new RecordPager((extra, signal) => api.search(bundleId, filters, extra, signal), order),
    [searchKey],
  );
  const [, setVersion] = useState(0);
  useEffect(() => {
    const unsubscribe = pager.subscribe(() => setVersion(v => v + 1));
    pager.want(0, 100);
    return () => {
      unsubscribe();
      pager.dispose();
    };
  }, [pager]);
  return { pager, searchKey };
}
