package fr.vigie.deals.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vigie validate} reads the workspace's mappings too, and reports their mistakes where they are written. */
class MappingValidationTest {

  @TempDir
  Path dir;

  @Test
  void should_report_every_mistake_of_a_workspace_mapping_with_its_place() throws IOException {
    // GIVEN
    Path workspace = Imported.copy(Imported.WORKSPACE, dir.resolve("ws"));
    Files.createDirectories(workspace.resolve("sources"));
    Files.writeString(workspace.resolve("sources/hubspot.yaml"), """
        source: hubspot
        stages:
          Qualification: qualificaton
        fields:
          Budget: field.budget
        formats:
          dates: jour-mois
        """, StandardCharsets.UTF_8);

    // WHEN
    Imported.Run run = Imported.run("validate", workspace.toString(), "--standard-rules", "rules");

    // THEN
    assertThat(run.code()).isEqualTo(2);
    String mapping = workspace.resolve("sources/hubspot.yaml").toString();
    assertThat(run.err())
        .contains(mapping + ":3:18: 'Qualification' maps to 'qualificaton', which no process of the workspace has (did you mean"
            + " 'qualification'?)")
        .contains(mapping + ":5:11: unknown deal attribute 'field.budget'")
        .contains(mapping + ":7:10: 'dates' in formats: in " + mapping + " is 'jour-mois'; expected one of: day-first, month-first");
  }
}
