import { api, hasFilters, NO_FILTERS, type Filters, type ListFilter, type LogRecord } from '../lib/api';
import { baseName, count } from '../lib/format';
import { usePoll, useSearchPager } from '../lib/hooks';
import { browseRoute, Link, navigate, type Route } from '../lib/route';
import { QueryBar } from '../components/QueryBar';
import { HistogramPanel } from '../components/HistogramPanel';
import { RecordTable } from '../components/RecordTable';
import { AnomalyControl } from '../components/AnomalyFilter';
import { CompareFacets } from '../components/compare/CompareFacets';
import { TemplateDiff } from '../components/compare/TemplateDiff';

type CompareRoute = Extract<Route, { page: 'compare' }>;

/**
 * Two bundles side by side (e.g. a good and a bad cluster) under one set of filters in the URL:
 * facet counts of A and B with their difference, the template diff, and for each bundle its
 * histogram and its records.
 */
export function ComparePage({ route }: { route: CompareRoute }) {
  const { a, b, filters } = route;
  const setFilters = (patch: Partial<Filters>) => navigate({ ...route, filters: { ...filters, ...patch } });
  if (!a || !b) {
    return (
      <div class="page">
        <p class="banner error">Compare needs two bundles: /compare?a=&lt;id&gt;&amp;b=&lt;id&gt; (select two on the bundles page).</p>
      </div>
    );
  }
  return (
    <div class="page compare-page" data-testid="compare-page">
      <header class="browse-head">
        <Link to={{ page: 'bundles', open: null }} class="back">
          ← Bundles
        </Link>
        <h2>Compare</h2>
        <Link to={browseRoute(`${a},${b}`, { filters })} data-testid="to-merged">
          Browse both merged in time order
        </Link>
        <AnomalyControl value={filters.anomaly} onChange={anomaly => setFilters({ anomaly })} />
        {hasFilters(filters) && (
          <button class="link" onClick={() => setFilters(NO_FILTERS)}>
            clear all filters
          </button>
        )}
      </header>
      <QueryBar filters={filters} order="asc" badParam={null} onSubmit={patch => setFilters(patch)} />
      <CompareFacets a={a} b={b} filters={filters} onChange={(param: ListFilter, values) => setFilters({ [param]: values })} />
      <TemplateDiff a={a} b={b} filters={filters} />
      <div class="compare-sides">
        <Side letter="A" bundleId={a} filters={filters} onFilters={setFilters} />
        <Side letter="B" bundleId={b} filters={filters} onFilters={setFilters} />
      </div>
    </div>
  );
}

/** One bundle's histogram and records under the shared filters; a row opens it in the log browser. */
function Side(props: { letter: string; bundleId: string; filters: Filters; onFilters: (patch: Partial<Filters>) => void }) {
  const { letter, bundleId, filters, onFilters } = props;
  const { pager, searchKey } = useSearchPager(bundleId, filters, 'asc');
  const job = usePoll(signal => api.jobStatus(bundleId, signal), null, [bundleId]);
  const total = pager.total;
  const open = (r: LogRecord) => navigate(browseRoute(bundleId, { filters, sel: r.id, at: r.time }));
  return (
    <section class="compare-side" data-testid={`side-${letter.toLowerCase()}`} data-bundle-id={bundleId} data-total={total ?? ''}>
      <h3>
        <span class="side-letter">{letter}</span>
        <span title={job.data?.log_bundle_path}>{job.data ? baseName(job.data.log_bundle_path) : bundleId}</span>
        <span class="total">{total === null ? 'searching…' : `${count(total)} records`}</span>
        <Link to={browseRoute(bundleId, { filters })}>browse</Link>
      </h3>
      {pager.error && <p class="banner error">{pager.error.message}</p>}
      <HistogramPanel
        bundleId={bundleId}
        filters={filters}
        version={null}
        onTimeRange={(start_time, end_time) => onFilters({ start_time, end_time })}
      />
      <div class="compare-records">
        {total !== null && <RecordTable key={searchKey} pager={pager} total={total} selectedId={null} onSelect={open} jump={null} />}
      </div>
    </section>
  );
}
