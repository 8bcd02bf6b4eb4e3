package fr.vigie.deals.csv;

import fr.vigie.deals.input.DealChecks;
import fr.vigie.deals.input.InvalidValue;
import fr.vigie.deals.model.Activity;
import fr.vigie.deals.model.CloseDateChange;
import fr.vigie.deals.model.Decision;
import fr.vigie.deals.model.Document;
import fr.vigie.deals.model.StageChange;
import java.math.BigDecimal;

/**
 * Turns a row of a child file into the event it records, with the same requirements as the JSON
 * Lines format.
 */
final class ChildEvents {

    private ChildEvents() {}

    /** The event of the row, or a {@link RowRefusal} at the cell at fault. */
    static Object read(BundleFile file, RowValues v) {
        String noun = file.noun();
        return switch (file) {
            case STAGE_CHANGES ->
                    new StageChange(v.required("stage", noun), v.required("at", noun), v.get("by"));
            case ACTIVITIES ->
                    new Activity(
                            v.required("type", noun),
                            v.required("at", noun),
                            v.get("by"),
                            v.get("outcome"));
            case DECISIONS ->
                    new Decision(
                            v.required("type", noun),
                            v.get("value"),
                            v.get("by"),
                            v.get("role"),
                            v.required("at", noun),
                            v.get("comment"));
            case LINE_ITEMS -> lineItem(v, noun);
            case CLOSE_DATE_CHANGES ->
                    new CloseDateChange(
                            v.required("at", noun),
                            v.get("from"),
                            v.required("to", noun),
                            v.get("by"));
            case DOCUMENTS ->
                    new Document(v.required("type", noun), v.required("at", noun), v.get("name"));
            case DEALS ->
                    throw new IllegalArgumentException("deals.csv rows are deals, not events");
        };
    }

    private static Object lineItem(RowValues v, String noun) {
        BigDecimal listPrice = v.required("list_price", noun);
        try {
            return DealChecks.lineItem(
                    v.get("product"),
                    v.get("quantity"),
                    listPrice,
                    v.get("unit_price"),
                    v.get("discount"),
                    v.get("unit_cost"));
        } catch (InvalidValue invalid) {
            throw new RowRefusal(v.at(invalid.field(), invalid.getMessage()));
        }
    }
}
