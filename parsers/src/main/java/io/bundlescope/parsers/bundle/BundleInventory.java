package io.bundlescope.parsers.bundle;

import java.util.List;

/**
 * The staged bundle: its type, every file in a deterministic order (sorted by logical path),
 * and warnings about entries that could not be staged (corrupt nested archive, ...).
 */
public record BundleInventory(BundleType type, List<BundleFile> files, List<String> warnings) {}
