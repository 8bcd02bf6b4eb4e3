package fr.vigie.common;

import java.util.ArrayList;
import java.util.List;

/**
 * Not one record of the input could be audited (an empty file, random bytes, every deal refused): a
 * report would say "conformity 0 % of 0 deals", so none is written. The problems are the input's,
 * then the first records refused with why. Exit code 5.
 */
public class NothingAuditedException extends InvalidInputException {

    public NothingAuditedException(Location input, long read, List<Problem> firstRejections) {
        super(problems(input, read, firstRejections));
    }

    private static List<Problem> problems(
            Location input, long read, List<Problem> firstRejections) {
        List<Problem> problems = new ArrayList<>(firstRejections);
        problems.add(
                Problem.error(
                        input,
                        read == 0
                                ? "nothing to audit: no deal record was found in it; no report was"
                                        + " written, the previous ones are as they were"
                                : "nothing could be audited: "
                                        + read
                                        + (read == 1
                                                ? " record read, rejected"
                                                : " records read, all rejected")
                                        + (read > firstRejections.size()
                                                ? " (the first "
                                                        + firstRejections.size()
                                                        + " above)"
                                                : " (above)")
                                        + "; no report was written, the previous ones are as they"
                                        + " were"));
        return problems;
    }
}
