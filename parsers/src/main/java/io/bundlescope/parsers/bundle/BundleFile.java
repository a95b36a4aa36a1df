package io.bundlescope.parsers.bundle;

import io.bundlescope.parsers.LogLevel;
import java.nio.file.Path;
import java.util.Set;

/**
 * One file of a bundle after staging: readable at {@link #physicalPath}, known to users by
 * {@link #logicalPath}.
 *
 * @param logicalPath path inside the bundle, nested archive names included
 *     ({@code PE-10.1.2.3.zip/cvm_logs/stargate.INFO}), '/'-separated, never absolute
 * @param physicalPath where the (possibly still compressed) bytes are on local disk
 * @param compression how the bytes at physicalPath are compressed
 * @param sizeOnDisk bytes at physicalPath
 * @param cvmIp node IP derived from the path, or null
 * @param filename base name as in the bundle
 * @param sourceLogFilename base name with a compression suffix removed
 * @param service file stem with severity, rotation and compression suffixes removed
 * @param glog what a glog-style file name says (program, severity, start, pid), or null
 * @param dropLevels levels whose records this file repeats from a higher-severity glog file
 */
public record BundleFile(
    String logicalPath,
    Path physicalPath,
    Compression compression,
    long sizeOnDisk,
    String cvmIp,
    String filename,
    String sourceLogFilename,
    String service,
    GlogName glog,
    Set<LogLevel> dropLevels) {

  public enum Compression { NONE, GZIP, XZ }
}
