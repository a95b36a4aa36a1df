package io.bundlescope.analyzers.templates;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Keeps a {@link TemplateSnapshot} in one UTF-8 text file, written to a temporary file beside
 * it and moved into place, so a crash leaves the old snapshot or the new one, never half.
 *
 * <p>Format (tab-separated; words never hold whitespace, the miner splits on it):
 * <pre>
 * bundlescope-templates	1
 * next-id	43
 * t	id	size	route-length	route-key...	words joined by one space
 * </pre>
 * A file that does not follow it fails {@link #load} with a {@link SnapshotFormatException}
 * naming the line. Not safe for two writers at once: one miner owns one file.
 */
public final class FileSnapshotStore implements SnapshotStore {
  static final String MAGIC = "bundlescope-templates";
  static final int VERSION = 1;

  private final Path file;

  public FileSnapshotStore(Path file) {
    this.file = file;
  }

  public Path file() {
    return file;
  }

  @Override
  public void save(TemplateSnapshot snapshot) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    if (dir != null) Files.createDirectories(dir);
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      out.write(MAGIC + "\t" + VERSION + "\n");
      out.write("next-id\t" + snapshot.nextId() + "\n");
      for (TemplateSnapshot.Entry e : snapshot.templates()) {
        out.write("t\t" + e.id() + "\t" + e.size() + "\t" + e.route().size());
        for (String key : e.route()) out.write("\t" + key);
        out.write("\t" + String.join(" ", e.words()) + "\n");
      }
    }
    try {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (java.nio.file.AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  @Override
  public Optional<TemplateSnapshot> load() throws IOException {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String magic = in.readLine();
      if (magic == null || !magic.equals(MAGIC + "\t" + VERSION)) {
        throw new SnapshotFormatException(file, 1, "expected '" + MAGIC + "<TAB>" + VERSION + "'");
      }
      long nextId = -1;
      List<TemplateSnapshot.Entry> entries = new ArrayList<>();
      int lineNo = 1;
      for (String line; (line = in.readLine()) != null; ) {
        lineNo++;
        if (line.isEmpty()) continue;
        String[] f = line.split("\t", -1);
        try {
          if (f[0].equals("next-id") && f.length == 2) {
            nextId = Long.parseLong(f[1]);
          } else if (f[0].equals("t") && f.length >= 5) {
            int routeLength = Integer.parseInt(f[3]);
            if (routeLength < 0 || f.length != 5 + routeLength) {
              throw new SnapshotFormatException(file, lineNo, "route length " + routeLength + " does not fit the fields");
            }
            String text = f[f.length - 1];
            List<String> words = text.isEmpty() ? List.of() : Arrays.asList(text.split(" ", -1));
            entries.add(new TemplateSnapshot.Entry(Long.parseLong(f[1]), Long.parseLong(f[2]),
                Arrays.asList(f).subList(4, 4 + routeLength), words));
          } else {
            throw new SnapshotFormatException(file, lineNo, "unknown line");
          }
        } catch (NumberFormatException e) {
          throw new SnapshotFormatException(file, lineNo, "bad number: " + e.getMessage());
        }
      }
      if (nextId < 1) throw new SnapshotFormatException(file, lineNo, "no next-id line");
      return Optional.of(new TemplateSnapshot(nextId, entries));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  /** A snapshot file that is not in the format above. */
  public static final class SnapshotFormatException extends IOException {
    public SnapshotFormatException(Path file, int line, String problem) {
      super(file + ":" + line + ": not a template snapshot: " + problem);
    }
  }
}
