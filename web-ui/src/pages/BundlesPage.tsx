import { useState } from 'preact/hooks';
import { api, ApiError, type BundleMetadata, type JobStatus } from '../lib/api';
import { usePoll } from '../lib/hooks';
import { baseName, bytes, count, displayInstant } from '../lib/format';
import { browseRoute, compareRoute, Link, liveRoute, navigate, type Route } from '../lib/route';

type BundlesRoute = Extract<Route, { page: 'bundles' }>;

/** Submit a bundle; every bundle with its status, live progress and warnings. */
export function BundlesPage({ route }: { route: BundlesRoute }) {
  const list = usePoll(signal => api.bundles(signal), 2000, []);
  const bundles = [...(list.data ?? [])].sort((a, b) => (b.submitted_at ?? '').localeCompare(a.submitted_at ?? ''));
  const toggle = (id: string) => navigate({ page: 'bundles', open: route.open === id ? null : id }, { replace: true });
  // bundles checked for Compare (two) or browsing merged (two or more), in the order checked
  const [picked, setPicked] = useState<string[]>([]);
  const pick = (id: string) => setPicked(p => (p.includes(id) ? p.filter(x => x !== id) : [...p, id]));
  return (
    <div class="page bundles-page">
      <AnalyzeForm onSubmitted={list.refresh} />
      {list.error && <p class="banner error">Cannot list bundles: {list.error.message}</p>}
      <div class="bundles-actions" data-testid="bundles-actions">
        {picked.length === 2 ? (
          <Link class="button" to={compareRoute(picked[0], picked[1])} data-testid="compare">
            Compare A and B side by side →
          </Link>
        ) : (
          <button disabled title="Check two bundles: the first checked is A, the second B">
            Compare
          </button>
        )}
        {picked.length >= 2 ? (
          <Link to={browseRoute(picked.join(','))} data-testid="browse-merged">
            Browse the {picked.length} merged in time order
          </Link>
        ) : (
          <span>check two bundles to compare them (e.g. a good and a bad cluster)</span>
        )}
      </div>
      <table class="bundles" data-testid="bundles">
        <thead>
          <tr>
            <th>Bundle</th>
            <th>Type</th>
            <th class="num">Size</th>
            <th>Status</th>
            <th class="num">Records</th>
            <th class="num">Warnings</th>
            <th>Submitted (UTC)</th>
            <th />
          </tr>
        </thead>
        {bundles.map(b => (
          <BundleRow
            key={b.log_bundle_id}
            bundle={b}
            open={route.open === b.log_bundle_id}
            onToggle={toggle}
            picked={picked.indexOf(b.log_bundle_id)}
            onPick={pick}
          />
        ))}
        {list.data && !bundles.length && (
          <tbody>
            <tr>
              <td colSpan={8} class="empty">No bundle yet: submit the path of one above.</td>
            </tr>
          </tbody>
        )}
      </table>
    </div>
  );
}

