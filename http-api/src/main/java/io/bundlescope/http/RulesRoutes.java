package io.bundlescope.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bundlescope.analyzers.rules.Backtest;
import io.bundlescope.analyzers.rules.Rule;
import io.bundlescope.analyzers.rules.RuleChecker;
import io.bundlescope.analyzers.rules.RuleDrafts;
import io.bundlescope.analyzers.rules.RuleFormat;
import io.bundlescope.analyzers.rules.RuleFormatException;
import io.bundlescope.analyzers.rules.RuleMatch;
import io.bundlescope.analyzers.templates.Masker;
import io.bundlescope.analyzers.templates.TemplateLibrary;
import io.bundlescope.http.RuleViews.BacktestView;
import io.bundlescope.http.RuleViews.Deleted;
import io.bundlescope.http.RuleViews.History;
import io.bundlescope.http.RuleViews.Imported;
import io.bundlescope.http.RuleViews.RuleList;
import io.bundlescope.http.RuleViews.RuleView;
import io.bundlescope.index.LogStore;
import io.bundlescope.parsers.LogRecord;
import io.bundlescope.store.BundleRepository;
import io.bundlescope.store.BundleRow;
import io.bundlescope.store.JobStatus;
import io.bundlescope.store.RuleRepository;
import io.bundlescope.store.RuleVersionConflict;
import io.bundlescope.store.StoredRule;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.unmarshalling.Unmarshaller;

/**
 * Known-issue rules: CRUD with versions and history ({@code /rules}, {@code /rules/{id}},
 * {@code /rules/{id}/history}), export and import as a YAML file for git, and authoring: a
 * draft from a record ({@code /rules/draft}) and a backtest of any rule ({@code /rules/backtest})
 * over the bundles this node holds. A rule is sent and answered in its file format
 * (docs/rules.md); an invalid rule is a 400 listing every problem.
 */
public final class RulesRoutes extends JsonRoutes {
  /** Most bundles a backtest searches by default (the newest ones here). */
  static final int BACKTEST_BUNDLES = 20;
  static final int BACKTEST_SAMPLES = 5;
  /** Who made a change, until authentication names the caller. */
  static final String USER_HEADER = "X-Bundlescope-User";

  private final RuleRepository rules;
  private final BundleRepository bundles;
  private final LogStore logs;
  private final TemplateLibrary templates;

  public RulesRoutes(RuleRepository rules, BundleRepository bundles, LogStore logs, TemplateLibrary templates,
      Executor blocking) {
    super(blocking);
    this.rules = rules;
    this.bundles = bundles;
    this.logs = logs;
    this.templates = templates;
  }

  public Route routes() {
    return pathPrefix("rules", () -> optionalHeaderValueByName(USER_HEADER, user -> concat(
        pathEndOrSingleSlash(() -> concat(
            get(() -> blockingRespond(() -> new RuleList(rules.list().stream().map(RuleView::of).toList()))),
            post(() -> withBody(body -> created(() -> save(parse(body, null), 0, true, "user", user.orElse(null))))))),
        path("export", () -> get(() -> completeWithFuture(CompletableFuture.supplyAsync(
            this::export, blocking)))),
        path("import", () -> post(() -> withBody(body -> blockingRespond(() -> importRules(body, user.orElse(null)))))),
        path("draft", () -> post(() -> withParams(p -> withBody(body -> blockingRespond(() -> draft(p, body)))))),
        path("backtest", () -> post(() -> withParams(p -> withBody(body -> blockingRespond(() -> backtest(p, body)))))),
        pathPrefix(PathMatchers.segment(), id -> concat(
            pathEndOrSingleSlash(() -> concat(
                get(() -> blockingRespond(() -> RuleView.of(existing(id)))),
                put(() -> withParams(p -> withBody(body -> blockingRespond(() -> update(id, p, body, user.orElse(null)))))),
                delete(() -> withParams(p -> blockingRespond(() -> delete(id, p, user.orElse(null))))))),
            path("history", () -> get(() -> blockingRespond(() -> history(id)))))))));
  }

  private Route withBody(Function<String, Route> inner) {
    return entity(Unmarshaller.entityToString(), inner::apply);
  }

  private Route created(Supplier<RuleView> work) {
    return completeWithFuture(CompletableFuture.supplyAsync(work, blocking)
        .handle((view, failure) -> failure == null ? HttpResponses.json(201, view) : HttpResponses.error(failure)));
  }

