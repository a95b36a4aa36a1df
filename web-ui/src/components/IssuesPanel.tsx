import { useState } from 'preact/hooks';
import { ApiError, type Issue, type IssuesResponse, type SkippedRule } from '../lib/api';
import { count, displayTime } from '../lib/format';
import { Link, rulesRoute, type Route } from '../lib/route';
import { SeverityBadge, severityRank } from './SeverityBadge';

interface Props {
  issues: IssuesResponse | null;
  error: Error | null;
  ingesting: boolean;
  /** checks the rules now (POST /logs/issues/check) */
  onRecheck: () => Promise<void>;
  /** where an evidence record opens: this page with the record selected */
  evidenceRoute: (recordId: string) => Route;
  /** narrows the table to the issue's node and time span */
  onFocus: (issue: Issue) => void;
  onClose: () => void;
}

/** The known issues the rules found in the bundle, the state of the last check, and the rules that could not run. */
export function IssuesPanel({ issues, error, ingesting, onRecheck, evidenceRoute, onFocus, onClose }: Props) {
  const [busy, setBusy] = useState(false);
  const [recheckError, setRecheckError] = useState<string | null>(null);
  const recheck = async () => {
    setBusy(true);
    setRecheckError(null);
    try {
      await onRecheck();
    } catch (e) {
      setRecheckError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const list = [...(issues?.issues ?? [])].sort(
    (a, b) => severityRank(a.severity) - severityRank(b.severity) || a.first_time.localeCompare(b.first_time));
  const check = issues?.check ?? null;
  return (
    <aside
      class="issues-panel"
      data-testid="issues-panel"
      data-loaded={issues ? 'true' : 'false'}
      data-final={check?.is_final ? 'true' : 'false'}
      data-count={issues ? list.length : ''}
      aria-label="Known issues"
    >
      <header>
        <h3>Known issues</h3>
        <span class="spacer" />
        <button class="secondary" onClick={recheck} disabled={busy} data-testid="recheck" title="Check every enabled rule on this bundle now">
          {busy ? 'Checking…' : 'Re-check'}
        </button>
        <button class="link" onClick={onClose} aria-label="Close the issues" title="Close">
          ✕
        </button>
      </header>
      <p class="check-state" data-testid="check-state">
        <CheckState issues={issues} ingesting={ingesting} />
      </p>
      {error && <p class="form-error">{error.message}</p>}
      {recheckError && <p class="form-error" role="alert">{recheckError}</p>}
      {issues && !list.length && (
        <p class="empty">{check ? 'No rule fired on this bundle.' : 'No issue yet.'}</p>
      )}
      <ol class="issues">
        {list.map(issue => (
          <IssueItem key={`${issue.rule_id} ${issue.node}`} issue={issue} evidenceRoute={evidenceRoute} onFocus={onFocus} />
        ))}
      </ol>
      {!!issues?.skipped.length && <Skipped skipped={issues.skipped} />}
      <p class="issues-foot">
        <Link to={rulesRoute()}>Manage rules →</Link>
      </p>
    </aside>
  );
}

function CheckState({ issues, ingesting }: { issues: IssuesResponse | null; ingesting: boolean }) {
  if (!issues) return <>loading…</>;
  const check = issues.check;
  if (!check) return <>{ingesting ? 'checking while ingesting…' : 'not checked yet'}</>;
  const at = displayTime(check.checked_at).slice(0, 19);
  const rules = `${count(check.rules_checked)} rule${check.rules_checked === 1 ? '' : 's'}`;
  return check.is_final ? (
    <>
      checked {at} UTC, final · {rules}
    </>
  ) : (
    <>
      <span class="status inprogress">checking while ingesting…</span> last {at} UTC · {rules}
    </>
  );
}

function IssueItem({ issue, evidenceRoute, onFocus }: { issue: Issue; evidenceRoute: (id: string) => Route; onFocus: (i: Issue) => void }) {
  const first = displayTime(issue.first_time);
  const last = displayTime(issue.last_time);
  return (
    <li class={`issue sev-${issue.severity}`} data-rule-id={issue.rule_id} data-node={issue.node ?? ''} data-count={issue.count}>
      <div class="issue-head">
        <SeverityBadge severity={issue.severity} />
        <button class="link issue-title" onClick={() => onFocus(issue)} title="Show its node and time span in the table" data-testid="issue-focus">
          {issue.title}
        </button>
        <span class="issue-node">{issue.node ?? 'cluster'}</span>
      </div>
      <div class="issue-when" title={`${issue.first_time} → ${issue.last_time}`}>
        {first} → {last.slice(0, 10) === first.slice(0, 10) ? last.slice(11) : last}
      </div>
      <div class="issue-counts">
        <span data-field="count">
          {count(issue.count)}
          {issue.truncated ? '+' : ''} match{issue.count === 1 ? '' : 'es'}
        </span>
        <span data-field="peak">peak {count(issue.peak)}</span>
        <Link to={rulesRoute({ q: issue.rule_id })} class="issue-rule" title="The rule">
          {issue.rule_id} v{issue.rule_version}
        </Link>
      </div>
      {issue.evidence.length > 0 && (
        <div class="evidence">
          evidence:
          {issue.evidence.map((id, i) => (
            <Link key={id} to={evidenceRoute(id)} class="evidence-link" title={`Select record ${id}`} data-evidence={id}>
              {i + 1}
            </Link>
          ))}
        </div>
      )}
      {issue.remediation && <p class="remediation">{issue.remediation}</p>}
      {issue.kb && (
        <a class="kb" href={issue.kb} target="_blank" rel="noopener noreferrer">
          knowledge base ↗
        </a>
      )}
    </li>
  );
}

function Skipped({ skipped }: { skipped: SkippedRule[] }) {
  const reasons = [...new Set(skipped.map(s => s.reason))];
  const summary = reasons.slice(0, 2).join('; ') + (reasons.length > 2 ? '…' : '');
  return (
    <details class="skipped" data-testid="skipped">
      <summary>
        {count(skipped.length)} rule{skipped.length === 1 ? '' : 's'} could not run: {summary}
      </summary>
      <ul>
        {skipped.map(s => (
          <li key={s.rule_id} data-rule-id={s.rule_id}>
            <b>{s.title && s.title !== 'null' ? s.title : s.rule_id}</b>: {s.reason}
          </li>
        ))}
      </ul>
    </details>
  );
}
