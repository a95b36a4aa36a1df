import { useEffect, useState } from 'preact/hooks';
import type { Filters } from '../lib/api';
import type { Order } from '../lib/route';

interface Props {
  filters: Filters;
  order: Order;
  /** the parameter the API refused, to mark its field */
  badParam: string | null;
  onSubmit: (patch: Pick<Filters, 'q' | 'start_time' | 'end_time'>) => void;
  /** none: no order selector (the search's order is fixed) */
  onOrder?: (order: Order) => void;
}

/** Full-text query and time range (the time histogram's brush will set the same range). */
export function QueryBar({ filters, order, badParam, onSubmit, onOrder }: Props) {
  const [q, setQ] = useState(filters.q);
  const [start, setStart] = useState(filters.start_time);
  const [end, setEnd] = useState(filters.end_time);
  useEffect(() => {
    setQ(filters.q);
    setStart(filters.start_time);
    setEnd(filters.end_time);
  }, [filters.q, filters.start_time, filters.end_time]);
  const submit = (e: Event) => {
    e.preventDefault();
    onSubmit({ q: q.trim(), start_time: start.trim(), end_time: end.trim() });
  };
  return (
    <form class="query-bar" onSubmit={submit} data-testid="query-bar">
      <input
        class={`q${badParam === 'q' ? ' invalid' : ''}`}
        type="search"
        name="q"
        placeholder='Search messages: words, "a phrase", AND / OR / NOT, prefix*'
        value={q}
        onInput={e => setQ(e.currentTarget.value)}
        spellcheck={false}
        autoComplete="off"
      />
      <input
        class={`time${badParam === 'start_time' ? ' invalid' : ''}`}
        name="start_time"
        placeholder="from (ISO-8601, UTC)"
        value={start}
        onInput={e => setStart(e.currentTarget.value)}
        title="Start time, inclusive: ISO-8601, UTC unless an offset is given"
      />
      <input
        class={`time${badParam === 'end_time' ? ' invalid' : ''}`}
        name="end_time"
        placeholder="to (exclusive)"
        value={end}
        onInput={e => setEnd(e.currentTarget.value)}
        title="End time, exclusive: ISO-8601, UTC unless an offset is given"
      />
      <button type="submit">Search</button>
      {onOrder && (
        <select value={order} onChange={e => onOrder(e.currentTarget.value as Order)} aria-label="Order" name="order">
          <option value="asc">Oldest first</option>
          <option value="desc">Newest first</option>
        </select>
      )}
    </form>
  );
}
