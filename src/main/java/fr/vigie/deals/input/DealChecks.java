package fr.vigie.deals.input;

import fr.vigie.common.Message;
import fr.vigie.common.Outcome;
import fr.vigie.deals.model.Account;
import fr.vigie.deals.model.Activity;
import fr.vigie.deals.model.CloseDateChange;
import fr.vigie.deals.model.Deal;
import fr.vigie.deals.model.Decision;
import fr.vigie.deals.model.Document;
import fr.vigie.deals.model.LineItem;
import fr.vigie.deals.model.StageChange;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The checks that make a deal auditable, and its defaults, shared by every input format: a reader
 * fills a {@link DealDraft}, and {@link #complete} refuses it or gives the canonical deal. Messages
 * use the format's own {@link Names}, so that the user reads the names of their file.
 */
public final class DealChecks {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Comparator<OffsetDateTime> TIMES =
            Comparator.nullsFirst(Comparator.naturalOrder());

    /**
     * How a format names the deal's parts: its fields, its stage list (in "stages[1]") and where
     * its stage history is written (in "the deal has no stage history (...)").
     */
    public record Names(
            String id,
            String createdAt,
            String closedAt,
            String outcome,
            String stages,
            String stageHistory) {}

    private DealChecks() {}

    /**
     * The deal, with its events in time order, or an {@link InvalidValue} naming the field at
     * fault.
     */
    public static Deal complete(DealDraft d, Names names) {
        if (d.id() == null) {
            throw new InvalidValue(names.id(), Message.of("deal.noId", names.id()));
        }
        if (d.createdAt() == null) {
            throw new InvalidValue(
                    names.createdAt(), Message.of("deal.noCreatedAt", names.createdAt()));
        }
        List<StageChange> stages = orEmpty(d.stages());
        if (stages.isEmpty()) {
            throw new InvalidValue(
                    names.stages(), Message.of("deal.noStages", names.stageHistory()));
        }
        checkStagesInTimeOrder(stages, names);
        Outcome outcome = d.outcome() == null ? Outcome.OPEN : d.outcome();
        if (outcome.isClosed() && d.closedAt() == null) {
            throw new InvalidValue(
                    names.closedAt(),
                    Message.of("deal.closedWithoutDate", outcome(outcome), names.closedAt()));
        }
        if (!outcome.isClosed() && d.closedAt() != null) {
            throw new InvalidValue(
                    names.closedAt(),
                    Message.of("deal.openWithDate", names.closedAt(), names.outcome()));
        }
        return new Deal(
                d.id(),
                d.name(),
                d.account() == null ? new Account(null, null, null, null, null) : d.account(),
                d.owner(),
                d.team(),
                d.pipeline(),
                d.type(),
                d.amount(),
                d.currency(),
                d.createdAt(),
                d.closedAt(),
                d.expectedCloseDate(),
                outcome,
                d.lossReason(),
                d.fields() == null ? Map.of() : d.fields(),
                stages,
                inTimeOrder(orEmpty(d.activities()), Activity::at),
                inTimeOrder(orEmpty(d.decisions()), Decision::at),
                orEmpty(d.lines()),
                inTimeOrder(orEmpty(d.closeDateChanges()), CloseDateChange::at),
                inTimeOrder(orEmpty(d.documents()), Document::at),
                orEmpty(d.partialEvidence()));
    }

    /**
     * {@code outcome}, or its rejection when its deal holds a date after {@code latest}: a CRM
     * records what happened, so a deal created or staged in 2099 is a mistake in the data, refused
     * naming the date, not audited as conforming. Activities are left out: a meeting may be booked
     * ahead.
     */
    public static RecordOutcome notAfter(
            RecordOutcome outcome, OffsetDateTime latest, String periodLabel) {
        if (!(outcome instanceof RecordOutcome.Accepted accepted)) {
            return outcome;
        }
        Deal deal = accepted.deal();
        Message late = firstAfter(latest, "createdAt", List.of(deal.createdAt()), periodLabel);
        if (late == null && deal.closedAt() != null) {
            late = firstAfter(latest, "closedAt", List.of(deal.closedAt()), periodLabel);
        }
        late =
                late != null
                        ? late
                        : firstAfter(
                                latest,
                                "stages[%d].at",
                                deal.stages().stream().map(StageChange::at).toList(),
                                periodLabel);
        late =
                late != null
                        ? late
                        : firstAfter(
                                latest,
                                "decisions[%d].at",
                                deal.decisions().stream().map(Decision::at).toList(),
                                periodLabel);
        late =
                late != null
                        ? late
                        : firstAfter(
                                latest,
                                "documents[%d].at",
                                deal.documents().stream().map(Document::at).toList(),
                                periodLabel);
        late =
                late != null
                        ? late
                        : firstAfter(
                                latest,
                                "closeDateChanges[%d].at",
                                deal.closeDateChanges().stream().map(CloseDateChange::at).toList(),
                                periodLabel);
        if (late == null) {
            return outcome;
        }
        return new RecordOutcome.Rejected(
                new Rejection(accepted.location(), deal.id(), late), accepted.events());
    }

    /**
     * "stages[2].at 2099-09-20T09:00+02:00 is later than today and than the end of 2026-Q3..." for
     * the first of {@code times} after {@code latest}, or null.
     */
    private static Message firstAfter(
            OffsetDateTime latest, String name, List<OffsetDateTime> times, String periodLabel) {
        for (int i = 0; i < times.size(); i++) {
            if (times.get(i) != null && times.get(i).isAfter(latest)) {
                return Message.of(
                        "deal.afterPeriod",
                        String.format(Locale.ROOT, name, i),
                        times.get(i).toString(),
                        periodLabel);
            }
        }
        return null;
    }

    /** "won", "gagnée": an outcome in the run's language. */
    public static Message outcome(Outcome outcome) {
        return Message.of("outcome." + outcome.name().toLowerCase(Locale.ROOT));
    }

    /**
     * A product line with its defaults (one unit, the list price, no discount), or an {@link
     * InvalidValue} for a discount above 100% or a quantity of 0. {@code listPrice} is required.
     */
    public static LineItem lineItem(
            String product,
            BigDecimal quantity,
            BigDecimal listPrice,
            BigDecimal unitPrice,
            BigDecimal discount) {
        return lineItem(product, quantity, listPrice, unitPrice, discount, null);
    }

    public static LineItem lineItem(
            String product,
            BigDecimal quantity,
            BigDecimal listPrice,
            BigDecimal unitPrice,
            BigDecimal discount,
            BigDecimal unitCost) {
        BigDecimal unit = unitPrice != null ? unitPrice : listPrice;
        BigDecimal percent = discount != null ? discount : BigDecimal.ZERO;
        if (percent.compareTo(HUNDRED) > 0) {
            throw new InvalidValue(
                    "discount", Message.of("value.discount", percent.toPlainString()));
        }
        BigDecimal units = quantity != null ? quantity : BigDecimal.ONE;
        if (units.signum() <= 0) {
            throw new InvalidValue("quantity", Message.of("value.quantity", units.toPlainString()));
        }
        return new LineItem(product, units, listPrice, unit, percent, unitCost);
    }

    /**
     * The items sorted by time (no time first); events at the same time keep their order (the sort
     * is stable). Items already in that order, as most are, come back as they are, without a copy.
     */
    public static <T> List<T> inTimeOrder(List<T> items, Function<T, OffsetDateTime> time) {
        for (int i = 1; i < items.size(); i++) {
            if (TIMES.compare(time.apply(items.get(i - 1)), time.apply(items.get(i))) > 0) {
                List<T> copy = new ArrayList<>(items);
                copy.sort(Comparator.comparing(time, TIMES));
                return copy;
            }
        }
        return items;
    }

    /**
     * A format where the stage history is a list must list it in time order: a stage dated before
     * the previous one is a mistake in the export, not something to reorder silently. Formats
     * without an order of their own (CSV rows) sort by time first, so this always holds for them.
     */
    private static void checkStagesInTimeOrder(List<StageChange> stages, Names names) {
        for (int i = 1; i < stages.size(); i++) {
            StageChange current = stages.get(i);
            StageChange previous = stages.get(i - 1);
            if (current.at().isBefore(previous.at())) {
                throw new InvalidValue(
                        names.stages(),
                        Message.of(
                                "deal.stagesOutOfOrder",
                                names.stages(),
                                String.valueOf(i),
                                current.stage(),
                                current.at().toString(),
                                String.valueOf(i - 1),
                                previous.stage(),
                                previous.at().toString()));
            }
        }
    }

    private static <T> List<T> orEmpty(List<T> items) {
        return items == null ? List.of() : items;
    }
}
