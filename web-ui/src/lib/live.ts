// The live view's state: what a bundle's /logs/stream sent so far, and the socket's life
// (reconnecting with backoff when it drops before the end). Frames arrive by the thousand per
// second, so they are applied to a mutable model and the page re-renders at most every 250 ms.

import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError, openStream, type HeatCell, type LogRecord, type Progress, type RuleHit, type StreamFrame } from './api';

/** Records kept for the list; older ones are counted as scrolled out. */
export const RECORD_CAP = 2000;
const FLUSH_MS = 250;
const BACKOFF_MS = [1000, 2000, 4000, 8000, 15000];

export type ConnState = 'connecting' | 'open' | 'reconnecting' | 'ended' | 'error';

export interface ListedRecord {
  /** arrival number: a key even when a resumed bundle sends a record twice */
  seq: number;
  record: LogRecord;
}

export class LiveModel {
  /** oldest first; the page shows them newest first */
  records: ListedRecord[] = [];
  received = 0;
  scrolledOut = 0;
  dropped = 0;
  /** node|service|slot -> cell, counts summed over every delta */
  cells = new Map<string, HeatCell>();
  heatTotal = 0;
  intervalMs = 60_000;
  /** in arrival order */
  hits: RuleHit[] = [];
  progress: Progress | null = null;
  end: { status: 'completed' | 'failed'; error_msg: string | null } | null = null;
  /** why the server dropped this client last (it reads too slowly) */
  closedReason: string | null = null;
  /** when the first record arrived (epoch ms) */
  firstRecordAt: number | null = null;
  /** connections after the first: what was parsed in between is not shown */
  reconnects = 0;

  apply(f: StreamFrame): void {
    switch (f.type) {
      case 'record':
        this.received++;
        this.firstRecordAt ??= Date.now();
        this.records.push({ seq: this.received, record: f.record });
        if (this.records.length > RECORD_CAP + 200) this.trim();
        break;
      case 'heatmap_delta':
        this.intervalMs = f.interval_ms;
        for (const c of f.cells) {
          const key = `${c.cvm_ip ?? ''}|${c.service}|${c.start_ms}`;
          const had = this.cells.get(key);
          if (had) had.count += c.count;
          else this.cells.set(key, { ...c });
          this.heatTotal += c.count;
        }
        break;
      case 'progress':
        this.progress = { files_total: f.files_total, files_done: f.files_done, bytes_total: f.bytes_total, bytes_done: f.bytes_done, records: f.records };
        break;
      case 'dropped':
        this.dropped += f.count;
        break;
      case 'rule_hit': {
        const { type: _type, ...hit } = f;
        // one per rule and node: a hit seen again (after it was gone from a check) replaces the old one
        const at = this.hits.findIndex(h => h.rule_id === hit.rule_id && h.node === hit.node);
        if (at >= 0) this.hits.splice(at, 1);
        this.hits.push(hit);
        break;
      }
      case 'end':
        this.end = { status: f.status, error_msg: f.error_msg };
        break;
      case 'closed':
        this.closedReason = f.reason;
        break;
    }
  }

  /** Keeps the newest {@link RECORD_CAP} records. */
  trim(): void {
    const over = this.records.length - RECORD_CAP;
    if (over > 0) {
      this.records.splice(0, over);
      this.scrolledOut += over;
    }
  }
}

export interface LiveStream {
  model: LiveModel;
  state: ConnState;
  /** set while reconnecting: when the next attempt starts (epoch ms) */
  retryAt: number | null;
  error: string | null;
}

/** Follows the bundle's stream at {@code minLevel}; a new level or bundle starts over. */
export function useLiveStream(bundleId: string, minLevel: string): LiveStream {
  const model = useRef(new LiveModel());
  const [, setVersion] = useState(0);
  const [state, setState] = useState<ConnState>('connecting');
  const [retryAt, setRetryAt] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const m = new LiveModel();
    model.current = m;
    setState('connecting');
    setRetryAt(null);
    setError(null);
    setVersion(v => v + 1);
    let dirty = false;
    let stopped = false;
    let attempt = 0;
    let connections = 0;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let conn: { close: () => void } | null = null;
    const flush = setInterval(() => {
      if (!dirty) return;
      dirty = false;
      m.trim();
      setVersion(v => v + 1);
    }, FLUSH_MS);

    const connect = () => {
      setState(connections === 0 ? 'connecting' : 'reconnecting');
      setRetryAt(null);
      conn = openStream(bundleId, minLevel, {
        onOpen: () => {
          if (connections++ > 0) m.reconnects++;
          attempt = 0;
          setState('open');
          setError(null);
        },
        onFrame: f => {
          m.apply(f);
          dirty = true;
          if (f.type === 'end') {
            stopped = true;
            m.trim();
            setState('ended');
            setVersion(v => v + 1);
          }
        },
        onClose: ({ opened }) => {
          conn = null;
          if (stopped) return;
          if (!opened) {
            // refused before the upgrade: the browser does not say why, the API does
            api.jobStatus(bundleId).catch(e => {
              if (e instanceof ApiError && e.status === 404) {
                stopped = true;
                clearTimeout(retry);
                setState('error');
                setError(e.message);
              }
            });
          }
          const delay = BACKOFF_MS[Math.min(attempt, BACKOFF_MS.length - 1)];
          attempt++;
          setState('reconnecting');
          setRetryAt(Date.now() + delay);
          retry = setTimeout(() => {
            if (!stopped) connect();
          }, delay);
        },
      });
    };
    connect();
    return () => {
      stopped = true;
      clearInterval(flush);
      clearTimeout(retry);
      conn?.close();
    };
  }, [bundleId, minLevel]);

  return { model: model.current, state, retryAt, error };
}
