package fr.vigie.common;

import java.nio.file.Path;

/** Writes a path the way the user can open it: relative to the current folder when inside it. */
public final class DisplayPath {

  private DisplayPath() {}

  public static String of(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    Path here = Path.of("").toAbsolutePath();
    String shown = absolute.startsWith(here) ? here.relativize(absolute).toString() : absolute.toString();
    return shown.isEmpty() ? "." : shown;
  }
}
