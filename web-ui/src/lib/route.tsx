// The URL is the whole state of a page, so a link can be shared: history routing (the node
// answers index.html for any client path), filters in the query string under the API's names.
//
// A new page is one more Route variant here, its parse/format lines, and one case in App.tsx.

import { useEffect, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { type Filters, type HeatmapRows, LIST_FILTERS, NO_FILTERS } from './api';

export type Order = 'asc' | 'desc';

export type Route =
  | { page: 'bundles'; open: string | null }
  | {
      page: 'browse';
      bundleId: string;
      filters: Filters;
      order: Order;
      /** id and time of the record shown in the detail panel */
      sel: string | null;
      at: string | null;
      /** the issues panel is open */
      issues: boolean;
      /** the rule editor drafts a rule from the selected record */
      makeRule: boolean;
    }
  | {
      page: 'heatmap';
      bundleId: string;
      /** the heatmap's own filters; no level means ERROR and FATAL (the API's default) */
      filters: Filters;
      rows: HeatmapRows;
      interval: string;
    }
  | {
      page: 'rules';
      /** words in the id, title, description or tags */
      q: string;
      severity: string;
      tag: string;
      origin: string;
      /** the rule open in the editor ('' none); a new one when {@code create} */
      edit: string;
      create: boolean;
      /** the rule whose history is shown ('' none) */
      history: string;
    }
  | {
      page: 'services';
      bundleId: string;
      /** the service whose nodes and process runs are shown */
      open: string | null;
    }
  | {
      page: 'live';
      bundleId: string;
      /** the stream's min_level: FATAL, ERROR (default) or WARN */
      minLevel: string;
    }
  | {
      page: 'compare';
      /** bundle A (e.g. a good cluster) and bundle B (a bad one) */
      a: string;
      b: string;
      /** one set of filters for both sides */
      filters: Filters;
    }
  | { page: 'cluster' }
  | { page: 'notfound'; path: string };

export function compareRoute(a: string, b: string, filters: Filters = NO_FILTERS): Route {
  return { page: 'compare', a, b, filters };
}

/** The bundles a browse route shows: one id, or several merged in time order ({@code /browse/a,b}). */
export function bundleIdsOf(bundleId: string): string[] {
  return splitList(bundleId);
}

export const LIVE_LEVELS = ['FATAL', 'ERROR', 'WARN'];

export function liveRoute(bundleId: string, minLevel = 'ERROR'): Route {
  return { page: 'live', bundleId, minLevel };
}

export type RulesRoute = Extract<Route, { page: 'rules' }>;

export function rulesRoute(patch: Partial<RulesRoute> = {}): Route {
  return { page: 'rules', q: '', severity: '', tag: '', origin: '', edit: '', create: false, history: '', ...patch };
}

export function browseRoute(bundleId: string, patch: Partial<Extract<Route, { page: 'browse' }>> = {}): Route {
  return {
    page: 'browse', bundleId, filters: NO_FILTERS, order: 'asc', sel: null, at: null, issues: false, makeRule: false,
    ...patch,
  };
}

export function heatmapRoute(bundleId: string, patch: Partial<Extract<Route, { page: 'heatmap' }>> = {}): Route {
  return { page: 'heatmap', bundleId, filters: NO_FILTERS, rows: 'cvm_ip', interval: 'auto', ...patch };
}

function splitList(v: string | null): string[] {
  return v ? v.split(',').map(s => s.trim()).filter(Boolean) : [];
}

export function parseRoute(pathname: string, search: string): Route {
  const q = new URLSearchParams(search);
  if (pathname === '/' || pathname === '') return { page: 'bundles', open: q.get('open') };
  if (pathname === '/cluster' || pathname === '/cluster/') return { page: 'cluster' };
  if (pathname === '/rules' || pathname === '/rules/') {
    return {
      page: 'rules',
      q: q.get('q') ?? '',
      severity: q.get('severity') ?? '',
      tag: q.get('tag') ?? '',
      origin: q.get('origin') ?? '',
      edit: q.get('edit') ?? '',
      create: q.get('new') === '1',
      history: q.get('history') ?? '',
    };
  }
  const filters: Filters = {
    cvm_ip: splitList(q.get('cvm_ip')),
    service: splitList(q.get('service')),
    log_level: splitList(q.get('log_level')),
    filename: splitList(q.get('filename')),
    template_id: splitList(q.get('template_id')),
    q: q.get('q') ?? '',
    start_time: q.get('start_time') ?? '',
    end_time: q.get('end_time') ?? '',
    anomaly: q.get('anomaly') ?? '',
  };
  if (pathname === '/compare' || pathname === '/compare/') {
    return { page: 'compare', a: q.get('a') ?? '', b: q.get('b') ?? '', filters };
  }
  const services = /^\/services\/([^/]+)\/?$/.exec(pathname);
  if (services) return { page: 'services', bundleId: decodeURIComponent(services[1]), open: q.get('open') };
  const live = /^\/live\/([^/]+)\/?$/.exec(pathname);
  if (live) {
    const level = (q.get('min_level') ?? '').toUpperCase();
    return { page: 'live', bundleId: decodeURIComponent(live[1]), minLevel: LIVE_LEVELS.includes(level) ? level : 'ERROR' };
  }
  const heatmap = /^\/heatmap\/([^/]+)\/?$/.exec(pathname);
  if (heatmap) {
    return {
      page: 'heatmap',
      bundleId: decodeURIComponent(heatmap[1]),
      filters,
      rows: q.get('rows') === 'service' ? 'service' : 'cvm_ip',
      interval: q.get('interval') || 'auto',
    };
  }
  const browse = /^\/browse\/([^/]+)\/?$/.exec(pathname);
  if (browse) {
    return {
      page: 'browse',
      bundleId: decodeURIComponent(browse[1]),
      filters,
      order: q.get('order') === 'desc' ? 'desc' : 'asc',
      sel: q.get('sel'),
      at: q.get('at'),
      issues: q.get('issues') === '1',
      makeRule: q.get('make_rule') === '1' && !!q.get('sel'),
    };
  }
  return { page: 'notfound', path: pathname };
}

export function routeHref(r: Route): string {
  const q = new URLSearchParams();
  switch (r.page) {
    case 'bundles':
      if (r.open) q.set('open', r.open);
      return '/' + (q.size ? `?${q}` : '');
    case 'heatmap':
      setFilters(q, r.filters);
      if (r.rows !== 'cvm_ip') q.set('rows', r.rows);
      if (r.interval !== 'auto') q.set('interval', r.interval);
      return `/heatmap/${encodeURIComponent(r.bundleId)}` + (q.size ? `?${q}` : '');
    case 'browse': {
      setFilters(q, r.filters);
      if (r.order === 'desc') q.set('order', 'desc');
      if (r.sel) q.set('sel', r.sel);
      if (r.at) q.set('at', r.at);
      if (r.issues) q.set('issues', '1');
      if (r.makeRule && r.sel) q.set('make_rule', '1');
      return `/browse/${bundleIdsOf(r.bundleId).map(encodeURIComponent).join(',')}` + (q.size ? `?${q}` : '');
    }
    case 'rules':
      for (const name of ['q', 'severity', 'tag', 'origin', 'edit', 'history'] as const) if (r[name]) q.set(name, r[name]);
      if (r.create) q.set('new', '1');
      return '/rules' + (q.size ? `?${q}` : '');
    case 'services':
      if (r.open) q.set('open', r.open);
      return `/services/${encodeURIComponent(r.bundleId)}` + (q.size ? `?${q}` : '');
    case 'live':
      q.set('min_level', r.minLevel);
      return `/live/${encodeURIComponent(r.bundleId)}?${q}`;
    case 'compare': {
      const c = new URLSearchParams({ a: r.a, b: r.b });
      setFilters(c, r.filters);
      return `/compare?${c}`;
    }
    case 'cluster':
      return '/cluster';
    case 'notfound':
      return r.path;
  }
}

function setFilters(q: URLSearchParams, f: Filters): void {
  for (const name of LIST_FILTERS) if (f[name].length) q.set(name, f[name].join(','));
  if (f.q) q.set('q', f.q);
  if (f.start_time) q.set('start_time', f.start_time);
  if (f.end_time) q.set('end_time', f.end_time);
  if (f.anomaly) q.set('anomaly', f.anomaly);
}

const CHANGED = 'bundlescope:navigate';

/** Goes to a route; {@code replace} keeps the history entry (selection changes, typing). */
export function navigate(r: Route, opts: { replace?: boolean } = {}): void {
  const href = routeHref(r);
  if (href === location.pathname + location.search) return;
  if (opts.replace) history.replaceState(null, '', href);
  else history.pushState(null, '', href);
  window.dispatchEvent(new Event(CHANGED));
}

export function useRoute(): Route {
  const read = () => parseRoute(location.pathname, location.search);
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const update = () => setRoute(read());
    window.addEventListener('popstate', update);
    window.addEventListener(CHANGED, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(CHANGED, update);
    };
  }, []);
  return route;
}

/** An anchor that navigates without reloading (and still opens in a new tab when asked). */
export function Link(props: {
  to: Route;
  class?: string;
  title?: string;
  children?: ComponentChildren;
  [data: `data-${string}`]: string | undefined;
}) {
  const { to, ...rest } = props;
  const onClick = (e: MouseEvent) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return <a {...rest} href={routeHref(to)} onClick={onClick} />;
}
