package io.bundlescope.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped unit file passes {@code systemd-analyze verify} (where systemd is installed), with
 * its ExecStart pointed at this checkout's launcher, and every variable it uses is set by the
 * shipped environment file.
 */
class SystemdUnitTest {
  private static final Path SYSTEMD_ANALYZE = Path.of("/usr/bin/systemd-analyze");
  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)}");

  @TempDir Path dir;

  private String unit() throws IOException {
    return Files.readString(REPO.resolve("systemd/bundlescope.service"))
        .replace("/opt/bundlescope/app/bundlescope", REPO.resolve("bundlescope").toString());
  }

  /** verify's complaints: it exits 0 on unknown keys and only says so on stderr. */
  private String verify(String unitText) throws Exception {
    Path unit = Files.writeString(dir.resolve("bundlescope.service"), unitText);
    Process p = new ProcessBuilder(SYSTEMD_ANALYZE.toString(), "verify", unit.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return p.exitValue() == 0 ? out.strip() : "exit " + p.exitValue() + ": " + out.strip();
  }

  @Test
  void theUnitFilePassesSystemdAnalyzeVerify() throws Exception {
    assumeTrue(Files.isExecutable(SYSTEMD_ANALYZE), "systemd-analyze is not installed");
    assertThat(verify(unit())).isEmpty();
    assertThat(verify(unit().replace("Restart=on-failure", "Restart=on-failure\nRestartTypo=1")))
        .as("the check does see a bad key").contains("RestartTypo");
  }

  @Test
  void theEnvironmentFileSetsEveryVariableTheUnitUses() throws IOException {
    Set<String> used = new LinkedHashSet<>();
    Matcher m = VARIABLE.matcher(unit());
    while (m.find()) used.add(m.group(1));
    Set<String> set = new LinkedHashSet<>();
    for (String line : Files.readAllLines(REPO.resolve("systemd/bundlescope.env"))) {
      if (!line.isBlank() && !line.startsWith("#") && line.contains("=")) set.add(line.substring(0, line.indexOf('=')).strip());
    }
    assertThat(used).isNotEmpty();
    assertThat(set).containsAll(used);
  }
}
