package fr.vigie.common;

/** Something wrong with what the user gave us, located and phrased so that it can be fixed. */
public record Problem(Location location, Level level, String message) {

    public enum Level {
        ERROR,
        WARNING
    }

    public static Problem error(Location location, String message) {
        return new Problem(location, Level.ERROR, message);
    }

    public static Problem warning(Location location, String message) {
        return new Problem(location, Level.WARNING, message);
    }

    public boolean isError() {
        return level == Level.ERROR;
    }

    @Override
    public String toString() {
        return location + ": " + (level == Level.WARNING ? "warning: " : "") + message;
    }
}
