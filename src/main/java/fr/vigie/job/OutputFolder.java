package fr.vigie.job;

import fr.vigie.common.InvalidInputException;
import fr.vigie.common.Location;
import fr.vigie.common.DisplayPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where a run writes: files are written into a hidden staging folder and moved into place only
 * when the run succeeds, so that a failed run never leaves a half-written report.
 */
public final class OutputFolder implements AutoCloseable {

  private final Path target;
  private final Path staging;
  private boolean committed;

  public OutputFolder(Path target) {
    this.target = target;
    try {
      Files.createDirectories(target);
      this.staging = Files.createTempDirectory(target, ".vigie-run-");
    } catch (IOException e) {
      throw InvalidInputException.at(Location.of(DisplayPath.of(target)), "cannot write the report here: " + e.getMessage());
    }
  }

  public Path staged(String name) {
    return staging.resolve(name);
  }

  public Path target() {
    return target;
  }

  /** Moves the staged files into the target folder, replacing the previous run's. */
  public List<Path> commit() {
    try (Stream<Path> files = Files.list(staging)) {
      List<Path> moved = files.sorted().map(file -> {
        try {
          return Files.move(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).toList();
      committed = true;
      return moved;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try (Stream<Path> walk = Files.walk(staging)) {
      walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      if (!committed) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
