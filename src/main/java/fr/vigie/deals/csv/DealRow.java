package fr.vigie.deals.csv;

import fr.vigie.common.Location;
import fr.vigie.deals.input.DealChecks;
import fr.vigie.deals.input.DealDraft;
import fr.vigie.deals.input.InputRecord;
import fr.vigie.deals.input.InvalidValue;
import fr.vigie.deals.input.RecordOutcome;
import fr.vigie.deals.input.Rejection;
import fr.vigie.deals.input.Values;
import fr.vigie.deals.model.Account;
import fr.vigie.deals.model.Deal;
import fr.vigie.deals.model.StageChange;

/**
 * One row of deals.csv, its id cell's text ({@link #idOf}, read once when the row is), and the
 * child rows that name that id, read into a deal on the audit's worker threads. A deal is rejected
 * when its row cannot be read, when one of its child rows could not be read (auditing it without
 * that row could give false findings), or when it fails the checks every deal must pass.
 */
record DealRow(
        Header header,
        String shown,
        CsvRow row,
        String id,
        ChildRows children,
        boolean countsEvents)
        implements InputRecord {

    static final DealChecks.Names NAMES =
            new DealChecks.Names(
                    "id",
                    "created_at",
                    "closed_at",
                    "outcome",
                    "stages",
                    "no row in stage-changes.csv");

    @Override
    public Location location() {
        return Location.of(shown, row.line());
    }

    /**
     * The id cell's text, even when the rest of the row cannot be read; null when there is none.
     */
    static String idOf(Header header, CsvRow row) {
        int at = header.position("id");
        return at < row.cells().size() ? Values.text(row.cells().get(at).text()) : null;
    }

    @Override
    public RecordOutcome read() {
        int events = children != null && countsEvents ? children.events() : 0;
        CsvRow.Problem problem = row.problem() != null ? row.problem() : header.shapeProblem(row);
        if (problem != null) {
            return rejected(problem, id, events);
        }
        try {
            RowValues values = RowValues.read(header, row, null);
            if (children != null && children.firstUnreadable() != null) {
                return new RecordOutcome.Rejected(
                        new Rejection(location(), id, unreadableChild()), events);
            }
            return new RecordOutcome.Accepted(deal(values), location(), events);
        } catch (RowRefusal refusal) {
            return rejected(refusal.problem(), id, events);
        }
    }

    private String unreadableChild() {
        ChildRows.Unreadable first = children.firstUnreadable();
        int others = children.unreadableCount() - 1;
        return "its "
                + first.row()
                + " could not be read: "
                + first.reason()
                + (others > 0 ? "; " + others + " more of its rows could not be read either" : "");
    }

    private Deal deal(RowValues v) {
        boolean hasChildren = children != null;
        DealDraft draft =
                new DealDraft(
                        v.get("id"),
                        v.get("name"),
                        new Account(
                                v.get("account_id"),
                                v.get("account_name"),
                                v.get("segment"),
                                v.get("industry"),
                                v.get("region")),
                        v.get("owner"),
                        v.get("team"),
                        v.get("pipeline"),
                        v.get("type"),
                        v.get("amount"),
                        v.get("currency"),
                        v.get("created_at"),
                        v.get("closed_at"),
                        v.get("expected_close_date"),
                        v.get("outcome"),
                        v.get("loss_reason"),
                        v.fields(),
                        hasChildren
                                ? DealChecks.inTimeOrder(children.stages(), StageChange::at)
                                : null,
                        hasChildren ? children.activities() : null,
                        hasChildren ? children.decisions() : null,
                        hasChildren ? children.lines() : null,
                        hasChildren ? children.closeDateChanges() : null,
                        hasChildren ? children.documents() : null,
                        java.util.List.of());
        try {
            return DealChecks.complete(draft, NAMES);
        } catch (InvalidValue invalid) {
            throw new RowRefusal(v.at(invalid.field(), invalid.getMessage()));
        }
    }

    private RecordOutcome rejected(CsvRow.Problem problem, String id, int events) {
        return new RecordOutcome.Rejected(
                new Rejection(
                        new Location(shown, problem.line(), problem.column()),
                        id,
                        problem.message()),
                events);
    }
}
