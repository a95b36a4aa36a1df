package io.bundlescope.testbundles;

import java.nio.file.Path;

/**
 * A bundle written by {@link BundleGenerator}.
 *
 * @param path the bundle (archive file or directory)
 * @param expected what a correct ingest must find in it
 * @param expectedJson where {@code expected} was written, next to the bundle
 */
public record GeneratedBundle(Path path, Expected expected, Path expectedJson) {}
