package fr.vigie.deals.csv;

/** A row that cannot be read, with the place and reason of its first problem. */
final class RowRefusal extends RuntimeException {

    private final transient CsvRow.Problem problem;

    RowRefusal(CsvRow.Problem problem) {
        super(problem.message(), null, false, false);
        this.problem = problem;
    }

    CsvRow.Problem problem() {
        return problem;
    }
}
