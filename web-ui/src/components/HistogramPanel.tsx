import { useMemo } from 'preact/hooks';
import { api, type Filters } from '../lib/api';
import { count, isoMicros } from '../lib/format';
import { usePoll } from '../lib/hooks';

const ERRORS = ['ERROR', 'FATAL'];
import { type TimeBins, TimeHistogram } from './TimeHistogram';

interface Props {
  bundleId: string;
  filters: Filters;
  /** changes while the bundle ingests, to refetch */
  version: unknown;
  onTimeRange: (start_time: string, end_time: string) => void;
}

/** The histogram of what the filters match (the time range included: a brush zooms in). */
export function HistogramPanel({ bundleId, filters, version, onTimeRange }: Props) {
  const { data, error } = usePoll(
    async signal => {
      // Two histograms rather than one split by level: every record (when only time is filtered,
      // the index counts it without visiting a record) and the errors (few), on the same slots.
      const all = await api.histogram(bundleId, filters, {}, signal);
      const levels = filters.log_level.length ? filters.log_level.filter(l => ERRORS.includes(l)) : ERRORS;
      const errors = levels.length && all.interval
        ? await api.histogram(bundleId, { ...filters, log_level: levels }, { interval: all.interval }, signal)
        : null;
      return { all, errors };
    },
    null,
    [bundleId, JSON.stringify(filters), version],
  );
  const bins = useMemo<TimeBins>(() => {
    const buckets = data?.all.buckets ?? [];
    const errors = new Map((data?.errors?.buckets ?? []).map(b => [b.start_ms, b.count]));
    return {
      start: buckets.map(b => b.start_ms / 1000),
      count: buckets.map(b => b.count),
      errors: buckets.map(b => errors.get(b.start_ms) ?? 0),
    };
  }, [data]);
  const all = data?.all;
  return (
    <section
      class="time-histogram"
      data-testid="time-histogram"
      data-loaded={data ? 'true' : 'false'}
      data-total={all?.total ?? ''}
      data-buckets={all?.buckets.length ?? ''}
      data-interval={all?.interval ?? ''}
      data-errors={data ? bins.errors.reduce((a, b) => a + b, 0) : ''}
    >
      <div class="hist-caption">
        {!all ? 'counting…' : all.interval ? `${count(all.total)} records, ${all.buckets.length} bars of ${all.interval}; red: ERROR and FATAL; drag to zoom in` : 'no records'}
        {error && <span class="form-error"> {error.message}</span>}
        {(filters.start_time || filters.end_time) && (
          <button class="link" onClick={() => onTimeRange('', '')}>
            whole time span
          </button>
        )}
      </div>
      <TimeHistogram bins={bins} onSelect={(from, to) => onTimeRange(isoMicros(from), isoMicros(to))} />
    </section>
  );
}
