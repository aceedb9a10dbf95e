package io.customerclassification.application.port.in.dataimport;

import java.util.List;

/** An import refused whole for the problems of its rows, every one of them listed; nothing was written. */
public final class ImportRejectedException extends RuntimeException {

    private final transient List<ImportProblem> problems;

    public ImportRejectedException(List<ImportProblem> problems) {
        super(problems.size() + " problem(s) in the import; nothing was written");
        this.problems = List.copyOf(problems);
    }

    /** By row, then field, in the order found within one field. */
    public List<ImportProblem> problems() {
        return problems;
    }
}
