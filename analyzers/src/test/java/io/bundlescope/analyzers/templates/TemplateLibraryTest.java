package io.bundlescope.analyzers.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateLibraryTest {
  @TempDir Path dir;

  @Test
  void theSameEventGetsTheSameIdAcrossBundlesAndRestarts() throws Exception {
    TemplateLibrary library = TemplateLibrary.open(dir);
    long a = library.assign("b1", "Connection to 10.1.2.3 refused after 3 retries");
    long b = library.assign("b1", "Connection to 10.1.2.4 refused after 5 retries\n\tat java.net.Socket");
    long other = library.assign("b1", "Disk SN1 is offline");
    assertThat(b).isEqualTo(a);
    assertThat(other).isNotEqualTo(a);
    library.save();

    TemplateLibrary reopened = TemplateLibrary.open(dir);
    assertThat(reopened.assign("b2", "Connection to 10.9.9.9 refused after 1 retries")).isEqualTo(a);
    assertThat(reopened.firstBundle(a)).contains("b1");
    long fresh = reopened.assign("b2", "Stargate is shutting down");
    assertThat(fresh).isGreaterThan(other);
    assertThat(reopened.firstBundle(fresh)).contains("b2");
    assertThat(reopened.template(a).orElseThrow().text()).contains("refused after");
  }

  @Test
  void idsHandedOutAfterTheLastSaveAreNotKeptButNoSavedIdIsReused() throws Exception {
    TemplateLibrary library = TemplateLibrary.open(dir);
    long saved = library.assign("b1", "first event happened");
    library.save();
    library.assign("b1", "second event happened here now"); // lost with the crash below

    TemplateLibrary afterCrash = TemplateLibrary.open(dir);
    long next = afterCrash.assign("b1", "third kind of thing");
    assertThat(next).isGreaterThan(saved);
    assertThat(afterCrash.assign("b1", "first event happened")).isEqualTo(saved);
  }
}
