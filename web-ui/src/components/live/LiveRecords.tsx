import type { ListedRecord } from '../../lib/live';
import { count, displayTime } from '../../lib/format';
import { browseRoute, Link } from '../../lib/route';

/**
 * The streamed records, newest first; each opens in the log browser. Only the newest are kept
 * (see RECORD_CAP); the rest are counted as scrolled out.
 */
export function LiveRecords(props: { bundleId: string; records: ListedRecord[]; received: number; scrolledOut: number; dropped: number }) {
  const { bundleId, records, received, scrolledOut, dropped } = props;
  const newestFirst = records.slice().reverse();
  return (
    <section class="live-records" data-testid="live-records" data-received={received} data-listed={records.length}
      data-scrolled-out={scrolledOut} data-dropped={dropped}>
      <h3>
        Records <span class="muted">{count(received)} received</span>
        {scrolledOut > 0 && <span class="muted" data-testid="scrolled-out"> · {count(scrolledOut)} older scrolled out (browse them)</span>}
      </h3>
      {!records.length && <p class="empty">No record yet.</p>}
      <ol>
        {newestFirst.map(({ seq, record: r }) => (
          <li key={seq} data-id={r.id} data-level={r.log_level}>
            <Link to={browseRoute(bundleId, { sel: r.id })} title="Open in the log browser">
              <span class="t">{displayTime(r.time)}</span>
              <span class={`lvl lvl-${r.log_level}`}>{r.log_level}</span>
              <span class="node">{r.cvm_ip ?? ''}</span>
              <span class="svc">{r.service}</span>
              <span class="msg">{r.message.split('\n', 1)[0]}</span>
            </Link>
          </li>
        ))}
      </ol>
    </section>
  );
}
