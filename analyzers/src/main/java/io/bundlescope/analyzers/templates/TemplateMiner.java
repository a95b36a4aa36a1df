package io.bundlescope.analyzers.templates;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Online log template miner of the Drain family: each message is masked ({@link Masker}), split
 * into words at whitespace, routed down a fixed-depth tree (first by its word count, then by
 * its first {@link MinerSettings#prefixDepth} words) to a leaf holding a few templates, and
 * joins the most similar of them if similar enough, else starts a new one.
 *
 * <p>Comparing a message with a template of the same length, position by position:
 * <ul>
 *   <li>a template {@code <*>} accepts anything;
 *   <li>equal words count as similar, and so do two <em>variable words</em>, words made only of
 *       masker placeholders and punctuation ({@code <IP>} and {@code <IP>,<IP>});
 *   <li>with {@link MinerSettings#lettersAreConstants}, words that differ only in a run of
 *       letters rule the template out.
 * </ul>
 * The message joins the template with the most similar positions if they are at least
 * {@link MinerSettings#similarityThreshold} of its words (ties: the template with more
 * {@code <*>}). Joining turns every position where the words differ into {@code <*>}; a
 * template never narrows again. Leading words that are variable words, or (with
 * {@link MinerSettings#digitsRouteToWildcard}) hold a digit, route like {@code <*>}.
 *
 * <p>Words are maximal runs of characters above U+0020, so a template's text has its words
 * joined by one space whatever whitespace the message had.
 *
 * <p>Template ids are sequential per miner, from 1, and survive {@link #snapshot()} and
 * {@link #restore}: a template keeps its id when it generalizes, and ids are never reused, so
 * an id seen in one bundle means the same event in the next when the miner is restored from
 * the snapshot of the first. Two fresh miners fed the same messages give the same ids.
 *
 * <p>Not thread-safe: confine a miner to one thread (the intended use is one miner per
 * bundle, fed by one thread, snapshotted by that thread at the end). The {@link Masker} it
 * holds is immutable and may be shared.
 */
public final class TemplateMiner {
  /** The word that stands for "any word" in a template, and the tree key of such words. */
  public static final String WILDCARD = "<*>";

  private final Masker masker;
  private final MinerSettings settings;
  private final Map<Integer, Node> byLength = new HashMap<>();
  /** Every cluster by id. */
  private final Map<Long, Cluster> clusters = new HashMap<>();
  /** Sentinel of the ring of clusters in recency order: next is the least recently matched. */
  private final Cluster recency = new Cluster(0, new String[0], 0);
  private long nextId = 1;
  /** Reused for splitting messages into words (a miner has one thread). */
  private final String[] scratch = new String[64];

  public TemplateMiner(Masker masker, MinerSettings settings) {
    this.masker = Objects.requireNonNull(masker, "masker");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /** A miner with the default masker and settings. */
  public static TemplateMiner withDefaults() {
    return new TemplateMiner(Masker.defaults(), MinerSettings.defaults());
  }

  /**
   * A miner that holds the snapshot's templates under their ids, each where it was in the tree,
   * and continues the id sequence. A template whose stored route does not fit these settings
   * (the snapshot was taken with another prefix depth) is filed again by its words.
   *
   * @throws IllegalArgumentException when the snapshot repeats an id or holds one at or above
   *     its nextId
   */
  public static TemplateMiner restore(Masker masker, MinerSettings settings, TemplateSnapshot snapshot) {
    TemplateMiner miner = new TemplateMiner(masker, settings);
    miner.nextId = snapshot.nextId();
    Map<Long, List<String>> routes = new HashMap<>();
    for (TemplateSnapshot.Entry e : snapshot.templates()) {
      if (e.id() < 1 || e.id() >= snapshot.nextId()) {
        throw new IllegalArgumentException("template id " + e.id() + " outside 1.." + (snapshot.nextId() - 1));
      }
      String[] words = e.words().stream().map(TemplateMiner::canonical).toArray(String[]::new);
      Cluster c = new Cluster(e.id(), words, e.size());
      if (miner.clusters.put(c.id, c) != null) throw new IllegalArgumentException("template id " + e.id() + " twice");
      miner.recency.insertBefore(c);
      routes.put(c.id, e.route());
    }
    List<Cluster> byId = new ArrayList<>(miner.clusters.values());
    byId.sort(Comparator.comparingLong(c -> c.id));
    for (Cluster c : byId) {
      List<String> route = routes.get(c.id);
      c.leaf = route.size() == Math.min(settings.prefixDepth(), c.words.length)
          ? miner.leafAlong(c.words.length, route) : miner.leafFor(c.words);
      c.leaf.clusters.add(c);
    }
    miner.evictOverflow();
    return miner;
  }

  public Masker masker() {
    return masker;
  }

  public MinerSettings settings() {
    return settings;
  }

  /** Learns from one message: it joins (and may generalize) a template or starts one. */
  public InsertResult add(String message) {
    String[] words = words(masker.mask(message), scratch);
    Node leaf = findLeaf(words);
    Cluster best = leaf == null ? null : bestMatch(leaf, words);
    if (best == null) {
      Node target = leafFor(words);
      Cluster c = new Cluster(nextId++, words, 1);
      c.leaf = target;
      target.clusters.add(c);
      clusters.put(c.id, c);
      recency.insertBefore(c);
      evictOverflow();
      return new InsertResult(ChangeType.CREATED, c.id, c.text());
    }
    best.unlink();
    recency.insertBefore(best); // most recently matched
    best.size++;
    boolean changed = best.generalize(words);
    return new InsertResult(changed ? ChangeType.CHANGED : ChangeType.NONE, best.id, best.text());
  }

  /** The template this message would join, without learning anything from it. */
  public Optional<Template> match(String message) {
    String[] words = words(masker.mask(message), scratch);
    Node leaf = findLeaf(words);
    Cluster best = leaf == null ? null : bestMatch(leaf, words);
    return best == null ? Optional.empty() : Optional.of(best.toTemplate());
  }

  /** The template with this id, if the miner holds it (it may have been evicted). */
  public Optional<Template> template(long id) {
    Cluster c = clusters.get(id);
    return c == null ? Optional.empty() : Optional.of(c.toTemplate());
  }

  /** All templates, by id. */
  public List<Template> templates() {
    List<Template> out = new ArrayList<>(clusters.size());
    for (Cluster c : clusters.values()) out.add(c.toTemplate());
    out.sort(Comparator.comparingLong(Template::id));
    return out;
  }

  /** How many templates the miner holds. */
  public int size() {
    return clusters.size();
  }

  /** Everything learned so far, for {@link #restore} (via a {@link SnapshotStore}). */
  public TemplateSnapshot snapshot() {
    List<TemplateSnapshot.Entry> entries = new ArrayList<>(clusters.size());
    for (Cluster c = recency.next; c != recency; c = c.next) {
      entries.add(new TemplateSnapshot.Entry(c.id, c.size, c.leaf.route(), Arrays.asList(c.words.clone())));
    }
    return new TemplateSnapshot(nextId, entries);
  }

  /**
   * The words of a masked message: maximal runs of characters above U+0020, collected in
   * scratch (grown as needed) first.
   */
  private static String[] words(String text, String[] scratch) {
    int n = text.length();
    int count = 0;
    for (int i = 0; i < n; ) {
      while (i < n && text.charAt(i) <= ' ') i++;
      if (i == n) break;
      int start = i;
      while (i < n && text.charAt(i) > ' ') i++;
      if (count == scratch.length) scratch = Arrays.copyOf(scratch, count * 2);
      scratch[count++] = canonical(text.substring(start, i));
    }
    return Arrays.copyOf(scratch, count);
  }

  /** The shared {@link #WILDCARD} instance for "<*>", so that it compares by identity. */
  private static String canonical(String word) {
    return word.equals(WILDCARD) ? WILDCARD : word;
  }

  /** True for a word made only of placeholders ({@code <NUM>}, {@code <*>}...) and punctuation. */
  static boolean isVariable(String w) {
    int n = w.length();
    boolean placeholder = false;
    for (int i = 0; i < n; ) {
      char c = w.charAt(i);
      if (c == '<') {
        int j = i + 1;
        while (j < n && ((w.charAt(j) >= 'A' && w.charAt(j) <= 'Z') || w.charAt(j) == '*')) j++;
        if (j > i + 1 && j < n && w.charAt(j) == '>') {
          placeholder = true;
          i = j + 1;
          continue;
        }
      }
      if (Character.isLetterOrDigit(c)) return false;
      i++;
    }
    return placeholder;
  }

  /**
   * True when a and b (unequal) differ only in a run of letters: past their common prefix and
   * suffix, widened to whole letter runs, both middles are letters only (one may be empty).
   * {@code Started}/{@code Stopped}, {@code SCREEN_ON}/{@code SCREEN_OFF} and
   * {@code LOGIN(uid=<NUM>)}/{@code (uid=<NUM>)} do; {@code node1}/{@code node2},
   * {@code <HEX>}/{@code <NUM>} and {@code x.y}/{@code xy} do not.
   */
  static boolean differInLettersOnly(String a, String b) {
    int la = a.length();
    int lb = b.length();
    int p = 0;
    while (p < la && p < lb && a.charAt(p) == b.charAt(p)) p++;
    int q = 0;
    while (q < la - p && q < lb - p && a.charAt(la - 1 - q) == b.charAt(lb - 1 - q)) q++;
    while (p > 0 && Character.isLetter(a.charAt(p - 1))) p--;
    while (q > 0 && Character.isLetter(a.charAt(la - q))) q--;
    if (p > 0 && a.charAt(p - 1) == '<') return false; // inside a placeholder name
    return lettersOnly(a, p, la - q) && lettersOnly(b, p, lb - q);
  }

  private static boolean lettersOnly(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!Character.isLetter(s.charAt(i))) return false;
    }
    return true;
  }

  /** The tree key of a leading word. */
  private String key(String word) {
    if (word == WILDCARD || isVariable(word)) return WILDCARD;
    if (settings.digitsRouteToWildcard()) {
      for (int i = 0, n = word.length(); i < n; i++) {
        char c = word.charAt(i);
        if (c >= '0' && c <= '9') return WILDCARD;
      }
    }
    return word;
  }

  /** The leaf to search: the word's child, else the {@code <*>} child, at each level; null if none. */
  private Node findLeaf(String[] words) {
    Node node = byLength.get(words.length);
    int depth = Math.min(settings.prefixDepth(), words.length);
    for (int i = 0; node != null && i < depth; i++) {
      Node child = node.children.get(key(words[i]));
      node = child != null ? child : node.children.get(WILDCARD);
    }
    return node;
  }

  /** The leaf a new template from these words goes to, made as needed. */
  private Node leafFor(String[] words) {
    Node node = byLength.computeIfAbsent(words.length, n -> new Node(null, null));
    int depth = Math.min(settings.prefixDepth(), words.length);
    for (int i = 0; i < depth; i++) {
      String key = key(words[i]);
      Node child = node.children.get(key);
      if (child == null) {
        boolean hasWildcard = node.children.containsKey(WILDCARD);
        int wordChildren = node.children.size() - (hasWildcard ? 1 : 0);
        if (key == WILDCARD || wordChildren >= settings.maxChildren() - 1) {
          child = node.children.get(WILDCARD);
          if (child == null) node.children.put(WILDCARD, child = new Node(node, WILDCARD));
        } else {
          node.children.put(key, child = new Node(node, key));
        }
      }
      node = child;
    }
    return node;
  }

  /** The leaf at the end of a stored route, made as needed. */
  private Node leafAlong(int length, List<String> route) {
    Node node = byLength.computeIfAbsent(length, n -> new Node(null, null));
    for (String k : route) {
      String key = canonical(k);
      Node parent = node;
      node = node.children.computeIfAbsent(key, x -> new Node(parent, key));
    }
    return node;
  }

  private Cluster bestMatch(Node leaf, String[] words) {
    int n = words.length;
    if (n == 0) return leaf.clusters.isEmpty() ? null : leaf.clusters.get(0);
    boolean lettersAreConstants = settings.lettersAreConstants();
    byte[] variable = null; // of the message's words, computed when first needed: 0 unknown, 1 yes, 2 no
    Cluster best = null;
    int bestSame = -1;
    int bestWild = -1;
    candidates:
    for (Cluster c : leaf.clusters) {
      String[] t = c.words;
      int same = 0;
      int wild = 0;
      for (int i = 0; i < n; i++) {
        String tw = t[i];
        String mw = words[i];
        if (tw == WILDCARD) {
          wild++;
        } else if (tw.equals(mw)) {
          same++;
        } else {
          if (c.variable[i]) {
            if (variable == null) variable = new byte[n];
            if (variable[i] == 0) variable[i] = isVariable(mw) ? (byte) 1 : (byte) 2;
            if (variable[i] == 1) {
              same++;
              continue;
            }
          }
          if (lettersAreConstants && differInLettersOnly(tw, mw)) continue candidates;
        }
      }
      if (same > bestSame || (same == bestSame && wild > bestWild)) {
        best = c;
        bestSame = same;
        bestWild = wild;
      }
    }
    return best != null && (double) bestSame / n >= settings.similarityThreshold() ? best : null;
  }

  private void evictOverflow() {
    while (clusters.size() > settings.maxClusters()) {
      Cluster oldest = recency.next;
      oldest.unlink();
      clusters.remove(oldest.id);
      oldest.leaf.clusters.remove(oldest);
    }
  }

  /** A tree node: inner nodes have children, leaves hold clusters. */
  private static final class Node {
    final Node parent;
    final String key;
    final Map<String, Node> children = new HashMap<>(4);
    final List<Cluster> clusters = new ArrayList<>(2);

    Node(Node parent, String key) {
      this.parent = parent;
      this.key = key;
    }

    /** The keys from the word-count level down to this node. */
    List<String> route() {
      List<String> keys = new ArrayList<>();
      for (Node n = this; n.parent != null; n = n.parent) keys.add(n.key);
      Collections.reverse(keys);
      return keys;
    }
  }

  /** One template and its bookkeeping. */
  private static final class Cluster {
    final long id;
    final String[] words;
    /** Whether each word is a variable word (see {@link #isVariable}); false for {@code <*>}. */
    final boolean[] variable;
    long size;
    Node leaf;
    /** Neighbours in the recency ring. */
    Cluster prev = this;
    Cluster next = this;
    private String text;

    Cluster(long id, String[] words, long size) {
      this.id = id;
      this.words = words;
      this.size = size;
      this.variable = new boolean[words.length];
      for (int i = 0; i < words.length; i++) variable[i] = words[i] != WILDCARD && isVariable(words[i]);
    }

    /** Puts c just before this (the sentinel: c becomes the most recent). */
    void insertBefore(Cluster c) {
      c.prev = prev;
      c.next = this;
      prev.next = c;
      prev = c;
    }

    void unlink() {
      prev.next = next;
      next.prev = prev;
      prev = this;
      next = this;
    }

    /** Turns every position where message differs into {@code <*>}; true if any did. */
    boolean generalize(String[] message) {
      boolean changed = false;
      for (int i = 0; i < words.length; i++) {
        if (words[i] != WILDCARD && !words[i].equals(message[i])) {
          words[i] = WILDCARD;
          variable[i] = false;
          changed = true;
        }
      }
      if (changed) text = null;
      return changed;
    }

    String text() {
      if (text == null) text = String.join(" ", words);
      return text;
    }

    Template toTemplate() {
      return new Template(id, text(), size);
    }
  }
}
