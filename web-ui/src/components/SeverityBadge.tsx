import { SEVERITIES, type Severity } from '../lib/api';

export function severityRank(s: Severity): number {
  const i = SEVERITIES.indexOf(s);
  return i < 0 ? SEVERITIES.length : i;
}

/** A rule's or issue's severity as a coloured label. */
export function SeverityBadge({ severity }: { severity: Severity }) {
  return <span class={`sev sev-${severity}`}>{severity}</span>;
}
