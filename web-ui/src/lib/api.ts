// Typed client for the node's HTTP API (see README.md, "HTTP API"). Only existing endpoints.

export type JobState = 'queued' | 'inprogress' | 'completed' | 'failed';

export interface BundleMetadata {
  log_bundle_path: string;
  is_analyzed: boolean;
  log_bundle_size: number | null;
  log_bundle_id: string;
  log_type: string | null;
  status: JobState;
  bundle_type: string | null;
  submitted_at: string | null;
}

export interface Progress {
  files_total: number;
  files_done: number;
  bytes_total: number;
  bytes_done: number;
  records: number;
}

export interface JobStatus {
  id: string;
  job_status: JobState;
  start_time: string | null;
  end_time: string | null;
  error_msg: string | null;
  log_bundle_path: string;
  bundle_type: string | null;
  progress: Progress;
  warnings: string[] | null;
  summary: unknown;
}

export interface LogRecord {
  id: string;
  time: string;
  time_text: string | null;
  log_level: string;
  service: string;
  cvm_ip: string | null;
  pid: number | null;
  filename: string;
  filepath: string;
  line_number: number;
  message: string;
  /** set by {@link api.search} from the answer's highlights: where the text query matched */
  highlights?: [number, number][];
}

export interface SearchResponse {
  total: number;
  records: LogRecord[];
  next_cursor: string | null;
  /** with a text query: record id -> [start, end) offsets of the matched words in its message */
  highlights?: Record<string, [number, number][]>;
}

export interface HistogramBucket {
  start_time: string;
  start_ms: number;
  count: number;
  splits: Record<string, number>;
}

export interface HistogramResponse {
  /** null when nothing matched (no span to choose a width from) */
  interval: string | null;
  interval_ms: number;
  split_by: string | null;
  split_keys: string[];
  total: number;
  buckets: HistogramBucket[];
}

export type HeatmapRows = 'cvm_ip' | 'service';

export interface HeatmapResponse {
  rows_by: HeatmapRows;
  interval: string | null;
  interval_ms: number;
  log_levels: string[];
  rows: string[];
  columns: string[];
  columns_ms: number[];
  /** cells[row][column] */
  cells: number[][];
  total: number;
  max: number;
}

export interface ContextResponse {
  id: string;
  log_bundle_id: string;
  filepath: string;
  target_index: number;
  records: LogRecord[];
}

export interface Bucket {
  key: string;
  count: number;
}

export interface AggregateResponse {
  group_by: string;
  total: number;
  buckets: Bucket[];
}

/** One penalty of a health score: what was seen, the points it cost, records that show it. */
export interface HealthReason {
  kind: 'fatal' | 'restarts' | 'error_rate' | 'error_trend' | 'issue' | 'anomalies' | string;
  detail: string;
  penalty: number;
  evidence: string[];
}

export interface NodeHealth {
  cvm_ip: string | null;
  score: number;
  reasons: HealthReason[];
}

export interface ServiceHealth {
  service: string;
  /** 0-100, its worst node's */
  score: number;
  worst_cvm_ip: string | null;
  /** best node score minus worst */
  spread: number;
  reasons: HealthReason[];
  nodes: NodeHealth[];
}

export interface HealthResponse {
  log_bundle_id: string;
  /** worst first */
  services: ServiceHealth[];
  computed_at: string;
}

export interface ProcessRun {
  cvm_ip: string | null;
  service: string;
  pid: number | null;
  start_time: string;
  end_time: string;
  records: number;
  ended: 'fatal' | 'restarted' | 'clean' | 'running';
  end_record_id: string | null;
  first_record_id: string;
}

export interface ProcessesResponse {
  log_bundle_id: string;
  runs: ProcessRun[];
  restarts: { cvm_ip: string | null; service: string; runs: number; restarts: number; fatal: number }[];
}

/** A 4xx/5xx answer; {@code param} names the offending parameter when the API says so. */
export class ApiError extends Error {
  constructor(readonly status: number, message: string, readonly param: string | null) {
    super(message);
  }
}

/** Filters shared by search and aggregate; lists are sent comma-separated. */
export interface Filters {
  service: string[];
  cvm_ip: string[];
  log_level: string[];
  filename: string[];
  q: string;
  start_time: string;
  end_time: string;
}

export const LIST_FILTERS = ['cvm_ip', 'service', 'log_level', 'filename'] as const;
export type ListFilter = (typeof LIST_FILTERS)[number];

