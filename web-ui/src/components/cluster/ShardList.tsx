import type { ClusterShards } from '../../lib/api';
import { count, displayInstant } from '../../lib/format';
import { browseRoute, Link } from '../../lib/route';

/** Shards (one per bundle) per node, then bundle -> node; an entity count of 0 is a passivated (analyzed) bundle. */
export function ShardList({ shards }: { shards: ClusterShards }) {
  return (
    <div data-testid="cluster-shards">
      <p style={{ color: 'var(--muted)' }}>
        {count(shards.total)} shard{shards.total === 1 ? '' : 's'} as of {displayInstant(shards.as_of)}:{' '}
        {shards.regions.map(r => `${r.node} ${count(r.shards)} (${count(r.entities)} running)`).join(' · ')}
        {shards.failed.length > 0 && <span class="form-error"> · no answer for {shards.failed.join(', ')}</span>}
      </p>
      <ul style={{ columns: '3 320px', margin: 0, paddingLeft: '18px' }}>
        {shards.shards.map(s => (
          <li key={s.log_bundle_id}>
            <Link to={browseRoute(s.log_bundle_id)}>{s.log_bundle_id}</Link> → <code>{s.node}</code>
            {s.entities > 0 && <span style={{ color: 'var(--muted)' }}> running</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
