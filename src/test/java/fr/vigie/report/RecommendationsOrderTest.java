package fr.vigie.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Recommendations are ranked by the money at stake in the deals they are about, then by severity:
 * the summary's three things to act on are the three with the most money, and each lever lists its
 * own in that order.
 */
class RecommendationsOrderTest {

    private static final Pattern STAKE = Pattern.compile(" — ([\\d\\u202F\\u00A0 ]+)€ en jeu$");

    @Test
    void should_rank_the_recommendations_by_money_at_stake() throws IOException {
        // GIVEN the sample's report.md
        String md =
                Files.readString(
                        ReportRuns.sample("fr").resolve("report.md"), StandardCharsets.UTF_8);

        // WHEN its recommendations are read, lever after lever, with their money at stake
        String section = md.substring(md.indexOf("## Recommandations"));
        List<List<BigDecimal>> byLever = new ArrayList<>();
        List<String> all = new ArrayList<>();
        List<BigDecimal> stakes = new ArrayList<>();
        for (String line : section.lines().toList()) {
            if (line.startsWith("### ")) {
                byLever.add(new ArrayList<>());
            } else if (line.startsWith("- ")) {
                BigDecimal stake = stake(line);
                byLever.get(byLever.size() - 1).add(stake);
                all.add(line.substring(2, line.indexOf(" : ")));
                stakes.add(stake);
            }
        }

        // THEN each lever lists its recommendations by decreasing money at stake
        assertThat(stakes)
                .as("money at stake in the sample's recommendations")
                .hasSizeGreaterThan(3);
        for (List<BigDecimal> lever : byLever) {
            assertThat(lever).isSortedAccordingTo(Comparator.reverseOrder());
        }
        // AND the three things to act on are the three with the most money at stake, largest first
        List<String> ranked = new ArrayList<>(all);
        ranked.sort(Comparator.comparing((String r) -> stakes.get(all.indexOf(r))).reversed());
        String summary = md.substring(md.indexOf("### Trois points"), md.indexOf("## Efficacité"));
        List<String> actions =
                summary.lines()
                        .filter(l -> l.matches("\\d\\. .*"))
                        .map(l -> l.substring(3, l.indexOf(" : ")))
                        .toList();
        assertThat(actions).containsExactlyElementsOf(ranked.subList(0, 3));
    }

    private static BigDecimal stake(String line) {
        Matcher m = STAKE.matcher(line);
        return m.find() ? new BigDecimal(m.group(1).replaceAll("\\D", "")) : BigDecimal.ZERO;
    }
}
