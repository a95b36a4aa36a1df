import { useEffect, useState } from 'preact/hooks';
import { LiveHeatmap } from '../components/live/LiveHeatmap';
import { LiveProgress } from '../components/live/LiveProgress';
import { LiveRecords } from '../components/live/LiveRecords';
import { RuleHits } from '../components/live/RuleHits';
import { count } from '../lib/format';
import { type ConnState, useLiveStream } from '../lib/live';
import { browseRoute, Link, LIVE_LEVELS, liveRoute, navigate, type Route } from '../lib/route';

type LiveRoute = Extract<Route, { page: 'live' }>;

const STATE_TEXT: Record<ConnState, string> = {
  connecting: 'connecting…',
  open: 'live',
  reconnecting: 'disconnected, reconnecting',
  ended: 'ended',
  error: 'cannot follow',
};

/**
 * A bundle's ingest as it happens (/logs/stream): progress, a node x time heatmap of the
 * streamed levels, the newest records and the rules that fired; at the end a banner.
 */
export function LivePage({ route }: { route: LiveRoute }) {
  const { bundleId, minLevel } = route;
  const { model, state, retryAt, error } = useLiveStream(bundleId, minLevel);
  const levels = LIVE_LEVELS.slice(0, LIVE_LEVELS.indexOf(minLevel) + 1);
  return (
    <div class="page live-page" data-testid="live-page" data-first-record-at={model.firstRecordAt ?? ''}>
      <header class="browse-head">
        <Link to={browseRoute(bundleId)} class="back">
          ← Browse
        </Link>
        <h2>{bundleId}</h2>
        <span class={`conn conn-${state}`} data-testid="live-conn" data-state={state}>
          {STATE_TEXT[state]}
          {state === 'reconnecting' && retryAt && <Countdown at={retryAt} />}
        </span>
        <label class="level">
          from level{' '}
          <select name="min_level" value={minLevel}
            onChange={e => navigate(liveRoute(bundleId, e.currentTarget.value), { replace: true })}>
            {LIVE_LEVELS.map(l => (
              <option key={l} value={l}>{l}</option>
            ))}
          </select>
        </label>
      </header>
      {error && <p class="banner error">{error}</p>}
      {model.end && (
        <p class={`banner ${model.end.status === 'completed' ? 'ok' : 'error'}`} data-testid="live-end" data-status={model.end.status}>
          {model.end.status === 'completed' ? 'completed' : `failed: ${model.end.error_msg ?? ''}`}
          {model.received === 0 && model.end.status === 'completed' && ' (it had already ended, or nothing at this level was parsed while connected)'}
          {' '}
          <Link to={browseRoute(bundleId)} data-testid="live-browse">Browse the bundle →</Link>
        </p>
      )}
      {model.dropped > 0 && (
        <p class="banner warn" data-testid="live-dropped">
          dropped {count(model.dropped)}: the node fell behind publishing and skipped these records (they are in the index)
        </p>
      )}
      {model.closedReason && <p class="banner warn">the server dropped this view: {model.closedReason}</p>}
      {model.reconnects > 0 && (
        <p class="banner warn" data-testid="live-gap">
          reconnected {model.reconnects}×: records parsed while disconnected are not listed (browse them)
        </p>
      )}
      <LiveProgress progress={model.progress} done={!!model.end} />
      <div class="live-grid">
        <div class="live-main">
          <h3>
            {levels.slice().reverse().join(' and ')} per node <span class="muted">{count(model.heatTotal)}</span>
          </h3>
          <LiveHeatmap bundleId={bundleId} cells={model.cells} slotMs={model.intervalMs} levels={levels} />
          <LiveRecords bundleId={bundleId} records={model.records} received={model.received} scrolledOut={model.scrolledOut}
            dropped={model.dropped} />
        </div>
        <RuleHits bundleId={bundleId} hits={model.hits} />
      </div>
    </div>
  );
}

function Countdown({ at }: { at: number }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(t);
  }, [at]);
  return <> in {Math.max(0, Math.ceil((at - now) / 1000))} s</>;
}
