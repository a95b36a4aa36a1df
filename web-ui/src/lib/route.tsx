// The URL is the whole state of a page, so a link can be shared: history routing (the node
// answers index.html for any client path), filters in the query string under the API's names.
//
// A new page (the heatmap, say) is one more Route variant here, its parse/format lines, and
// one case in App.tsx.

import { useEffect, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { type Filters, LIST_FILTERS, NO_FILTERS } from './api';

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
    }
  | { page: 'notfound'; path: string };

export function browseRoute(bundleId: string, patch: Partial<Extract<Route, { page: 'browse' }>> = {}): Route {
  return { page: 'browse', bundleId, filters: NO_FILTERS, order: 'asc', sel: null, at: null, ...patch };
}

function splitList(v: string | null): string[] {
  return v ? v.split(',').map(s => s.trim()).filter(Boolean) : [];
}

export function parseRoute(pathname: string, search: string): Route {
  const q = new URLSearchParams(search);
  if (pathname === '/' || pathname === '') return { page: 'bundles', open: q.get('open') };
  const browse = /^\/browse\/([^/]+)\/?$/.exec(pathname);
  if (browse) {
    const filters: Filters = {
      cvm_ip: splitList(q.get('cvm_ip')),
      service: splitList(q.get('service')),
      log_level: splitList(q.get('log_level')),
      filename: splitList(q.get('filename')),
      q: q.get('q') ?? '',
      start_time: q.get('start_time') ?? '',
      end_time: q.get('end_time') ?? '',
    };
    return {
      page: 'browse',
      bundleId: decodeURIComponent(browse[1]),
      filters,
      order: q.get('order') === 'desc' ? 'desc' : 'asc',
      sel: q.get('sel'),
      at: q.get('at'),
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
    case 'browse': {
      for (const name of LIST_FILTERS) if (r.filters[name].length) q.set(name, r.filters[name].join(','));
      if (r.filters.q) q.set('q', r.filters.q);
      if (r.filters.start_time) q.set('start_time', r.filters.start_time);
      if (r.filters.end_time) q.set('end_time', r.filters.end_time);
      if (r.order === 'desc') q.set('order', 'desc');
      if (r.sel) q.set('sel', r.sel);
      if (r.at) q.set('at', r.at);
      return `/browse/${encodeURIComponent(r.bundleId)}` + (q.size ? `?${q}` : '');
    }
    case 'notfound':
      return r.path;
  }
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
export function Link(props: { to: Route; class?: string; title?: string; 'data-testid'?: string; children?: ComponentChildren }) {
  const { to, ...rest } = props;
  const onClick = (e: MouseEvent) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return <a {...rest} href={routeHref(to)} onClick={onClick} />;
}
