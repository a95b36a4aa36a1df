// A virtual table over every record of a search: only the visible rows exist in the DOM, and
// rows load through the RecordPager as they come into view. Rows have one fixed height, so the
// position of row i is arithmetic. Browsers cap an element's height (about 33 million px in
// Chromium, less elsewhere), which 1.5 million rows of 24 px exceed: past MAX_PX the scrollbar
// is scaled (dragging it spans the whole search), while the wheel and keys still move by
// exact pixels and rows. Mount one table per search (key it by the search): it starts at the top.

import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { LogRecord } from '../lib/api';
import { Marked } from './Marked';
import { displayTime } from '../lib/format';
import type { RecordPager } from '../lib/pager';

export const ROW_PX = 24;
const MAX_PX = 8_000_000;
const OVERSCAN = 40;

export interface Jump {
  index: number;
  /** a new value makes the same index scroll again */
  seq: number;
}

interface Props {
  pager: RecordPager;
  total: number;
  selectedId: string | null;
  onSelect: (record: LogRecord, index: number) => void;
  jump: Jump | null;
  /** with a bundle column (a search over several bundles): the label of a bundle id */
  bundleLabel?: (bundleId: string) => string;
}

/** A row's anomaly is flagged from this score on (the scorer's flag: ARCHITECTURE.md, "Anomalies"). */
export const ANOMALY_FLAG = 0.5;

