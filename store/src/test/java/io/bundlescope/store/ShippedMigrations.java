package io.bundlescope.store;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The versions of the migration scripts shipped in db/migration, so tests need no edit per migration. */
final class ShippedMigrations {
    private ShippedMigrations() {}

    /** Every version, in order ("1", "2", ...). */
    static List<String> versions() {
        try (Stream<Path> files = Files.list(Path.of(ShippedMigrations.class.getResource("/db/migration").toURI()))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .map(n -> n.substring(1, n.indexOf("__"))).sorted(Comparator.comparingInt(Integer::parseInt))
                    .toList();
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The newest version. */
    static String latest() {
        List<String> all = versions();
        return all.get(all.size() - 1);
    }
}
