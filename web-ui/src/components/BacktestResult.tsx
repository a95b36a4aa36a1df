import type { BacktestResponse, BundleBacktest } from '../lib/api';
import { count, displayTime } from '../lib/format';
import { browseRoute, routeHref } from '../lib/route';

/** What a rule finds in each bundle: matching records, where its condition holds (per node or cluster), samples. */
export function BacktestResult({ backtest }: { backtest: BacktestResponse }) {
  const fired = backtest.bundles.filter(b => b.hits.length).length;
  return (
    <section class="backtest" data-testid="backtest" aria-label="Backtest">
      <h4>
        Backtest: fires in {count(fired)} of {count(backtest.bundles.length)} bundle{backtest.bundles.length === 1 ? '' : 's'}
      </h4>
      {backtest.bundles.map(b => (
        <BundleResult key={b.log_bundle_id} b={b} />
      ))}
      {backtest.not_here.length > 0 && (
        <p class="hint">Not searched (held by other nodes): {backtest.not_here.join(', ')}</p>
      )}
    </section>
  );
}

function BundleResult({ b }: { b: BundleBacktest }) {
  return (
    <div class="backtest-bundle" data-bundle-id={b.log_bundle_id} data-matches={b.matches} data-hits={b.hits.length}>
      <div class="backtest-head">
        <span class="bundle-id" title={b.log_bundle_id}>
          {b.log_bundle_id}
        </span>
        <span data-field="matches">
          {count(b.matches)} matching record{b.matches === 1 ? '' : 's'}
        </span>
        <span class={b.hits.length ? 'fires' : 'hint'}>{b.hits.length ? 'fires' : 'does not fire'}</span>
      </div>
      {b.skipped && <p class="hint">could not run: {b.skipped}</p>}
      {b.hits.length > 0 && (
        <table class="hits">
          <thead>
            <tr>
              <th>Where</th>
              <th>First (UTC)</th>
              <th>Last</th>
              <th class="num">Count</th>
              <th class="num">Peak</th>
            </tr>
          </thead>
          <tbody>
            {b.hits.map(h => (
              <tr key={h.node ?? 'cluster'} data-node={h.node ?? ''}>
                <td>{h.node ?? 'cluster'}</td>
                <td>{displayTime(h.first_time).slice(0, 19)}</td>
                <td>{displayTime(h.last_time).slice(0, 19)}</td>
                <td class="num">
                  {count(h.count)}
                  {h.truncated ? '+' : ''}
                </td>
                <td class="num">{count(h.peak)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {b.samples.length > 0 && (
        <ul class="samples">
          {b.samples.map(r => (
            <li key={r.id} class={`lvl-${r.log_level}`} data-id={r.id}>
              <a href={routeHref(browseRoute(b.log_bundle_id, { sel: r.id, at: r.time }))} target="_blank" rel="noopener" title="Open in a new tab">
                {displayTime(r.time).slice(0, 19)}
              </a>
              <span>{r.cvm_ip ?? ''}</span>
              <span class="rt-level">{r.log_level}</span>
              <span title={r.message}>{r.message.split('\n', 1)[0]}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
