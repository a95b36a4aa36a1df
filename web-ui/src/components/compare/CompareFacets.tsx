// Facets of two bundles side by side under one set of filters: each value with its count in A,
// in B and the difference; checking a value filters both sides. Each group is counted under
// every filter but its own, as in the log browser.

import { api, type Filters, type ListFilter } from '../../lib/api';
import { count, LEVELS } from '../../lib/format';
import { usePoll } from '../../lib/hooks';

const GROUPS: { param: ListFilter; title: string }[] = [
  { param: 'log_level', title: 'Levels' },
  { param: 'service', title: 'Services' },
  { param: 'cvm_ip', title: 'Nodes' },
];

interface Props {
  a: string;
  b: string;
  filters: Filters;
  onChange: (param: ListFilter, values: string[]) => void;
}

export function CompareFacets(props: Props) {
  return (
    <div class="compare-facets" data-testid="compare-facets">
      {GROUPS.map(g => (
        <CompareGroup key={g.param} {...props} param={g.param} title={g.title} />
      ))}
    </div>
  );
}

function CompareGroup({ a, b, filters, onChange, param, title }: Props & { param: ListFilter; title: string }) {
  const others: Filters = { ...filters, [param]: [] };
  const { data, error } = usePoll(
    async signal => {
      const [inA, inB] = await Promise.all([api.aggregate(a, param, others, signal), api.aggregate(b, param, others, signal)]);
      return { inA, inB };
    },
    null,
    [a, b, param, JSON.stringify(others)],
  );
  const selected = filters[param];
  const rows = new Map<string, { a: number; b: number }>();
  for (const k of selected) rows.set(k, { a: 0, b: 0 });
  for (const x of data?.inA.buckets ?? []) rows.set(x.key, { a: x.count, b: rows.get(x.key)?.b ?? 0 });
  for (const x of data?.inB.buckets ?? []) rows.set(x.key, { a: rows.get(x.key)?.a ?? 0, b: x.count });
  const keys = [...rows.keys()];
  if (param === 'log_level') keys.sort((x, y) => LEVELS.indexOf(x) - LEVELS.indexOf(y));
  else keys.sort((x, y) => rows.get(y)!.a + rows.get(y)!.b - (rows.get(x)!.a + rows.get(x)!.b) || x.localeCompare(y));
  const toggle = (key: string) => onChange(param, selected.includes(key) ? selected.filter(k => k !== key) : [...selected, key]);
  return (
    <section class="compare-facet" data-facet={param} data-loaded={data ? 'true' : 'false'}>
      <h3>
        {title}
        {selected.length > 0 && (
          <button class="link clear" onClick={() => onChange(param, [])}>
            clear
          </button>
        )}
      </h3>
      {error && <p class="form-error">{error.message}</p>}
      <table class="compare-counts">
        <thead>
          <tr>
            <th />
            <th class="num">A</th>
            <th class="num">B</th>
            <th class="num">B − A</th>
          </tr>
        </thead>
        <tbody>
          {keys.map(key => {
            const { a: na, b: nb } = rows.get(key)!;
            const delta = nb - na;
            return (
              <tr key={key} data-key={key} data-a={na} data-b={nb} class={selected.includes(key) ? 'checked' : ''}>
                <td class="key">
                  <label title={key}>
                    <input type="checkbox" checked={selected.includes(key)} onChange={() => toggle(key)} />
                    <span class={param === 'log_level' ? `lvl-${key}` : ''}>{key || '(none)'}</span>
                  </label>
                </td>
                <td class="num">{count(na)}</td>
                <td class="num">{count(nb)}</td>
                <td class={`num delta${delta > 0 ? ' up' : delta < 0 ? ' down' : ''}`}>
                  {delta > 0 ? '+' : ''}
                  {count(delta)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
