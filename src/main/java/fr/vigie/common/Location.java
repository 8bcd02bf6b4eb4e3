package fr.vigie.common;

/** A place in an input file, 1-based; line or column 0 means "unknown". */
public record Location(String file, int line, int column) {

    public static Location of(String file) {
        return new Location(file, 0, 0);
    }

    public static Location of(String file, int line) {
        return new Location(file, line, 0);
    }

    public Location atColumn(int newColumn) {
        return new Location(file, line, newColumn);
    }

    @Override
    public String toString() {
        if (line <= 0) {
            return file;
        }
        return column <= 0 ? file + ":" + line : file + ":" + line + ":" + column;
    }
}
