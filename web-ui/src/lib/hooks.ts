import { useEffect, useRef, useState } from 'preact/hooks';
import { isAbort } from './api';

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
