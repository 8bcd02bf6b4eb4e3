package fr.vigie.deals.input;

import java.util.List;

/**
 * A stream of deal records from one source (a JSON Lines file, a CSV bundle...), read in order with
 * bounded memory. Also reports rows of other files that could not be attached to a deal.
 */
public interface DealInput extends AutoCloseable {

    /** The next record, or null at the end. */
    InputRecord next();

    /** Rows that could not be attached to any deal (e.g. an activity for an unknown deal). */
    default List<Rejection> orphans() {
        return List.of();
    }

    /** What was read, file by file, for the reconciliation. */
    List<FileCount> files();

    /**
     * Rows read from one file; of them, {@code skipped} were about something other than deals (a
     * task on an account, a reference table's rows), for the reason {@code skippedWhy}. The others
     * are records, or events attached to deals or rejected.
     */
    record FileCount(String file, String kind, long rows, long skipped, String skippedWhy) {

        public FileCount(String file, String kind, long rows) {
            this(file, kind, rows, 0, null);
        }
    }

    /**
     * What was detected while reading (a file's encoding...), for the user; never deal contents.
     */
    default List<String> notes() {
        return List.of();
    }

    /**
     * What the source carries beyond each deal's own fields (its files and columns): a rule that
     * needs something else cannot judge its deals. Vigie's own formats carry everything: an empty
     * list there means nothing happened.
     */
    default java.util.Set<fr.vigie.common.Evidence> carries() {
        return fr.vigie.common.Evidence.all();
    }

    /**
     * The deal fields ({@code fields.<name>}) a source read through a mapping can fill, and the
     * mapping as shown: a finding about another field is not proven by the data.
     */
    record Fields(java.util.Set<String> names, String source) {
        public Fields {
            names = java.util.Set.copyOf(names);
        }
    }

    /**
     * The deal fields the source can fill; empty when it can fill any (Vigie's own formats, where a
     * field a deal lacks is a field left empty).
     */
    default java.util.Optional<Fields> fields() {
        return java.util.Optional.empty();
    }

    /** Deals that were read but may be incomplete (a CRM's history cut short), located. */
    default List<fr.vigie.common.Problem> warnings() {
        return List.of();
    }

    @Override
    void close();
}
