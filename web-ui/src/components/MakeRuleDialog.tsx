import { useState } from 'preact/hooks';
import { api, type RuleView } from '../lib/api';
import { usePoll } from '../lib/hooks';
import { Link, rulesRoute } from '../lib/route';
import { Modal } from './Modal';
import { RuleEditor } from './RuleEditor';

interface Props {
  bundleId: string;
  recordId: string;
  onClose: () => void;
  /** checks the rules on this bundle now and shows its issues */
  onRecheck: () => Promise<void>;
}

/** "Make rule" on a record: the API drafts a rule from it and backtests it; edit, backtest again, save. */
export function MakeRuleDialog({ bundleId, recordId, onClose, onRecheck }: Props) {
  const draft = usePoll(signal => api.draftRule(bundleId, recordId, signal), null, [bundleId, recordId]);
  return (
    <Modal title="Make a rule from this record" onClose={onClose} data-testid="make-rule">
      {draft.error && <p class="banner error" role="alert">{draft.error.message}</p>}
      {!draft.data && !draft.error && <p class="empty">Drafting a rule and backtesting it…</p>}
      {draft.data && (
        <RuleEditor
          initial={draft.data.rule}
          mode="create"
          backtest={draft.data}
          backtestBundles={draft.data.bundles.map(b => b.log_bundle_id)}
          onCancel={onClose}
          afterSave={view => <AfterSave view={view} onRecheck={onRecheck} />}
        />
      )}
    </Modal>
  );
}

function AfterSave({ view, onRecheck }: { view: RuleView; onRecheck: () => Promise<void> }) {
  const [state, setState] = useState<'idle' | 'busy' | 'done' | string>('idle');
  const recheck = async () => {
    setState('busy');
    try {
      await onRecheck();
      setState('done');
    } catch (e) {
      setState(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <span class="after-save">
      <button class="secondary" onClick={recheck} disabled={state === 'busy'} data-testid="recheck-bundle">
        {state === 'busy' ? 'Checking…' : 'Re-check this bundle'}
      </button>
      {state === 'done' && <span class="form-ok">checked: see the issues panel</span>}
      {state !== 'idle' && state !== 'busy' && state !== 'done' && <span class="form-error">{state}</span>}
      <Link to={rulesRoute({ q: view.rule.id })}>See it among the rules →</Link>
    </span>
  );
}
