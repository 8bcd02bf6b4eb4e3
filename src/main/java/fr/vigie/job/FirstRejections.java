package fr.vigie.job;

import fr.vigie.audit.result.AuditListener;
import fr.vigie.audit.result.AuditSummary;
import fr.vigie.common.DisplayPath;
import fr.vigie.common.Location;
import fr.vigie.common.NothingAuditedException;
import fr.vigie.common.Problem;
import fr.vigie.deals.input.Rejection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The first records an audit refuses, as located problems: what to tell when not one deal could be
 * audited.
 */
final class FirstRejections implements AuditListener {

    static final int KEPT = 5;

    private final List<Problem> problems = new ArrayList<>();
    private final Locale language;

    /** The first records refused, their reasons in {@code language}. */
    FirstRejections(Locale language) {
        this.language = language;
    }

    @Override
    public synchronized void rejected(Rejection rejection) {
        if (problems.size() < KEPT) {
            problems.add(Problem.error(rejection.location(), rejection.why().in(language)));
        }
    }

    synchronized List<Problem> problems() {
        return List.copyOf(problems);
    }

    /**
     * Throws a {@link NothingAuditedException} naming {@code deals} and the first records refused
     * when not one deal of {@code summary} was audited: no report, no log, the previous ones stay.
     */
    void requireAudited(Path deals, AuditSummary summary) {
        if (summary.dealsAudited() == 0) {
            throw new NothingAuditedException(
                    Location.of(DisplayPath.of(deals)),
                    summary.recordsRead(),
                    problems(),
                    language);
        }
    }
}
