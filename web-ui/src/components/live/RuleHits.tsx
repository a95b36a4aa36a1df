import type { RuleHit } from '../../lib/api';
import { count, displayInstant } from '../../lib/format';
import { browseRoute, Link } from '../../lib/route';
import { SeverityBadge, severityRank } from '../SeverityBadge';

/** Known issues found while the bundle is ingested, most severe first. */
export function RuleHits({ bundleId, hits }: { bundleId: string; hits: RuleHit[] }) {
  const sorted = hits.slice().sort((a, b) => severityRank(a.severity) - severityRank(b.severity) || a.first_time.localeCompare(b.first_time));
  return (
    <section class="live-hits" data-testid="rule-hits" data-count={hits.length}>
      <h3>
        Known issues <span class="muted">{count(hits.length)}</span>
      </h3>
      {!hits.length && <p class="empty">No rule fired yet.</p>}
      <ul>
        {sorted.map(h => (
          <li key={`${h.rule_id} ${h.node ?? ''}`} data-rule-id={h.rule_id} data-node={h.node ?? ''} data-final={h.is_final}>
            <SeverityBadge severity={h.severity} /> <span class="hit-title">{h.title}</span>
            <div class="muted">
              {h.node ?? 'cluster'} · from {displayInstant(h.first_time)} · {count(h.count)} match{h.count === 1 ? '' : 'es'}
            </div>
            <div class="evidence">
              {h.evidence.slice(0, 3).map((id, i) => (
                <Link key={id} to={browseRoute(bundleId, { sel: id })} class="evidence-link" data-evidence={id}>
                  evidence {i + 1}
                </Link>
              ))}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
