package io.bundlescope.node;

import io.bundlescope.analyzers.templates.TemplateLibrary;
import io.bundlescope.index.BundleIndexWriter;
import io.bundlescope.index.CountedRecords;
import io.bundlescope.node.live.ChunkTap;
import io.bundlescope.parsers.FileContext;
import io.bundlescope.parsers.FileParser;
import io.bundlescope.parsers.FileStats;
import io.bundlescope.parsers.LogLevel;
import io.bundlescope.parsers.LogRecord;
import io.bundlescope.parsers.bundle.BundleFile;
import io.bundlescope.parsers.bundle.BundleFiles;
import io.bundlescope.protocol.ChunkResult;
import io.bundlescope.protocol.IngestPolicy;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * A child of a bundle entity that parses one chunk (a file) into the bundle's index partition,
 * reports a {@link ChunkResult} to its parent and stops. The parse runs on the blocking
 * executor; a file that cannot be read yields a warning and no records, never a failed bundle.
 * Records also go to the bundle's live tap (which keeps those at or above the stream's floor).
 */
final class ChunkParser {
  private ChunkParser() {}

  /** The parent receives exactly one result, wrapped by {@code wrap}, then the child stops. */
  static <T> Behavior<ChunkResult> create(BundleFile file, FileContext context, BundleIndexWriter writer,
      TemplateLibrary templates, IngestPolicy policy, ChunkTap live, Executor blocking, ActorRef<T> parent,
      Function<ChunkResult, T> wrap) {
    return Behaviors.setup(ctx -> {
      ctx.pipeToSelf(CompletableFuture.supplyAsync(() -> parse(file, context, writer, templates, policy, live), blocking),
          (result, failure) -> result != null ? result : unreadable(file, context, writer, failure));
      return Behaviors.receiveMessage(result -> {
        parent.tell(wrap.apply(result));
        return Behaviors.stopped();
      });
    });
  }

  /** Parses the file into the index, each record with its message template's id, without a live tap. */
  static ChunkResult parse(BundleFile file, FileContext context, BundleIndexWriter writer, TemplateLibrary templates) {
    return parse(file, context, writer, templates, IngestPolicy.INDEX_ALL, ChunkTap.NONE);
  }

  /**
   * Parses the file into the index, each record with its message template's id, under the
   * bundle's ingest policy: a record to {@code index} goes to the index, one to {@code count} is
   * counted per (template, node, service, level, slot) and those counts go to the index as the
   * chunk's aggregate documents once the file is read (so they are undone and committed with
   * the chunk), one to {@code drop} only in the chunk's totals. Every record goes to the live
   * tap (which keeps WARN and above: never a counted or dropped level).
   */
  static ChunkResult parse(BundleFile file, FileContext context, BundleIndexWriter writer, TemplateLibrary templates,
      IngestPolicy policy, ChunkTap live) {
    Map<LogLevel, Long> byLevel = new EnumMap<>(LogLevel.class);
    Map<LogLevel, Long> countedByLevel = new EnumMap<>(LogLevel.class);
    Map<LogLevel, Long> droppedByLevel = new EnumMap<>(LogLevel.class);
    CountedRecords counted = new CountedRecords(policy.countSlotMicros());
    Consumer<LogRecord> sink = parsed -> {
      IngestPolicy.Mode mode = policy.modeFor(parsed.level());
      if (mode == IngestPolicy.Mode.DROP) {
        droppedByLevel.merge(parsed.level(), 1L, Long::sum);
        return; // not even mined: a dropped record leaves no trace but its level's total
      }
      LogRecord r = parsed.withTemplateId(templates.assign(parsed.logBundleId(), parsed.message()));
      if (mode == IngestPolicy.Mode.COUNT) {
        counted.add(r);
        countedByLevel.merge(r.level(), 1L, Long::sum);
      } else {
        writer.add(r);
        byLevel.merge(r.level(), 1L, Long::sum);
      }
      live.accept(r);
    };
    List<String> warnings = new ArrayList<>();
    long records;
    long bytes;
    try (InputStream in = BundleFiles.open(file)) {
      FileStats stats = FileParser.parse(in, context, sink);
      writer.addCounted(context.chunkId(), counted);
      live.flush();
      records = stats.records() - counted.total() - droppedByLevel.values().stream().mapToLong(Long::longValue).sum();
      bytes = stats.bytes();
      stats.warnings().forEach(w -> warnings.add(file.logicalPath() + ": " + w));
    } catch (Exception | StackOverflowError e) {
      return unreadable(file, context, writer, e);
    }
    return new ChunkResult(context.chunkId(), file.cvmIp(), file.service(), records, bytes, names(byLevel), warnings,
        names(countedByLevel), names(droppedByLevel));
  }

  private static Map<String, Long> names(Map<LogLevel, Long> byLevel) {
    Map<String, Long> levels = new TreeMap<>();
    byLevel.forEach((level, n) -> levels.put(level.name(), n));
    return levels;
  }

  /** Undoes whatever part of the chunk reached the index and reports the file as unreadable. */
  private static ChunkResult unreadable(BundleFile file, FileContext context, BundleIndexWriter writer, Throwable e) {
    writer.deleteChunk(context.chunkId());
    return new ChunkResult(context.chunkId(), file.cvmIp(), file.service(), 0, 0, Map.of(),
        List.of(file.logicalPath() + ": could not be read: " + e));
  }
}
