// The anomaly threshold (the API's `anomaly`: a minimum score of the record's (template, node)
// pair) and the bundle's anomalous pairs from /logs/anomalies, each a link to its records.

import { api, type Filters } from '../lib/api';
import { count } from '../lib/format';
import { usePoll } from '../lib/hooks';

const THRESHOLDS: [string, string][] = [
  ['', 'every record'],
  ['0.3', 'score ≥ 0.3'],
  ['0.5', 'only anomalous (≥ 0.5)'],
  ['0.8', 'strongly anomalous (≥ 0.8)'],
];

export function AnomalyControl({ value, onChange }: { value: string; onChange: (min: string) => void }) {
  const options = THRESHOLDS.some(([v]) => v === value) ? THRESHOLDS : [...THRESHOLDS, [value, `score ≥ ${value}`] as [string, string]];
  return (
    <label class="anomaly-control" title="Only records whose (message template, node) pair scored at least this (rare, new, burst, one node)">
      Anomaly
      <select name="anomaly" data-testid="anomaly-filter" value={value} onChange={e => onChange(e.currentTarget.value)}>
        {options.map(([v, label]) => (
          <option key={v} value={v}>
            {label}
          </option>
        ))}
      </select>
    </label>
  );
}

const LISTED = 10;

/** The bundle's most anomalous (template, node) pairs; a click shows that template on that node. */
export function AnomalyList({ bundleId, onPick }: { bundleId: string; onPick: (patch: Partial<Filters>) => void }) {
  const { data, error } = usePoll(signal => api.anomalies(bundleId, 0.5, LISTED, signal), null, [bundleId]);
  return (
    <section class="facet anomaly-list" data-testid="anomaly-list" data-loaded={data ? 'true' : 'false'} data-total={data?.total ?? ''}>
      <h3>Anomalies{data ? ` (${count(data.total)})` : ''}</h3>
      {error && <p class="form-error">{error.message}</p>}
      {data && !data.scanned_at && <p class="note">not scored yet (scored once the bundle is complete)</p>}
      {data?.scanned_at && data.total === 0 && <p class="note">none scored ≥ 0.5</p>}
      <ul>
        {data?.anomalies.map(a => (
          <li key={`${a.template_id}/${a.cvm_ip}`} data-template-id={a.template_id} data-node={a.cvm_ip ?? ''}>
            <button
              class="link"
              title={a.reasons.map(r => `${r.kind}: ${r.detail}`).join('\n')}
              onClick={() => onPick({ template_id: [String(a.template_id)], cvm_ip: a.cvm_ip ? [a.cvm_ip] : [] })}
            >
              <span class="anomaly-badge">⚑ {a.score.toFixed(2)}</span>
              {a.cvm_ip ?? ''} · {count(a.count)} · {a.reasons.map(r => r.kind).join(', ')}
            </button>
            <div class="tpl">{a.template ?? `template ${a.template_id}`}</div>
          </li>
        ))}
      </ul>
    </section>
  );
}
