import { useState } from 'preact/hooks';
import { api, type ClusterActionResult, type ClusterMember, type MemberAction } from '../../lib/api';

const CONFIRM: Record<MemberAction, string> = {
  drain: 'Stop placing new bundles and balanced traffic on this node? It keeps answering for its bundles.',
  undrain: 'Let this node take new bundles and balanced traffic again?',
  leave: 'Make this node leave the cluster? It shuts down; its bundles are moved and re-indexed on the other nodes.',
  down: 'Mark this node down? Use it only for a node that is gone; its bundles move to the other nodes.',
};

/** Drain/undrain, leave and down of one member, each asked once more in the row before it is sent. */
export function MemberActions({ member, onDone }: { member: ClusterMember; onDone: (r: ClusterActionResult) => void }) {
  const [asking, setAsking] = useState<MemberAction | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const up = member.status === 'up' || member.status === 'weakly_up';
  const run = async (action: MemberAction) => {
    setBusy(true);
    setError(null);
    try {
      onDone(await api.clusterAction(member.node, action, action === 'down' && member.reachable));
      setAsking(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  if (asking) {
    return (
      <span data-testid="confirm">
        {CONFIRM[asking]} <button type="button" disabled={busy} onClick={() => run(asking)}>{asking}</button>{' '}
        <button type="button" disabled={busy} onClick={() => setAsking(null)}>cancel</button>
        {error && <span class="form-error"> {error}</span>}
      </span>
    );
  }
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {up && !member.draining && <button type="button" onClick={() => setAsking('drain')}>drain</button>}
      {up && member.draining && <button type="button" onClick={() => setAsking('undrain')}>undrain</button>}{' '}
      {up && <button type="button" onClick={() => setAsking('leave')}>leave</button>}{' '}
      <button type="button" onClick={() => setAsking('down')}
        title={member.reachable ? 'the node is reachable: this forces it down' : undefined}>down</button>
      {error && <span class="form-error"> {error}</span>}
    </span>
  );
}
