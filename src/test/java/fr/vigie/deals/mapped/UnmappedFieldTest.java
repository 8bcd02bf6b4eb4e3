package fr.vigie.deals.mapped;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.deals.imports.Imported;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A field the process requires before a deal leaves a stage, that no column of the export maps to:
 * every deal would lack it, which the data does not prove. The rule counts the deals as not
 * assessable for it, with the field and the mapping; vigie validate warns at the requirement.
 */
class UnmappedFieldTest {

    static final Path CSV = Path.of("src/test/resources/importers/csv/export");

    @TempDir Path dir;

    @Test
    void should_count_a_required_field_no_column_maps_to_as_not_assessable_instead_of_flagging_it()
            throws IOException {
        // GIVEN the CSV sample whose mapping no longer maps the column Budget to fields.budget,
        // which qualification requires before a deal leaves it
        Path export = Imported.copy(CSV, dir.resolve("export"));
        Path mapping = export.resolve("sources/csv.yaml");
        String full = Files.readString(mapping, StandardCharsets.UTF_8);
        Files.writeString(
                mapping, full.replace("  Budget: fields.budget\n", ""), StandardCharsets.UTF_8);

        // WHEN
        Imported.Run run = Imported.audit(export, dir.resolve("out"), "--format", "json,md");
        Imported.Run mapped = Imported.audit(CSV, dir.resolve("out-mapped"), "--format", "json");

        // THEN no finding about the budget; the other findings of the rule are kept; the 4 deals
        // that left qualification are counted not assessable, naming the field and the mapping
        assertThat(run.err()).isEmpty();
        String json = Files.readString(dir.resolve("out/findings.json"));
        String withBudget = Files.readString(dir.resolve("out-mapped/findings.json"));
        assertThat(json).doesNotContain("\"field\":\"budget\"");
        assertThat(count(json, "\"rule\":\"PROC-FIELD-MISSING\",\"ruleVersion\""))
                .isEqualTo(
                        count(withBudget, "\"rule\":\"PROC-FIELD-MISSING\",\"ruleVersion\"")
                                - count(withBudget, "\"field\":\"budget\""));
        assertThat(mapped.out()).doesNotContain("maps to the field");
        assertThat(json)
                .contains(
                        "{\"rule\":\"PROC-FIELD-MISSING\",\"deals\":4,\"assessed\":2,\"missing\":[],\"reason\":\"no"
                            + " column of this export maps to the field 'budget' (fields: of "
                                + mapping
                                + ") (D-2026-101, D-2026-102, D-2026-103, D-2026-104)\","
                                + "\"partial\":[{\"reason\":\"unmapped-field\",\"deals\":4,");
        assertThat(run.out())
                .contains(
                        "  not assessable (no column of this export maps to the field 'budget'"
                                + " (fields: of "
                                + mapping
                                + ")) on 4 of 6 deals: PROC-FIELD-MISSING (D-2026-101,"
                                + " D-2026-102, D-2026-103, D-2026-104)\n");
    }

    @Test
    void should_warn_in_validate_at_the_requirement_of_a_field_no_column_of_a_mapping_maps_to()
            throws IOException {
        // GIVEN the sample workspace with a CSV mapping that maps no column to fields.champion,
        // which the process's version 2026.2 requires before a deal leaves decouverte
        Path workspace = Imported.copy(Imported.WORKSPACE, dir.resolve("ws"));
        Files.createDirectories(workspace.resolve("sources"));
        Files.copy(CSV.resolve("sources/csv.yaml"), workspace.resolve("sources/csv.yaml"));

        // WHEN
        Imported.Run run = Imported.run("validate", workspace.toString());

        // THEN one line, at the place the process requires it
        assertThat(run.out() + run.err())
                .contains(
                        workspace.resolve("process/vente-projet.yaml")
                                + ":87:60: warning: no column of "
                                + workspace.resolve("sources/csv.yaml")
                                + " maps to the field 'champion', which the stage decouverte of"
                                + " vente-projet requires: the deals read through it cannot be"
                                + " judged on it (not assessable); map its column to"
                                + " fields.champion in fields:\n");
        assertThat((run.out() + run.err()).split("maps to the field", -1)).hasSize(2);
    }

    private static int count(String text, String what) {
        return text.split(java.util.regex.Pattern.quote(what), -1).length - 1;
    }
}
