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
  /** the bundle it came from (a search over several bundles mixes them) */
  log_bundle_id?: string;
  /** its message template on its node (ids are per node: compare templates by text across nodes) */
  template_id?: number | null;
  /** its (template, node) pair's anomaly score, 0..1 (0 until the bundle is scored) */
  anomaly?: number;
  anomaly_reasons?: AnomalyReason[];
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

export interface AnomalyReason {
  kind: 'rare' | 'new' | 'burst' | 'one_node' | string;
  detail: string;
  contribution: number;
}

export interface TemplateEntry {
  template_id: number;
  /** null when the node does not know the id (another node mined it) */
  template: string | null;
  count: number;
  first_time: string;
  last_time: string;
  nodes: string[];
  services: string[];
  /** first mined in this bundle */
  new_in_bundle: boolean;
}

export interface TemplatesResponse {
  /** templates matching (the list may be cut at the limit) */
  total: number;
  templates: TemplateEntry[];
}

export interface Anomaly {
  template_id: number;
  cvm_ip: string | null;
  score: number;
  template: string | null;
  count: number;
  errors: number;
  reasons: AnomalyReason[];
  samples: string[];
}

export interface AnomaliesResponse {
  log_bundle_id: string;
  /** null until the complete bundle is scored */
  scanned_at: string | null;
  total: number;
  anomalies: Anomaly[];
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

// ---------------------------------------------------------------- known-issue rules

export type Severity = 'critical' | 'major' | 'minor' | 'info';
export const SEVERITIES: Severity[] = ['critical', 'major', 'minor', 'info'];
export type Grouping = 'node' | 'cluster';

export interface RuleScope {
  services?: string[];
  files?: string[];
  nodes?: string[];
}

export interface RuleMatch {
  query?: string;
  regex?: string;
  template?: string;
  levels?: string[];
}

export interface RuleCondition {
  min_count?: number;
  /** a duration such as 30s, 5m, 2h, 1d; none: at any distance */
  window?: string;
  per?: Grouping;
  followed_by?: { scope?: RuleScope; match?: RuleMatch; within?: string };
}

/** A rule in its file format (empty parts left out, as the API writes them). */
export interface Rule {
  id: string;
  /** the version edited (optimistic concurrency); 0 or absent for a new rule */
  version?: number;
  title: string;
  severity: Severity;
  description?: string;
  scope?: RuleScope;
  match: RuleMatch;
  condition?: RuleCondition;
  kb?: string;
  remediation?: string;
  tags?: string[];
}

export interface RuleView {
  rule: Rule;
  enabled: boolean;
  /** who brought it: user, import, a shipped library... */
  origin: string;
  updated_at: string;
}

export interface RuleVersionView {
  version: number;
  change: string;
  enabled: boolean;
  changed_at: string;
  changed_by: string | null;
  rule: Rule;
}

export interface RuleHistory {
  rule_id: string;
  versions: RuleVersionView[];
}

export interface ImportResult {
  created: string[];
  updated: string[];
  unchanged: string[];
}

export interface Issue {
  rule_id: string;
  rule_version: number;
  title: string;
  severity: Severity;
  /** null: counted over the whole cluster */
  node: string | null;
  first_time: string;
  last_time: string;
  count: number;
  peak: number;
  /** the count stopped at the checker's limit */
  truncated: boolean;
  /** record ids */
  evidence: string[];
  kb: string | null;
  remediation: string | null;
}

export interface SkippedRule {
  rule_id: string;
  title: string | null;
  reason: string;
}

export interface IssueCheck {
  checked_at: string;
  rules_checked: number;
  /** the check of the complete bundle (else of what was ingested so far) */
  is_final: boolean;
}

export interface IssuesResponse {
  log_bundle_id: string;
  check: IssueCheck | null;
  issues: Issue[];
  skipped: SkippedRule[];
}

export interface BacktestHit {
  node: string | null;
  first_time: string;
  last_time: string;
  count: number;
  peak: number;
  truncated: boolean;
  evidence: string[];
}

export interface BundleBacktest {
  log_bundle_id: string;
  /** records matching the rule's first step */
  matches: number;
  /** where the rule's condition holds */
  hits: BacktestHit[];
  samples: LogRecord[];
  /** why the rule could not run on this bundle */
  skipped: string | null;
}

export interface BacktestResponse {
  rule: Rule;
  bundles: BundleBacktest[];
  /** analyzed bundles held by other nodes, not searched */
  not_here: string[];
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

// ---------------------------------------------------------------- the live stream (WebSocket)

/** Records of one node and service in one time slot, added since the previous delta. */
export interface HeatCell {
  cvm_ip: string | null;
  service: string;
  start_time: string;
  start_ms: number;
  count: number;
}

/** A known-issue rule that fired where the previous check of the bundle had not seen it. */
export interface RuleHit {
  rule_id: string;
  rule_version: number;
  title: string;
  severity: Severity;
  /** null: counted over the whole cluster */
  node: string | null;
  first_time: string;
  last_time: string;
  count: number;
  evidence: string[];
  /** found by the check of the complete bundle (sent before the end) */
  is_final: boolean;
}

/** One JSON frame of {@code GET /logs/stream} (README, "HTTP API"). */
export type StreamFrame =
  | { type: 'record'; record: LogRecord }
  | { type: 'heatmap_delta'; min_level: string; interval_ms: number; cells: HeatCell[] }
  | ({ type: 'progress' } & Progress)
  | { type: 'dropped'; count: number }
  | ({ type: 'rule_hit' } & RuleHit)
  | { type: 'end'; status: 'completed' | 'failed'; error_msg: string | null }
  | { type: 'closed'; reason: string };

export interface StreamHandlers {
  onOpen?: () => void;
  onFrame: (frame: StreamFrame) => void;
  /** the socket closed (not by {@link StreamConnection.close}); {@code opened}: it had connected */
  onClose?: (info: { code: number; reason: string; opened: boolean }) => void;
}

export interface StreamConnection {
  close: () => void;
}

/**
 * Follows a bundle's ingest: a WebSocket to {@code /logs/stream} on the page's own host (ws: or
 * wss: as the page), one parsed frame per handler call. No reconnecting here: see lib/live.ts.
 */
export function openStream(bundleId: string, minLevel: string, handlers: StreamHandlers): StreamConnection {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const ws = new WebSocket(`${scheme}//${location.host}/logs/stream?${new URLSearchParams({ log_bundle_id: bundleId, min_level: minLevel })}`);
  let opened = false;
  let closedHere = false;
  ws.onopen = () => {
    opened = true;
    handlers.onOpen?.();
  };
  ws.onmessage = e => {
    if (typeof e.data !== 'string') return;
    let frame: StreamFrame;
    try {
      frame = JSON.parse(e.data);
    } catch {
      return;
    }
    handlers.onFrame(frame);
  };
  ws.onclose = e => {
    if (!closedHere) handlers.onClose?.({ code: e.code, reason: e.reason, opened });
  };
  return {
    close: () => {
      closedHere = true;
      ws.close();
    },
  };
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
  /** message template ids (per node) */
  template_id: string[];
  q: string;
  start_time: string;
  end_time: string;
  /** a minimum anomaly score ('' none), e.g. '0.5' */
  anomaly: string;
}

export const LIST_FILTERS = ['cvm_ip', 'service', 'log_level', 'filename', 'template_id'] as const;
export type ListFilter = (typeof LIST_FILTERS)[number];

export const NO_FILTERS: Filters = {
  service: [], cvm_ip: [], log_level: [], filename: [], template_id: [], q: '', start_time: '', end_time: '', anomaly: '',
};

/** Any filter set (the whole time range and every record otherwise). */
export function hasFilters(f: Filters): boolean {
  return LIST_FILTERS.some(name => f[name].length > 0) || !!(f.q || f.start_time || f.end_time || f.anomaly);
}

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
  if (f.anomaly.trim()) p.set('anomaly', f.anomaly.trim());
  return p;
}

// ---- cluster admin (GET /cluster/members, GET /cluster/shards, POST /cluster/members/<node>/<action>)

export interface MemberLoad {
  ingest_bytes: number;
  ingest_bytes_per_second: number;
  ingesting: string[];
  cpu_load_milli: number;
  free_disk_bytes: number;
  total_disk_bytes: number;
  placement_load: number;
  pending: number;
}

export interface ClusterMember {
  /** HTTP host:port: the name in hosting_worker_vm_ip and in the admin calls */
  node: string;
  address: string;
  status: string;
  reachable: boolean;
  roles: string[];
  coordinator: boolean;
  draining: boolean;
  load: MemberLoad | null;
  bundles_total: number;
  bundles_by_status: Record<string, number>;
  bundles: { log_bundle_id: string; log_bundle_path: string; status: JobState }[];
}

export interface ClusterMembers {
  self: string;
  coordinator: string | null;
  leader: string | null;
  members: ClusterMember[];
}

export interface ClusterShards {
  as_of: string;
  total: number;
  regions: { node: string; address: string; shards: number; entities: number }[];
  shards: { log_bundle_id: string; node: string; entities: number }[];
  failed: string[];
}

export type MemberAction = 'drain' | 'undrain' | 'leave' | 'down';

export interface ClusterActionResult {
  node: string;
  action: MemberAction;
  draining: boolean | null;
  detail: string;
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

