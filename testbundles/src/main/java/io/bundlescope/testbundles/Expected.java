package io.bundlescope.testbundles;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a correct ingest of a generated bundle must find. Records are counted once (a glog
 * message copied into lower-severity files counts once); a record is a first line plus its
 * continuation lines. Maps hold only non-zero counts, except {@code byFile}, which lists
 * every log file. Level keys are {@link io.bundlescope.parsers.LogLevel} names; paths are
 * logical ('/'-separated, inside the bundle, nested archive names included, e.g.
 * {@code PE-10.1.2.10.zip/cvm_logs/genesis.out}).
 *
 * @param total records in the bundle
 * @param byCvmIp records per node IP
 * @param byService records per service (file stem)
 * @param byLevel records per level
 * @param byNodeServiceLevel records per node IP, then service, then level
 * @param byFile records each log file contributes once glog copies are dropped (a glog
 *     WARNING file contributes its WARN lines, its INFO file only INFO lines)
 * @param warningsFor files expected to be skipped with a warning (binary content)
 * @param notALogFiles files that hold no records and deserve no warning (config text)
 * @param uncompressedBytes bytes of all files of the bundle once decompressed
 */
public record Expected(
    long total,
    Map<String, Long> byCvmIp,
    Map<String, Long> byService,
    Map<String, Long> byLevel,
    Map<String, Map<String, Map<String, Long>>> byNodeServiceLevel,
    Map<String, Long> byFile,
    List<String> warningsFor,
    List<String> notALogFiles,
    long uncompressedBytes) {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public Expected {
    byCvmIp = sorted(byCvmIp);
    byService = sorted(byService);
    byLevel = sorted(byLevel);
    SortedMap<String, Map<String, Map<String, Long>>> nodes = new TreeMap<>();
    byNodeServiceLevel.forEach((ip, services) -> {
      SortedMap<String, Map<String, Long>> copy = new TreeMap<>();
      services.forEach((service, levels) -> copy.put(service, sorted(levels)));
      nodes.put(ip, Collections.unmodifiableSortedMap(copy));
    });
    byNodeServiceLevel = Collections.unmodifiableSortedMap(nodes);
    byFile = sorted(byFile);
    warningsFor = List.copyOf(warningsFor);
    notALogFiles = List.copyOf(notALogFiles);
  }

  /** Pretty-printed JSON, keys sorted. */
  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void write(Path file) throws IOException {
    JSON.writeValue(file.toFile(), this);
  }

  public static Expected read(Path file) throws IOException {
    return JSON.readValue(file.toFile(), Expected.class);
  }

  private static <V> Map<String, V> sorted(Map<String, V> map) {
    return Collections.unmodifiableSortedMap(new TreeMap<>(map));
  }
}
