package fr.vigie.common;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every problem found in the inputs, so that the user sees them all at once. */
public final class Problems {

    private final List<Problem> list = new ArrayList<>();

    public void error(Location location, String message) {
        list.add(Problem.error(location, message));
    }

    public void warning(Location location, String message) {
        list.add(Problem.warning(location, message));
    }

    public void add(Problem problem) {
        list.add(problem);
    }

    public void addAll(List<Problem> problems) {
        list.addAll(problems);
    }

    public boolean hasErrors() {
        return list.stream().anyMatch(Problem::isError);
    }

    public List<Problem> all() {
        return list.stream()
                .sorted(
                        Comparator.comparing((Problem p) -> p.location().file())
                                .thenComparingInt(p -> p.location().line())
                                .thenComparingInt(p -> p.location().column()))
                .toList();
    }

    /** Stops here when errors were found: nothing downstream can be trusted. */
    public void throwIfErrors() {
        if (hasErrors()) {
            throw new InvalidInputException(all());
        }
    }
}