  /**
   * The message templates of what the filters match, largest first. The API has no anomaly
   * filter here (it is left out, so counts are over the other filters).
   */
  templates: (bundleId: string, f: Filters, limit: number, signal?: AbortSignal) => {
    const p = filterParams(bundleId, { ...f, anomaly: '' });
    p.set('limit', String(limit));
    return call<TemplatesResponse>(`/logs/templates?${p}`, { signal });
  },

  /** The bundle's anomalous (template, node) pairs, highest score first. */
  anomalies: (bundleId: string, minScore: number, limit: number, signal?: AbortSignal) => {
    const p = new URLSearchParams({ log_bundle_id: bundleId, min_score: String(minScore), limit: String(limit) });
    return call<AnomaliesResponse>(`/logs/anomalies?${p}`, { signal });
  },

  issues: (bundleId: string, signal?: AbortSignal) =>
    call<IssuesResponse>(`/logs/issues?${new URLSearchParams({ log_bundle_id: bundleId })}`, { signal }),

  /** Checks the enabled rules on the bundle now and answers its issues. */
  checkIssues: (bundleId: string) =>
    call<IssuesResponse>(`/logs/issues/check?${new URLSearchParams({ log_bundle_id: bundleId })}`, { method: 'POST' }),

  rules: (signal?: AbortSignal) => call<{ rules: RuleView[] }>('/rules', { signal }).then(r => r.rules),