export function RecordTable({ pager, total, selectedId, onSelect, jump, bundleLabel }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const [viewH, setViewH] = useState(600);
  const [top, setTop] = useState(0);
  const lastScrollTop = useRef(0);

  const content = total * ROW_PX;
  const spacer = Math.min(content, MAX_PX);
  const ratio = spacer > viewH ? (content - viewH) / (spacer - viewH) : 1;
  const maxTop = Math.max(0, content - viewH);

  const scrollTo = (virtualTop: number) => {
    const t = Math.min(maxTop, Math.max(0, virtualTop));
    setTop(t);
    const el = scroller.current;
    if (el) {
      el.scrollTop = t / ratio;
      lastScrollTop.current = el.scrollTop;
    }
  };

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setViewH(el.clientHeight));
    observer.observe(el);
    setViewH(el.clientHeight);
    return () => observer.disconnect();
  }, []);

  useLayoutEffect(() => {
    if (jump) scrollTo(jump.index * ROW_PX - viewH / 3);
  }, [jump?.seq]);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      if (ratio <= 1) return;
      e.preventDefault();
      const unit = e.deltaMode === 1 ? ROW_PX : e.deltaMode === 2 ? viewH : 1;
      scrollTo(top + e.deltaY * unit);
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  });

  const onScroll = () => {
    const el = scroller.current;
    if (!el) return; // a scroll event delivered after the table unmounted
    if (Math.abs(el.scrollTop - lastScrollTop.current) < 1) return;
    lastScrollTop.current = el.scrollTop;
    setTop(Math.min(maxTop, el.scrollTop * ratio));
  };

  const first = Math.floor(top / ROW_PX);
  const last = Math.min(total, Math.ceil((top + viewH) / ROW_PX));
  useEffect(() => {
    pager.want(Math.max(0, first - OVERSCAN), last + OVERSCAN);
  }, [pager, first, last, total]);

  const selectedIndex = () => {
    for (let i = Math.max(0, first - OVERSCAN); i < Math.min(total, last + OVERSCAN); i++) {
      if (pager.get(i)?.id === selectedId) return i;
    }
    return -1;
  };

  const move = (to: number) => {
    const i = Math.min(total - 1, Math.max(0, to));
    const record = pager.get(i);
    if (record) onSelect(record, i);
    if (i * ROW_PX < top) scrollTo(i * ROW_PX);
    else if ((i + 1) * ROW_PX > top + viewH) scrollTo((i + 1) * ROW_PX - viewH);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const page = Math.max(1, Math.floor(viewH / ROW_PX) - 1);
    const current = selectedIndex();
    switch (e.key) {
      case 'ArrowDown':
      case 'j':
        move(current < 0 ? first : current + 1);
        break;
      case 'ArrowUp':
      case 'k':
        move(current < 0 ? first : current - 1);
        break;
      case 'PageDown':
        scrollTo(top + page * ROW_PX);
        break;
      case 'PageUp':
        scrollTo(top - page * ROW_PX);
        break;
      case 'Home':
        scrollTo(0);
        break;
      case 'End':
        scrollTo(maxTop);
        break;
      default:
        return;
    }
    e.preventDefault();
  };

  const rows = [];
  for (let i = first; i < last; i++) {
    const r = pager.get(i);
    const y = i * ROW_PX - top;
    if (!r) {
      rows.push(
        <div key={i} class="rt-row loading" style={{ transform: `translateY(${y}px)` }} data-index={i}>
          <span class="rt-time">…</span>
        </div>,
      );
      continue;
    }
    const nl = r.message.indexOf('\n');
    const firstLine = nl < 0 ? r.message : r.message.slice(0, nl);
    const lines = nl < 0 ? 1 : r.message.split('\n').length;
    rows.push(
      <div
        key={i}
        role="row"
        class={`rt-row lvl-${r.log_level}${r.id === selectedId ? ' selected' : ''}`}
        style={{ transform: `translateY(${y}px)` }}
        data-index={i}
        data-id={r.id}
        data-lines={lines}
        data-bundle={r.log_bundle_id}
        data-anomaly={r.anomaly ?? 0}
        onClick={() => onSelect(r, i)}
        title={`${r.filepath}:${r.line_number}`}
      >
        <span class="rt-time">{displayTime(r.time)}</span>
        {bundleLabel && <span class="rt-bundle" title={r.log_bundle_id}>{r.log_bundle_id ? bundleLabel(r.log_bundle_id) : ''}</span>}
        <span class="rt-level">{r.log_level}</span>
        <span class="rt-node">{r.cvm_ip ?? ''}</span>
        <span class="rt-service">{r.service}</span>
        <span class="rt-pid">{r.pid ?? ''}</span>
        <span class="rt-message">
          {(r.anomaly ?? 0) >= ANOMALY_FLAG && <AnomalyBadge record={r} />}
          <Marked text={firstLine} spans={r.highlights} />
          {lines > 1 && <span class="more">+{lines - 1} lines</span>}
        </span>
      </div>,
    );
  }

  return (
    <div class={`record-table${bundleLabel ? ' with-bundle' : ''}`} data-testid="record-table" data-total={total} data-loaded={pager.loaded} data-requests={pager.requests}>
      <div class="rt-head" role="row">
        <span class="rt-time">Time (UTC)</span>
        {bundleLabel && <span class="rt-bundle">Bundle</span>}
        <span class="rt-level">Level</span>
        <span class="rt-node">Node</span>
        <span class="rt-service">Service</span>
        <span class="rt-pid">PID</span>
        <span class="rt-message">Message</span>
      </div>
      <div class="rt-scroll" ref={scroller} onScroll={onScroll} tabIndex={0} onKeyDown={onKeyDown} role="grid" aria-rowcount={total}>
        <div class="rt-spacer" style={{ height: `${Math.max(spacer, 1)}px` }}>
          <div class="rt-window" style={{ height: `${Math.min(viewH, spacer)}px` }}>
            {rows}
          </div>
        </div>
        {total === 0 && <p class="empty">No record matches.</p>}
      </div>
    </div>
  );
}

/** The anomaly score of a record's (template, node) pair, its reasons as the tooltip. */
export function AnomalyBadge({ record }: { record: LogRecord }) {
  const score = record.anomaly ?? 0;
  const why = (record.anomaly_reasons ?? []).map(r => `${r.kind} +${r.contribution.toFixed(2)}: ${r.detail}`).join('\n');
  return (
    <span class="anomaly-badge" data-testid="anomaly-badge" title={`anomaly ${score.toFixed(2)}${why ? `\n${why}` : ''}`}>
      ⚑ {score.toFixed(2)}
    </span>
  );
}
