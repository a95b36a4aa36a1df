// The message templates of two bundles under the same filters, joined by their text (ids are
// per node, so the same event may have different ids in A and B). Templates only in B (new in
// the bad cluster) come first, then those whose share of their bundle changed most.

import { useState } from 'preact/hooks';
import { api, type Filters } from '../../lib/api';
import { count } from '../../lib/format';
import { usePoll } from '../../lib/hooks';

const LIMIT = 2000;
const SHOWN = 40;
/** a share ratio at least this far from 1 (either way) is highlighted */
const BIG = 3;

export interface TemplateRow {
  template: string;
  a: number;
  b: number;
  /** B's share of its total over A's share of its; null when one side has none */
  ratio: number | null;
  only: 'a' | 'b' | null;
}

/** Joins the two lists by template text and ranks them: only in B, only in A, then by ratio. */
export function diffTemplates(
  inA: { template: string | null; template_id: number; count: number }[],
  inB: { template: string | null; template_id: number; count: number }[],
): TemplateRow[] {
  const text = (t: { template: string | null; template_id: number }) => t.template ?? `(unknown template ${t.template_id})`;
  const rows = new Map<string, TemplateRow>();
  const row = (t: string) => rows.get(t) ?? rows.set(t, { template: t, a: 0, b: 0, ratio: null, only: null }).get(t)!;
  for (const t of inA) row(text(t)).a += t.count;
  for (const t of inB) row(text(t)).b += t.count;
  const totalA = inA.reduce((n, t) => n + t.count, 0) || 1;
  const totalB = inB.reduce((n, t) => n + t.count, 0) || 1;
  for (const r of rows.values()) {
    r.only = r.a === 0 ? 'b' : r.b === 0 ? 'a' : null;
    r.ratio = r.only ? null : r.b / totalB / (r.a / totalA);
  }
  const rank = (r: TemplateRow) => (r.only === 'b' ? 0 : r.only === 'a' ? 1 : 2);
  const spread = (r: TemplateRow) => (r.ratio === null ? 0 : Math.abs(Math.log(r.ratio)));
  return [...rows.values()].sort((x, y) => rank(x) - rank(y) || spread(y) - spread(x) || y.a + y.b - (x.a + x.b));
}

export function TemplateDiff({ a, b, filters }: { a: string; b: string; filters: Filters }) {
  const { data, error } = usePoll(
    async signal => {
      const [inA, inB] = await Promise.all([api.templates(a, filters, LIMIT, signal), api.templates(b, filters, LIMIT, signal)]);
      return { inA, inB, rows: diffTemplates(inA.templates, inB.templates) };
    },
    null,
    [a, b, JSON.stringify(filters)],
  );
  const [all, setAll] = useState(false);
  const rows = data?.rows ?? [];
  const shown = all ? rows : rows.slice(0, SHOWN);
  const onlyB = rows.filter(r => r.only === 'b').length;
  const onlyA = rows.filter(r => r.only === 'a').length;
  return (
    <section class="template-diff" data-testid="template-diff" data-loaded={data ? 'true' : 'false'} data-rows={rows.length}>
      <h3>
        Templates: {data ? `${count(rows.length)} in all, ${count(onlyB)} only in B, ${count(onlyA)} only in A` : 'counting…'}
        {filters.anomaly && <span class="note"> (counted without the anomaly filter)</span>}
      </h3>
      {error && <p class="form-error">{error.message}</p>}
      {data && (data.inA.total > LIMIT || data.inB.total > LIMIT) && (
        <p class="note">the {count(LIMIT)} largest templates of each side are compared</p>
      )}
      <div class="template-diff-scroll">
        <table>
          <thead>
            <tr>
              <th>Template</th>
              <th class="num">A</th>
              <th class="num">B</th>
              <th class="num" title="B's share of its records over A's share of its records">share B / A</th>
            </tr>
          </thead>
          <tbody>
            {shown.map(r => {
              const big = r.ratio !== null && (r.ratio >= BIG || r.ratio <= 1 / BIG);
              return (
                <tr
                  key={r.template}
                  class={`${r.only ? `only-${r.only}` : ''}${big ? ' big' : ''}`}
                  data-template={r.template}
                  data-a={r.a}
                  data-b={r.b}
                  data-only={r.only ?? ''}
                >
                  <td class="tpl">
                    {r.only === 'b' && <span class="flag new">only in B</span>}
                    {r.only === 'a' && <span class="flag gone">only in A</span>}
                    {r.template}
                  </td>
                  <td class="num">{count(r.a)}</td>
                  <td class="num">{count(r.b)}</td>
                  <td class="num">{r.ratio === null ? '' : `×${r.ratio >= 10 ? r.ratio.toFixed(0) : r.ratio.toFixed(2)}`}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {rows.length > SHOWN && (
        <button class="link more" onClick={() => setAll(!all)}>
          {all ? 'fewer' : `all ${count(rows.length)}`}
        </button>
      )}
    </section>
  );
}
