import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError, hasFilters, NO_FILTERS, type Filters, type Issue, type ListFilter, type LogRecord } from '../lib/api';
import { baseName, count, isoMicros, toMicros } from '../lib/format';
import { usePoll, useSearchPager } from '../lib/hooks';
import type { RecordPager } from '../lib/pager';
import { bundleIdsOf, compareRoute, heatmapRoute, Link, navigate, type Order, type Route } from '../lib/route';
import { FacetSidebar } from '../components/FacetSidebar';
import { QueryBar } from '../components/QueryBar';
import { type Jump, RecordTable } from '../components/RecordTable';
import { RecordDetail } from '../components/RecordDetail';
import { HistogramPanel } from '../components/HistogramPanel';
import { IssuesPanel } from '../components/IssuesPanel';
import { MakeRuleDialog } from '../components/MakeRuleDialog';
import { SeverityBadge, severityRank } from '../components/SeverityBadge';

type BrowseRoute = Extract<Route, { page: 'browse' }>;

/**
 * Every record of one bundle in time order: facets on the left, query bar on top, the virtual
 * table, and the selected record in full below it. All of it lives in the URL.
 */
export function LogBrowserPage({ route }: { route: BrowseRoute }) {
  const { bundleId, filters, order, sel, at, issues: issuesOpen, makeRule } = route;
  const ids = bundleIdsOf(bundleId);
  /** several bundles merged in time order: no issues, heatmap or rules (those are per bundle) */
  const merged = ids.length > 1;
  const { pager, searchKey } = useSearchPager(bundleId, filters, order);

  // A shared link (or a new search with a record selected) opens at the selected record's time.
  const [located, setLocated] = useState<{ pager: RecordPager; jump: Jump } | null>(null);
  const jump = located?.pager === pager ? located.jump : null;
  const seq = useRef(0);
  /** the time of the record last clicked in the table: the table is where it is, no jump */
  const clickedAt = useRef<string | null>(null);
  useEffect(() => {
    if (!at || at === clickedAt.current) return;
    pager.locate(at).then(index => setLocated({ pager, jump: { index, seq: ++seq.current } }), () => undefined);
  }, [pager, at]);

  // A link with only the record's id (an issue's evidence): its time comes from /logs/context.
  const [picked, setPicked] = useState<LogRecord | null>(null);
  const [selError, setSelError] = useState<string | null>(null);
  useEffect(() => {
    setSelError(null);
    if (!sel || at) return;
    const abort = new AbortController();
    // merged: a link names one of the bundles; /logs/context is asked of each until one knows the id
    firstContext(ids, sel, abort.signal).then(
      c => {
        const r = c.records[c.target_index];
        clickedAt.current = null;
        setPicked(r);
        navigate({ ...route, sel: r.id, at: r.time }, { replace: true });
      },
      e => abort.signal.aborted || setSelError(e instanceof Error ? e.message : String(e)),
    );
    return () => abort.abort();
  }, [bundleId, sel, at]);
  const record = picked?.id === sel ? picked : sel ? findNear(pager, sel, jump?.index ?? 0) : null;

  // The bundle's status, polled until it ended (while it ingests, counts grow).
  const [ended, setEnded] = useState(false);
  const bundle = usePoll(signal => api.jobStatus(ids[0], signal), ended || merged ? null : 2000, [bundleId]);
  const ingesting = bundle.data ? bundle.data.job_status === 'queued' || bundle.data.job_status === 'inprogress' : false;
  useEffect(() => setEnded(!!bundle.data && !ingesting), [bundle.data, ingesting]);
  const records = bundle.data?.progress.records;
  useEffect(() => pager.refresh(), [pager, records]);

  // The known issues, polled until the final check (while ingesting, checks repeat).
  const failed = bundle.data?.job_status === 'failed';
  const [checkFinal, setCheckFinal] = useState(false);
  const issues = usePoll(
    signal => (merged ? Promise.resolve(null) : api.issues(bundleId, signal)),
    checkFinal || failed || merged ? null : 3000,
    [bundleId],
  );
  useEffect(() => setCheckFinal(!!issues.data?.check?.is_final), [issues.data]);
  const recheck = async () => {
    await api.checkIssues(bundleId);
    issues.refresh();
  };

  const go = (patch: Partial<BrowseRoute>, replace = false) => navigate({ ...route, ...patch }, { replace });
  /** Every filter change, the time range too (query bar now, the histogram's brush next). */
  const setFilters = (patch: Partial<Filters>) => go({ filters: { ...filters, ...patch } });
  const select = useCallback(
    (r: LogRecord) => {
      setPicked(r);
      clickedAt.current = r.time;
      navigate({ ...route, sel: r.id, at: r.time }, { replace: true });
    },
    [route],
  );
  const close = useCallback(() => {
    setPicked(null);
    navigate({ ...route, sel: null, at: null, makeRule: false }, { replace: true });
  }, [route]);
  /** An issue in the table: its node and time span, its first evidence selected. */
  const focus = (issue: Issue) => {
    const end = isoMicros(toMicros(issue.last_time) + 1);
    go({
      filters: { ...NO_FILTERS, cvm_ip: issue.node ? [issue.node] : [], start_time: issue.first_time, end_time: end },
      sel: issue.evidence[0] ?? null,
      at: null,
    });
  };
  const issueList = issues.data?.issues ?? [];
  const worst = issueList.reduce<Issue | null>((w, i) => (!w || severityRank(i.severity) < severityRank(w.severity) ? i : w), null);

  const error = pager.error;
  const badParam = error instanceof ApiError ? error.param : null;
  const total = pager.total;
  return (
    <div class={`page browse-page${issuesOpen ? ' with-issues' : ''}`}>
      <header class="browse-head">
        <Link to={{ page: 'bundles', open: null }} class="back">
          ← Bundles
        </Link>
        {merged ? (
          <h2 data-testid="merged-bundles">{ids.length} bundles merged in time order</h2>
        ) : (
          <h2 title={bundle.data?.log_bundle_path}>{bundle.data ? baseName(bundle.data.log_bundle_path) : bundleId}</h2>
        )}
        <span class="total" data-testid="total" data-total={total ?? ''}>
          {total === null ? 'searching…' : `${count(total)} records`}
        </span>
        {ingesting && <span class="status inprogress">still ingesting: counts grow</span>}
        {merged && (
          <Link to={compareRoute(ids[0], ids[1], filters)} data-testid="to-compare">
            Compare side by side
          </Link>
        )}
        {!merged && (
          <Link to={heatmapRoute(bundleId, { filters })} data-testid="to-heatmap">
            Heatmap
          </Link>
        )}
        {!merged && <button
          class={`issues-toggle${issuesOpen ? ' on' : ''}`}
          onClick={() => go({ issues: !issuesOpen }, true)}
          aria-pressed={issuesOpen}
          data-testid="issues-toggle"
          data-count={issues.data ? issueList.length : ''}
          title="Known issues the rules found in this bundle"
        >
          Issues {issues.data ? count(issueList.length) : '…'}
          {worst && <SeverityBadge severity={worst.severity} />}
        </button>}
        {hasFilters(filters) && (
          <button class="link" onClick={() => go({ filters: NO_FILTERS })}>
            clear all filters
          </button>
        )}
      </header>
      <QueryBar
        filters={filters}
        order={order}
        badParam={badParam}
        onSubmit={patch => setFilters(patch)}
        onOrder={(o: Order) => go({ order: o })}
      />
      <HistogramPanel
        bundleId={bundleId}
        filters={filters}
        version={ingesting ? total : null}
        onTimeRange={(start_time, end_time) => setFilters({ start_time, end_time })}
      />
      <FacetSidebar
        bundleId={bundleId}
        filters={filters}
        version={ingesting ? total : null}
        onChange={(param: ListFilter, values: string[]) => setFilters({ [param]: values })}
        onFilters={setFilters}
      />
      <main class="records">
        {error && (
          <p class="banner error" role="alert">
            {error.message}
          </p>
        )}
        {selError && (
          <p class="banner error" role="alert">
            Cannot select record {sel}: {selError}
          </p>
        )}
        {total !== null && (
          <RecordTable
            key={searchKey}
            pager={pager}
            total={total}
            selectedId={sel}
            onSelect={select}
            jump={jump}
            bundleLabel={merged ? id => bundleLabel(ids, id) : undefined}
          />
        )}
        {record && (
          <RecordDetail
            bundleId={bundleId}
            record={record}
            onClose={close}
            onFilter={(param, value) => setFilters({ [param]: [value] })}
            onMakeRule={() => go({ makeRule: true })}
            onSimilar={templateId => setFilters({ template_id: [templateId] })}
          />
        )}
      </main>
      {issuesOpen && !merged && (
        <IssuesPanel
          issues={issues.data}
          error={issues.error}
          ingesting={ingesting}
          onRecheck={recheck}
          evidenceRoute={id => ({ ...route, sel: id, at: null, makeRule: false })}
          onFocus={focus}
          onClose={() => go({ issues: false }, true)}
        />
      )}
      {makeRule && sel && (
        <MakeRuleDialog
          bundleId={record?.log_bundle_id ?? ids[0]}
          recordId={sel}
          onClose={() => go({ makeRule: false })}
          onRecheck={async () => {
            await recheck();
            go({ issues: true }, true);
          }}
        />
      )}
    </div>
  );
}

/** A merged table's bundle column: A, B, C... in the URL's order, the id as its title. */
function bundleLabel(ids: string[], id: string): string {
  const i = ids.indexOf(id);
  return i < 0 ? id.slice(0, 8) : `${String.fromCharCode(65 + (i % 26))} ${id.slice(0, 8)}`;
}

/** The record with this id in the first of these bundles that has it (its own time and file). */
async function firstContext(ids: string[], id: string, signal: AbortSignal) {
  let last: unknown = null;
  for (const bundle of ids) {
    try {
      return await api.context(bundle, id, 0, signal);
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 404 || ids.length === 1) throw e;
      last = e;
    }
  }
  throw last;
}

/** The loaded record with this id at or after row {@code from} (same-time records follow it). */
function findNear(pager: RecordPager, id: string, from: number): LogRecord | null {
  for (let i = from; i < from + 2000; i++) {
    const r = pager.get(i);
    if (r?.id === id) return r;
  }
  return null;
}
