package io.bundlescope.analyzers.templates;

import static io.bundlescope.analyzers.templates.ChangeType.CHANGED;
import static io.bundlescope.analyzers.templates.ChangeType.CREATED;
import static io.bundlescope.analyzers.templates.ChangeType.NONE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateMinerTest {

  @Test
  void givesMessagesThatDifferOnlyInVariablesTheSameTemplate() {
    TemplateMiner miner = TemplateMiner.withDefaults();
    InsertResult first = miner.add("PacketResponder 1 for block blk_38865049064139661 terminating");
    InsertResult second = miner.add("PacketResponder 2 for block blk_-6952295868487656572 terminating");

    assertEquals(new InsertResult(CREATED, 1, "PacketResponder <NUM> for block blk_<NUM> terminating"), first);
    assertEquals(new InsertResult(NONE, 1, "PacketResponder <NUM> for block blk_<NUM> terminating"), second);
  }

  @Test
  void givesDifferentEventsDifferentTemplates() {
    TemplateMiner miner = TemplateMiner.withDefaults();
    long started = miner.add("[instance: 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d] VM Started (Lifecycle Event)").templateId();
    long stopped = miner.add("[instance: 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d] VM Stopped (Lifecycle Event)").templateId();
    long received = miner.add("Received block blk_-1608999687919862906 of size 91178 from /10.250.10.6").templateId();
    long shorter = miner.add("[instance: 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d] Terminating instance").templateId();

    assertEquals(4, Set.of(started, stopped, received, shorter).size());
    assertEquals(List.of(1L, 2L, 3L, 4L), List.of(started, stopped, received, shorter));
  }

  @Test
  void reportsChangedWhenAConstantBecomesAVariable() {
    TemplateMiner miner = TemplateMiner.withDefaults();
    InsertResult first = miner.add("Changing view acls to: yarn,curi");
    InsertResult second = miner.add("Changing view acls to: hdfs,spark");
    InsertResult third = miner.add("Changing view acls to: root,admin");

    assertEquals(new InsertResult(CREATED, 1, "Changing view acls to: yarn,curi"), first);
    assertEquals(new InsertResult(CHANGED, 1, "Changing view acls to: <*>"), second);
    assertEquals(new InsertResult(NONE, 1, "Changing view acls to: <*>"), third);
  }

  @Test
  void takesWordsThatDifferOnlyInLettersForDifferentEvents() {
    TemplateMiner constants = TemplateMiner.withDefaults();
    long usable = constants.add("BIOS-e820: 0000000000100000 - 000000001f6f0000 (usable)").templateId();
    long reserved = constants.add("BIOS-e820: 00000000000f0000 - 0000000000100000 (reserved)").templateId();
    assertNotEquals(usable, reserved);

    TemplateMiner variables = new TemplateMiner(Masker.defaults(),
        MinerSettings.defaults().withLettersAreConstants(false));
    variables.add("BIOS-e820: 0000000000100000 - 000000001f6f0000 (usable)");
    InsertResult merged = variables.add("BIOS-e820: 00000000000f0000 - 0000000000100000 (reserved)");
    assertEquals(new InsertResult(CHANGED, 1, "BIOS-e820: <*> - <*> <*>"), merged);
  }

  @Test
  void takesPlaceholderOnlyWordsForTheSameVariable() {
    TemplateMiner miner = TemplateMiner.withDefaults();
    miner.add("10.11.10.1 \"GET /v2/servers/detail HTTP/1.1\" status: 200 len: 1893 time: 0.2477829");
    InsertResult proxied = miner.add(
        "10.11.21.122,10.11.10.1 \"GET /openstack/meta_data.json HTTP/1.1\" status: 200 len: 967 time: 0.2101290");

    assertEquals(new InsertResult(CHANGED, 1, "<*> \"GET <PATH> HTTP/<NUM>\" status: <NUM> len: <NUM> time: <NUM>"),
        proxied);
  }

  @Test
  void matchFindsTheTemplateWithoutLearning() {
    TemplateMiner miner = TemplateMiner.withDefaults();
    miner.add("Notification time out: 3200");

    assertEquals(Optional.of(new Template(1, "Notification time out: <NUM>", 1)),
        miner.match("Notification time out: 60000"));
    assertEquals(Optional.empty(), miner.match("Starting remoting"));
    assertEquals(1, miner.size());
    assertEquals(1, miner.templates().get(0).size());
  }

  @Test
  void givesAnEmptyMessageAnEmptyTemplate() {
    TemplateMiner miner = TemplateMiner.withDefaults();
    assertEquals(new InsertResult(CREATED, 1, ""), miner.add(""));
    assertEquals(new InsertResult(NONE, 1, ""), miner.add("   "));
  }

  @Test
  void dropsTheLeastRecentlyMatchedTemplateBeyondMaxClustersAndNeverReusesItsId() {
    TemplateMiner miner = new TemplateMiner(Masker.defaults(), MinerSettings.defaults().withMaxClusters(2));
    long a = miner.add("Starting remoting").templateId();
    long b = miner.add("Registered BlockManager").templateId();
    miner.add("Starting remoting");
    long c = miner.add("Trying to register BlockManager").templateId();

    assertEquals(List.of(1L, 2L, 3L), List.of(a, b, c));
    assertEquals(List.of(a, c), miner.templates().stream().map(Template::id).toList());
    assertEquals(new InsertResult(CREATED, 4, "Registered BlockManager"), miner.add("Registered BlockManager"));
  }

  @Test
  void looksUpATemplateWithoutCountingItAsMatched() {
    TemplateMiner miner = new TemplateMiner(Masker.defaults(), MinerSettings.defaults().withMaxClusters(2));
    miner.add("Starting remoting");
    miner.add("Registered BlockManager");
    miner.template(1);
    miner.match("Starting remoting");
    miner.add("Trying to register BlockManager");

    assertEquals(List.of(2L, 3L), miner.templates().stream().map(Template::id).toList());
  }

  @Test
  void keepsTheRecencyOrderThroughASnapshot() {
    MinerSettings two = MinerSettings.defaults().withMaxClusters(2);
    TemplateMiner before = new TemplateMiner(Masker.defaults(), two);
    before.add("Starting remoting");
    before.add("Registered BlockManager");
    before.add("Starting remoting");

    TemplateMiner after = TemplateMiner.restore(Masker.defaults(), two, before.snapshot());
    after.add("Trying to register BlockManager");

    assertEquals(List.of(1L, 3L), after.templates().stream().map(Template::id).toList());
  }

  @Test
  void sendsLeadingWordsBeyondMaxChildrenToTheWildcardChild() {
    TemplateMiner miner = new TemplateMiner(Masker.defaults(), MinerSettings.defaults().withMaxChildren(2));
    miner.add("alpha service started");
    miner.add("beta service started");
    miner.add("gamma service started");

    Map<Long, List<String>> routes = new TreeMap<>();
    for (TemplateSnapshot.Entry e : miner.snapshot().templates()) routes.put(e.id(), e.route());
    assertEquals(Map.of(1L, List.of("alpha", "service"), 2L, List.of("<*>", "service"), 3L, List.of("<*>", "service")),
        routes);
  }

  @Test
  void givesTheSameIdsAfterASnapshotSaveAndLoad(@TempDir Path dir) throws IOException {
    List<String[]> fixture = fixture("groupsEachEventOfAMixedLogIntoItsOwnTemplate.txt");
    TemplateMiner before = TemplateMiner.withDefaults();
    Map<String, Long> idOf = new HashMap<>();
    for (String[] row : fixture) idOf.put(row[1], before.add(row[1]).templateId());
    SnapshotStore store = new FileSnapshotStore(dir.resolve("templates.tsv"));
    store.save(before.snapshot());

    TemplateMiner after = TemplateMiner.restore(Masker.defaults(), MinerSettings.defaults(), store.load().orElseThrow());

    assertEquals(before.templates(), after.templates());
    for (String[] row : fixture) {
      InsertResult again = after.add(row[1]);
      assertEquals(NONE, again.change(), row[1]);
      assertEquals(idOf.get(row[1]), again.templateId(), row[1]);
    }
    long next = before.templates().stream().mapToLong(Template::id).max().orElseThrow() + 1;
    assertEquals(new InsertResult(CREATED, next, "Slf4jLogger started"), after.add("Slf4jLogger started"));
  }

  @Test
  void filesRestoredTemplatesAgainWhenTheDepthChanged() {
    TemplateMiner before = TemplateMiner.withDefaults();
    long id = before.add("Received connection request /10.10.34.11:45307").templateId();

    TemplateMiner deeper = TemplateMiner.restore(Masker.defaults(), MinerSettings.defaults().withPrefixDepth(3),
        before.snapshot());

    assertEquals(new InsertResult(NONE, id, "Received connection request /<IP>"),
        deeper.add("Received connection request /10.10.34.13:39522"));
  }

  @Test
  void refusesASnapshotWithAnIdBeyondItsNextId() {
    TemplateSnapshot bad = new TemplateSnapshot(2, List.of(
        new TemplateSnapshot.Entry(5, 1, List.of("a"), List.of("a", "b"))));
    assertThrows(IllegalArgumentException.class,
        () -> TemplateMiner.restore(Masker.defaults(), MinerSettings.defaults(), bad));
  }

  @Test
  void groupsEachEventOfAMixedLogIntoItsOwnTemplate() throws IOException {
    TemplateMiner miner = TemplateMiner.withDefaults();
    Map<String, Set<Long>> idsOfEvent = new TreeMap<>();
    Map<Long, Set<String>> eventsOfId = new TreeMap<>();
    for (String[] row : fixture("groupsEachEventOfAMixedLogIntoItsOwnTemplate.txt")) {
      long id = miner.add(row[1]).templateId();
      idsOfEvent.computeIfAbsent(row[0], k -> new HashSet<>()).add(id);
      eventsOfId.computeIfAbsent(id, k -> new HashSet<>()).add(row[0]);
    }
    for (Map.Entry<String, Set<Long>> e : idsOfEvent.entrySet()) {
      assertEquals(1, e.getValue().size(), () -> e.getKey() + " split over " + e.getValue() + ": " + miner.templates());
    }
    for (Map.Entry<Long, Set<String>> e : eventsOfId.entrySet()) {
      assertEquals(1, e.getValue().size(), () -> "template " + e.getKey() + " mixes " + e.getValue());
    }
  }

  @Test
  void rejectsSettingsOutOfRange() {
    MinerSettings d = MinerSettings.defaults();
    assertThrows(IllegalArgumentException.class, () -> d.withSimilarityThreshold(0));
    assertThrows(IllegalArgumentException.class, () -> d.withSimilarityThreshold(1.5));
    assertThrows(IllegalArgumentException.class, () -> d.withPrefixDepth(-1));
    assertThrows(IllegalArgumentException.class, () -> d.withMaxChildren(1));
    assertThrows(IllegalArgumentException.class, () -> d.withMaxClusters(0));
    assertTrue(d.similarityThreshold() > 0);
  }

  /** Rows of a tab-separated fixture (event, message), comments skipped. */
  static List<String[]> fixture(String name) throws IOException {
    try (InputStream in = TemplateMinerTest.class.getResourceAsStream(name)) {
      List<String[]> rows = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.startsWith("#") || line.isBlank()) continue;
        rows.add(line.split("\t", 2));
      }
      return rows;
    }
  }
}