function AnalyzeForm({ onSubmitted }: { onSubmitted: () => void }) {
  const [path, setPath] = useState('');
  const [reanalyze, setReanalyze] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string; id?: string } | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!path.trim()) return;
    setBusy(true);
    try {
      const answer = await api.analyze(path.trim(), reanalyze);
      setMessage({ error: false, text: `Submitted as ${answer.log_bundle_id}`, id: answer.log_bundle_id });
      onSubmitted();
    } catch (err) {
      setMessage({ error: true, text: err instanceof ApiError ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="analyze" onSubmit={submit} data-testid="analyze-form">
      <label for="bundle-path">Analyze a bundle</label>
      <input
        id="bundle-path"
        name="log_bundle_path"
        placeholder="/path/to/NCC-logs.tar.gz (a folder or archive under an allowed root)"
        value={path}
        onInput={e => setPath(e.currentTarget.value)}
        autoComplete="off"
        spellcheck={false}
      />
      <label class="check">
        <input type="checkbox" checked={reanalyze} onChange={e => setReanalyze(e.currentTarget.checked)} />
        re-analyze
      </label>
      <button type="submit" disabled={busy || !path.trim()}>
        Analyze
      </button>
      {message && (
        <span class={message.error ? 'form-error' : 'form-ok'} role="status">
          {message.text}
        </span>
      )}
      {message?.id && (
        <Link to={liveRoute(message.id)} class="live-link" data-testid="watch-live">
          Watch live →
        </Link>
      )}
    </form>
  );
}

function BundleRow(props: {
  bundle: BundleMetadata;
  open: boolean;
  onToggle: (id: string) => void;
  /** its place among the checked bundles (0: A, 1: B), -1 unchecked */
  picked: number;
  onPick: (id: string) => void;
}) {
  const { bundle, open, onToggle, picked, onPick } = props;
  const id = bundle.log_bundle_id;
  const live = bundle.status === 'queued' || bundle.status === 'inprogress';
  const job = usePoll(signal => api.jobStatus(id, signal), live ? 1000 : null, [id, bundle.status]);
  const status: JobStatus | null = job.data;
  const state = status?.job_status ?? bundle.status;
  const progress = status?.progress;
  const warnings = status?.warnings ?? [];
  return (
    <tbody class={`bundle ${open ? 'open' : ''}`} data-bundle-id={id} data-path={bundle.log_bundle_path} data-status={state}>
      <tr>
        <td class="path" title={bundle.log_bundle_path}>
          <input
            type="checkbox"
            checked={picked >= 0}
            onChange={() => onPick(id)}
            data-testid="pick"
            aria-label="Select to compare"
            title={picked >= 0 ? `Bundle ${String.fromCharCode(65 + picked)} of the comparison` : 'Select to compare'}
          />
          {picked >= 0 && picked < 26 && <b class="pick-letter">{String.fromCharCode(65 + picked)}</b>}
          <button class="link" onClick={() => onToggle(id)} aria-expanded={open}>
            {open ? '▾' : '▸'} {baseName(bundle.log_bundle_path)}
          </button>
        </td>
        <td>{bundle.log_type ?? bundle.bundle_type ?? ''}</td>
        <td class="num">{bytes(bundle.log_bundle_size)}</td>
        <td>
          <span class={`status ${state}`}>{state}</span>
          {progress && (state === 'inprogress' || state === 'queued') && <ProgressBar progress={progress} />}
        </td>
        <td class="num" data-field="records">{progress ? count(progress.records) : ''}</td>
        <td class="num">
          {warnings.length ? (
            <button class="link warn-count" onClick={() => onToggle(id)}>
              {count(warnings.length)}
            </button>
          ) : (
            ''
          )}
        </td>
        <td>{displayInstant(bundle.submitted_at)}</td>
        <td>
          {state !== 'failed' && (
            <Link class="button" to={browseRoute(id)} data-testid="browse">
              Browse →
            </Link>
          )}
          <Link class={live ? 'button live-link' : 'live-link'} to={liveRoute(id)} data-testid="live"
            title="Follow the ingest live: records, heatmap, rule hits">
            Live
          </Link>
          {state !== 'failed' && (
            <Link class="issues-link" to={browseRoute(id, { issues: true })} data-testid="issues" title="The known issues the rules found">
              Issues
            </Link>
          )}
          {state === 'completed' && (
            <Link class="button" to={{ page: 'services', bundleId: id, open: null }} data-testid="health">
              Health
            </Link>
          )}
        </td>
      </tr>
      {open && (
        <tr class="details">
          <td colSpan={8}>
            <dl>
              <dt>Path</dt>
              <dd>{bundle.log_bundle_path}</dd>
              <dt>Id</dt>
              <dd>{id}</dd>
              {status?.start_time && (
                <>
                  <dt>Ran</dt>
                  <dd>
                    {displayInstant(status.start_time)} → {displayInstant(status.end_time) || '…'}
                  </dd>
                </>
              )}
              {progress && (
                <>
                  <dt>Progress</dt>
                  <dd>
                    {count(progress.files_done)} / {count(progress.files_total)} files, {bytes(progress.bytes_done)} /{' '}
                    {bytes(progress.bytes_total)}, {count(progress.records)} records
                  </dd>
                </>
              )}
              {status?.error_msg && (
                <>
                  <dt>Error</dt>
                  <dd class="form-error">{status.error_msg}</dd>
                </>
              )}
            </dl>
            {warnings.length > 0 && (
              <ul class="warnings" data-testid="warnings">
                {warnings.map((w, i) => (
                  <li key={i}>{w}</li>
                ))}
              </ul>
            )}
          </td>
        </tr>
      )}
    </tbody>
  );
}

function ProgressBar({ progress }: { progress: JobStatus['progress'] }) {
  const fraction = progress.bytes_total > 0 ? progress.bytes_done / progress.bytes_total : 0;
  return (
    <span class="progress" title={`${count(progress.files_done)} / ${count(progress.files_total)} files`}>
      <span class="bar">
        <span style={{ width: `${Math.round(fraction * 100)}%` }} />
      </span>
      {count(progress.files_done)}/{count(progress.files_total)} files · {bytes(progress.bytes_done)}
    </span>
  );
}
