package fr.vigie.report;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.audit.result.WinRate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A win rate's interval is written with one decimal on each bound, as the rate is, never "[0 –
 * 16,1]"; and "does the process pay" says how its counts relate to the conformity rate's.
 */
class IntervalWordsTest {

    @Test
    void should_write_both_bounds_of_an_interval_with_one_decimal() {
        // GIVEN a rate of 0 won out of 1 closed (interval from 0) and one of 8 out of 10
        ReportText fr = new ReportText(Locale.FRENCH);
        ReportText en = new ReportText(Locale.ENGLISH);

        // WHEN they are written
        // THEN each bound has one decimal, in the reader's format
        assertThat(fr.winRate(new WinRate(0, 1))).isEqualTo("0,0 % [0,0 – 79,3] (n = 1)");
        assertThat(en.winRate(new WinRate(0, 1))).isEqualTo("0.0% [0.0 – 79.3] (n = 1)");
        assertThat(fr.winRate(new WinRate(8, 10))).matches("80,0 % \\[\\d+,\\d – \\d+,\\d\\] .*");
    }

    @Test
    void should_link_the_counts_of_does_the_process_pay_with_those_of_the_conformity_rate()
            throws IOException {
        // GIVEN the sample's report.md
        String md =
                Files.readString(
                        ReportRuns.sample("fr").resolve("report.md"), StandardCharsets.UTF_8);

        // WHEN its intervals and the sentence on counts are read
        Matcher bounds = Pattern.compile("\\[([^\\]]*) – ([^\\]]*)\\]").matcher(md);

        // THEN every bound has one decimal, and the sentence gives both pairs of counts, each
        // pair adding up to the deals audited, and the non-conforming deals that did not deviate
        int found = 0;
        while (bounds.find()) {
            found++;
            assertThat(bounds.group(1)).matches("\\d+,\\d");
            assertThat(bounds.group(2)).matches("\\d+,\\d");
        }
        assertThat(found).isGreaterThan(5);
        Matcher counts =
                Pattern.compile(
                                "Ces deux groupes ne comptent pas la même chose que le taux de"
                                    + " conformité : celui-ci compte (\\d+) affaires conformes et"
                                    + " (\\d+) non conformes .*; ici, (\\d+) affaires ont suivi le"
                                    + " processus pendant la vente et (\\d+) s'en sont écartées\\."
                                    + " Les (\\d+) autres affaires non conformes n'ont d'écart qu'à"
                                    + " la clôture")
                        .matcher(md);
        assertThat(counts.find()).as("the sentence on counts in report.md").isTrue();
        long conforming = Long.parseLong(counts.group(1));
        long nonConforming = Long.parseLong(counts.group(2));
        long followed = Long.parseLong(counts.group(3));
        long deviated = Long.parseLong(counts.group(4));
        assertThat(conforming + nonConforming).isEqualTo(followed + deviated).isPositive();
        assertThat(Long.parseLong(counts.group(5))).isEqualTo(nonConforming - deviated);
    }
}
