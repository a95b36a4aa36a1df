// The message templates of what the filters match (every filter but the template's own, like
// the other facets), largest first; a click filters by the template's id. Ids are per node.

import { useState } from 'preact/hooks';
import { api, type Filters, type TemplateEntry } from '../lib/api';
import { count } from '../lib/format';
import { usePoll } from '../lib/hooks';

const LIMIT = 50;
const SHOWN = 10;

interface Props {
  bundleId: string;
  filters: Filters;
  version: number | null;
  onChange: (templateIds: string[]) => void;
}

export function TemplatesFacet({ bundleId, filters, version, onChange }: Props) {
  const others: Filters = { ...filters, template_id: [] };
  const { data, error } = usePoll(
    signal => api.templates(bundleId, others, LIMIT, signal),
    null,
    [bundleId, JSON.stringify(others), version],
  );
  const [all, setAll] = useState(false);
  const selected = filters.template_id;
  const entries: Pick<TemplateEntry, 'template_id' | 'template' | 'count' | 'new_in_bundle'>[] = [...(data?.templates ?? [])];
  for (const id of selected) {
    if (!entries.some(t => String(t.template_id) === id)) entries.push({ template_id: Number(id), template: null, count: 0, new_in_bundle: false });
  }
  const max = Math.max(1, ...entries.map(t => t.count));
  // a bundle first analyzed on a fresh node has every template new: marking them all says nothing
  const markNew = entries.some(t => !t.new_in_bundle);
  const shown = all ? entries : entries.filter((t, i) => i < SHOWN || selected.includes(String(t.template_id)));
  const toggle = (id: string) => onChange(selected.includes(id) ? selected.filter(k => k !== id) : [...selected, id]);
  return (
    <section class="facet" data-facet="template_id" data-loaded={data ? 'true' : 'false'} data-total={data?.total ?? ''}>
      <h3>
        Templates{data && data.total > entries.length ? ` (top ${count(LIMIT)} of ${count(data.total)})` : ''}
        {selected.length > 0 && (
          <button class="link clear" onClick={() => onChange([])}>
            clear
          </button>
        )}
      </h3>
      {filters.anomaly && <p class="note">counted without the anomaly filter</p>}
      {error && <p class="form-error">{error.message}</p>}
      <ul>
        {shown.map(t => {
          const id = String(t.template_id);
          return (
            <li key={id}>
              <label
                class={`facet-item template${selected.includes(id) ? ' checked' : ''}`}
                data-key={id}
                data-count={t.count}
                data-new={t.new_in_bundle ? 'true' : 'false'}
                title={`template ${id}${t.new_in_bundle ? ', new in this bundle' : ''}: ${t.template ?? '(unknown here)'}`}
              >
                <input type="checkbox" checked={selected.includes(id)} onChange={() => toggle(id)} />
                <span class="key">
                  {markNew && t.new_in_bundle && <b title="first seen in this bundle">new </b>}
                  {t.template ?? `template ${id}`}
                </span>
                <span class="count">
                  <span class="fill" style={{ width: `${(100 * t.count) / max}%` }} />
                  {count(t.count)}
                </span>
              </label>
            </li>
          );
        })}
      </ul>
      {entries.length > SHOWN && (
        <button class="link more" onClick={() => setAll(!all)}>
          {all ? 'fewer' : `all ${count(entries.length)}`}
        </button>
      )}
    </section>
  );
}
