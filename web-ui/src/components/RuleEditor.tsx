import { useEffect, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import {
  api, ApiError, type BacktestResponse, type Grouping, type Rule, type RuleView, SEVERITIES, type Severity,
} from '../lib/api';
import { LEVELS } from '../lib/format';
import { BacktestResult } from './BacktestResult';

interface Props {
  /** where the editor starts: a draft, a blank rule, or the stored rule being edited */
  initial: Rule;
  /** create: POST /rules; edit: PUT /rules/{id} with the version edited */
  mode: 'create' | 'edit';
  /** the backtest that came with a draft */
  backtest: BacktestResponse | null;
  /** the bundles "Backtest again" searches (none: the newest bundles on the node) */
  backtestBundles: string[];
  onSaved?: (view: RuleView) => void;
  onCancel: () => void;
  /** reloads the stored rule after a 409 (edit mode) */
  onReload?: () => void;
  /** offered once the rule is saved (e.g. re-checking the bundle it was drafted from) */
  afterSave?: (view: RuleView) => ComponentChildren;
}

/**
 * A rule as a form (the common fields) or as its JSON (every field, under "Advanced"), with what
 * it finds in the bundles: backtest again at will, then save. The API's 400/409 answers show here.
 */
export function RuleEditor({ initial, mode: initialMode, backtest: initialBacktest, backtestBundles, onSaved, onCancel, onReload, afterSave }: Props) {
  const [rule, setRule] = useState<Rule>(initial);
  const [mode, setMode] = useState(initialMode);
  const [advanced, setAdvanced] = useState(false);
  const [raw, setRaw] = useState('');
  const [rawError, setRawError] = useState<string | null>(null);
  const [backtest, setBacktest] = useState(initialBacktest);
  const [testing, setTesting] = useState(false);
  const [testError, setTestError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<{ status: number; message: string } | null>(null);
  const [saved, setSaved] = useState<RuleView | null>(null);
  useEffect(() => {
    setRule(initial);
    setMode(initialMode);
    setBacktest(initialBacktest);
    setSaved(null);
    setSaveError(null);
  }, [initial, initialBacktest]);

  /** The rule as edited: the form's, or the JSON text's when it is shown (null when that is not JSON). */
  const current = (): Rule | null => {
    if (!advanced) return clean(rule);
    try {
      const parsed = JSON.parse(raw);
      setRawError(null);
      return parsed as Rule;
    } catch (e) {
      setRawError(`not JSON: ${(e as Error).message}`);
      return null;
    }
  };
  const toggleAdvanced = () => {
    if (!advanced) {
      setRaw(JSON.stringify(clean(rule), null, 2));
      setRawError(null);
      setAdvanced(true);
      return;
    }
    const parsed = current();
    if (!parsed) return;
    setRule(parsed);
    setAdvanced(false);
  };

  const runBacktest = async () => {
    const r = current();
    if (!r) return;
    setTesting(true);
    setTestError(null);
    try {
      setBacktest(await api.backtest(r, backtestBundles));
    } catch (e) {
      setTestError(message(e));
    } finally {
      setTesting(false);
    }
  };
  const save = async () => {
    const r = current();
    if (!r) return;
    setSaving(true);
    setSaveError(null);
    try {
      const view = mode === 'create' ? await api.createRule(r) : await api.updateRule(r);
      setSaved(view);
      setMode('edit');
      setRule(view.rule);
      if (advanced) setRaw(JSON.stringify(view.rule, null, 2));
      onSaved?.(view);
    } catch (e) {
      setSaveError({ status: e instanceof ApiError ? e.status : 0, message: message(e) });
    } finally {
      setSaving(false);
    }
  };

  const set = (patch: Partial<Rule>) => {
    setRule(r => ({ ...r, ...patch }));
    setSaved(null);
  };
  const setMatch = (patch: Partial<Rule['match']>) => set({ match: { ...rule.match, ...patch } });
  const setScope = (patch: Partial<NonNullable<Rule['scope']>>) => set({ scope: { ...rule.scope, ...patch } });
  const setCondition = (patch: Partial<NonNullable<Rule['condition']>>) => set({ condition: { ...rule.condition, ...patch } });
  const levels = rule.match.levels ?? [];
  const followed = rule.condition?.followed_by;

  return (
    <div class="rule-editor" data-testid="rule-editor" data-mode={mode}>
      <div class="rule-form">
        <div class="editor-tabs">
          <button class={`link${advanced ? '' : ' on'}`} onClick={() => advanced && toggleAdvanced()}>
            Form
          </button>
          <button class={`link${advanced ? ' on' : ''}`} onClick={() => advanced || toggleAdvanced()} data-testid="advanced">
            Advanced (JSON)
          </button>
        </div>
        {advanced ? (
          <>
            <textarea
              class="raw"
              name="raw"
              value={raw}
              onInput={e => {
                setRaw(e.currentTarget.value);
                setSaved(null);
              }}
              spellcheck={false}
              rows={24}
            />
            {rawError && <p class="form-error">{rawError}</p>}
          </>
        ) : (
          <div class="fields">
            <label>
              Id
              <input name="id" value={rule.id} readOnly={mode === 'edit'} onInput={e => set({ id: e.currentTarget.value })} spellcheck={false} />
            </label>
            <label>
              Severity
              <select name="severity" value={rule.severity} onChange={e => set({ severity: e.currentTarget.value as Severity })}>
                {SEVERITIES.map(s => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            </label>
            <label class="wide">
              Title
              <input name="title" value={rule.title} onInput={e => set({ title: e.currentTarget.value })} />
            </label>
            <fieldset class="wide">
              <legend>Which records</legend>
              <label>
                Services
                <ListInput name="services" value={rule.scope?.services} onChange={services => setScope({ services })} placeholder="any" />
              </label>
              <label>
                Files (globs)
                <ListInput name="files" value={rule.scope?.files} onChange={files => setScope({ files })} placeholder="any" />
              </label>
              <label>
                Nodes
                <ListInput name="nodes" value={rule.scope?.nodes} onChange={nodes => setScope({ nodes })} placeholder="any" />
              </label>
              <div class="levels" role="group" aria-label="Levels">
                Levels
                {LEVELS.map(l => (
                  <label key={l} class={`check key lvl-${l}`}>
                    <input
                      type="checkbox"
                      name={`level-${l}`}
                      checked={levels.includes(l)}
                      onChange={e => setMatch({ levels: e.currentTarget.checked ? [...levels, l] : levels.filter(x => x !== l) })}
                    />
                    {l}
                  </label>
                ))}
                {!levels.length && <span class="hint">any</span>}
              </div>
            </fieldset>
            <fieldset class="wide">
              <legend>What they say (a template or a query; a regex narrows further)</legend>
              <label class="wide">
                Template
                <input class="mono" name="template" value={rule.match.template ?? ''} onInput={e => setMatch({ template: e.currentTarget.value })} placeholder="constant words with <*> for each variable one" spellcheck={false} />
              </label>
              <label class="wide">
                Query
                <input class="mono" name="query" value={rule.match.query ?? ''} onInput={e => setMatch({ query: e.currentTarget.value })} placeholder='full text: words, "a phrase", AND / OR / NOT, prefix*' spellcheck={false} />
              </label>
              <label class="wide">
                Regex
                <input class="mono" name="regex" value={rule.match.regex ?? ''} onInput={e => setMatch({ regex: e.currentTarget.value })} placeholder="a Java regex found in the message (not with a template)" spellcheck={false} />
              </label>
            </fieldset>
            <fieldset class="wide">
              <legend>When it is an issue</legend>
              <label>
                At least
                <input
                  type="number"
                  name="min_count"
                  min={1}
                  value={rule.condition?.min_count ?? 1}
                  onInput={e => setCondition({ min_count: e.currentTarget.value === '' ? undefined : Number(e.currentTarget.value) })}
                />
              </label>
              <label>
                within
                <input name="window" value={rule.condition?.window ?? ''} onInput={e => setCondition({ window: e.currentTarget.value })} placeholder="any time (or 30s, 5m, 2h)" />
              </label>
              <label>
                counted per
                <select name="per" value={rule.condition?.per ?? 'node'} onChange={e => setCondition({ per: e.currentTarget.value as Grouping })}>
                  <option value="node">node</option>
                  <option value="cluster">cluster</option>
                </select>
              </label>
              {followed && (
                <p class="hint wide">
                  …then followed within {followed.within} by {JSON.stringify(followed.match)} (edit under Advanced)
                </p>
              )}
            </fieldset>
            <label class="wide">
              Remediation
              <textarea name="remediation" rows={2} value={rule.remediation ?? ''} onInput={e => set({ remediation: e.currentTarget.value })} />
            </label>
            <label>
              KB link
              <input name="kb" value={rule.kb ?? ''} onInput={e => set({ kb: e.currentTarget.value })} placeholder="https://…" />
            </label>
            <label>
              Tags
              <ListInput name="tags" value={rule.tags} onChange={tags => set({ tags })} />
            </label>
            <label class="wide">
              Description
              <textarea name="description" rows={2} value={rule.description ?? ''} onInput={e => set({ description: e.currentTarget.value })} />
            </label>
          </div>
        )}
        <div class="editor-actions">
          <button class="secondary" onClick={runBacktest} disabled={testing} data-testid="backtest-again">
            {testing ? 'Backtesting…' : 'Backtest again'}
          </button>
          <button onClick={save} disabled={saving} data-testid="save-rule">
            {saving ? 'Saving…' : mode === 'create' ? 'Save rule' : 'Save changes'}
          </button>
          <button class="link" onClick={onCancel}>
            {saved ? 'Close' : 'Cancel'}
          </button>
        </div>
        {saveError && (
          <p class="form-error save-error" role="alert" data-testid="save-error" data-status={saveError.status}>
            {saveError.status === 409 && mode === 'edit' ? (
              <>
                This rule changed since you opened it ({saveError.message}). Reload it to see the change, then edit again.
                {onReload && (
                  <button class="link" onClick={onReload}>
                    Reload
                  </button>
                )}
              </>
            ) : (
              saveError.message
            )}
          </p>
        )}
        {saved && (
          <div class="saved" role="status" data-testid="rule-saved" data-rule-id={saved.rule.id} data-version={saved.rule.version}>
            Saved {saved.rule.id} (version {saved.rule.version}).
            {afterSave?.(saved)}
          </div>
        )}
      </div>
      <div class="rule-backtest">
        {testError && <p class="form-error" role="alert">{testError}</p>}
        {backtest ? <BacktestResult backtest={backtest} /> : <p class="empty">Backtest the rule to see what it finds.</p>}
      </div>
    </div>
  );
}

/** A comma-separated list that keeps what is being typed. */
function ListInput(props: { name: string; value: string[] | undefined; onChange: (v: string[]) => void; placeholder?: string }) {
  const { name, value, onChange, placeholder } = props;
  const joined = (value ?? []).join(', ');
  const [text, setText] = useState(joined);
  useEffect(() => {
    if (split(text).join(', ') !== joined) setText(joined);
  }, [joined]);
  return (
    <input
      name={name}
      value={text}
      placeholder={placeholder}
      spellcheck={false}
      onInput={e => {
        setText(e.currentTarget.value);
        onChange(split(e.currentTarget.value));
      }}
    />
  );
}

function split(text: string): string[] {
  return text.split(',').map(s => s.trim()).filter(Boolean);
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The rule without empty parts (an empty string is no value; the API refuses a blank template). */
export function clean<T>(value: T): T {
  if (Array.isArray(value)) return value.map(clean) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const c = clean(v);
      if (c === undefined || c === null || c === '' || (Array.isArray(c) && !c.length)) continue;
      if (typeof c === 'object' && !Array.isArray(c) && !Object.keys(c as object).length) continue;
      out[k] = c;
    }
    return out as T;
  }
  return value;
}
