import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, type ImportResult, type Rule, type RuleView, SEVERITIES } from '../lib/api';
import { count, displayInstant } from '../lib/format';
import { usePoll } from '../lib/hooks';
import { navigate, type RulesRoute } from '../lib/route';
import { Modal } from '../components/Modal';
import { RuleEditor } from '../components/RuleEditor';
import { SeverityBadge } from '../components/SeverityBadge';

const BLANK: Rule = { id: '', title: '', severity: 'minor', match: {}, condition: { min_count: 1, per: 'node' } };

/**
 * Every known-issue rule: search and filter, enable or disable, edit (with a backtest), delete,
 * history; export all as one YAML file and import one. Filters and the open dialog are in the URL.
 */
export function RulesPage({ route }: { route: RulesRoute }) {
  const list = usePoll(signal => api.rules(signal), null, []);
  const go = (patch: Partial<RulesRoute>, replace = true) => navigate({ ...route, ...patch }, { replace });
  const all = list.data ?? [];
  const tags = [...new Set(all.flatMap(v => v.rule.tags ?? []))].sort();
  const origins = [...new Set(all.map(v => v.origin))].sort();
  const shown = all.filter(v => matches(v, route));
  const [q, setQ] = useState(route.q);
  useEffect(() => setQ(route.q), [route.q]);
  return (
    <div class="page rules-page">
      <header class="rules-head">
        <h2>Rules</h2>
        <span class="total" data-testid="rules-total">
          {list.data ? `${count(shown.length)} of ${count(all.length)}` : 'loading…'}
        </span>
        <span class="spacer" />
        <button class="secondary" onClick={() => go({ create: true, edit: '' }, false)} data-testid="new-rule">
          New rule
        </button>
        <ExportButton />
        <ImportButton onImported={list.refresh} />
      </header>
      <form
        class="rules-filters"
        onSubmit={e => {
          e.preventDefault();
          go({ q: q.trim() });
        }}
      >
        <input type="search" name="q" placeholder="Search id, title, description, tags" value={q} onInput={e => setQ(e.currentTarget.value)} />
        <select name="severity" value={route.severity} onChange={e => go({ severity: e.currentTarget.value })} aria-label="Severity">
          <option value="">any severity</option>
          {SEVERITIES.map(s => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <select name="tag" value={route.tag} onChange={e => go({ tag: e.currentTarget.value })} aria-label="Tag">
          <option value="">any tag</option>
          {tags.map(t => (
            <option key={t}>{t}</option>
          ))}
        </select>
        <select name="origin" value={route.origin} onChange={e => go({ origin: e.currentTarget.value })} aria-label="Origin">
          <option value="">any origin</option>
          {origins.map(o => (
            <option key={o}>{o}</option>
          ))}
        </select>
        <button type="submit">Search</button>
      </form>
      {list.error && <p class="banner error">Cannot list the rules: {list.error.message}</p>}
      <table class="rules" data-testid="rules" data-loaded={list.data ? 'true' : 'false'}>
        <thead>
          <tr>
            <th>On</th>
            <th>Severity</th>
            <th>Rule</th>
            <th>Matches</th>
            <th>Condition</th>
            <th>Tags</th>
            <th>Origin</th>
            <th class="num">Version</th>
            <th>Updated (UTC)</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {shown.map(v => (
            <RuleRow key={v.rule.id} view={v} onChanged={list.refresh} onEdit={() => go({ edit: v.rule.id, create: false }, false)} onHistory={() => go({ history: v.rule.id }, false)} />
          ))}
          {list.data && !shown.length && (
            <tr>
              <td colSpan={10} class="empty">
                {all.length ? 'No rule matches these filters.' : 'No rule yet: make one from a record in the log browser, or import a file.'}
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {(route.edit || route.create) && (
        <EditDialog id={route.create ? null : route.edit} onClose={() => go({ edit: '', create: false }, false)} onSaved={list.refresh} />
      )}
      {route.history && <HistoryDialog id={route.history} onClose={() => go({ history: '' }, false)} />}
    </div>
  );
}

function matches(v: RuleView, route: RulesRoute): boolean {
  const r = v.rule;
  if (route.severity && r.severity !== route.severity) return false;
  if (route.tag && !(r.tags ?? []).includes(route.tag)) return false;
  if (route.origin && v.origin !== route.origin) return false;
  const words = route.q.toLowerCase().split(/\s+/).filter(Boolean);
  const text = [r.id, r.title, r.description ?? '', ...(r.tags ?? [])].join(' ').toLowerCase();
  return words.every(w => text.includes(w));
}

function RuleRow({ view, onChanged, onEdit, onHistory }: { view: RuleView; onChanged: () => void; onEdit: () => void; onHistory: () => void }) {
  const r = view.rule;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const act = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      onChanged();
    } catch (e) {
      setError(e instanceof ApiError && e.status === 409 ? `changed meanwhile (${e.message}): reload the page` : String((e as Error).message ?? e));
    } finally {
      setBusy(false);
    }
  };
  const c = r.condition ?? {};
  return (
    <tr data-rule-id={r.id} data-enabled={String(view.enabled)} data-version={r.version} class={view.enabled ? '' : 'disabled'}>
      <td>
        <input
          type="checkbox"
          class="toggle"
          checked={view.enabled}
          disabled={busy}
          onChange={() => act(() => api.updateRule(r, !view.enabled))}
          aria-label={view.enabled ? `Disable ${r.id}` : `Enable ${r.id}`}
          title={view.enabled ? 'Enabled: click to disable' : 'Disabled: click to enable'}
          data-testid="toggle-enabled"
        />
      </td>
      <td>
        <SeverityBadge severity={r.severity} />
      </td>
      <td class="rule-name">
        <div>{r.title}</div>
        <code>{r.id}</code>
        {error && <div class="form-error" role="alert">{error}</div>}
      </td>
      <td class="rule-match">
        {r.scope?.services?.length ? <div>in {r.scope.services.join(', ')}</div> : null}
        {r.match.template && <code title="template">{r.match.template}</code>}
        {r.match.query && <code title="query">{r.match.query}</code>}
        {r.match.regex && <code title="regex">/{r.match.regex}/</code>}
        {r.match.levels?.length ? <div class="hint">{r.match.levels.join(', ')}</div> : null}
      </td>
      <td class="condition">
        ≥ {c.min_count ?? 1}
        {c.window ? ` in ${c.window}` : ''} per {c.per ?? 'node'}
        {c.followed_by ? `, then within ${c.followed_by.within}` : ''}
      </td>
      <td>{(r.tags ?? []).join(', ')}</td>
      <td>{view.origin}</td>
      <td class="num">{r.version}</td>
      <td class="updated">{displayInstant(view.updated_at)}</td>
      <td class="actions">
        {confirming ? (
          <>
            Delete?{' '}
            <button class="danger" disabled={busy} onClick={() => act(() => api.deleteRule(r.id, r.version ?? 0))} data-testid="confirm-delete">
              Delete
            </button>
            <button class="link" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </>
        ) : (
          <>
            <button class="link" onClick={onEdit} data-testid="edit-rule">
              Edit
            </button>
            <button class="link" onClick={onHistory} data-testid="rule-history">
              History
            </button>
            <button class="link danger-link" onClick={() => setConfirming(true)} data-testid="delete-rule">
              Delete
            </button>
          </>
        )}
      </td>
    </tr>
  );
}

/** The stored rule (fresh, so its version is current) in the editor; a new rule when {@code id} is null. */
function EditDialog({ id, onClose, onSaved }: { id: string | null; onClose: () => void; onSaved: () => void }) {
  const stored = usePoll(signal => (id ? api.rule(id, signal) : Promise.resolve(null)), null, [id]);
  return (
    <Modal title={id ? `Edit rule ${id}` : 'New rule'} onClose={onClose} data-testid="edit-dialog">
      {stored.error && <p class="banner error">{stored.error.message}</p>}
      {id === null ? (
        <RuleEditor initial={BLANK} mode="create" backtest={null} backtestBundles={[]} onCancel={onClose} onSaved={onSaved} />
      ) : (
        stored.data && (
          <RuleEditor
            initial={stored.data.rule}
            mode="edit"
            backtest={null}
            backtestBundles={[]}
            onCancel={onClose}
            onSaved={onSaved}
            onReload={stored.refresh}
          />
        )
      )}
    </Modal>
  );
}

function HistoryDialog({ id, onClose }: { id: string; onClose: () => void }) {
  const history = usePoll(signal => api.ruleHistory(id, signal), null, [id]);
  return (
    <Modal title={`History of ${id}`} onClose={onClose} data-testid="history-dialog">
      {history.error && <p class="banner error">{history.error.message}</p>}
      <ol class="history" reversed>
        {[...(history.data?.versions ?? [])].reverse().map(v => (
          <li key={v.version} data-version={v.version} data-change={v.change}>
            <details>
              <summary>
                v{v.version} {v.change} {displayInstant(v.changed_at)} UTC{v.changed_by ? ` by ${v.changed_by}` : ''}
                {v.enabled ? '' : ' (disabled)'}
              </summary>
              <pre>{JSON.stringify(v.rule, null, 2)}</pre>
            </details>
          </li>
        ))}
      </ol>
    </Modal>
  );
}

function ExportButton() {
  const [error, setError] = useState<string | null>(null);
  const download = async () => {
    setError(null);
    try {
      const yaml = await api.exportRules();
      const url = URL.createObjectURL(new Blob([yaml], { type: 'application/yaml' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = 'bundlescope-rules.yaml';
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <>
      <button class="secondary" onClick={download} data-testid="export-rules" title="Every rule as one YAML file">
        Export
      </button>
      {error && <span class="form-error">{error}</span>}
    </>
  );
}

function ImportButton({ onImported }: { onImported: () => void }) {
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const upload = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setError(null);
    setResult(null);
    try {
      setResult(await api.importRules(await file.text()));
      onImported();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      input.value = '';
    }
  };
  const names = (ids: string[]) => (ids.length ? `${ids.length} (${ids.slice(0, 5).join(', ')}${ids.length > 5 ? '…' : ''})` : '0');
  return (
    <>
      <label class="button secondary file" title="A YAML or JSON rule file: every rule is validated before any is saved">
        Import…
        <input type="file" accept=".yaml,.yml,.json,text/yaml,application/json" onChange={e => upload(e.currentTarget)} data-testid="import-rules" />
      </label>
      {result && (
        <span class="form-ok" role="status" data-testid="import-result">
          created {names(result.created)}, updated {names(result.updated)}, unchanged {result.unchanged.length}
        </span>
      )}
      {error && (
        <span class="form-error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}