  private RuleView save(Rule rule, Integer expectedVersion, boolean enabled, String origin, String user) {
    checkQueries(rule);
    try {
      return RuleView.of(rules.save(rule.id(), v -> RuleFormat.toJsonText(rule.withVersion(v)), expectedVersion,
          enabled, origin, user));
    } catch (RuleVersionConflict e) {
      throw new ApiException(409, "version", expectedVersion != null && expectedVersion == 0
          ? "a rule with id " + rule.id() + " exists: change it with PUT /rules/" + rule.id() : e.getMessage());
    }
  }

  private RuleView update(String id, Params p, String body, String user) {
    StoredRule current = existing(id);
    Rule rule = parse(body, id);
    Integer expected = rule.version() > 0 ? rule.version() : null;
    boolean enabled = p.optional("enabled").isPresent() ? p.flag("enabled") : enabledIn(body).orElse(current.enabled());
    return save(rule, expected, enabled, current.origin(), user);
  }

  private Deleted delete(String id, Params p, String user) {
    Integer expected = p.optional("version").isPresent() ? p.intIn("version", 0, 1, Integer.MAX_VALUE) : null;
    try {
      rules.delete(id, expected, user);
      return new Deleted(id, true);
    } catch (NoSuchElementException e) {
      throw ApiException.notFound("rule_id", "no rule " + id);
    } catch (RuleVersionConflict e) {
      throw new ApiException(409, "version", e.getMessage());
    }
  }

  private History history(String id) {
    var versions = rules.history(id);
    if (versions.isEmpty()) throw ApiException.notFound("rule_id", "no rule " + id);
    return new History(id, versions.stream().map(RuleViews.VersionView::of).toList());
  }

  private HttpResponse export() {
    List<Rule> all = rules.list().stream().map(StoredRules::parse).flatMap(Optional::stream).toList();
    return HttpResponse.create()
        .withEntity(ContentTypes.TEXT_PLAIN_UTF8, RuleFormat.toYaml(all))
        .addHeader(RawHeader.create("Content-Disposition", "attachment; filename=\"bundlescope-rules.yaml\""));
  }

  /** All rules of the file are validated before any is saved; unchanged ones keep their version. */
  private Imported importRules(String body, String user) {
    List<Rule> incoming;
    try {
      incoming = RuleFormat.readAll(body);
    } catch (RuleFormatException e) {
      throw ApiException.badParam("body", e.getMessage());
    }
    incoming.forEach(this::checkQueries);
    List<String> created = new ArrayList<>();
    List<String> updated = new ArrayList<>();
    List<String> unchanged = new ArrayList<>();
    for (Rule rule : incoming) {
      Optional<StoredRule> current = rules.find(rule.id());
      Optional<Rule> now = current.flatMap(StoredRules::parse);
      if (now.isPresent() && now.get().withVersion(0).equals(rule.withVersion(0))) {
        unchanged.add(rule.id());
        continue;
      }
      rules.save(rule.id(), v -> RuleFormat.toJsonText(rule.withVersion(v)), null,
          current.map(StoredRule::enabled).orElse(true), current.map(StoredRule::origin).orElse("import"), user);
      (current.isPresent() ? updated : created).add(rule.id());
    }
    return new Imported(created, updated, unchanged);
  }

  /** A rule drafted from a record, with its backtest; nothing is saved. */
  private BacktestView draft(Params p, String body) {
    JsonNode json = body.isBlank() ? null : readObject(body);
    String bundleId = p.optional("log_bundle_id").orElse(json == null ? null : json.path("log_bundle_id").asText(null));
    String recordId = p.optional("record_id").orElse(json == null ? null : json.path("record_id").asText(null));
    if (bundleId == null) throw ApiException.badParam("log_bundle_id", "missing parameter log_bundle_id");
    if (recordId == null) throw ApiException.badParam("record_id", "missing parameter record_id");
    LogRecord record = logs.context(bundleId, recordId, 0, 0)
        .orElseThrow(() -> ApiException.notFound("record_id", "no record " + recordId + " in bundle " + bundleId + " on this node"))
        .target();
    Rule draft = templates.template(record.templateId())
        .map(t -> RuleDrafts.draftFromTemplate(record, t.text()))
        .orElseGet(() -> RuleDrafts.draft(record, Masker.defaults()));
    draft = withFreeId(draft);
    List<String> targets = new ArrayList<>(List.of(bundleId));
    backtestTargets().forEach(id -> {
      if (!targets.contains(id) && targets.size() < BACKTEST_BUNDLES) targets.add(id);
    });
    return run(draft, targets);
  }

