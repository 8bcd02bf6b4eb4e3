package fr.vigie.deals.imports;

/**
 * How much of an export Vigie accepts, so that a wrong file or a runaway export is refused with a
 * clear message instead of filling the memory or the disk: the size of each file, the rows of each
 * file, and the rows of the files held in memory until their deals are read.
 *
 * @param maxFileBytes the largest file read
 * @param maxRows the most rows read from one file
 * @param maxHeldRows the most rows held in memory in all (child files, looked-up tables)
 */
public record Limits(long maxFileBytes, long maxRows, long maxHeldRows) {

    public static final long DEFAULT_MAX_FILE_MB = 2048;
    public static final long DEFAULT_MAX_ROWS = 10_000_000;
    public static final long DEFAULT_MAX_HELD_ROWS = 5_000_000;

    public static Limits defaults() {
        return new Limits(
                DEFAULT_MAX_FILE_MB * 1024 * 1024, DEFAULT_MAX_ROWS, DEFAULT_MAX_HELD_ROWS);
    }
}