  rule: (id: string, signal?: AbortSignal) => call<RuleView>(`/rules/${encodeURIComponent(id)}`, { signal }),

  /** 201; 409 when the id exists, 400 naming every problem of an invalid rule. */
  createRule: (rule: Rule) => call<RuleView>('/rules', jsonBody('POST', { ...rule, version: 0 })),

  /** {@code rule.version} is the version edited: 409 when it is no longer the current one. */
  updateRule: (rule: Rule, enabled?: boolean) => {
    const p = enabled === undefined ? '' : `?${new URLSearchParams({ enabled: String(enabled) })}`;
    return call<RuleView>(`/rules/${encodeURIComponent(rule.id)}${p}`, jsonBody('PUT', rule));
  },

  deleteRule: (id: string, version: number) =>
    call<{ rule_id: string; deleted: boolean }>(
      `/rules/${encodeURIComponent(id)}?${new URLSearchParams({ version: String(version) })}`, { method: 'DELETE' }),

  ruleHistory: (id: string, signal?: AbortSignal) =>
    call<RuleHistory>(`/rules/${encodeURIComponent(id)}/history`, { signal }),

  /** Every rule as one YAML file (text). */
  exportRules: async () => {
    const res = await fetch('/rules/export');
    if (!res.ok) throw new ApiError(res.status, `${res.status} ${res.statusText}`, null);
    return res.text();
  },

  /** A YAML or JSON rule file; all rules are validated before any is saved. */
  importRules: (text: string) =>
    call<ImportResult>('/rules/import', { method: 'POST', body: text, headers: { 'Content-Type': 'text/plain' } }),

  /** A rule drafted from a record, with its backtest on the newest bundles here (nothing saved). */
  draftRule: (bundleId: string, recordId: string, signal?: AbortSignal) =>
    call<BacktestResponse>(`/rules/draft?${new URLSearchParams({ log_bundle_id: bundleId, record_id: recordId })}`,
      { method: 'POST', signal }),

  /** What a rule finds in these bundles (none: the newest bundles here). */
  backtest: (rule: Rule, bundleIds: string[], signal?: AbortSignal) => {
    const p = bundleIds.length ? `?${new URLSearchParams({ log_bundle_id: bundleIds.join(',') })}` : '';
    return call<BacktestResponse>(`/rules/backtest${p}`, { ...jsonBody('POST', rule), signal });
  },

  health: (bundleId: string, signal?: AbortSignal) =>
    call<HealthResponse>(`/logs/health?${new URLSearchParams({ log_bundle_id: bundleId })}`, { signal }),

  processes: (bundleId: string, service: string, signal?: AbortSignal) =>
    call<ProcessesResponse>(`/logs/processes?${new URLSearchParams({ log_bundle_id: bundleId, service })}`, { signal }),

  clusterMembers: (signal?: AbortSignal) => call<ClusterMembers>('/cluster/members?limit=50', { signal }),

  clusterShards: (signal?: AbortSignal) => call<ClusterShards>('/cluster/shards', { signal }),

  /** Drain/undrain/leave/down a member by its HTTP host:port; {@code force} only for down of a reachable node. */
  clusterAction: (node: string, action: MemberAction, force = false) =>
    call<ClusterActionResult>(
      `/cluster/members/${encodeURIComponent(node)}/${action}${force ? '?force=true' : ''}`, { method: 'POST' }),
};

function jsonBody(method: string, body: unknown): RequestInit {
  return { method, body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } };
}

export function isAbort(e: unknown): boolean {
  return e instanceof DOMException && e.name === 'AbortError';
}
