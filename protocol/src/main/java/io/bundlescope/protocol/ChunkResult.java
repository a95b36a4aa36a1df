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
 */
public record ChunkResult(
    String chunkId,
    String cvmIp,
    String service,
    long records,
    long bytes,
    Map<String, Long> recordsByLevel,
    List<String> warnings)
    implements CborSerializable {}
