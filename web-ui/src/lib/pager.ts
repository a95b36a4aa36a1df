// Random access to the i-th record of a time-ordered search, built on /logs/search's forward
// cursors only. Records are held in runs: contiguous slices [start, start + records.length),
// each with the cursor that continues it. A row just past a run is reached by paging on; a
// row far away is reached by a jump: a search for the time T whose preceding-record count
// (total minus the total of the same search from T on) lands just before the row, found by
// interpolation and bisection on T with limit=1 searches. That count is exact, so a run
// started at T knows its exact offset; a million rows are one jump away, not 2,000 pages.

import { isAbort, type LogRecord, type SearchExtra, type SearchResponse } from './api';
import { isoMicros, toMicros } from './format';
import type { Order } from './route';

/** Fetches one page of the search with its own filters; the pager adds paging and bounds. */
export type PageFetch = (extra: SearchExtra & { order: Order }, signal: AbortSignal) => Promise<SearchResponse>;

const PAGE_MAX = 2000; // records per request, at most
const PAGE_MIN = 200; // and at least
const REACH = 3000; // a gap up to this many rows is paged through; a larger one is jumped
const KEEP = 100_000; // records held in memory; runs far from the window are dropped
const BACK = 500; // a jump lands this many rows early, so scrolling back a little needs no other

interface Run {
  start: number;
  records: LogRecord[];
  /** continues after the last record; null once the run reached the end or was cut */
  cursor: string | null;
  /** microsecond seek bound: start_time (asc) or exclusive end_time (desc); null from the top */
  bound: number | null;
}

export class RecordPager {
  /** records matching the search, once the first page answered */
  total: number | null = null;
  error: Error | null = null;
  /** requests sent, for the curious (shown as a data attribute) */
  requests = 0;

  private runs: Run[] = [];
  private from = 0;
  private to = 0;
  private pumping = false;
  private queue: Promise<unknown> = Promise.resolve();
  private disposed = false;
  private edges: { first: number; last: number } | null = null;
  private readonly abort = new AbortController();
  private readonly listeners = new Set<() => void>();

  constructor(private readonly fetchPage: PageFetch, readonly order: Order) {}

  /** Asks for rows [from, to) to be loaded; answers arrive through {@link subscribe}. */
  want(from: number, to: number): void {
    this.from = Math.max(0, from);
    this.to = Math.max(this.from, to);
    void this.pump();
  }

  /** Checks the total again (a bundle still ingesting grows) and starts over if it changed. */
  refresh(): void {
    if (this.disposed) return;
    this.serial(async () => {
      if (this.total === null) return;
      this.requests++;
      const page = await this.fetchPage({ limit: 1, order: this.order }, this.abort.signal);
      if (page.total !== this.total) {
        this.restart(page.total);
        this.error = null;
        this.emit();
      }
    }).then(() => this.pump(), () => undefined);
  }

  get(i: number): LogRecord | undefined {
    const r = this.runAt(i);
    return r ? r.records[i - r.start] : undefined;
  }

  /** Records held now (a jump to the end does not load what lies between). */
  get loaded(): number {
    return this.runs.reduce((n, r) => n + r.records.length, 0);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  dispose(): void {
    this.disposed = true;
    this.abort.abort();
    this.listeners.clear();
  }

  /**
   * The row index where records at time {@code at} begin (in this order); starts a run
   * there so the rows around it load next.
   */
  locate(at: string): Promise<number> {
    const t = toMicros(at);
    return this.serial(async () => {
      await this.ensureTotal();
      const bound = this.order === 'asc' ? t : t + 1;
      const offset = await this.offsetAt(bound);
      if (!this.runAt(offset)) this.insertRun(offset, bound);
      return offset;
    });
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }

  private runAt(i: number): Run | undefined {
    let lo = 0;
    let hi = this.runs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = this.runs[mid];
      if (i < r.start) hi = mid - 1;
      else if (i >= r.start + r.records.length) lo = mid + 1;
      else return r;
    }
    return undefined;
  }

