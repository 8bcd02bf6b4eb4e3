package fr.vigie.deals.imports;

import fr.vigie.common.Location;
import fr.vigie.common.Problem;
import fr.vigie.deals.input.DealChecks;
import fr.vigie.deals.input.DealDraft;
import fr.vigie.deals.input.DealInput;
import fr.vigie.deals.input.InputRecord;
import fr.vigie.deals.input.InvalidValue;
import fr.vigie.deals.input.RecordOutcome;
import fr.vigie.deals.input.Rejection;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * An export read as a stream of deal records: its deals file row by row, each row with the child
 * rows {@link HeldRows} holds for its id. Reading a record (on the audit's workers) makes a {@link
 * DealDraft} through the source's {@link DealMaker} and puts it through {@link DealChecks}, as
 * every other format does. A deal one of whose child rows could not be read is rejected whole:
 * audited without it, it could be flagged for something that is in fact there.
 */
public final class ExportInput implements DealInput {

    /**
     * Turns a deal's row and the items of its child rows into a draft; a {@link RowProblem} or
     * {@link InvalidValue} refuses it.
     */
    public interface DealMaker {
        DealDraft draft(ExportRow row, DealItems items);
    }

    /**
     * How a source's deals file is read: the column of the deal's id and how it is keyed to find
     * its child rows (Salesforce writes the same id in 15 or 18 characters), and how a row becomes
     * a deal.
     */
    public record Deals(
            ExportFile file,
            String kind,
            String idColumn,
            UnaryOperator<String> key,
            DealMaker maker,
            DealChecks.Names names) {}

    private final Deals deals;
    private final HeldRows held;
    private final List<FileCount> lookedUp;
    private final List<String> notes;
    private final List<Problem> warnings;
    private final java.util.Collection<Problem> readingWarnings;
    private List<Rejection> orphans;
    private AutoCloseable also;
    private java.util.Set<fr.vigie.common.Evidence> carries = fr.vigie.common.Evidence.all();
    private Fields fields;

    /**
     * @param lookedUp the counts of the reference files (users, accounts...), read whole and looked
     *     up
     * @param notes what was detected, for the user
     * @param warnings deals read whose history may be incomplete
     */
    public ExportInput(
            Deals deals,
            HeldRows held,
            List<FileCount> lookedUp,
            List<String> notes,
            List<Problem> warnings) {
        this(deals, held, lookedUp, notes, warnings, List.of());
    }

    /**
     * @param readingWarnings where the deal maker adds, from the audit's workers, what it notices
     *     of the deals as it reads them (a thread-safe collection, read when the input has been
     *     read)
     */
    public ExportInput(
            Deals deals,
            HeldRows held,
            List<FileCount> lookedUp,
            List<String> notes,
            List<Problem> warnings,
            java.util.Collection<Problem> readingWarnings) {
        this.deals = deals;
        this.held = held;
        this.lookedUp = List.copyOf(lookedUp);
        this.notes = List.copyOf(notes);
        this.warnings = List.copyOf(warnings);
        this.readingWarnings = readingWarnings;
    }

    /**
     * This input, declaring that its export carries {@code carried} and nothing else, and fills the
     * deal fields {@code mapping} maps a column to, and no other.
     */
    public ExportInput carrying(
            java.util.Set<fr.vigie.common.Evidence> carried, SourceMapping mapping) {
        this.fields = new Fields(mapping.fieldNames(), mapping.shown());
        this.carries =
                carried.isEmpty()
                        ? java.util.Set.of()
                        : java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(carried));
        return this;
    }

    /** This input, closing {@code also} (the zips it reads from) when it is closed. */
    public ExportInput closing(AutoCloseable also) {
        this.also = also;
        return this;
    }

    @Override
    public java.util.Set<fr.vigie.common.Evidence> carries() {
        return carries;
    }

    @Override
    public java.util.Optional<Fields> fields() {
        return java.util.Optional.ofNullable(fields);
    }

    @Override
    public InputRecord next() {
        ExportRow row = deals.file().next();
        if (row == null) {
            return null;
        }
        String id = row.problem() == null ? row.text(deals.idColumn()) : null;
        DealItems items = id == null ? null : held.claim(deals.key().apply(id));
        return new DealRecord(deals, row, id, items == null ? DealItems.NONE : items);
    }

    @Override
    public List<Rejection> orphans() {
        if (orphans == null) {
            orphans = held.orphans();
        }
        return orphans;
    }

    @Override
    public List<FileCount> files() {
        List<FileCount> counts = new ArrayList<>();
        counts.add(new FileCount(deals.file().shown(), deals.kind(), deals.file().rows()));
        counts.addAll(held.counts());
        counts.addAll(lookedUp);
        return counts;
    }

    @Override
    public List<String> notes() {
        return notes;
    }

    @Override
    public List<Problem> warnings() {
        if (readingWarnings.isEmpty()) {
            return warnings;
        }
        List<Problem> all = new java.util.ArrayList<>(warnings);
        readingWarnings.stream()
                .sorted(
                        java.util.Comparator.comparing((Problem p) -> p.location().file())
                                .thenComparing(p -> p.location().line())
                                .thenComparing(p -> p.location().column()))
                .forEach(all::add);
        return all;
    }

    @Override
    public void close() {
        deals.file().close();
        if (also != null) {
            try {
                also.close();
            } catch (Exception e) {
                // only read: nothing is lost
            }
        }
    }

    /**
     * A row of the deals file, its id (read once, when the row is: null for a row that cannot be
     * read) and its child rows.
     */
    private record DealRecord(Deals deals, ExportRow row, String id, DealItems items)
            implements InputRecord {

        @Override
        public Location location() {
            return row.location();
        }

        @Override
        public RecordOutcome read() {
            int events = items.events();
            RowProblem problem = row.problem();
            if (problem != null) {
                return new RecordOutcome.Rejected(
                        new Rejection(problem.location(), null, problem.getMessage()), events);
            }
            String unreadable = items.unreadable();
            if (unreadable != null) {
                return new RecordOutcome.Rejected(
                        new Rejection(location(), id, unreadable), events);
            }
            try {
                DealDraft draft = deals.maker().draft(row, items);
                return new RecordOutcome.Accepted(
                        DealChecks.complete(draft, deals.names()), location(), events);
            } catch (RowProblem refused) {
                return new RecordOutcome.Rejected(
                        new Rejection(refused.location(), id, refused.getMessage()), events);
            } catch (InvalidValue invalid) {
                Location at =
                        row.file().has(invalid.field()) ? row.at(invalid.field()) : location();
                return new RecordOutcome.Rejected(
                        new Rejection(at, id, invalid.getMessage()), events);
            }
        }
    }
}
