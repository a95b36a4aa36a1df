// Numbers, sizes and times as the UI shows them. Times are UTC with microseconds, like the API.

const counts = new Intl.NumberFormat('en-US');

export function count(n: number | null | undefined): string {
  return n == null ? '' : counts.format(n);
}

export function bytes(n: number | null | undefined): string {
  if (n == null) return '';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return u === 0 ? `${n} B` : `${v.toFixed(v < 10 ? 1 : 0)} ${units[u]}`;
}

/** Microseconds since the epoch of an ISO-8601 UTC instant such as 2026-11-30T01:02:03.123456Z. */
export function toMicros(iso: string): number {
  const m = /^(.*?:\d\d)(?:\.(\d+))?(Z|[+-]\d\d:?\d\d)$/.exec(iso);
  if (!m) throw new Error(`not an ISO-8601 instant: ${iso}`);
  const wholeMs = Date.parse(m[1] + m[3]);
  if (Number.isNaN(wholeMs)) throw new Error(`not an ISO-8601 instant: ${iso}`);
  const fraction = (m[2] ?? '').padEnd(6, '0').slice(0, 6);
  return wholeMs * 1000 + Number(fraction);
}

/** The ISO-8601 UTC text of a microsecond instant, always with six fraction digits. */
export function isoMicros(us: number): string {
  const ms = Math.floor(us / 1000);
  const rest = us - ms * 1000;
  return new Date(ms).toISOString().slice(0, -1) + String(rest).padStart(3, '0') + 'Z';
}

/** A record's time for the table: 2026-11-30 01:02:03.123456 (UTC). */
export function displayTime(iso: string): string {
  const m = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d:\d\d)(?:\.(\d+))?Z$/.exec(iso);
  if (!m) return iso;
  return `${m[1]} ${m[2]}.${(m[3] ?? '').padEnd(6, '0').slice(0, 6)}`;
}

export function displayInstant(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d:\d\d)/.exec(iso);
  return m ? `${m[1]} ${m[2]}` : iso;
}

export function baseName(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1) || path;
}

/** Severity order for the level facet and colours. */
export const LEVELS = ['FATAL', 'ERROR', 'WARN', 'INFO', 'DEBUG', 'TRACE', 'UNKNOWN'];
