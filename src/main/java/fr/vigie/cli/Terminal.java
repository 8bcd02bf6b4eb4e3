package fr.vigie.cli;

import java.util.Map;

/**
 * What the console is: a person's terminal (a progress bar redrawn in place) or not (a log, a pipe,
 * a CI job: plain lines now and then); colour only on a terminal, and never when {@code NO_COLOR}
 * is set to anything but the empty string (no-color.org) or {@code TERM} is {@code dumb}.
 */
record Terminal(boolean interactive, boolean colour) {

    /** Not a terminal: plain lines, no colour (tests, pipes). */
    static final Terminal NONE = new Terminal(false, false);

    /** The console of this process, told from the JVM's console and the environment. */
    static Terminal detect() {
        return of(System.console() != null, System.getenv());
    }

    static Terminal of(boolean console, Map<String, String> env) {
        boolean interactive = console && !"dumb".equals(env.get("TERM"));
        String noColour = env.get("NO_COLOR");
        return new Terminal(interactive, interactive && (noColour == null || noColour.isEmpty()));
    }
}
