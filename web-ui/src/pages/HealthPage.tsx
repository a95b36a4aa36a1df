import { Fragment, type ComponentChildren } from 'preact';
import { api, type HealthReason, type NodeHealth, type ServiceHealth } from '../lib/api';
import { count, displayInstant } from '../lib/format';
import { usePoll } from '../lib/hooks';
import { browseRoute, Link, navigate, routeHref, type Route } from '../lib/route';

type HealthRoute = Extract<Route, { page: 'services' }>;

// Self-contained on purpose (inline styles, no shared CSS): the page is one module, its route and
// one link from the bundles page.
const S = {
  list: { listStyle: 'none', padding: 0, margin: 0 },
  service: { borderBottom: '1px solid var(--line)', padding: '6px 0' },
  row: { display: 'grid', gridTemplateColumns: '220px 200px 48px 1fr', gap: '12px', alignItems: 'center' },
  bar: { height: '10px', background: 'var(--line)', borderRadius: '5px', overflow: 'hidden' },
  reasons: { margin: '4px 0 0 232px', padding: 0, listStyle: 'none' },
  nodes: { margin: '6px 0 6px 24px' },
  runs: { margin: '6px 0 6px 24px', borderCollapse: 'collapse' },
} as const;

/** Green at 100, amber around 70, red at 40 and below. */
function colour(score: number): string {
  return score >= 90 ? '#2e7d32' : score >= 70 ? 'var(--warn)' : 'var(--error)';
}

/**
 * Health of a bundle's services (GET /logs/health): worst first, each with a 0-100 bar and the
 * reasons of every point taken off; opening a service shows its nodes and its process runs
 * (GET /logs/processes). Evidence ids open the record in the log browser.
 */
export function HealthPage({ route }: { route: HealthRoute }) {
  const { bundleId, open } = route;
  const { data, error } = usePoll(signal => api.health(bundleId, signal), null, [bundleId]);
  return (
    <div class="page health-page">
      <header class="browse-head">
        <Link to={browseRoute(bundleId)} class="back">
          ← Browse
        </Link>
        <h2>{bundleId}</h2>
        {data && <span class="total">health computed {displayInstant(data.computed_at)}</span>}
      </header>
      <p class="legend" style={{ color: 'var(--muted)' }}>
        100 = nothing wrong seen. Points are taken off for FATAL records, restarts, the error rate and its trend,
        known issues and anomalies; a service is scored by its worst node.
      </p>
      {error && <p class="banner error">{error.message}</p>}
      {!data && !error && <p class="empty">Scoring…</p>}
      {data && data.services.length === 0 && <p class="empty">No records in this bundle.</p>}
      {data && (
        <ul style={S.list} data-testid="health">
          {data.services.map(s => (
            <Service key={s.service} bundleId={bundleId} s={s} open={open === s.service} route={route} />
          ))}
        </ul>
      )}
    </div>
  );
}

function Service({ bundleId, s, open, route }: { bundleId: string; s: ServiceHealth; open: boolean; route: HealthRoute }) {
  return (
    <li style={S.service} data-service={s.service} data-score={s.score}>
      <div style={S.row}>
        <Link to={{ ...route, open: open ? null : s.service }} class="link">
          {open ? '▾' : '▸'} <strong>{s.service}</strong>
        </Link>
        <Bar score={s.score} />
        <strong style={{ color: colour(s.score), textAlign: 'right' }}>{s.score}</strong>
        <span style={{ color: 'var(--muted)' }}>
          {s.nodes.length > 1
            ? `worst on ${s.worst_cvm_ip ?? 'its node'}; ${s.nodes.length} nodes, spread ${s.spread}`
            : s.worst_cvm_ip ?? ''}
        </span>
      </div>
      <Reasons bundleId={bundleId} reasons={s.reasons} />
      {open && (
        <>
          <table class="nodes" style={S.nodes}>
            <tbody>
              {s.nodes.map(n => (
                <NodeRow key={n.cvm_ip ?? ''} bundleId={bundleId} n={n} />
              ))}
            </tbody>
          </table>
          <Runs bundleId={bundleId} service={s.service} />
        </>
      )}
    </li>
  );
}