export const NO_FILTERS: Filters = {
  service: [], cvm_ip: [], log_level: [], filename: [], q: '', start_time: '', end_time: '',
};

/** Extra search parameters: paging and the seek bounds the record pager adds. */
export interface SearchExtra {
  limit?: number;
  cursor?: string | null;
  order?: 'asc' | 'desc';
  start_time?: string;
  end_time?: string;
}

export function filterParams(bundleId: string, f: Filters): URLSearchParams {
  const p = new URLSearchParams({ log_bundle_id: bundleId });
  for (const name of LIST_FILTERS) if (f[name].length) p.set(name, f[name].join(','));
  if (f.q.trim()) p.set('q', f.q.trim());
  if (f.start_time.trim()) p.set('start_time', f.start_time.trim());
  if (f.end_time.trim()) p.set('end_time', f.end_time.trim());
  return p;
}

async function call<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, { ...init, headers: { Accept: 'application/json', ...init?.headers } });
  const text = await res.text();
  let body: any = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    if (res.ok) throw new ApiError(res.status, `${url}: answer is not JSON`, null);
  }
  if (!res.ok) {
    throw new ApiError(res.status, body?.error_msg ?? `${res.status} ${res.statusText}`, body?.param ?? null);
  }
  return body as T;
}

export const api = {
  bundles: (signal?: AbortSignal) => call<BundleMetadata[]>('/logs/metadata', { signal }),

  analyze: (path: string, reanalyze: boolean) => {
    const p = new URLSearchParams({ log_bundle_path: path });
    if (reanalyze) p.set('reanalyze', 'true');
    return call<{ status: string; log_bundle_id: string; error_msg: string | null }>(
      `/logs/analyze?${p}`, { method: 'POST' });
  },

  jobStatus: (id: string, signal?: AbortSignal) =>
    call<JobStatus>(`/logs/job_status?${new URLSearchParams({ log_bundle_id: id })}`, { signal }),

  search: (bundleId: string, f: Filters, extra: SearchExtra, signal?: AbortSignal) => {
    const p = filterParams(bundleId, f);
    if (extra.start_time) p.set('start_time', extra.start_time);
    if (extra.end_time) p.set('end_time', extra.end_time);
    if (extra.limit) p.set('limit', String(extra.limit));
    if (extra.cursor) p.set('cursor', extra.cursor);
    if (extra.order) p.set('order', extra.order);
    return call<SearchResponse>(`/logs/search?${p}`, { signal }).then(res => {
      for (const r of res.records) r.highlights = res.highlights?.[r.id];
      return res;
    });
  },

  /** Counts over time; {@code interval} 'auto' or a width such as '5m'. */
  histogram: (bundleId: string, f: Filters, opts: { interval?: string; split_by?: string }, signal?: AbortSignal) => {
    const p = filterParams(bundleId, f);
    p.set('group_by', 'time');
    p.set('interval', opts.interval ?? 'auto');
    if (opts.split_by) p.set('split_by', opts.split_by);
    return call<HistogramResponse>(`/logs/aggregate?${p}`, { signal });
  },

  heatmap: (bundleId: string, f: Filters, rows: HeatmapRows, interval: string, signal?: AbortSignal) => {
    const p = filterParams(bundleId, f);
    p.set('rows', rows);
    p.set('interval', interval);
    return call<HeatmapResponse>(`/logs/heatmap?${p}`, { signal });
  },

  context: (bundleId: string, id: string, around: number, signal?: AbortSignal) => {
    const p = new URLSearchParams({ log_bundle_id: bundleId, id, before: String(around), after: String(around) });
    return call<ContextResponse>(`/logs/context?${p}`, { signal });
  },

  aggregate: (bundleId: string, groupBy: string, f: Filters, signal?: AbortSignal) => {
    const p = filterParams(bundleId, f);
    p.set('group_by', groupBy);
    return call<AggregateResponse>(`/logs/aggregate?${p}`, { signal });
  },

  health: (bundleId: string, signal?: AbortSignal) =>
    call<HealthResponse>(`/logs/health?${new URLSearchParams({ log_bundle_id: bundleId })}`, { signal }),

  processes: (bundleId: string, service: string, signal?: AbortSignal) =>
    call<ProcessesResponse>(`/logs/processes?${new URLSearchParams({ log_bundle_id: bundleId, service })}`, { signal }),
};

export function isAbort(e: unknown): boolean {
  return e instanceof DOMException && e.name === 'AbortError';
}
