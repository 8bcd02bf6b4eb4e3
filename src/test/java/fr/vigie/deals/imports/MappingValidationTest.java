package fr.vigie.deals.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vigie validate} reads the workspace's mappings too, and reports their mistakes where they
 * are written.
 */
class MappingValidationTest {

    @TempDir Path dir;

    @Test
    void should_report_every_mistake_of_a_workspace_mapping_with_its_place() throws IOException {
        // GIVEN
        Path workspace = Imported.copy(Imported.WORKSPACE, dir.resolve("ws"));
        Files.createDirectories(workspace.resolve("sources"));
        Files.writeString(
                workspace.resolve("sources/hubspot.yaml"),
                """
                source: hubspot
                stages:
                  Qualification: qualificaton
                fields:
                  Budget: field.budget
                formats:
                  dates: jour-mois
                """,
                StandardCharsets.UTF_8);

        // WHEN
        Imported.Run run =
                Imported.run("validate", workspace.toString(), "--standard-rules", "rules");

        // THEN
        assertThat(run.code()).isEqualTo(2);
        String mapping = workspace.resolve("sources/hubspot.yaml").toString();
        assertThat(run.err())
                .contains(
                        mapping
                                + ":3:18: 'Qualification' maps to 'qualificaton', which no process"
                                + " of the workspace has (did you mean 'qualification'?)")
                .contains(mapping + ":5:11: unknown deal attribute 'field.budget'")
                .contains(
                        mapping
                                + ":7:10: 'dates' in formats: in "
                                + mapping
                                + " is 'jour-mois'; expected one of: day-first, month-first");
    }

    @Test
    void
            should_refuse_a_mapping_to_activity_types_documents_outcomes_people_and_roles_the_workspace_does_not_have()
                    throws IOException {
        // GIVEN a mapping whose targets are near the workspace's names, but not them
        Path workspace = Imported.copy(Imported.WORKSPACE, dir.resolve("ws"));
        Files.createDirectories(workspace.resolve("sources"));
        Files.writeString(
                workspace.resolve("sources/csv.yaml"),
                """
                source: csv
                stages:
                  Qualification: qualification
                activities:
                  Meeting: rendez-vous
                  Demo: visite
                events:
                  Devis envoyé: { document: devi }
                  Visite le: { activity: visite-site }
                values:
                  outcome: { Gagnée: win, Perdue: lost }
                  document-type: { Commande: bon-commande }
                people:
                  from: email
                  map:
                    integration@durand-industrie.fr: s.morell
                roles:
                  Directrice commerciale: directrice-commerciale
                """,
                StandardCharsets.UTF_8);

        // WHEN
        Imported.Run run =
                Imported.run("validate", workspace.toString(), "--standard-rules", "rules");

        // THEN each is named at its place, with the closest name of the workspace
        assertThat(run.code()).isEqualTo(2);
        String mapping = workspace.resolve("sources/csv.yaml").toString();
        assertThat(run.err())
                .contains(
                        mapping
                                + ":6:9: 'Demo' maps to activity type 'visite' (did you mean"
                                + " 'visite-site'?), which no process of the workspace requires:"
                                + " its activities would be read and never judged; the processes"
                                + " require appel, rendez-vous, visite-site")
                .contains(
                        mapping
                                + ":8:3: 'Devis envoyé' maps to document type 'devi' (did you mean"
                                + " 'devis'?), which no process")
                .contains(
                        mapping
                                + ":11:22: 'Gagnée' maps to outcome 'win' (did you mean 'won'?);"
                                + " write open, won or lost")
                .contains(
                        mapping
                                + ":12:30: 'Commande' maps to document type 'bon-commande' (did you"
                                + " mean 'bon-de-commande'?)")
                .contains(
                        mapping
                                + ":16:38: 'integration@durand-industrie.fr' maps to person"
                                + " 's.morell' (did you mean 's.morel'?), who is not a person of"
                                + " vigie.yaml")
                .contains(
                        mapping
                                + ":18:27: 'Directrice commerciale' maps to role"
                                + " 'directrice-commerciale' (did you mean"
                                + " 'directeur-commercial'?)")
                .doesNotContain("'Meeting'")
                .doesNotContain("'Visite le'")
                .doesNotContain("'Perdue'");
    }
}
