// Facets with exact counts from /logs/aggregate. Each group is counted under every filter but
// its own, so the counts beside unchecked values say what adding them would bring.

import { useState } from 'preact/hooks';
import { api, type Bucket, type Filters, type ListFilter } from '../lib/api';
import { count, LEVELS } from '../lib/format';
import { usePoll } from '../lib/hooks';
import { AnomalyControl, AnomalyList } from './AnomalyFilter';
import { TemplatesFacet } from './TemplatesFacet';

interface Group {
  /** the filter parameter a value sets */
  param: ListFilter;
  /** the aggregate's group_by (filterable through param) */
  groupBy: string;
  title: string;
}

// Files are grouped by base name, which the filename filter takes (filename_without_ext is
// the service stem again and has no filter of its own).
const GROUPS: Group[] = [
  { param: 'cvm_ip', groupBy: 'cvm_ip', title: 'Nodes' },
  { param: 'service', groupBy: 'service', title: 'Services' },
  { param: 'log_level', groupBy: 'log_level', title: 'Levels' },
  { param: 'filename', groupBy: 'filename', title: 'Files' },
];

const SHOWN = 12;

interface Props {
  /** one bundle, or several merged (comma-separated) */
  bundleId: string;
  filters: Filters;
  /** counts are fetched again when this changes (the search's total while a bundle ingests) */
  version: number | null;
  onChange: (param: ListFilter, values: string[]) => void;
}

export function FacetSidebar(props: Props & { onFilters: (patch: Partial<Filters>) => void }) {
  const { bundleId, filters, version, onChange, onFilters } = props;
  const single = !bundleId.includes(',');
  return (
    <aside class="facets" data-testid="facets">
      <AnomalyControl value={filters.anomaly} onChange={anomaly => onFilters({ anomaly })} />
      {GROUPS.map(g => (
        <FacetGroup key={g.param} group={g} bundleId={bundleId} filters={filters} version={version} onChange={onChange} />
      ))}
      <TemplatesFacet bundleId={bundleId} filters={filters} version={version} onChange={ids => onChange('template_id', ids)} />
      {single && <AnomalyList bundleId={bundleId} onPick={onFilters} />}
    </aside>
  );
}

function FacetGroup({ group, bundleId, filters, version, onChange }: Props & { group: Group }) {
  const others: Filters = { ...filters, [group.param]: [] };
  const { data, error } = usePoll(
    signal => api.aggregate(bundleId, group.groupBy, others, signal),
    null,
    [bundleId, JSON.stringify(others), version],
  );
  const [all, setAll] = useState(false);
  const selected = filters[group.param];
  const buckets: Bucket[] = [...(data?.buckets ?? [])];
  for (const key of selected) if (!buckets.some(b => b.key === key)) buckets.push({ key, count: 0 });
  if (group.param === 'log_level') buckets.sort((a, b) => LEVELS.indexOf(a.key) - LEVELS.indexOf(b.key));
  else buckets.sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  const max = Math.max(1, ...buckets.map(b => b.count));
  const shown = all ? buckets : buckets.filter((b, i) => i < SHOWN || selected.includes(b.key));
  const toggle = (key: string) =>
    onChange(group.param, selected.includes(key) ? selected.filter(k => k !== key) : [...selected, key]);
  return (
    <section class="facet" data-facet={group.param} data-loaded={data ? 'true' : 'false'}>
      <h3>
        {group.title}
        {selected.length > 0 && (
          <button class="link clear" onClick={() => onChange(group.param, [])}>
            clear
          </button>
        )}
      </h3>
      {error && <p class="form-error">{error.message}</p>}
      <ul>
        {shown.map(b => (
          <li key={b.key}>
            <label
              class={`facet-item${selected.includes(b.key) ? ' checked' : ''}`}
              data-key={b.key}
              data-count={b.count}
              title={b.key}
            >
              <input type="checkbox" checked={selected.includes(b.key)} onChange={() => toggle(b.key)} />
              <span class={`key ${group.param === 'log_level' ? `lvl-${b.key}` : ''}`}>{b.key || '(none)'}</span>
              <span class="count">
                <span class="fill" style={{ width: `${(100 * b.count) / max}%` }} />
                {count(b.count)}
              </span>
            </label>
          </li>
        ))}
      </ul>
      {buckets.length > SHOWN && (
        <button class="link more" onClick={() => setAll(!all)}>
          {all ? 'fewer' : `all ${count(buckets.length)}`}
        </button>
      )}
    </section>
  );
}
