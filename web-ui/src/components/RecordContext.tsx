import { useEffect, useRef } from 'preact/hooks';
import { api, type LogRecord } from '../lib/api';
import { displayTime } from '../lib/format';
import { usePoll } from '../lib/hooks';

/** Records shown on each side of the selected one. */
const AROUND = 15;

/** The records around one in its original file, by line number, the record itself marked. */
export function RecordContext({ bundleId, record }: { bundleId: string; record: LogRecord }) {
  const { data, error } = usePoll(signal => api.context(bundleId, record.id, AROUND, signal), null, [bundleId, record.id]);
  const box = useRef<HTMLElement>(null);
  const target = useRef<HTMLLIElement>(null);
  useEffect(() => { // the record in the middle of the box, without scrolling anything else
    if (box.current && target.current) box.current.scrollTop = target.current.offsetTop - box.current.clientHeight / 2;
  }, [data]);
  return (
    <section ref={box} class="context" data-testid="record-context" data-loaded={data?.id === record.id ? 'true' : 'false'}>
      <h4>In its file: {record.filepath}</h4>
      {error && <p class="form-error">{error.message}</p>}
      <ol>
        {data?.records.map((r, i) => (
          <li
            key={r.id}
            ref={i === data.target_index ? target : undefined}
            class={`lvl-${r.log_level}${i === data.target_index ? ' target' : ''}`}
            data-id={r.id}
            data-line={r.line_number}
            aria-current={i === data.target_index ? 'true' : undefined}
          >
            <span class="line">{r.line_number}</span>
            <span title={displayTime(r.time)}>{displayTime(r.time).slice(11, 23)}</span>
            <span class="rt-level">{r.log_level}</span>
            <span title={r.message}>{r.message.split('\n', 1)[0]}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
