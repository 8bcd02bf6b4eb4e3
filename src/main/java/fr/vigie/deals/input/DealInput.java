package fr.vigie.deals.input;

import java.util.List;

/**
 * A stream of deal records from one source (a JSON Lines file, a CSV bundle...), read in order
 * with bounded memory. Also reports rows of other files that could not be attached to a deal.
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

  /** Rows read from one file. */
  record FileCount(String file, String kind, long rows) {}

  @Override
  void close();
}
