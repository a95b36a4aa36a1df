package io.bundlescope.parsers.bundle;

import io.bundlescope.parsers.LogLevel;
import java.nio.file.Path;
import java.util.Set;

/**
 * One file of a bundle after staging: readable at {@link #physicalPath} (decompressed by
 * {@link BundleFiles#open}), known to users by {@link #logicalPath}. Built by {@link
 * BundleStager}.
 *
 * @param logicalPath path inside the bundle, nested archive names included
 *     ({@code PE-10.1.2.3.zip/cvm_logs/stargate.INFO}), '/'-separated, never absolute. It
 *     starts inside the bundle: the bundle's own directory or archive name is not part of it
 *     (a bundle that is a single log file has its file name as logical path)
 * @param physicalPath where the (possibly still compressed) bytes are on local disk: under the
 *     staging directory for files from archives, inside the bundle for the plain and
 *     single-file compressed files of a directory bundle (or a single-file bundle)
 * @param compression how the bytes at physicalPath are compressed
 * @param sizeOnDisk bytes at physicalPath
 * @param cvmIp node IP from the innermost directory or archive in the path named with one,
 *     else from the bundle's own name, or null (see {@link NodeIps})
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
