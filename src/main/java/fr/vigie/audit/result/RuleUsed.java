package fr.vigie.audit.result;

import fr.vigie.audit.model.Lever;
import fr.vigie.audit.model.RuleCatalog;
import fr.vigie.common.Severity;
import java.util.List;
import java.util.Locale;

/**
 * A rule the run judged with, as the appendix lists it: its id, version, title in the run's
 * language, severity and lever.
 */
public record RuleUsed(String id, String version, String title, Severity severity, Lever lever) {

    /** Every rule of {@code rules}, in catalogue order, titled in {@code language}. */
    public static List<RuleUsed> of(RuleCatalog rules, Locale language) {
        return rules.catalog().stream()
                .map(
                        r ->
                                new RuleUsed(
                                        r.id(),
                                        r.version(),
                                        rules.messages().title(language, r.id()),
                                        r.severity(),
                                        r.lever()))
                .toList();
    }
}
