package io.bundlescope.protocol;

/**
 * One unit of parallel ingest work: a file of the bundle.
 *
 * @param chunkId stable id derived from the logical path (same on every node and restart)
 * @param logicalPath path inside the bundle
 * @param bytes size on disk of the staged file (compressed size for .gz/.xz)
 */
public record ChunkSpec(String chunkId, String logicalPath, long bytes) implements CborSerializable {}
