package fr.vigie.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Not one record of the input could be audited (an empty file, random bytes, every deal refused): a
 * report would say "conformity 0 % of 0 deals", so none is written. The problems are the input's,
 * then the first records refused with why. Exit code 5.
 */
public class NothingAuditedException extends InvalidInputException {

    public NothingAuditedException(
            Location input, long read, List<Problem> firstRejections, Locale language) {
        super(problems(input, read, firstRejections, language));
    }

    private static List<Problem> problems(
            Location input, long read, List<Problem> firstRejections, Locale language) {
        List<Problem> problems = new ArrayList<>(firstRejections);
        problems.add(
                Problem.error(
                        input,
                        (read == 0
                                        ? Message.of("nothing.noRecord")
                                        : Message.of(
                                                "nothing.allRejected",
                                                read,
                                                read > firstRejections.size()
                                                        ? firstRejections.size()
                                                        : 0))
                                .in(language)));
        return problems;
    }
}
