package fr.vigie.common;

import java.util.List;
import java.util.stream.Collectors;

/** The user's input cannot be used as it is; every problem is located. Exit code 2. */
public class InvalidInputException extends RuntimeException {

    private final transient List<Problem> problems;

    public InvalidInputException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public InvalidInputException(Problem problem) {
        this(List.of(problem));
    }

    public static InvalidInputException at(Location location, String message) {
        return new InvalidInputException(Problem.error(location, message));
    }

    public List<Problem> problems() {
        return problems;
    }
}
