package fr.vigie.job;

import fr.vigie.report.Golden;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/rules.md is generated from the standard pack; this test fails when it is out of date.
 * Regenerate with: ./mvnw test -Dtest=RuleCatalogDocTest -Dvigie.updateDocs=true
 */
class RuleCatalogDocTest {

    static final Path DOC = Path.of("docs/rules.md");

    @Test
    void should_keep_the_rule_catalogue_in_the_docs_up_to_date() throws IOException {
        // GIVEN
        PreparedWorkspace testing =
                PreparedWorkspace.load(Path.of("rules/testing"), Path.of("rules"));
        // WHEN
        String expected = RuleCatalogDoc.markdown(testing.rules());
        // THEN
        Golden.assertMatches(DOC, expected, "vigie.updateDocs");
    }
}
