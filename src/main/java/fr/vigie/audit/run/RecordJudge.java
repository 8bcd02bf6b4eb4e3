package fr.vigie.audit.run;

import fr.vigie.deals.input.RecordOutcome;

/** Judges one record read from the input; called on the audit's worker threads. */
@FunctionalInterface
public interface RecordJudge {

    Judged judge(RecordOutcome outcome);
}
