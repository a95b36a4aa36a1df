import { api, type HeatmapResponse, type HeatmapRows } from '../lib/api';
import { count, displayInstant, isoMicros } from '../lib/format';
import { usePoll } from '../lib/hooks';
import { browseRoute, Link, navigate, type Route } from '../lib/route';

type HeatmapRoute = Extract<Route, { page: 'heatmap' }>;

const ROWS: { rows: HeatmapRows; title: string }[] = [
  { rows: 'cvm_ip', title: 'node × time' },
  { rows: 'service', title: 'service × time' },
];

/**
 * Where records of the chosen levels (ERROR and FATAL unless the URL names others) cluster:
 * one row per node or service, one column per time interval, darker for more. A click on a
 * cell opens the log browser filtered to that row, those levels and that interval.
 */
export function HeatmapPage({ route }: { route: HeatmapRoute }) {
  const { bundleId, filters, rows, interval } = route;
  const { data, error } = usePoll(
    signal => api.heatmap(bundleId, filters, rows, interval, signal),
    null,
    [bundleId, JSON.stringify(filters), rows, interval],
  );
  const open = (m: HeatmapResponse, row: number, col: number) => {
    const start = m.columns_ms[col] * 1000;
    navigate(browseRoute(bundleId, {
      filters: {
        ...filters,
        [m.rows_by]: [m.rows[row]],
        log_level: m.log_levels,
        start_time: isoMicros(start),
        end_time: isoMicros(start + m.interval_ms * 1000),
      },
    }));
  };
  return (
    <div class="page heatmap-page">
      <header class="browse-head">
        <Link to={browseRoute(bundleId, { filters })} class="back">
          ← Browse
        </Link>
        <h2>{bundleId}</h2>
        {data && (
          <span class="total" data-testid="heatmap-total" data-total={data.total}>
            {count(data.total)} {data.log_levels.join(' and ')} records, per {data.interval}
          </span>
        )}
      </header>
      <div class="controls">
        {ROWS.map(r => (
          <Link key={r.rows} to={{ ...route, rows: r.rows }} class={r.rows === rows ? 'on' : ''} data-testid={`rows-${r.rows}`}>
            {r.title}
          </Link>
        ))}
        <span class="legend">darker: more records; click a cell to browse them</span>
      </div>
      {error && <p class="banner error">{error.message}</p>}
      {data && data.rows.length === 0 && <p class="empty">No {data.log_levels.join(' or ')} records here.</p>}
      {data && data.rows.length > 0 && <Matrix m={data} onOpen={(r, c) => open(data, r, c)} />}
    </div>
  );
}

function Matrix({ m, onOpen }: { m: HeatmapResponse; onOpen: (row: number, col: number) => void }) {
  const labelEvery = Math.max(1, Math.ceil(m.columns.length / 8));
  return (
    <div class="heatmap-wrap">
      <table class="heatmap" data-testid="heatmap" data-rows-by={m.rows_by} data-interval-ms={m.interval_ms}>
        <colgroup>
          <col class="label" />
        </colgroup>
        <tbody>
          {m.rows.map((key, r) => (
            <tr key={key} data-row={key}>
              <th>{key}</th>
              {m.cells[r].map((n, c) => (
                <td
                  key={c}
                  class={n === 0 ? 'zero' : ''}
                  style={{ background: shade(n, m.max) }}
                  data-count={n}
                  data-start={m.columns[c]}
                  title={`${key}, ${displayInstant(m.columns[c])} +${m.interval}: ${count(n)}`}
                  onClick={n === 0 ? undefined : () => onOpen(r, c)}
                />
              ))}
            </tr>
          ))}
          <tr class="axis">
            <th />
            {m.columns.map((t, c) => (
              <td key={c}>{c % labelEvery === 0 ? <span class="tick">{displayInstant(t)}</span> : null}</td>
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  );
}

/** Transparent for 0, then from light to deep red on a square-root scale (a few hot cells stand out without hiding the rest). */
function shade(n: number, max: number): string {
  if (n === 0 || max === 0) return 'transparent';
  const t = Math.sqrt(n / max);
  return `rgba(198, 40, 40, ${(0.12 + 0.88 * t).toFixed(3)})`;
}
