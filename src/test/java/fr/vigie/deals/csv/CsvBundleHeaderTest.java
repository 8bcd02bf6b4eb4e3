package fr.vigie.deals.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import fr.vigie.common.DisplayPath;
import fr.vigie.common.InvalidInputException;
import fr.vigie.common.Problem;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bundle whose files cannot be used as a whole stops the audit (exit code 2), every problem
 * located.
 */
class CsvBundleHeaderTest {

    private static final String AT = "2026-07-01T10:00:00Z";

    @TempDir Path dir;

    Bundle bundle;

    @BeforeEach
    void a_bundle() {
        bundle = new Bundle(dir);
    }

    @Test
    void should_refuse_an_unknown_column_with_the_closest_known_name() {
        // GIVEN
        bundle.file("deals.csv", "id,ammount,created_at", "D-1,10," + AT);

        // WHEN
        List<String> problems = problemsOpening();

        // THEN
        assertThat(problems)
                .containsExactly(
                        bundle.at("deals.csv", 1, 4)
                                + ": unknown column 'ammount' (did you mean 'amount'?)");
    }

    @Test
    void should_suggest_the_field_prefix_for_a_misspelt_field_column() {
        // GIVEN
        bundle.file("deals.csv", "id,created_at,feild:budget");

        // WHEN
        List<String> problems = problemsOpening();

        // THEN
        assertThat(problems)
                .containsExactly(
                        bundle.at("deals.csv", 1, 15)
                                + ": unknown column 'feild:budget' (did you mean 'field:budget'?)");
    }

    @Test
    void should_list_the_columns_of_the_file_when_no_name_is_close() {
        // GIVEN
        bundle.file("deals.csv", "id,created_at").file("documents.csv", "deal_id;type;at;url");

        // WHEN
        List<String> problems = problemsOpening();

        // THEN
        assertThat(problems)
                .containsExactly(
                        bundle.at("documents.csv", 1, 17)
                                + ": unknown column 'url'; the columns of documents.csv are"
                                + " deal_id, type, at, name");
    }

    @Test
    void should_refuse_missing_and_repeated_columns_of_every_file_at_once() {
        // GIVEN
        bundle.file("deals.csv", "name,created_at")
                .file("stage-changes.csv", "deal_id,stage,Stage")
                .file("activities.csv", "deal_id,type,at,field:x");

        // WHEN
        List<String> problems = problemsOpening();

        // THEN
        assertThat(problems)
                .containsExactly(
                        bundle.at("activities.csv", 1, 17)
                                + ": unknown column 'field:x'; the columns of activities.csv are"
                                + " deal_id, type, at, by, outcome",
                        bundle.at("deals.csv", 1, 0)
                                + ": missing column 'id': every row of deals.csv needs id and"
                                + " created_at",
                        bundle.at("stage-changes.csv", 1, 0)
                                + ": missing column 'at': every row of stage-changes.csv needs"
                                + " deal_id, stage and at",
                        bundle.at("stage-changes.csv", 1, 15)
                                + ": column 'stage' is written twice (first at column 9)");
    }

    @Test
    void should_refuse_a_header_without_a_clear_separator_or_an_empty_file() {
        // GIVEN
        bundle.file("deals.csv", "id,created_at;name").bytes("stage-changes.csv", new byte[0]);

        // WHEN
        List<String> problems = problemsOpening();

        // THEN
        assertThat(problems)
                .containsExactly(
                        bundle.at("deals.csv", 1, 1)
                                + ": the header line holds both ',' and ';': separate the columns"
                                + " with one of them only",
                        DisplayPath.of(dir.resolve("stage-changes.csv"))
                                + ": the file is empty: its first line must name its columns"
                                + " (deal_id, stage, at...)");
    }

    @Test
    void should_refuse_a_csv_file_that_is_not_part_of_a_bundle() {
        // GIVEN
        bundle.file("deals.csv", "id,created_at").file("activites.csv", "deal_id,type,at");

        // WHEN
        List<String> problems = problemsOpening();

        // THEN
        assertThat(problems)
                .containsExactly(
                        DisplayPath.of(dir.resolve("activites.csv"))
                                + ": not a file of a CSV bundle (did you mean 'activities.csv'?); a"
                                + " bundle holds deals.csv, stage-changes.csv, activities.csv,"
                                + " decisions.csv, line-items.csv, close-date-changes.csv,"
                                + " documents.csv: rename this file or move it out of the folder");
    }

    @Test
    void should_refuse_more_child_rows_than_the_limit_where_it_is_passed() {
        // GIVEN
        bundle.file("deals.csv", "id,created_at", "D-1," + AT)
                .file("stage-changes.csv", "deal_id,stage,at", "D-1,a," + AT, "D-1,b," + AT)
                .file("activities.csv", "deal_id,type,at", "D-1,appel," + AT);

        // WHEN
        InvalidInputException refused =
                catchThrowableOfType(InvalidInputException.class, () -> new CsvBundleInput(dir, 2));

        // THEN
        assertThat(refused.problems())
                .extracting(Problem::toString)
                .containsExactly(
                        bundle.at("activities.csv", 2, 0)
                                + ": more than 2 rows in the bundle's event files"
                                + " (stage-changes.csv, activities.csv...): they are held in memory"
                                + " until their deals are read; split the export into smaller"
                                + " periods");
    }

    private List<String> problemsOpening() {
        InvalidInputException refused =
                catchThrowableOfType(InvalidInputException.class, () -> CsvBundleInput.open(dir));
        assertThat(refused).as("an input error").isNotNull();
        return refused.problems().stream().map(Problem::toString).toList();
    }
}
