import { useState } from 'preact/hooks';
import { api, type ClusterActionResult } from '../lib/api';
import { usePoll } from '../lib/hooks';
import { MembersTable } from '../components/cluster/MembersTable';
import { ShardList } from '../components/cluster/ShardList';

/**
 * The cluster (GET /cluster/members, GET /cluster/shards), polled every 3 s: every member with
 * its status, reachability, load and bundles, who runs the shard coordinator, where each
 * bundle's shard lives; drain, undrain, leave and down with a confirmation. Self-contained: one
 * route, one nav link, its components under components/cluster/.
 */
export function ClusterPage() {
  const members = usePoll(signal => api.clusterMembers(signal), 3000, []);
  const shards = usePoll(signal => api.clusterShards(signal), 5000, []);
  const [last, setLast] = useState<ClusterActionResult | null>(null);
  const done = (result: ClusterActionResult) => {
    setLast(result);
    members.refresh();
  };
  return (
    <div class="page cluster-page">
      <header class="browse-head">
        <h2>Cluster</h2>
        {members.data && (
          <span class="total" data-testid="cluster-summary">
            {members.data.members.length} member{members.data.members.length === 1 ? '' : 's'} · answered by{' '}
            {members.data.self} · coordinator {members.data.coordinator ?? '—'}
          </span>
        )}
      </header>
      <p class="legend" style={{ color: 'var(--muted)' }}>
        A drained node keeps its bundles and answers for them, but gets no new bundle and no balanced traffic (its
        /health answers 404 "draining"). Leave moves its bundles to the other nodes and shuts it down; down is for a
        node that is unreachable.
      </p>
      {members.error && <p class="banner error">{members.error.message}</p>}
      {last && (
        <p class="banner" data-testid="cluster-last-action">
          {last.action} {last.node}: {last.detail}
        </p>
      )}
      {!members.data && !members.error && <p class="empty">Loading members…</p>}
      {members.data && <MembersTable members={members.data.members} onDone={done} />}
      <h3>Shard placement</h3>
      {shards.error && <p class="banner error">{shards.error.message}</p>}
      {shards.data && <ShardList shards={shards.data} />}
    </div>
  );
}
