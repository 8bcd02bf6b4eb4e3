package fr.vigie.report;

import fr.vigie.audit.model.Finding;
import fr.vigie.common.Location;
import java.util.regex.Pattern;

/**
 * A finding's sentence as the CEO's part of the report shows it: without the places in the input
 * files its rule cites ("fixtures/acme/strategy.yaml:21:17: la stratégie plafonne…" reads "La
 * stratégie plafonne…"). The appendix and findings.json keep the places, for the consultant.
 */
public final class ForTheReader {

    /** A place in an input file, as {@link Location#toString()} writes it: file:line[:column]. */
    private static final Pattern PLACE = Pattern.compile("\\S+\\.[A-Za-z]{2,5}(:\\d+){1,2}");

    private ForTheReader() {}

    public static String sentence(Finding finding) {
        String message = finding.message();
        for (Object value : finding.evidence().values()) {
            String place = value instanceof Location location ? location.toString() : null;
            if (value instanceof String s && PLACE.matcher(s).matches()) {
                place = s;
            }
            if (place != null) {
                message =
                        message.replace(" (" + place + ")", "")
                                .replace(place + ": ", "")
                                .replace(place, "");
            }
        }
        return capitalized(message.strip());
    }

    private static String capitalized(String text) {
        if (text.isEmpty() || !Character.isLowerCase(text.codePointAt(0))) {
            return text;
        }
        int first = text.codePointAt(0);
        return new StringBuilder()
                .appendCodePoint(Character.toUpperCase(first))
                .append(text.substring(Character.charCount(first)))
                .toString();
    }
}
