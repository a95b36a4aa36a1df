package io.bundlescope.analyzers.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSnapshotStoreTest {

  @Test
  void loadsNothingBeforeTheFirstSave(@TempDir Path dir) throws IOException {
    assertEquals(Optional.empty(), new FileSnapshotStore(dir.resolve("templates.tsv")).load());
  }

  @Test
  void loadsWhatItSaved(@TempDir Path dir) throws IOException {
    TemplateSnapshot snapshot = new TemplateSnapshot(9, List.of(
        new TemplateSnapshot.Entry(3, 120, List.of("<*>", "service"), List.of("<IP>", "service", "<*>", "für", "Ölpumpe")),
        new TemplateSnapshot.Entry(1, 1, List.of(), List.of()),
        new TemplateSnapshot.Entry(8, 7, List.of("Took"), List.of("Took", "<DUR>"))));
    FileSnapshotStore store = new FileSnapshotStore(dir.resolve("nested/templates.tsv"));

    store.save(snapshot);

    assertEquals(Optional.of(snapshot), store.load());
  }

  @Test
  void replacesTheOldSnapshotAndLeavesNoTemporaryFile(@TempDir Path dir) throws IOException {
    FileSnapshotStore store = new FileSnapshotStore(dir.resolve("templates.tsv"));
    store.save(new TemplateSnapshot(2, List.of(new TemplateSnapshot.Entry(1, 1, List.of("a"), List.of("a")))));
    TemplateSnapshot second = new TemplateSnapshot(3, List.of(new TemplateSnapshot.Entry(2, 5, List.of("b"), List.of("b"))));

    store.save(second);

    assertEquals(Optional.of(second), store.load());
    try (var files = Files.list(dir)) {
      assertEquals(List.of(dir.resolve("templates.tsv")), files.toList());
    }
  }

  @Test
  void failsOnAForeignFileNamingTheLine(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("templates.tsv");
    Files.writeString(file, "bundlescope-templates\t1\nnext-id\t4\nt\t1\tx\t0\thello\n", StandardCharsets.UTF_8);

    IOException e = assertThrows(FileSnapshotStore.SnapshotFormatException.class,
        () -> new FileSnapshotStore(file).load());
    assertTrue(e.getMessage().contains("templates.tsv:3:"), e.getMessage());
  }

  @Test
  void failsOnAFileWithoutTheHeader(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("templates.tsv");
    Files.writeString(file, "line,template_id,template\n", StandardCharsets.UTF_8);

    assertThrows(FileSnapshotStore.SnapshotFormatException.class, () -> new FileSnapshotStore(file).load());
  }
}