  /** The last run starting at or before i. */
  private runBefore(i: number): Run | undefined {
    let found: Run | undefined;
    for (const r of this.runs) {
      if (r.start > i) break;
      found = r;
    }
    return found;
  }

  private firstMissing(): number | null {
    if (this.total === null) return 0;
    const end = Math.min(this.to, this.total);
    let i = this.from;
    for (const r of this.runs) {
      if (r.start + r.records.length <= i) continue;
      if (r.start > i) break;
      i = r.start + r.records.length;
    }
    return i < end ? i : null;
  }

  /** Runs one loading step at a time: the pump's and locate's steps never interleave. */
  private serial<T>(step: () => Promise<T>): Promise<T> {
    const next = this.queue.then(step, step);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async pump(): Promise<void> {
    if (this.pumping || this.disposed || this.error) return;
    this.pumping = true;
    try {
      for (;;) {
        const more = await this.serial(async () => {
          const m = this.firstMissing();
          if (m === null || this.disposed) return false;
          const runs = this.runs;
          const loaded = this.loaded;
          await this.fill(m);
          if (runs === this.runs && loaded === this.loaded && this.firstMissing() === m) {
            throw new Error(`no progress loading row ${m}`);
          }
          this.evict();
          return true;
        });
        this.emit();
        if (!more) break;
      }
    } catch (e) {
      if (!isAbort(e) && !this.disposed) {
        this.error = e instanceof Error ? e : new Error(String(e));
        this.emit();
      }
    } finally {
      this.pumping = false;
    }
  }

  private async ensureTotal(): Promise<void> {
    if (this.total !== null) return;
    if (!this.runs.length) this.insertRun(0, null);
    await this.extend(this.runs[0], 0);
    this.emit();
  }

  private async fill(m: number): Promise<void> {
    if (this.total === null) return this.ensureTotal();
    const run = this.runBefore(m);
    const canExtend = (r: Run | undefined): r is Run => !!r && (r.records.length === 0 || r.cursor !== null);
    if (canExtend(run) && m - (run.start + run.records.length) <= REACH) return this.extend(run, m);
    const { offset, bound } = await this.seek(Math.max(0, m - BACK));
    if (canExtend(run) && offset <= run.start + run.records.length) return this.extend(run, m);
    await this.extend(this.insertRun(offset, bound), m);
  }

  /** Starts a run at {@code start}; a run covering that row is cut there. */
  private insertRun(start: number, bound: number | null): Run {
    for (const r of this.runs) {
      if (r.start < start && start < r.start + r.records.length) {
        r.records.length = start - r.start;
        r.cursor = null;
      }
    }
    const run: Run = { start, records: [], cursor: null, bound };
    const at = this.runs.findIndex(r => r.start > start || (r.start === start && r.records.length === 0));
    if (at < 0) this.runs.push(run);
    else if (this.runs[at].start === start) this.runs[at] = run;
    else this.runs.splice(at, 0, run);
    return run;
  }

  private boundExtra(bound: number | null): SearchExtra {
    if (bound === null) return {};
    return this.order === 'asc' ? { start_time: isoMicros(bound) } : { end_time: isoMicros(bound) };
  }

  /** Pages the run on until it reaches past row {@code m} and the wanted window, or its end. */
  private async extend(run: Run, m: number): Promise<void> {
    const end = run.start + run.records.length;
    const limit = Math.min(PAGE_MAX, Math.max(PAGE_MIN, Math.max(m + 1, this.to) - end));
    const first = run.records.length === 0;
    this.requests++;
    const page = await this.fetchPage(
      { ...this.boundExtra(run.bound), limit, cursor: run.cursor, order: this.order }, this.abort.signal);
    if (this.disposed) return;
    if (first) {
      const expectedRest = this.total === null ? null : this.total - run.start;
      if (run.bound === null && this.total === null) {
        this.total = page.total;
      } else if (page.total !== expectedRest) {
        // The index changed under us (the bundle is still being ingested): start over.
        return this.restart(run.bound === null ? page.total : null);
      }
    }
    for (const r of page.records) run.records.push(r);
    run.cursor = page.next_cursor;
    if (run.cursor === null && run.start + run.records.length < (this.total ?? 0)) {
      return this.restart(null);
    }
    this.mergeAfter(run);
  }

  /** Joins a run with the next one once they meet. */
  private mergeAfter(run: Run): void {
    const i = this.runs.indexOf(run);
    while (i + 1 < this.runs.length) {
      const next = this.runs[i + 1];
      const end = run.start + run.records.length;
      if (end < next.start) return;
      const overlap = end - next.start;
      if (next.records.length > overlap) {
        for (let k = overlap; k < next.records.length; k++) run.records.push(next.records[k]);
        run.cursor = next.cursor;
      }
      this.runs.splice(i + 1, 1);
    }
  }

  private restart(total: number | null): void {
    this.runs = [];
    this.edges = null;
    this.total = total;
    if (total === null) this.insertRun(0, null);
  }

  /** Drops records far from the window once more than KEEP are held. */
  private evict(): void {
    if (this.loaded <= KEEP) return;
    const lo = this.from - KEEP / 4;
    const hi = this.to + KEEP / 4;
    this.runs = this.runs.filter(r => r.start + r.records.length > lo && r.start < hi);
    for (const r of this.runs) {
      if (r.start < lo) {
        const cut = Math.floor(lo - r.start);
        r.records = r.records.slice(cut);
        r.start += cut;
      }
      if (r.start + r.records.length > hi) {
        r.records.length = Math.ceil(hi - r.start);
        r.cursor = null;
      }
    }
  }

  /** Microseconds of the first and the last record of the search. */
  private async edgeTimes(): Promise<{ first: number; last: number }> {
    if (this.edges) return this.edges;
    this.requests += 2;
    const [asc, desc] = await Promise.all([
      this.fetchPage({ limit: 1, order: 'asc' }, this.abort.signal),
      this.fetchPage({ limit: 1, order: 'desc' }, this.abort.signal),
    ]);
    if (!asc.records.length || !desc.records.length) throw new Error('the search has no records to jump to');
    this.edges = { first: toMicros(asc.records[0].time), last: toMicros(desc.records[0].time) };
    return this.edges;
  }

  /** Rows before a run bounded at {@code bound}: total minus the bounded search's total. */
  private async offsetAt(bound: number): Promise<number> {
    this.requests++;
    const page = await this.fetchPage({ ...this.boundExtra(bound), limit: 1, order: this.order }, this.abort.signal);
    return (this.total ?? 0) - page.total;
  }

  /**
   * A bound whose run starts at most REACH/2 rows before row m (or as close as time ties
   * allow). Searches x over the integers where F(x) = offset is increasing: x = T (asc, bound
   * is start_time) or x = -T (desc, bound is end_time).
   */
  private async seek(m: number): Promise<{ offset: number; bound: number }> {
    const total = this.total ?? 0;
    const { first, last } = await this.edgeTimes();
    const asc = this.order === 'asc';
    let a = asc ? first : -(last + 1);
    let fa = 0;
    let b = asc ? last + 1 : -first;
    let fb = total;
    for (let i = 0; i < 64 && b - a > 1 && m - fa > REACH / 2; i++) {
      let x = i % 2 === 0 && fb > fa ? a + Math.round(((b - a) * (m - fa)) / (fb - fa)) : a + Math.floor((b - a) / 2);
      x = Math.min(b - 1, Math.max(a + 1, x));
      const fx = await this.offsetAt(asc ? x : -x);
      if (fx <= m) {
        a = x;
        fa = fx;
      } else {
        b = x;
        fb = fx;
      }
    }
    return { offset: fa, bound: asc ? a : -a };
  }
}
