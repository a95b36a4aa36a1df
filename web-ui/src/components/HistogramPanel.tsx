import { useMemo } from 'preact/hooks';
import { api, type Filters } from '../lib/api';
import { count, isoMicros } from '../lib/format';
import { usePoll } from '../lib/hooks';
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
    signal => api.histogram(bundleId, filters, { split_by: 'log_level' }, signal),
    null,
    [bundleId, JSON.stringify(filters), version],
  );
  const bins = useMemo<TimeBins>(() => {
    const buckets = data?.buckets ?? [];
    return {
      start: buckets.map(b => b.start_ms / 1000),
      count: buckets.map(b => b.count),
      errors: buckets.map(b => (b.splits.ERROR ?? 0) + (b.splits.FATAL ?? 0)),
    };
  }, [data]);
  return (
    <section
      class="time-histogram"
      data-testid="time-histogram"
      data-loaded={data ? 'true' : 'false'}
      data-total={data?.total ?? ''}
      data-buckets={data?.buckets.length ?? ''}
      data-interval={data?.interval ?? ''}
    >
      <div class="hist-caption">
        {data ? `${count(data.total)} records, ${data.buckets.length} bars of ${data.interval}; red: ERROR and FATAL; drag to zoom in` : 'counting…'}
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
