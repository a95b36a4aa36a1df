import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import type { ClusterActionResult, ClusterMember } from '../../lib/api';
import { bytes, count } from '../../lib/format';
import { browseRoute, Link } from '../../lib/route';
import { MemberActions } from './MemberActions';

const badge = (colour: string) =>
  ({ padding: '0 6px', borderRadius: '8px', fontSize: '12px', border: `1px solid ${colour}`, color: colour }) as const;

/** One row per member; its bundles open under it, each linking to the log browser. */
export function MembersTable({ members, onDone }: { members: ClusterMember[]; onDone: (r: ClusterActionResult) => void }) {
  const [open, setOpen] = useState<string | null>(null);
  return (
    <table class="bundles" data-testid="cluster-members">
      <thead>
        <tr>
          <th>node</th>
          <th>status</th>
          <th>reachable</th>
          <th class="num">to ingest</th>
          <th class="num">rate/s</th>
          <th class="num">cpu/core</th>
          <th class="num">free disk</th>
          <th class="num">placement load</th>
          <th class="num">bundles</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {members.map(m => (
          <Fragment key={m.node}>
            <tr data-testid="cluster-member" data-node={m.node}>
              <td>
                <code>{m.node}</code>{' '}
                {m.coordinator && <span style={badge('var(--muted)')} title="runs the shard coordinator">coordinator</span>}{' '}
                {m.draining && <span style={badge('var(--warn)')} data-testid="draining">draining</span>}
              </td>
              <td data-testid="member-status">{m.status}</td>
              <td style={{ color: m.reachable ? undefined : 'var(--error)' }}>{m.reachable ? 'yes' : 'unreachable'}</td>
              <td class="num">{m.load ? bytes(m.load.ingest_bytes) : '—'}</td>
              <td class="num">{m.load && m.load.ingest_bytes_per_second > 0 ? bytes(m.load.ingest_bytes_per_second) : '—'}</td>
              <td class="num">{m.load && m.load.cpu_load_milli >= 0 ? (m.load.cpu_load_milli / 1000).toFixed(2) : '—'}</td>
              <td class="num">{m.load ? bytes(m.load.free_disk_bytes) : '—'}</td>
              <td class="num">{m.load ? m.load.placement_load.toFixed(2) : '—'}</td>
              <td class="num">
                <button type="button" class="link" disabled={m.bundles_total === 0}
                  onClick={() => setOpen(open === m.node ? null : m.node)}>
                  {count(m.bundles_total)}
                </button>
              </td>
              <td>
                <MemberActions member={m} onDone={onDone} />
              </td>
            </tr>
            {open === m.node && (
              <tr class="details">
                <td colSpan={10}>
                  {Object.entries(m.bundles_by_status).map(([s, n]) => `${s} ${count(n)}`).join(' · ')}
                  <ul style={{ margin: '4px 0', paddingLeft: '18px' }}>
                    {m.bundles.map(b => (
                      <li key={b.log_bundle_id}>
                        <Link to={browseRoute(b.log_bundle_id)}>{b.log_bundle_id}</Link> {b.status}{' '}
                        <span style={{ color: 'var(--muted)' }}>{b.log_bundle_path}</span>
                      </li>
                    ))}
                  </ul>
                  {m.bundles.length < m.bundles_total && <span>…and {count(m.bundles_total - m.bundles.length)} more</span>}
                </td>
              </tr>
            )}
          </Fragment>
        ))}
      </tbody>
    </table>
  );
}
