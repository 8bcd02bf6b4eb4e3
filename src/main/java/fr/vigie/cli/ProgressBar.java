package fr.vigie.cli;

import fr.vigie.audit.result.Progress;
import fr.vigie.report.ReportText;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The audit's progress on standard error: its phases (reading the workspace and compiling the
 * rules, auditing, writing the reports), and while auditing a bar with the share of the input read,
 * the time left at the current rate and the rate. On a terminal the bar is redrawn in place, in
 * colour unless NO_COLOR; elsewhere a plain line every few seconds.
 */
final class ProgressBar implements Consumer<Progress> {

    private static final int WIDTH = 24;
    private static final long PLAIN_EVERY_NANOS = 2_000_000_000L;
    private static final String GREEN = "\u001b[32m";
    private static final String DIM = "\u001b[2m";
    private static final String RESET = "\u001b[0m";
    private static final String CLEAR_LINE = "\r\u001b[K";

    private final PrintWriter err;
    private final Terminal terminal;
    private final LongSupplier clock;
    private long lastPlain = Long.MIN_VALUE;
    private boolean barShown;
    private Progress.Phase phase;
    private final ReportText words;

    ProgressBar(PrintWriter err, Terminal terminal, LongSupplier clock, ReportText words) {
        this.err = err;
        this.terminal = terminal;
        this.clock = clock;
        this.words = words;
    }

    /** In English. */
    ProgressBar(PrintWriter err, Terminal terminal, LongSupplier clock) {
        this(err, terminal, clock, Language.console(Locale.ENGLISH));
    }

    ProgressBar(PrintWriter err, Terminal terminal, ReportText words) {
        this(err, terminal, System::nanoTime, words);
    }

    /** A phase begins: its line, the bar of the one before cleared. */
    void phase(String words) {
        clearBar();
        words = fr.vigie.common.VisibleText.of(words); // a file name's control characters shown
        err.println(terminal.colour() ? DIM + words + RESET : words);
        err.flush();
    }

    @Override
    public synchronized void accept(Progress p) {
        if (p.phase() == Progress.Phase.WRITING) {
            if (phase != Progress.Phase.WRITING) {
                phase = p.phase();
                phase(words.get("phase.writing", p.read(), duration(p.seconds())));
            }
            return;
        }
        phase = p.phase();
        if (terminal.interactive()) {
            err.print(CLEAR_LINE + line(p, true));
            barShown = true;
            err.flush();
        } else {
            long now = clock.getAsLong();
            if (lastPlain == Long.MIN_VALUE || now - lastPlain >= PLAIN_EVERY_NANOS) {
                lastPlain = now;
                err.println(line(p, false));
                err.flush();
            }
        }
    }

    /**
     * "[██████░░░░] 62% · about 12 s left · 48,000 records/s · 30,000 read, 29,950 audited, 50
     * rejected", the bar only on a terminal, the share and time left only when the input's size is
     * known.
     */
    String line(Progress p, boolean bar) {
        StringBuilder text = new StringBuilder("  ");
        if (p.fraction() >= 0) {
            int percent = (int) Math.floor(p.fraction() * 100);
            if (bar) {
                int full = (int) Math.round(p.fraction() * WIDTH);
                String done = "█".repeat(full);
                String left = "░".repeat(WIDTH - full);
                text.append('[')
                        .append(terminal.colour() ? GREEN + done + RESET : done)
                        .append(left)
                        .append("] ");
            }
            text.append(words.get("format.percent", percent));
            double secondsLeft = p.secondsLeft();
            if (secondsLeft >= 0) {
                text.append(" · ").append(words.get("progress.left", duration(secondsLeft)));
            }
            text.append(" · ");
        } else {
            text.append("... ");
        }
        text.append(words.get("progress.rate", Math.round(p.rate())))
                .append(" · ")
                .append(words.get("progress.counts", p.read(), p.audited(), p.rejected()));
        return text.toString();
    }

    /** "4 s", "2 min 05 s", "1 h 12 min". */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }

    /** The bar's line emptied, so that what follows starts on a clean line. */
    void clearBar() {
        if (barShown) {
            err.print(CLEAR_LINE);
            barShown = false;
        }
    }
}
