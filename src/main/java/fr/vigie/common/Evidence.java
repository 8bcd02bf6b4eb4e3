package fr.vigie.common;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What an export may carry beyond each deal's own fields, that some rules need to judge a deal: a
 * rule declares what it needs ({@code @needs("stage-history, activities")}), a deal source what it
 * carries, and a rule whose evidence the source lacks does not judge its deals: they are not
 * assessable for it.
 */
public enum Evidence {
    /**
     * Every stage the deal entered, with its date (not only the current stage, nor a few dated
     * ones).
     */
    STAGE_HISTORY,
    /** Calls, meetings, visits... tied to the deal. */
    ACTIVITIES,
    /** Decisions taken on the deal (discount approvals...), by whom and when. */
    APPROVALS,
    /** The deal's lines: products, list and net prices, so its discount and margin. */
    LINE_ITEMS,
    /** The history of tracked fields (the expected close date pushed back...). */
    FIELD_HISTORY,
    /** Documents (quote, signed order...) tied to the deal, with their dates. */
    DOCUMENTS,
    /**
     * Why a lost deal was lost: a column many exports lack, where an empty cell proves nothing when
     * there is no column.
     */
    LOSS_REASON;

    /** Its name in a rule's {@code @needs} and in findings.json: {@code stage-history}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** What the export lacks, as the console says it: "no {what} in this export". */
    public String what() {
        return this == LOSS_REASON ? "loss reason column" : code().replace('-', ' ');
    }

    public static Optional<Evidence> fromCode(String code) {
        return Arrays.stream(values())
                .filter(e -> e.code().equals(code.strip().toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(Evidence::code).toList();
    }

    /** Everything: what Vigie's own formats carry, where an empty list means none happened. */
    public static Set<Evidence> all() {
        return EnumSet.allOf(Evidence.class);
    }
}
