import { useEffect, useState } from 'preact/hooks';
import type { ListFilter, LogRecord } from '../lib/api';
import { displayTime } from '../lib/format';
import { Marked } from './Marked';
import { RecordContext } from './RecordContext';

interface Props {
  bundleId: string;
  record: LogRecord;
  onClose: () => void;
  /** narrows the search to one value of a facet */
  onFilter: (param: ListFilter, value: string) => void;
  /** drafts a known-issue rule from this record */
  onMakeRule: () => void;
}

/** One record in full: every line of its message, where it came from, and its neighbours in its file. */
export function RecordDetail({ bundleId, record, onClose, onFilter, onMakeRule }: Props) {
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
        <span class="spacer" />
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
      </dl>
      <div class="detail-body">
        <pre class="message" data-testid="record-message">
          <Marked text={record.message} spans={record.highlights} />
        </pre>
        <RecordContext bundleId={bundleId} record={record} />
      </div>
    </section>
  );
}
