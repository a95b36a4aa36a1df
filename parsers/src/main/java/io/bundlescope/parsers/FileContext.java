package io.bundlescope.parsers;

import java.time.ZoneId;
import java.util.Set;

/**
 * What the line parser knows about a file before reading it; everything here comes from the
 * bundle's layout and the file's name, never from its lines.
 *
 * @param bundleId the bundle being ingested
 * @param chunkId the ingest chunk this file belongs to
 * @param cvmIp node IP from the bundle path, or null
 * @param filepath path inside the bundle, nested archives included
 * @param filename base name of the file as found in the bundle
 * @param sourceLogFilename decompressed base name (".gz"/".xz" removed)
 * @param service the file stem, e.g. {@code stargate}
 * @param pidFromName process id from a glog file name, or null
 * @param yearHint year to use for year-less lines when the file has no header saying it
 * @param zone zone for lines that carry no offset
 * @param dropLevels record levels to skip in this file because a glog file of that severity
 *     for the same process holds them too (so a FATAL copied down to INFO is stored once)
 */
public record FileContext(
    String bundleId,
    String chunkId,
    String cvmIp,
    String filepath,
    String filename,
    String sourceLogFilename,
    String service,
    Long pidFromName,
    int yearHint,
    ZoneId zone,
    Set<LogLevel> dropLevels) {}
