import type { ComponentChildren } from 'preact';

/** Text with the [start, end) spans (UTF-16 offsets, as the API gives them) in <mark>. */
export function Marked({ text, spans }: { text: string; spans?: [number, number][] }) {
  if (!spans?.length) return <>{text}</>;
  const parts: ComponentChildren[] = [];
  let at = 0;
  for (const [start, end] of spans) {
    if (start >= text.length) break;
    if (start > at) parts.push(text.slice(at, start));
    const stop = Math.min(end, text.length);
    parts.push(<mark key={start}>{text.slice(Math.max(start, at), stop)}</mark>);
    at = stop;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
