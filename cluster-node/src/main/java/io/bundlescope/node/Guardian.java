package io.bundlescope.node;

import com.typesafe.config.Config;
import io.bundlescope.analyzers.health.HealthWeights;
import io.bundlescope.analyzers.processes.RunSettings;
import io.bundlescope.analyzers.anomaly.AnomalySettings;
import io.bundlescope.http.AdminGuard;
import io.bundlescope.http.AnomaliesRoutes;
import io.bundlescope.http.AnomalyScores;
import io.bundlescope.http.BrowseRoutes;
import io.bundlescope.http.ClusterRoutes;
import io.bundlescope.http.ExportRoutes;
import io.bundlescope.http.HealthRoutes;
import io.bundlescope.http.HttpServer;
import io.bundlescope.http.IssuesRoutes;
import io.bundlescope.http.LogsRoutes;
import io.bundlescope.http.OwnerRouting;
import io.bundlescope.http.ProcessHealthRoutes;
import io.bundlescope.http.RulesRoutes;
import io.bundlescope.http.TemplatesRoutes;
import io.bundlescope.http.StreamRoutes;
import io.bundlescope.http.WebUiRoutes;
import io.bundlescope.analyzers.templates.TemplateLibrary;
import io.bundlescope.index.LogStore;
import io.bundlescope.node.anomaly.AnomalyScans;
import io.bundlescope.node.live.LivePublisher;
import io.bundlescope.node.live.LiveSettings;
import io.bundlescope.node.live.LiveTopics;
import io.bundlescope.node.live.TopicFeed;
import io.bundlescope.node.placement.ClusterLoadView;
import io.bundlescope.node.placement.LeastLoadedAllocation;
import io.bundlescope.node.placement.LoadBlend;
import io.bundlescope.node.placement.NodeLoad;
import io.bundlescope.node.placement.Placement;
import io.bundlescope.node.rules.RuleChecks;
import io.bundlescope.node.rules.StarterLibrary;
import io.bundlescope.parsers.bundle.StagingLimits;
import io.bundlescope.protocol.BundleCommand;
import io.bundlescope.store.AnomalyRepository;
import io.bundlescope.store.BundleRepository;
import io.bundlescope.store.Database;
import io.bundlescope.store.IssueRepository;
import io.bundlescope.store.RuleRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;

/** Wires the node together; it holds no logic of its own. */
final class Guardian {
  private Guardian() {}

