import { NO_FILTERS, type HeatCell } from '../../lib/api';
import { count, displayInstant, isoMicros } from '../../lib/format';
import { browseRoute, navigate } from '../../lib/route';

const WIDTHS_MIN = [1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440];
const MAX_COLUMNS = 120;

/**
 * Node x time from the accumulated heatmap deltas: the stream's 1-minute slots merged into
 * columns wide enough that at most 120 fit; a cell opens those records in the log browser.
 */
export function LiveHeatmap(props: { bundleId: string; cells: Map<string, HeatCell>; slotMs: number; levels: string[] }) {
  const { bundleId, cells, slotMs, levels } = props;
  if (!cells.size) return <section class="live-heatmap" data-testid="live-heatmap" data-cells="0"><p class="empty">No counts yet.</p></section>;
  let min = Infinity;
  let max = -Infinity;
  for (const c of cells.values()) {
    min = Math.min(min, c.start_ms);
    max = Math.max(max, c.start_ms);
  }
  const widthMs = Math.max(slotMs, (WIDTHS_MIN.find(w => (max - min) / (w * 60_000) < MAX_COLUMNS) ?? 1440) * 60_000);
  const first = Math.floor(min / widthMs) * widthMs;
  const columns = Math.floor((max - first) / widthMs) + 1;
  const rows = new Map<string, number[]>();
  for (const c of cells.values()) {
    const key = c.cvm_ip ?? '';
    let row = rows.get(key);
    if (!row) rows.set(key, (row = new Array(columns).fill(0)));
    row[Math.floor((c.start_ms - first) / widthMs)] += c.count;
  }
  const keys = [...rows.keys()].sort();
  let top = 0;
  for (const row of rows.values()) for (const n of row) top = Math.max(top, n);
  const open = (node: string, col: number) => {
    const start = (first + col * widthMs) * 1000;
    navigate(browseRoute(bundleId, {
      filters: {
        ...NO_FILTERS, cvm_ip: node ? [node] : [], log_level: levels,
        start_time: isoMicros(start), end_time: isoMicros(start + widthMs * 1000),
      },
    }));
  };
  const labelEvery = Math.max(1, Math.ceil(columns / 8));
  return (
    <section class="live-heatmap" data-testid="live-heatmap" data-cells={cells.size} data-width-ms={widthMs}>
      <table class="heatmap">
        <colgroup>
          <col class="label" />
        </colgroup>
        <tbody>
          {keys.map(key => (
            <tr key={key} data-row={key}>
              <th>{key || '(no node)'}</th>
              {rows.get(key)!.map((n, c) => (
                <td key={c} class={n === 0 ? 'zero' : ''} style={{ background: shade(n, top) }} data-count={n}
                  title={`${key || '(no node)'}, ${displayInstant(new Date(first + c * widthMs).toISOString())}: ${count(n)}`}
                  onClick={n === 0 ? undefined : () => open(key, c)} />
              ))}
            </tr>
          ))}
          <tr class="axis">
            <th />
            {Array.from({ length: columns }, (_, c) => (
              <td key={c}>{c % labelEvery === 0 ? <span class="tick">{displayInstant(new Date(first + c * widthMs).toISOString())}</span> : null}</td>
            ))}
          </tr>
        </tbody>
      </table>
    </section>
  );
}

function shade(n: number, max: number): string {
  if (n === 0 || max === 0) return 'transparent';
  return `rgba(198, 40, 40, ${(0.12 + 0.88 * Math.sqrt(n / max)).toFixed(3)})`;
}
