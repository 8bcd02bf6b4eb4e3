package fr.vigie.job;

import fr.vigie.audit.result.AuditListener;
import fr.vigie.common.Problem;
import fr.vigie.deals.input.Rejection;
import java.util.ArrayList;
import java.util.List;

/**
 * The first records an audit refuses, as located problems: what to tell when not one deal could be
 * audited.
 */
final class FirstRejections implements AuditListener {

    static final int KEPT = 5;

    private final List<Problem> problems = new ArrayList<>();

    @Override
    public synchronized void rejected(Rejection rejection) {
        if (problems.size() < KEPT) {
            problems.add(Problem.error(rejection.location(), rejection.reason()));
        }
    }

    synchronized List<Problem> problems() {
        return List.copyOf(problems);
    }
}