  static Behavior<Void> create(NodeSettings settings, Database db, LogStore logs, TemplateLibrary templates) {
    return Behaviors.setup(ctx -> {
      ActorSystem<Void> system = ctx.getSystem();
      Config conf = system.settings().config().getConfig("bundlescope");
      Executor blocking = system.dispatchers().lookup(DispatcherSelector.fromConfig("bundlescope.blocking-dispatcher"));
      Cluster cluster = Cluster.get(system);
      if (settings.seedNodes().isEmpty()) cluster.manager().tell(Join.create(cluster.selfMember().address()));

      BundleRepository repo = new BundleRepository(db.dataSource());
      BundleProjection projection = new BundleProjection(repo);
      int parallelism = conf.getInt("ingest.parallelism") > 0
          ? conf.getInt("ingest.parallelism") : Runtime.getRuntime().availableProcessors();
      ActorRef<IngestSlots.Command> slots = ctx.spawn(IngestSlots.create(parallelism), "ingest-slots");
      ClusterLoadView loadView = new ClusterLoadView();
      ActorRef<NodeLoad.Command> load = ctx.spawn(NodeLoad.create(cluster.selfMember().address().toString(),
          settings.nodeName(), settings.dataDir(), blocking, conf.getDuration("placement.publish-interval"), loadView),
          NodeLoad.NAME);
      RuleRepository rules = new RuleRepository(db.dataSource());
      IssueRepository issues = new IssueRepository(db.dataSource());
      LiveSettings live = LiveSettings.fromConfig(conf.getConfig("stream"));
      ActorRef<LiveTopics.Command> topics = ctx.spawn(LiveTopics.create(live), "live-topics");
      LivePublisher livePublisher = new LivePublisher(topics, live);
      RuleChecks ruleChecks = new RuleChecks(logs, rules, issues, repo, blocking,
          conf.getDuration("rules.check-interval"), Clock.systemUTC(), livePublisher::rulesChecked);
      boolean starterLibrary = conf.getBoolean("rules.starter-library");
      CompletableFuture.runAsync(() -> {
        if (starterLibrary) StarterLibrary.seed(rules);
      }, blocking)
          .thenRun(() -> ruleChecks.catchUp(settings.nodeName()))
          .exceptionally(e -> {
            system.log().error("cannot load the starter rules: {}", e.toString());
            return null;
          });
      AnomalyRepository anomalyRows = new AnomalyRepository(db.dataSource());
      AnomalyScans anomalyScans = new AnomalyScans(logs, templates, anomalyRows, AnomalySettings.defaults(),
          settings.nodeName(), blocking, Clock.systemUTC());
      anomalyScans.catchUp();
      AnomalyScores anomalyScores = new AnomalyScores(anomalyRows, settings.nodeName());
      IngestServices services = new IngestServices(logs, projection, slots, Node.staging(settings),
          StagingLimits.defaults(), blocking, ZoneId.of(conf.getString("ingest.default-zone")),
          settings.nodeName(), conf.getDuration("ingest.commit-interval"), load,
          IngestListener.both(ruleChecks, anomalyScans), templates,
          livePublisher);

      ClusterSharding sharding = ClusterSharding.get(system);
      LeastLoadedAllocation placement = new LeastLoadedAllocation(cluster, loadView,
          new Placement(LoadBlend.fromConfig(conf.getConfig("placement"))),
          id -> repo.findById(id).map(row -> row.bundleSize()).orElse(0L), blocking);
      sharding.init(Entity.of(BundleEntity.ENTITY_KEY,
              entity -> BundleEntity.create(entity.getEntityId(), services, entity.getShard()))
          .withMessageExtractor(new ShardPerBundle())
          .withAllocationStrategy(placement));
      CoordinatedShutdown.get(system).addTask(CoordinatedShutdown.PhaseBeforeServiceUnbind(), "placement-drain",
          () -> {
            load.tell(NodeLoad.Drain.INSTANCE);
            return CompletableFuture.completedFuture(Done.getInstance());
          });
      UnfinishedBundles.resume(system, sharding, repo, blocking);
      ctx.spawn(LostNodes.create(sharding, repo, blocking), "lost-nodes");

      Duration askTimeout = conf.getDuration("http.ask-timeout");
      BundleSubmissions submissions = new BundleSubmissions(new AllowedRoots(settings.allowedRoots()), repo,
          sharding, blocking, settings.nodeName(), askTimeout, IngestPolicies.fromConfig(conf.getConfig("ingest.policy")));
      WebUiRoutes webUi = new WebUiRoutes();
      // The live stream is served by any node (pub-sub), so it stays out of the owner forwarding.
      var routes = webUi.pages()
          .orElse(new StreamRoutes(new TopicFeed(topics, live), repo, issues, live.endCheckInterval(),
              live.finalCheckWait(), blocking).routes())
          .orElse(new OwnerRouting(system, settings.nodeName(), repo, blocking)
          .wrap(new BrowseRoutes(logs, anomalyScores, blocking).routes()
              .orElse(new ExportRoutes(logs, anomalyScores, blocking).routes())
              .orElse(new LogsRoutes(submissions, repo, logs, anomalyScores, blocking).routes())
              .orElse(new IssuesRoutes(repo, rules, issues, ruleChecks, blocking).routes())
              .orElse(new ProcessHealthRoutes(repo, issues, logs, RunSettings.defaults(), HealthWeights.defaults(),
                  Clock.systemUTC(), anomalyScores, blocking).routes())
              .orElse(new AnomaliesRoutes(repo, anomalyRows, logs, templates, settings.nodeName(), blocking).routes())
              .orElse(new RulesRoutes(rules, repo, logs, templates, blocking).routes())
              .orElse(new TemplatesRoutes(logs, templates, blocking).routes()))
          .orElse(new ClusterRoutes(new ClusterAdministration(system, placement, repo, sharding, blocking,
              settings.nodeName(), askTimeout), AdminGuard.allowAll()).routes())
          .orElse(new HealthRoutes(settings.nodeName(),
              () -> cluster.selfMember().status() == MemberStatus.up(), db::isReachable, loadView::selfDraining,
              blocking).routes())
          .orElse(webUi.routes()));
      HttpServer.start(system, settings.host(), settings.httpPort(), settings.nodeName(), routes)
          .whenComplete((binding, failure) -> {
            if (failure != null) {
              system.log().error("cannot bind HTTP on {}:{}: {}", settings.host(), settings.httpPort(), failure.getMessage());
              system.terminate();
            }
          });
      if (settings.inbox() != null) {
        ctx.spawn(InboxWatcher.create(settings.inbox(), conf.getDuration("inbox.scan-interval"),
            submissions, repo, blocking), "inbox-watcher");
      }
      system.getWhenTerminated().thenRun(projection::close);
      return Behaviors.empty();
    });
  }
}
