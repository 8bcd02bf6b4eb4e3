package fr.vigie.deals.hubspot;

import fr.vigie.common.Problem;
import fr.vigie.deals.imports.ExportRow;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HubSpot's other calculated properties of a stage, beside when the deal last entered it: when it
 * last exited it ({@code hs_date_exited_<id>}, {@code hs_v2_date_exited_<id>}, {@code Date exited
 * "<Stage> (<Pipeline>)"}), how long its last stay was ({@code hs_v2_latest_time_in_<id>}, {@code
 * Latest time in "..."}) and how long all its stays were ({@code hs_v2_cumulative_time_in_<id>},
 * {@code Cumulative time in "..."}), times in milliseconds as HubSpot's API gives them. Without the
 * property history, they tell a deal that entered a stage more than once (whose earlier stays and
 * moves back the date-entered columns cannot show) from one that did not.
 */
final class StageTimes {

    /**
     * A stay is "the one stay" within this much of the cumulative time: HubSpot rounds neither, but
     * exports may.
     */
    private static final Duration TOLERANCE = Duration.ofMinutes(1);

    private static final Pattern BY_ID =
            Pattern.compile("hs_(?:v2_)?(date_exited|latest_time_in|cumulative_time_in)_(.+)");
    private static final Pattern BY_LABEL =
            Pattern.compile("(Date exited|Latest time in|Cumulative time in) \"(.+)\"");

    /** The columns of one stage, by what they hold; any may be null. */
    private record Columns(String exited, String latest, String cumulative) {

        Columns with(String what, String column) {
            return switch (what) {
                case "date_exited", "Date exited" -> new Columns(column, latest, cumulative);
                case "latest_time_in", "Latest time in" -> new Columns(exited, column, cumulative);
                default -> new Columns(exited, latest, column);
            };
        }
    }

    private final Map<String, Columns> byStage = new HashMap<>();

    /**
     * The stage-time columns of a deals file's header, by the stage key they name (a stage id, or
     * the quoted "Stage (Pipeline)").
     */
    StageTimes(List<String> header) {
        for (String column : header) {
            Matcher id = BY_ID.matcher(column);
            Matcher label = BY_LABEL.matcher(column);
            Matcher found = id.matches() ? id : label.matches() ? label : null;
            if (found != null) {
                byStage.merge(
                        found.group(2),
                        new Columns(null, null, null).with(found.group(1), column),
                        (old, added) -> old.with(found.group(1), column));
            }
        }
    }

    boolean isEmpty() {
        return byStage.isEmpty();
    }

    /**
     * A warning when the row says the deal entered the stage of {@code key} more than once: it last
     * exited it before it last entered it, or its cumulative time there is longer than its last
     * stay (the latest time in, else from its last entry to its last exit). Null when it did not,
     * or the row does not say.
     */
    Problem reentry(
            ExportRow row, String key, String stageLabel, OffsetDateTime entered, String dealId) {
        Columns columns = byStage.get(key);
        if (columns == null || entered == null) {
            return null;
        }
        OffsetDateTime exited = columns.exited() == null ? null : row.instant(columns.exited());
        if (exited != null && exited.isBefore(entered)) {
            return warning(
                    row,
                    columns.exited(),
                    dealId,
                    stageLabel,
                    "it last exited it on "
                            + exited.toLocalDate()
                            + ", before it last entered it on "
                            + entered.toLocalDate());
        }
        BigDecimal cumulative =
                columns.cumulative() == null ? null : row.nonNegative(columns.cumulative());
        if (cumulative == null) {
            return null;
        }
        Duration all = Duration.ofMillis(cumulative.longValue());
        BigDecimal latest = columns.latest() == null ? null : row.nonNegative(columns.latest());
        Duration last =
                latest != null
                        ? Duration.ofMillis(latest.longValue())
                        : exited != null ? Duration.between(entered, exited) : null;
        if (last != null && all.compareTo(last.plus(TOLERANCE)) > 0) {
            return warning(
                    row,
                    columns.cumulative(),
                    dealId,
                    stageLabel,
                    "its cumulative time there ("
                            + days(all)
                            + ") is longer than its last stay ("
                            + days(last)
                            + ")");
        }
        return null;
    }

    private static Problem warning(
            ExportRow row, String column, String dealId, String stageLabel, String evidence) {
        return Problem.warning(
                row.at(column),
                "deal "
                        + dealId
                        + " entered "
                        + stageLabel
                        + " more than once: "
                        + evidence
                        + "; the date-entered columns keep its last entry only, so its earlier"
                        + " stays and moves back are not audited: export the property history of"
                        + " dealstage with the deals (docs/importers.md#hubspot)");
    }

    private static String days(Duration duration) {
        long hours = duration.toHours();
        return hours >= 48 ? duration.toDays() + " days" : hours + " hours";
    }
}
