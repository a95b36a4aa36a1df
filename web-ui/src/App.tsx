import { useEffect } from 'preact/hooks';
import { BundlesPage } from './pages/BundlesPage';
import { LogBrowserPage } from './pages/LogBrowserPage';
import { HeatmapPage } from './pages/HeatmapPage';
import { RulesPage } from './pages/RulesPage';
import { HealthPage } from './pages/HealthPage';
import { LivePage } from './pages/LivePage';
import { ComparePage } from './pages/ComparePage';
import { ClusterPage } from './pages/ClusterPage';
import { Link, rulesRoute, useRoute } from './lib/route';

/** The pages by route; a new page is one more case here and one more Route variant. */
export function App() {
  const route = useRoute();
  useEffect(() => {
    document.title =
      route.page === 'browse' || route.page === 'heatmap' || route.page === 'services' ? `${route.bundleId} · Bundlescope`
        : route.page === 'live' ? `Live ${route.bundleId} · Bundlescope`
        : route.page === 'rules' ? 'Rules · Bundlescope'
        : route.page === 'compare' ? `Compare ${route.a} and ${route.b} · Bundlescope`
        : route.page === 'cluster' ? 'Cluster · Bundlescope' : 'Bundlescope';
  }, [route]);
  return (
    <>
      <nav class="top">
        <Link to={{ page: 'bundles', open: null }} class="brand">
          Bundlescope
        </Link>
        <Link to={{ page: 'bundles', open: null }} class={route.page === 'bundles' ? 'on' : undefined}>
          Bundles
        </Link>
        <Link to={rulesRoute()} class={route.page === 'rules' ? 'on' : undefined} data-testid="nav-rules">
          Rules
        </Link>
        <Link to={{ page: 'cluster' }} class={route.page === 'cluster' ? 'on' : undefined} data-testid="nav-cluster">
          Cluster
        </Link>
      </nav>
      {route.page === 'bundles' && <BundlesPage route={route} />}
      {route.page === 'browse' && <LogBrowserPage key={route.bundleId} route={route} />}
      {route.page === 'heatmap' && <HeatmapPage route={route} />}
      {route.page === 'rules' && <RulesPage route={route} />}
      {route.page === 'services' && <HealthPage route={route} />}
      {route.page === 'live' && <LivePage route={route} />}
      {route.page === 'compare' && <ComparePage route={route} />}
      {route.page === 'cluster' && <ClusterPage />}
      {route.page === 'notfound' && (
        <div class="page">
          <p class="banner error">No page at {route.path}.</p>
        </div>
      )}
    </>
  );
}
