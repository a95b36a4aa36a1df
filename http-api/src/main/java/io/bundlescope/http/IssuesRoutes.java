package io.bundlescope.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.bundlescope.analyzers.rules.Rule;
import io.bundlescope.protocol.api.IssuesResponse;
import io.bundlescope.protocol.api.IssuesResponse.Issue;
import io.bundlescope.protocol.api.IssuesResponse.Skipped;
import io.bundlescope.store.BundleRepository;
import io.bundlescope.store.IssueRepository;
import io.bundlescope.store.IssueRow;
import io.bundlescope.store.RuleRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code GET /logs/issues}: the known issues of a bundle, from its last rule check (checks run
 * while it is ingested and once it is complete); {@code POST /logs/issues/check}: check the
 * rules again now, e.g. after they changed (forwarded to the bundle's node, whose index it reads).
 */
public final class IssuesRoutes extends JsonRoutes {
  private final BundleRepository bundles;
  private final RuleRepository rules;
  private final IssueRepository issues;
  private final BundleChecks checks;

  public IssuesRoutes(BundleRepository bundles, RuleRepository rules, IssueRepository issues, BundleChecks checks,
      Executor blocking) {
    super(blocking);
    this.bundles = bundles;
    this.rules = rules;
    this.issues = issues;
    this.checks = checks;
  }

  public Route routes() {
    return pathPrefix("logs", () -> pathPrefix("issues", () -> concat(
        pathEndOrSingleSlash(() -> get(() -> withParams(p -> blockingRespond(() -> issuesOf(knownBundle(p)))))),
        path("check", () -> post(() -> withParams(p -> respond(() -> {
          String id = p.required("log_bundle_id");
          return CompletableFuture.supplyAsync(() -> knownBundle(p), blocking)
              .thenCompose(checks::checkNow)
              .thenApplyAsync(done -> issuesOf(id), blocking);
        })))))));
  }

  private String knownBundle(Params p) {
    String id = p.required("log_bundle_id");
    if (bundles.findById(id).isEmpty()) throw ApiException.notFound("log_bundle_id", "no bundle with log_bundle_id " + id);
    return id;
  }

  private IssuesResponse issuesOf(String bundleId) {
    List<Issue> found = new ArrayList<>();
    for (IssueRow row : issues.issues(bundleId)) {
      Optional<Rule> rule = rules.find(row.ruleId()).flatMap(StoredRules::parse);
      found.add(new Issue(row.ruleId(), row.ruleVersion(), row.title(), row.severity(), row.node(), row.firstTime(),
          row.lastTime(), row.matchCount(), row.peak(), row.truncated(), row.evidence(),
          rule.map(Rule::kb).orElse(null), rule.map(Rule::remediation).orElse(null)));
    }
    return issues.lastCheck(bundleId)
        .map(c -> new IssuesResponse(bundleId, new IssuesResponse.Check(c.checkedAt(), c.rulesChecked(), c.isFinal()),
            found, skipped(c.skippedJson())))
        .orElse(new IssuesResponse(bundleId, null, found, List.of()));
  }

  private static List<Skipped> skipped(String json) {
    try {
      List<Skipped> list = new ArrayList<>();
      for (JsonNode s : Json.MAPPER.readTree(json)) {
        list.add(new Skipped(s.path("rule_id").asText(), s.path("title").asText(null), s.path("reason").asText()));
      }
      return list;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored skipped rules are not JSON", e);
    }
  }
}
