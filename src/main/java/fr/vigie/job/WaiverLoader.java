package fr.vigie.job;

import fr.vigie.common.Problems;
import fr.vigie.audit.waivers.Waiver;
import fr.vigie.audit.waivers.WaiverReader;
import fr.vigie.common.DisplayPath;
import fr.vigie.yaml.YamlReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads the workspace's {@code waivers.yaml}, when there is one. */
public final class WaiverLoader {

  public static final String FILE = "waivers.yaml";

  private WaiverLoader() {}

  public static List<Waiver> load(PreparedWorkspace prepared, Problems problems) {
    Path file = prepared.workspace().folder().find(FILE);
    if (file == null || !Files.isRegularFile(file) || prepared.rules() == null) {
      return List.of();
    }
    var root = YamlReader.readInto(file, DisplayPath.of(file), problems);
    return root == null ? List.of() : WaiverReader.read(root, prepared.rules().catalog(), prepared.workspace().settings().people(), problems);
  }
}
