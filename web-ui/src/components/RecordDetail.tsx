import { useEffect, useState } from 'preact/hooks';
import type { ListFilter, LogRecord } from '../lib/api';
import { displayTime } from '../lib/format';
import { Marked } from './Marked';
import { RecordContext } from './RecordContext';
import { ANOMALY_FLAG, AnomalyBadge } from './RecordTable';

interface Props {
  bundleId: string;
  record: LogRecord;
  onClose: () => void;
  /** narrows the search to one value of a facet */
  onFilter: (param: ListFilter, value: string) => void;
  /** drafts a known-issue rule from this record */
  onMakeRule: () => void;
  /** narrows the search to the records of this record's message template */
  onSimilar: (templateId: string) => void;
}

/** One record in full: every line of its message, where it came from, and its neighbours in its file. */
export function RecordDetail({ bundleId, record, onClose, onFilter, onMakeRule, onSimilar }: Props) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  useEffect(() => setCopied(false), [record.id]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(record.message);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  const field = (label: string, value: string | number | null | undefined, filter?: ListFilter) =>
    value == null || value === '' ? null : (
      <>
        <dt>{label}</dt>
        <dd>
          {value}
          {filter && (
            <button class="link only" title={`Only ${value}`} onClick={() => onFilter(filter, String(value))}>
              only
            </button>
          )}
        </dd>
      </>
    );
  return (
    <section class="detail" data-testid="record-detail" data-id={record.id} aria-label="Record">
      <header>
        <span class={`rt-level lvl-${record.log_level}`}>{record.log_level}</span>
        <span>{displayTime(record.time)} UTC</span>
        {(record.anomaly ?? 0) >= ANOMALY_FLAG && <AnomalyBadge record={record} />}
        <span class="spacer" />
        {record.template_id != null && (
          <button
            class="secondary"
            onClick={() => onSimilar(String(record.template_id))}
            data-testid="similar-records"
            data-template-id={record.template_id}
            title="Every record of this record's message template"
          >
            Similar records
          </button>
        )}
        <button class="secondary" onClick={onMakeRule} data-testid="make-rule-button" title="Draft a known-issue rule from this record and backtest it">
          Make rule
        </button>
        <button class="link" onClick={copy}>
          {copied ? 'copied' : 'copy'}
        </button>
        <button class="link" onClick={onClose} aria-label="Close" title="Close (Esc)">
          ✕
        </button>
      </header>
      <dl>
        {field('Node', record.cvm_ip, 'cvm_ip')}
        {field('Service', record.service, 'service')}
        {field('File', record.filename, 'filename')}
        {field('Path', `${record.filepath}:${record.line_number}`)}
        {field('PID', record.pid)}
        {field('Time as written', record.time_text)}
        {field('Id', record.id)}
        {field('Template', record.template_id)}
        {field('Anomaly', record.anomaly ? record.anomaly.toFixed(2) : null)}
      </dl>
      {(record.anomaly_reasons ?? []).length > 0 && (
        <p class="reasons" data-testid="anomaly-reasons">
          Anomalous because:{' '}
          {record.anomaly_reasons!.map((r, i) => (
            <span key={r.kind} data-kind={r.kind}>
              {i > 0 && '; '}
              <b>{r.kind}</b> (+{r.contribution.toFixed(2)}) {r.detail}
            </span>
          ))}
        </p>
      )}
      <div class="detail-body">
        <pre class="message" data-testid="record-message">
          <Marked text={record.message} spans={record.highlights} />
        </pre>
        <RecordContext bundleId={record.log_bundle_id ?? bundleId} record={record} />
      </div>
    </section>
  );
}