  private BacktestView backtest(Params p, String body) {
    Rule rule = parse(body, null);
    checkQueries(rule);
    List<String> ids = Params.asList(p.list("log_bundle_id"));
    return run(rule, ids.isEmpty() ? backtestTargets() : ids);
  }

  private BacktestView run(Rule rule, List<String> bundleIds) {
    RuleChecker checker = new RuleChecker(logs);
    List<Backtest> tests = new ArrayList<>();
    List<String> notHere = new ArrayList<>();
    for (String id : bundleIds) {
      if (logs.hasBundle(id)) tests.add(checker.backtest(id, rule, BACKTEST_SAMPLES));
      else notHere.add(id);
    }
    for (BundleRow row : bundles.list(null, null)) {
      if (row.status() == JobStatus.COMPLETED && !bundleIds.contains(row.logBundleId()) && !logs.hasBundle(row.logBundleId())) {
        notHere.add(row.logBundleId());
      }
    }
    return BacktestView.of(rule, tests, notHere);
  }

  /** The newest bundles this node holds, analyzed or being ingested. */
  private List<String> backtestTargets() {
    return bundles.list(null, null).stream()
        .filter(r -> r.status() == JobStatus.COMPLETED || r.status() == JobStatus.INPROGRESS)
        .map(BundleRow::logBundleId).filter(logs::hasBundle).limit(BACKTEST_BUNDLES).toList();
  }

  private Rule withFreeId(Rule draft) {
    String id = draft.id();
    for (int n = 2; rules.find(id).isPresent(); n++) {
      String suffix = "-" + n;
      id = draft.id().substring(0, Math.min(draft.id().length(), 64 - suffix.length())) + suffix;
    }
    return id.equals(draft.id()) ? draft : new Rule(id, 0, draft.title(), draft.severity(), draft.description(),
        draft.scope(), draft.match(), draft.condition(), draft.kb(), draft.remediation(), draft.tags());
  }

  private StoredRule existing(String id) {
    return rules.find(id).orElseThrow(() -> ApiException.notFound("rule_id", "no rule " + id));
  }

  /** The rule of a request body; its id, when missing, is the path's. */
  private static Rule parse(String body, String pathId) {
    ObjectNode json = readObject(body);
    json.remove("enabled");
    if (pathId != null) {
      if (!json.hasNonNull("id")) json.put("id", pathId);
      if (!Objects.equals(json.path("id").asText(), pathId)) {
        throw ApiException.badParam("id", "the body's id " + json.path("id").asText() + " is not the path's " + pathId);
      }
    }
    try {
      return RuleFormat.read(json, "rule");
    } catch (RuleFormatException e) {
      throw ApiException.badParam("body", e.getMessage());
    }
  }

  private static Optional<Boolean> enabledIn(String body) {
    JsonNode enabled = readObject(body).get("enabled");
    return enabled == null || !enabled.isBoolean() ? Optional.empty() : Optional.of(enabled.asBoolean());
  }

  private static ObjectNode readObject(String body) {
    try {
      JsonNode json = Json.MAPPER.readTree(body);
      if (json instanceof ObjectNode object) return object;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw ApiException.badParam("body", "request body is not valid JSON: " + e.getOriginalMessage());
    }
    throw ApiException.badParam("body", "request body must be a JSON object");
  }

  /** The index's judgement of the full-text queries, before the rule is stored. */
  private void checkQueries(Rule rule) {
    checkQuery(rule, rule.match(), "match.query");
    if (rule.isSequence()) checkQuery(rule, rule.condition().followedBy().match(), "condition.followed_by.match.query");
  }

  private void checkQuery(Rule rule, RuleMatch match, String where) {
    if (match.query() == null || match.query().isBlank()) return;
    try {
      logs.highlights(match.query(), "");
    } catch (IllegalArgumentException e) {
      throw ApiException.badParam("body", "rule '" + rule.id() + "': " + where + ": " + e.getMessage());
    }
  }
}