function NodeRow({ bundleId, n }: { bundleId: string; n: NodeHealth }) {
  return (
    <tr data-node={n.cvm_ip ?? ''} data-score={n.score}>
      <td style={{ paddingRight: '12px', fontFamily: 'var(--mono)', verticalAlign: 'top' }}>{n.cvm_ip ?? '(no node IP)'}</td>
      <td style={{ width: '160px', verticalAlign: 'top', paddingTop: '4px' }}>
        <Bar score={n.score} />
      </td>
      <td style={{ width: '36px', textAlign: 'right', color: colour(n.score), verticalAlign: 'top' }}>{n.score}</td>
      <td>
        {n.reasons.length === 0 ? <span style={{ color: 'var(--muted)' }}>nothing wrong seen</span> : null}
        <Reasons bundleId={bundleId} reasons={n.reasons} inline />
      </td>
    </tr>
  );
}

function Bar({ score }: { score: number }) {
  return (
    <div style={S.bar} title={`${score} / 100`}>
      <div style={{ width: `${score}%`, height: '100%', background: colour(score) }} />
    </div>
  );
}

function Reasons({ bundleId, reasons, inline }: { bundleId: string; reasons: HealthReason[]; inline?: boolean }) {
  if (reasons.length === 0) return null;
  return (
    <ul style={inline ? { ...S.reasons, margin: 0 } : S.reasons}>
      {reasons.map((r, i) => (
        <li key={i} data-kind={r.kind}>
          <span style={{ color: 'var(--error)', fontVariantNumeric: 'tabular-nums' }}>−{r.penalty}</span> {r.detail}
          {r.evidence.map((id, j) => (
            <Fragment key={j}>
              {' '}
              <RecordLink bundleId={bundleId} id={id}>
                [{j + 1}]
              </RecordLink>
            </Fragment>
          ))}
        </li>
      ))}
    </ul>
  );
}

/** The service's process runs on every node: start, end, pid, how each ended. */
function Runs({ bundleId, service }: { bundleId: string; service: string }) {
  const { data, error } = usePoll(signal => api.processes(bundleId, service, signal), null, [bundleId, service]);
  if (error) return <p class="banner error">{error.message}</p>;
  if (!data) return null;
  return (
    <table style={S.runs} data-testid="runs">
      <thead>
        <tr style={{ color: 'var(--muted)', textAlign: 'left' }}>
          <th>node</th>
          <th>pid</th>
          <th>start</th>
          <th>end</th>
          <th>records</th>
          <th>ended</th>
        </tr>
      </thead>
      <tbody>
        {data.runs.map(r => (
          <tr key={`${r.cvm_ip}-${r.pid}-${r.first_record_id}`} data-ended={r.ended}>
            <td style={{ fontFamily: 'var(--mono)', paddingRight: '12px' }}>{r.cvm_ip ?? ''}</td>
            <td style={{ paddingRight: '12px' }}>{r.pid ?? '—'}</td>
            <td style={{ paddingRight: '12px' }}>
              <RecordLink bundleId={bundleId} id={r.first_record_id}>{displayInstant(r.start_time)}</RecordLink>
            </td>
            <td style={{ paddingRight: '12px' }}>{displayInstant(r.end_time)}</td>
            <td style={{ paddingRight: '12px', textAlign: 'right' }}>{count(r.records)}</td>
            <td style={{ color: r.ended === 'fatal' || r.ended === 'restarted' ? 'var(--error)' : undefined }}>
              {r.end_record_id ? <RecordLink bundleId={bundleId} id={r.end_record_id}>{r.ended}</RecordLink> : r.ended}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * A link to a record in the log browser ({@code /browse/<id>?sel=<record>}); a click first asks
 * /logs/context for the record's time so the browser opens scrolled to it ({@code at}).
 */
function RecordLink({ bundleId, id, children }: { bundleId: string; id: string; children: ComponentChildren }) {
  const onClick = (e: MouseEvent) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    api.context(bundleId, id, 0).then(
      c => navigate(browseRoute(bundleId, { sel: id, at: c.records[c.target_index]?.time ?? null })),
      () => navigate(browseRoute(bundleId, { sel: id })),
    );
  };
  return (
    <a href={routeHref(browseRoute(bundleId, { sel: id }))} title={`record ${id}`} onClick={onClick}>
      {children}
    </a>
  );
}
