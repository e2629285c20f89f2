package io.slawatch.testinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Fresh directories under the module's build directory, left in place for a look after a run. */
final class BuildDirs {
  private BuildDirs() {}

  static Path fresh(String name) {
    Path dir =
        Path.of(System.getProperty("slawatch.build.dir", "target"))
            .toAbsolutePath()
            .resolve("test-data")
            .resolve(name);
    try {
      if (Files.exists(dir)) {
        try (Stream<Path> paths = Files.walk(dir)) {
          for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(path);
          }
        }
      }
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
