package io.bundlescope.protocol;

import java.util.List;
import java.util.Map;

/**
 * What indexing one chunk produced, recorded in the journal once the records are committed.
 *
 * @param chunkId the chunk
 * @param cvmIp node of the file, or null
 * @param service the file's service stem
 * @param records records indexed
 * @param bytes decompressed bytes read
 * @param recordsByLevel records per normalized level name
 * @param warnings problems found in the file, each prefixed with its logical path
 * @param countedByLevel records not indexed but counted per template and time slot, per level
 *     (ingest policy {@code count}); empty in events journaled before ingest policies
 * @param droppedByLevel records neither indexed nor counted per template, per level (policy
 *     {@code drop}); empty in events journaled before ingest policies
 */
public record ChunkResult(
    String chunkId,
    String cvmIp,
    String service,
    long records,
    long bytes,
    Map<String, Long> recordsByLevel,
    List<String> warnings,
    Map<String, Long> countedByLevel,
    Map<String, Long> droppedByLevel)
    implements CborSerializable {

  public ChunkResult {
    countedByLevel = countedByLevel == null ? Map.of() : countedByLevel;
    droppedByLevel = droppedByLevel == null ? Map.of() : droppedByLevel;
  }

  /** Every record indexed (no ingest policy applied). */
  public ChunkResult(String chunkId, String cvmIp, String service, long records, long bytes,
      Map<String, Long> recordsByLevel, List<String> warnings) {
    this(chunkId, cvmIp, service, records, bytes, recordsByLevel, warnings, Map.of(), Map.of());
  }

  /** Records counted (policy {@code count}), not indexed. */
  public long counted() {
    return countedByLevel.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Records dropped (policy {@code drop}). */
  public long dropped() {
    return droppedByLevel.values().stream().mapToLong(Long::longValue).sum();
  }
}
